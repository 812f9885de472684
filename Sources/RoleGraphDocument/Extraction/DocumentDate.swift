import RoleGraphKnowledge
import RoleGraphText

/// Finds the date an article states for its event.
///
/// The first day and month after a time of day (`Sáng 24/4`, `chiều 6.2`) is the event's date, with its
/// own year or else the year most often written in the article (`quý I/2021`); with none, the first full
/// date (`ngày 7.2.2017`, `22/10/2007`); else the most frequent year alone. Times of day and `nay` are
/// the knowledge base's function words (`time-of-day`, `now`).
/// - Complexity: O(tokens), one pass, no allocation per token.
enum DocumentDate {

    /// A date written with `/` between tokens (`24/4/2021`) or with dots inside one number token (`7.2.2017`).
    struct Written {
        var day: Int
        var month: Int
        var year: Int?
        var end: Int
    }

    static func find(in tokens: [Token], knowledge: KnowledgeBase) -> String? {
        var years: [Int: Int] = [:]
        var eventDate: Written? = nil
        var firstFull: Written? = nil
        var index = 0
        while index < tokens.count {
            // Fields are read in place: a copied Token would retain and release its three strings.
            if tokens[index].kind == .number {
                if let written = written(at: index, in: tokens) {
                    if let year = written.year { years[year, default: 0] += 1 }
                    if eventDate == nil, precededByTimeOfDay(index, tokens, knowledge) { eventDate = written }
                    if firstFull == nil, written.year != nil { firstFull = written }
                    index = written.end
                    continue
                }
                if tokens[index].text.utf8.count == 4, let year = Int(tokens[index].text), (1945...2100).contains(year) {
                    years[year, default: 0] += 1
                }
            }
            index += 1
        }
        let frequent = years.max { ($0.value, $0.key) < ($1.value, $1.key) }?.key
        if let eventDate, let year = eventDate.year ?? frequent { return iso(year, eventDate.month, eventDate.day) }
        if let firstFull, let year = firstFull.year { return iso(year, firstFull.month, firstFull.day) }
        return frequent.map(String.init)
    }

    private static func written(at index: Int, in tokens: [Token]) -> Written? {
        let parts = tokens[index].text.split(separator: ".").compactMap { Int($0) }
        if parts.count >= 2, parts.count <= 3, tokens[index].text.contains(".") {
            // One token: `6.2` or `7.2.2017`.
            let year = parts.count == 3 ? parts[2] : nil
            guard valid(parts[0], parts[1]), year.map({ (1900...2100).contains($0) }) ?? true else { return nil }
            return Written(day: parts[0], month: parts[1], year: year, end: index + 1)
        }
        guard let day = Int(tokens[index].text), index + 2 < tokens.count, tokens[index + 1].text == "/",
              tokens[index + 1].gap == .none, tokens[index + 2].gap == .none, tokens[index + 2].kind == .number,
              let month = Int(tokens[index + 2].text), valid(day, month) else { return nil }
        if index + 4 < tokens.count, tokens[index + 3].text == "/", tokens[index + 3].gap == .none,
           tokens[index + 4].gap == .none, let year = Int(tokens[index + 4].text), (1900...2100).contains(year) {
            return Written(day: day, month: month, year: year, end: index + 5)
        }
        return Written(day: day, month: month, year: nil, end: index + 3)
    }

    /// `Sáng 24/4`, `ngày 7.2.2017`, `Sáng nay (24/4)`.
    private static func precededByTimeOfDay(_ index: Int, _ tokens: [Token], _ knowledge: KnowledgeBase) -> Bool {
        var back = index - 1
        if back >= 0, tokens[back].text == "(" { back -= 1 }
        if back >= 0, knowledge.functionWordRoles(of: tokens[back].lower).contains(.now) { back -= 1 }
        return back >= 0 && knowledge.functionWordRoles(of: tokens[back].lower).contains(.timeOfDay)
    }

    private static func valid(_ day: Int, _ month: Int) -> Bool { (1...31).contains(day) && (1...12).contains(month) }

    private static func iso(_ year: Int, _ month: Int, _ day: Int) -> String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(two(month))-\(two(day))"
    }
}

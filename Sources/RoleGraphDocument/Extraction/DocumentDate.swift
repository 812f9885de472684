import RoleGraphKnowledge
import RoleGraphText

/// Finds the date an article states for its event.
///
/// The first day and month after a time of day (`Sáng 24/4`, `chiều 6.2`, `Sáng nay 8-2`) is the event's
/// date, with its own year, else the year of a full date of the same day in the article, else the latest
/// year written in it (`quý I/2021`); with none, the first full date (`ngày 7.2.2017`, `22/10/2007`);
/// else the latest year alone. Years that bound a span (`nhiệm kỳ 2015-2020`, `(2011 -2016)`) are
/// terms, not dates, nor are dates of a birth (`sinh năm 1960`). Times of day, `nay` and `sinh` are the
/// knowledge base's function words (`time-of-day`, `now`, `birth`).
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
        // News reports its own time: the latest year it writes is the likeliest year of an undated day.
        var latest: Int? = nil
        var eventDate: Written? = nil
        var fullDates: [Written] = []
        var index = 0
        while index < tokens.count {
            // Fields are read in place: a copied Token would retain and release its three strings.
            if tokens[index].kind == .number {
                // After a time of day, `8-2` is a day and a month; elsewhere a dash makes a span.
                let timed = eventDate == nil && precededByTimeOfDay(index, tokens, knowledge)
                if let written = written(at: index, in: tokens, dash: timed) {
                    if let year = written.year, !datesABirth(index, tokens, knowledge) {
                        latest = max(latest ?? year, year)
                        fullDates.append(written)
                    }
                    if timed {
                        // With its own year, the event's date is the answer, whatever follows.
                        if let year = written.year { return iso(year, written.month, written.day) }
                        eventDate = written
                    }
                    index = written.end
                    continue
                }
                if tokens[index].text.utf8.count == 4, let year = Int(tokens[index].text), (1945...2100).contains(year),
                   !boundsSpan(index, tokens), !datesABirth(index, tokens, knowledge) {
                    latest = max(latest ?? year, year)
                }
            }
            index += 1
        }
        if let eventDate {
            let sameDay = fullDates.first { $0.day == eventDate.day && $0.month == eventDate.month }?.year
            if let year = eventDate.year ?? sameDay ?? latest { return iso(year, eventDate.month, eventDate.day) }
        }
        let firstFull = fullDates.first
        if let firstFull, let year = firstFull.year { return iso(year, firstFull.month, firstFull.day) }
        return latest.map(String.init)
    }

    /// A day and month at `index`: one dotted token, or numbers joined by `/` (or `-` when `dash`).
    private static func written(at index: Int, in tokens: [Token], dash: Bool) -> Written? {
        if let parts = dottedNumbers(tokens[index].text) {
            // One token: `6.2` or `7.2.2017`. A number with a dot is no day before a separator.
            guard parts.count >= 2, parts.count <= 3 else { return nil }
            let year = parts.count == 3 ? parts[2] : nil
            guard valid(parts[0], parts[1]), year.map({ (1900...2100).contains($0) }) ?? true else { return nil }
            return Written(day: parts[0], month: parts[1], year: year, end: index + 1)
        }
        // The token tests first: most numbers stand alone, and then no text is compared or parsed.
        guard index + 2 < tokens.count,
              tokens[index + 1].gap == .none, tokens[index + 2].gap == .none, tokens[index + 2].kind == .number
        else { return nil }
        let separator = tokens[index + 1].text
        guard separator == "/" || (dash && separator == "-"),
              let day = Int(tokens[index].text), let month = Int(tokens[index + 2].text), valid(day, month)
        else { return nil }
        if index + 4 < tokens.count, tokens[index + 3].text == separator, tokens[index + 3].gap == .none,
           tokens[index + 4].gap == .none, let year = Int(tokens[index + 4].text), (1900...2100).contains(year) {
            return Written(day: day, month: month, year: year, end: index + 5)
        }
        return Written(day: day, month: month, year: nil, end: index + 3)
    }

    /// The numbers between the dots of a number token (`7.2.2017` → 7, 2, 2017) as `split(separator: ".")` and
    /// `Int` read them: empty parts, and parts that are not all ASCII digits or overflow, left out; `nil` without a
    /// dot. Read from the bytes: most numbers have none, and the split, its substrings and their parsing cost some
    /// 5 000 instructions a dotted number.
    private static func dottedNumbers(_ text: String) -> [Int]? {
        ByteKey.withBytes(of: text) { bytes in
            guard bytes.contains(0x2E) else { return nil }
            var numbers: [Int] = []
            var value = 0
            var digits = 0
            var isNumber = true
            for position in 0...bytes.count {
                if position == bytes.count || bytes[position] == 0x2E {
                    if digits > 0 && isNumber { numbers.append(value) }
                    (value, digits, isNumber) = (0, 0, true)
                    continue
                }
                digits += 1
                let digit = Int(bytes[position]) - 0x30
                guard digit >= 0 && digit <= 9 else { isNumber = false; continue }
                let (tens, overflow) = value.multipliedReportingOverflow(by: 10)
                let (sum, carry) = tens.addingReportingOverflow(digit)
                if overflow || carry { isNumber = false } else { value = sum }
            }
            return numbers
        }
    }

    /// `sinh năm 1960`, `sinh ngày 12/6/1953`: a birth (a `birth` function word at most two tokens before)
    /// dates a person, not the article.
    private static func datesABirth(_ index: Int, _ tokens: [Token], _ knowledge: KnowledgeBase) -> Bool {
        (max(0, index - 2)..<index).contains { knowledge.functionWordRoles(of: tokens[$0].lower).contains(.birth) }
    }

    /// Whether a year starts or ends a span of numbers (`2015-2020`, `2011 -2016`, `2016 – 2021`).
    private static func boundsSpan(_ index: Int, _ tokens: [Token]) -> Bool {
        func isDash(_ i: Int) -> Bool { i >= 0 && i < tokens.count && tokens[i].kind != .word && tokens[i].text == "-" }
        func isNumber(_ i: Int) -> Bool { i >= 0 && i < tokens.count && tokens[i].kind == .number }
        return (isDash(index - 1) && isNumber(index - 2)) || (isDash(index + 1) && isNumber(index + 2))
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

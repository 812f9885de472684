import RoleGraphKnowledge
import RoleGraphText

/// Links persons to positions. Each rule is named in the role statements it makes.
///
/// - `role:title-before-name`: a position directly followed by a name (`Bộ trưởng Bộ Tài chính Đinh Tiến
///   Dũng`), or with an honorific between. Such a position belongs to that name and to no other rule.
/// - `role:apposition`: a name, a separator (`-`, `,`, `(`, `:`) and a list of positions joined by `,`,
///   `;`, `và`, `kiêm` or `rồi` (`Đồng chí Huỳnh Tấn Việt - Ủy viên Trung ương Đảng, Bí thư Đảng ủy Khối
///   các cơ quan Trung ương` gives two roles). The list ends at anything else.
/// - `role:predicate`: after a name (and its apposition list), a verb of office in the same clause and a
///   list of positions: `bổ nhiệm ông Đinh La Thăng giữ chức Phó ban Kinh tế Trung ương`,
///   `ông X, Ủy viên Trung ương Đảng thôi giữ chức Bí thư Thành ủy TP HCM`, `Ông là Ủy viên Trung ương Đảng`
///   (a lone `Ông`/`Bà` is the last person named).
/// - `role:biography`: a period (`4/1985-7/1988:`, `Từ 7/2010 đến 5/2013:`) and a list of positions, held by
///   the person the article names most before it: `former`, or `current` when the period runs `đến nay`.
///
/// - `role:group`: a position, `gồm` or a colon, and names (`Các Phó ban chuyên trách gồm: ông A, …; ông B`):
///   each name holds the position.
///
/// A position with no organisation in a list borrows the next one's (`Bộ trưởng, Chủ nhiệm Văn phòng
/// Chính phủ`), else, when its title shares a head word with organisations, the nearest one before it
/// with that head (`Phó ban` → `Ban Kinh tế Trung ương`). The status comes from the strongest cue before the
/// title in the same clause (`bổ nhiệm` → appointed, `thôi giữ chức` → ended, `nguyên` → former), and a cue
/// carries over the rest of its list; a dated past period in the sentence or terms that all ended before the
/// article's date make it `former`; else the rule's default.
struct RoleRules {
    let context: PatternContext

    static let listJoiners: Set<String> = [",", ";", "và", "kiêm", "rồi", "sau đó"]
    static let separators: Set<String> = ["-", ",", "(", ":"]
    static let clauseBoundaries: Set<String> = [",", ";", ".", ":", "(", ")", "-", "!", "?"]
    static let periodOpeners: Set<String> = ["từ", "năm", "tháng"]
    static let periodWords: Set<String> = ["từ", "đến", "nay", "năm", "tháng", "cuối", "đầu"]
    static let periodPunctuation: Set<String> = ["/", "-", ".", ","]
    /// How far a verb of office may stand from the name it follows.
    static let predicateReach = 12

    /// Index tables over one document's phrases and positions.
    struct Layout {
        var personAt: [Int: Int] = [:]     // first token → person phrase
        var positionAt: [Int: Int] = [:]   // first token → position
        var phraseKindAt: [Int: Phrase.Kind] = [:]
        var claimed: Set<Int> = []         // positions that belong to the name right after them
    }

    func apply(to result: inout PatternResult) {
        var layout = Layout()
        for (index, phrase) in result.phrases.enumerated() {
            if phrase.kind == .person { layout.personAt[phrase.tokens.lowerBound] = index }
            layout.phraseKindAt[phrase.tokens.lowerBound] = phrase.kind
        }
        for (index, position) in result.positions.enumerated() { layout.positionAt[position.tokens.lowerBound] = index }

        // Title before name.
        for (index, position) in result.positions.enumerated() {
            if let person = nameRight(after: position.tokens.upperBound, layout) {
                var status = status(before: position, in: result, default: .current)
                if status == .current, termsEnded(position, in: result) { status = .former }
                result.roles.append(RoleStatement(person: person, position: index, status: status,
                                                  rule: "role:title-before-name"))
                layout.claimed.insert(index)
            }
        }

        // Subjects: every person phrase, and a lone `Ông`/`Bà` standing for the last person named.
        var subjects: [(person: Int, end: Int)] = result.phrases.indices
            .filter { result.phrases[$0].kind == .person }
            .map { ($0, result.phrases[$0].tokens.upperBound) }
        subjects += pronounSubjects(in: result, layout)

        for (person, end) in subjects {
            // Apposition.
            var cursor = end
            if cursor < context.tokens.count, context.tokens[cursor].kind != .word, context.continuesLine(cursor),
               Self.separators.contains(context.tokens[cursor].text) {
                let list = positionList(from: cursor + 1, in: result, layout)
                add(list.positions, to: person, rule: "role:apposition", default: .current, in: &result)
                if !list.positions.isEmpty { cursor = list.end }
            }
            // Predicate.
            if let start = predicateStart(from: cursor, in: result, layout) {
                let list = positionList(from: start, in: result, layout)
                add(list.positions, to: person, rule: "role:predicate", default: .current, in: &result)
            }
        }

        // Group headers: `Các Phó ban chuyên trách gồm: ông A, …; ông B, …`.
        for (index, position) in result.positions.enumerated() where !layout.claimed.contains(index) {
            for person in groupMembers(after: position.tokens.upperBound, in: result, layout) {
                add([index], to: person, rule: "role:group", default: .current, in: &result)
            }
        }

        // Biographies.
        for (marker, ongoing) in periodMarkers() {
            guard let subject = biographySubject(before: marker.lowerBound, in: result) else { continue }
            let list = positionList(from: marker.upperBound, in: result, layout)
            add(list.positions, to: subject, rule: "role:biography", default: ongoing ? .current : .former, in: &result)
        }
        bodiesFromUnheldPositions(in: &result)
    }

    /// The persons a list header introduces: after a position, at most three words (`chuyên trách`), then
    /// `gồm` and/or a colon, then names, each at the start of a list item, up to the end of the sentence.
    private func groupMembers(after end: Int, in result: PatternResult, _ layout: Layout) -> [Int] {
        var index = end
        while index < min(context.tokens.count, end + 3), context.continuesLine(index), context.isWord(index),
              context.tokens[index].shape == .lower, context.tokens[index].lower != "gồm" {
            index += 1
        }
        var introduced = false
        if index < context.tokens.count, context.tokens[index].lower == "gồm" { introduced = true; index += 1 }
        if context.isPunctuation(index, ":") { introduced = true; index += 1 }
        guard introduced else { return [] }
        var members: [Int] = []
        var itemStart = true
        while index < context.tokens.count, context.continuesLine(index) {
            let token = context.tokens[index]
            if token.kind != .word, [".", "!", "?"].contains(token.text) { break }
            if itemStart, let person = nameRight(after: index, layout) ?? layout.personAt[index] {
                members.append(person)
            }
            itemStart = token.kind != .word ? [",", ";", ":"].contains(token.text) : (token.lower == "và" || itemStart && context.longest(Kinds.honorific, at: index) != nil)
            index += 1
        }
        return members
    }

    /// Whom a biography is about: of the names before it, the one the article names most often
    /// (credits such as `Ảnh: Hà Khánh` never), the last of them on a tie.
    private func biographySubject(before start: Int, in result: PatternResult) -> Int? {
        var counts: [String: (count: Int, last: Int)] = [:]
        for (index, phrase) in result.phrases.enumerated() where phrase.kind == .person && phrase.rule != "person:byline"
            && phrase.tokens.upperBound <= start {
            counts[phrase.name, default: (0, index)].count += 1
            counts[phrase.name]!.last = index
        }
        return counts.values.max { ($0.count, $0.last) < ($1.count, $1.last) }?.last
    }

    private func nameRight(after end: Int, _ layout: Layout) -> Int? {
        guard context.continuesLine(end) else { return nil }
        if let person = layout.personAt[end] { return person }
        if let honorific = context.longest(Kinds.honorific, at: end) { return layout.personAt[honorific.tokens.upperBound] }
        return nil
    }

    /// A list of positions from `start`, with status cues allowed before each (`nguyên`, `tân`).
    private func positionList(from start: Int, in result: PatternResult, _ layout: Layout) -> (positions: [Int], end: Int) {
        var cursor = start
        var list: [Int] = []
        var end = start
        while cursor < context.tokens.count, context.continuesLine(cursor) {
            let first = skipCues(from: cursor)
            guard let index = layout.positionAt[first], !layout.claimed.contains(index) else { break }
            list.append(index)
            cursor = result.positions[index].tokens.upperBound
            end = cursor
            guard cursor < context.tokens.count, context.continuesLine(cursor),
                  let joiner = joiner(at: cursor) else { break }
            cursor = joiner
        }
        return (list, end)
    }

    /// The token after a list joiner at `index` (`,`, `;`, `và`, `kiêm`, `rồi`), if there is one.
    private func joiner(at index: Int) -> Int? {
        if Self.listJoiners.contains(context.tokens[index].lower) { return index + 1 }
        if index + 1 < context.tokens.count, Self.listJoiners.contains(context.tokens[index].lower + " " + context.tokens[index + 1].lower) {
            return index + 2
        }
        return nil
    }

    /// Where the positions of a predicate start: a verb of office (a status cue) within reach in the
    /// same clause, then the first position after it. Organisations may stand between
    /// (`được Bộ Chính trị phân công giữ chức …`); another person ends the search.
    private func predicateStart(from start: Int, in result: PatternResult, _ layout: Layout) -> Int? {
        var index = start
        var sawVerb = false
        while index < min(context.tokens.count, start + Self.predicateReach), context.continuesLine(index) {
            let token = context.tokens[index]
            if token.kind != .word, [".", "!", "?", ";", ":", "(", ")"].contains(token.text) { return nil }
            if index > start, layout.personAt[index] != nil { return nil }
            if sawVerb, let position = layout.positionAt[index], !layout.claimed.contains(position) { return index }
            if let cue = context.longest(Kinds.statusCue, at: index) {
                sawVerb = true
                if let position = layout.positionAt[cue.tokens.upperBound], !layout.claimed.contains(position) {
                    return cue.tokens.upperBound
                }
                index = cue.tokens.upperBound
                continue
            }
            if token.text == "," && !sawVerb { return nil }
            index += 1
        }
        return nil
    }

    /// `Ông là Ủy viên …`: an honorific with no name after it, at a sentence start or after a comma,
    /// stands for the last full name before it.
    private func pronounSubjects(in result: PatternResult, _ layout: Layout) -> [(person: Int, end: Int)] {
        var subjects: [(Int, Int)] = []
        let persons = result.phrases.indices.filter { result.phrases[$0].kind == .person && !result.phrases[$0].isShortReference }
        for index in context.tokens.indices {
            guard let honorific = context.longest(Kinds.honorific, at: index),
                  context.entry(honorific).attributes["pronoun"] == "yes",
                  layout.personAt[honorific.tokens.upperBound] == nil, !context.isCapitalised(honorific.tokens.upperBound)
            else { continue }
            let sentenceStart = index == 0 || context.tokens[index].gap == .newline
                || [".", ",", ";", "!", "?"].contains(context.tokens[index - 1].text)
            guard sentenceStart,
                  let last = persons.last(where: { result.phrases[$0].tokens.upperBound <= index }) else { continue }
            subjects.append((last, honorific.tokens.upperBound))
        }
        return subjects
    }

    /// Periods that open a biography entry: dates, dashes and `từ … đến …` closed by a colon
    /// (`4/1985-7/1988:`, `Từ 7/2010 đến 5/2013:`, `2006 - 2011:`). `nay` makes the period ongoing.
    private func periodMarkers() -> [(tokens: Range<Int>, ongoing: Bool)] {
        var markers: [(Range<Int>, Bool)] = []
        var index = 0
        while index < context.tokens.count {
            guard context.tokens[index].kind == .number || Self.periodOpeners.contains(context.tokens[index].lower) else {
                index += 1
                continue
            }
            var end = index
            var numbers = 0
            var ongoing = false
            while end < context.tokens.count, end - index < 14 {
                let token = context.tokens[end]
                if token.kind == .number { numbers += 1 }
                else if token.kind != .word, Self.periodPunctuation.contains(token.text) {}
                else if token.kind == .word, Self.periodWords.contains(token.lower) { ongoing = ongoing || token.lower == "nay" }
                else { break }
                end += 1
            }
            let closed = end < context.tokens.count && context.tokens[end].text == ":"
            if closed, numbers >= 2 || context.tokens[index..<end].contains(where: { $0.kind == .number && $0.text.utf8.count == 4 }) {
                markers.append((index..<(end + 1), ongoing))
                index = end + 1
            } else {
                index = max(end, index + 1)
            }
        }
        return markers
    }

    /// Records roles for a list; a position with no organisation takes the next one's.
    private func add(_ list: [Int], to person: Int, rule: String, default fallback: RoleStatement.Status,
                     in result: inout PatternResult) {
        for (offset, index) in list.enumerated() where result.positions[index].organization == .none {
            if let next = list.dropFirst(offset + 1).first(where: { result.positions[$0].organization != .none }) {
                result.positions[index].organization = result.positions[next].organization
            } else if let named = organizationByHead(for: result.positions[index], in: result) {
                result.positions[index].organization = .phrase(named)
            }
        }
        // A cue carries over the rest of the list: `nguyên Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh` ends both.
        var carried = fallback
        for index in list {
            if let stated = cueStatus(before: result.positions[index], in: result) {
                carried = stated == .current ? fallback : stated
            }
            var status = carried
            if status == .current, termsEnded(result.positions[index], in: result) { status = .former }
            result.roles.append(RoleStatement(person: person, position: index, status: status, rule: rule))
        }
    }

    /// A title that shares its head with its organisation but names none (`Phó ban` in `Ba Phó ban kiêm
    /// nhiệm gồm: …`) belongs to the nearest organisation before it with that head (`Ban Kinh tế Trung ương`).
    private func organizationByHead(for position: Position, in result: PatternResult) -> Int? {
        guard let head = position.head else { return nil }
        let start = position.tokens.lowerBound
        return result.phrases.indices.last { index in
            let phrase = result.phrases[index]
            return phrase.kind == .organization && phrase.tokens.upperBound <= start && !phrase.isImplicit
                && phrase.relativeName == nil && phrase.name.lowercased().hasPrefix(head + " ")
        }
    }

    /// `Ủy viên Bộ Chính trị khóa XI` in a 2017 article: every listed term ended before the article's date.
    private func termsEnded(_ position: Position, in result: PatternResult) -> Bool {
        var body = "party"
        if case .phrase(let index) = position.organization, result.phrases[index].name == "Quốc hội" { body = "assembly" }
        if case .implied(let name) = position.organization, name == "Quốc hội" { body = "assembly" }
        return TermQualifier(context: context).allEnded(position.terms, body: body, before: context.date)
    }

    /// Skips status cues before a title (`nguyên`, `tân`) so that the list goes on past them.
    private func skipCues(from index: Int) -> Int {
        var index = index
        while let cue = context.longest(Kinds.statusCue, at: index), context.longest(Kinds.title, at: index) == nil {
            index = cue.tokens.upperBound
        }
        return index
    }

    /// The status stated by the nearest cue before the title in the same clause, else `fallback`.
    /// `là` (current) only says the role is held, which a biography's period already dates.
    func status(before position: Position, in result: PatternResult, default fallback: RoleStatement.Status) -> RoleStatement.Status {
        guard let stated = cueStatus(before: position, in: result), stated != .current else { return fallback }
        return stated
    }

    /// The status of the nearest cue before the title in the same clause, if there is one.
    func cueStatus(before position: Position, in result: PatternResult) -> RoleStatement.Status? {
        let titleStart = result.phrases[position.title].tokens.lowerBound
        var start = titleStart
        while start > 0, titleStart - start < 8 {
            let previous = context.tokens[start - 1]
            if context.tokens[start].gap == .newline || (previous.kind != .word && Self.clauseBoundaries.contains(previous.text)) { break }
            start -= 1
        }
        // Every cue in the clause; the strongest wins (`thôi giữ chức` over `giữ chức`), then the nearest.
        var best: (rank: Int, end: Int, status: RoleStatement.Status)? = nil
        for index in start..<titleStart {
            guard let cue = context.longest(Kinds.statusCue, at: index), cue.tokens.upperBound <= titleStart,
                  let status = context.entry(cue).attributes["status"].flatMap(RoleStatement.Status.init(rawValue:))
            else { continue }
            let rank = Self.cueRank(status)
            if best == nil || (rank, cue.tokens.upperBound) > (best!.rank, best!.end) {
                best = (rank, cue.tokens.upperBound, status)
            }
        }
        if best?.status != .ended, pastPeriod(before: titleStart) { return .former }
        return best?.status
    }

    /// Statements about the article's own event outrank descriptions of a role.
    static func cueRank(_ status: RoleStatement.Status) -> Int {
        switch status {
        case .ended, .appointed: 2
        case .former: 1
        case .current: 0
        }
    }

    /// A dated past period earlier in the sentence (`Từ tháng 7/2010 đến 5/2013, ông … làm`, `Giai đoạn
    /// 2006-2011`): a range whose years all precede the article's year makes the role `former`.
    func pastPeriod(before titleStart: Int) -> Bool {
        guard let year = context.date.flatMap({ Int($0.prefix(4)) }) else { return false }
        var years: [Int] = []
        var index = titleStart - 1
        while index >= 0, titleStart - index < 30 {
            let token = context.tokens[index]
            if token.kind != .word, [".", "!", "?"].contains(token.text) { break }
            if token.lower == "nay" { return false }
            if token.kind == .number, let value = Int(token.text.suffix(4)), token.text.utf8.count >= 4, (1945...2100).contains(value) {
                years.append(value)
            }
            if context.tokens[index].gap == .newline { break }
            index -= 1
        }
        return years.count >= 2 && years.allSatisfy { $0 < year }
    }

    /// A position that no person holds and whose title also names a body (`trình Thường trực Đảng ủy Khối`)
    /// is that body of its organisation: `Thường trực Đảng ủy Khối`.
    private func bodiesFromUnheldPositions(in result: inout PatternResult) {
        let held = Set(result.roles.map(\.position))
        for (index, position) in result.positions.enumerated() where !held.contains(index) {
            guard case .phrase(let organization) = position.organization else { continue }
            let title = result.phrases[position.title]
            guard let body = context.longest(Kinds.relativeBody, at: title.tokens.lowerBound),
                  body.tokens == title.tokens else { continue }
            let name = context.entry(body).name
            var phrase = Phrase(kind: .organization, tokens: position.tokens, rule: "shape:relative-body",
                                name: name + " " + result.phrases[organization].name)
            phrase.relativeName = name
            phrase.parent = organization
            result.phrases.append(phrase)
        }
    }
}

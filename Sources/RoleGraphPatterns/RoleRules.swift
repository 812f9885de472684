import RoleGraphKnowledge
import RoleGraphText

/// Links persons to positions.
///
/// - `role:apposition`: a name, a separator (`-`, `,`, `(`, `:`) and a list of positions joined by `,`,
///   `;`, `và` or `kiêm` (`Đồng chí Huỳnh Tấn Việt - Ủy viên Trung ương Đảng, Bí thư Đảng ủy Khối các cơ
///   quan Trung ương` gives two roles). The list ends at anything else, and before a position that is
///   followed directly by another name.
/// - `role:title-before-name`: a position directly followed by a name (`Bộ trưởng Bộ Tài chính Đinh Tiến
///   Dũng`), or with an honorific between.
///
/// A position with no organisation in a list borrows the next one's (`Bộ trưởng, Chủ nhiệm Văn phòng
/// Chính phủ`). The status comes from the nearest cue before the title in the same clause
/// (`nguyên` → former, `bổ nhiệm` → appointed, `thôi giữ chức` → ended), else `current`.
struct RoleRules {
    let context: PatternContext

    static let listJoiners: Set<String> = [",", ";", "và", "kiêm"]
    static let separators: Set<String> = ["-", ",", "(", ":"]
    static let clauseBoundaries: Set<String> = [",", ";", ".", ":", "(", ")", "-", "!", "?"]

    func apply(to result: inout PatternResult) {
        var personAt: [Int: Int] = [:]        // first token → person phrase
        for (index, phrase) in result.phrases.enumerated() where phrase.kind == .person {
            personAt[phrase.tokens.lowerBound] = index
        }
        var positionAt: [Int: Int] = [:]      // first token → position
        for (index, position) in result.positions.enumerated() { positionAt[position.tokens.lowerBound] = index }

        func nameRight(after end: Int) -> Int? {
            guard context.continuesLine(end) else { return nil }
            if let person = personAt[end] { return person }
            if let honorific = context.longest(Kinds.honorific, at: end) { return personAt[honorific.tokens.upperBound] }
            return nil
        }

        // Title before name.
        var claimed: Set<Int> = []
        for (index, position) in result.positions.enumerated() {
            if let person = nameRight(after: position.tokens.upperBound) {
                result.roles.append(RoleStatement(person: person, position: index, status: status(before: position, in: result),
                                                  rule: "role:title-before-name"))
                claimed.insert(index)
            }
        }

        // Apposition lists.
        for (personIndex, person) in result.phrases.enumerated() where person.kind == .person {
            var cursor = person.tokens.upperBound
            guard cursor < context.tokens.count, context.tokens[cursor].kind != .word,
                  Self.separators.contains(context.tokens[cursor].text), context.continuesLine(cursor) else { continue }
            cursor += 1
            var list: [Int] = []
            while cursor < context.tokens.count, context.continuesLine(cursor) {
                let start = skipCues(from: cursor)
                guard let index = positionAt[start], !claimed.contains(index) else { break }
                list.append(index)
                cursor = result.positions[index].tokens.upperBound
                guard cursor < context.tokens.count, context.continuesLine(cursor),
                      Self.listJoiners.contains(context.tokens[cursor].lower) else { break }
                cursor += 1
            }
            // A position with no organisation takes the next one's.
            for (offset, index) in list.enumerated() where result.positions[index].organization == .none {
                if let next = list.dropFirst(offset + 1).first(where: { result.positions[$0].organization != .none }) {
                    result.positions[index].organization = result.positions[next].organization
                }
            }
            for index in list {
                result.roles.append(RoleStatement(person: personIndex, position: index,
                                                  status: status(before: result.positions[index], in: result),
                                                  rule: "role:apposition"))
            }
        }
        bodiesFromUnheldPositions(in: &result)
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

    /// Skips status cues before a title (`nguyên`, `tân`) so that the list goes on past them.
    private func skipCues(from index: Int) -> Int {
        var index = index
        while let cue = context.longest(Kinds.statusCue, at: index), context.longest(Kinds.title, at: index) == nil {
            index = cue.tokens.upperBound
        }
        return index
    }

    /// The status stated by the nearest cue before the title in the same clause.
    func status(before position: Position, in result: PatternResult) -> RoleStatement.Status {
        let titleStart = result.phrases[position.title].tokens.lowerBound
        var start = titleStart
        while start > 0, titleStart - start < 8 {
            let previous = context.tokens[start - 1]
            if context.tokens[start].gap == .newline || (previous.kind != .word && Self.clauseBoundaries.contains(previous.text)) { break }
            start -= 1
        }
        var best: (end: Int, status: RoleStatement.Status)? = nil
        var index = start
        while index < titleStart {
            if let cue = context.longest(Kinds.statusCue, at: index), cue.tokens.upperBound <= titleStart,
               let status = context.entry(cue).attributes["status"].flatMap(RoleStatement.Status.init(rawValue:)) {
                if best == nil || cue.tokens.upperBound >= best!.end { best = (cue.tokens.upperBound, status) }
                index = cue.tokens.upperBound
            } else {
                index += 1
            }
        }
        return best?.status ?? .current
    }
}

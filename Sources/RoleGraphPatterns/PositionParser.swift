import RoleGraphKnowledge
import RoleGraphText

/// Recognises a title and the organisation it names, with a term qualifier after them
/// (`đại biểu Quốc hội khóa XIII`, `Bí thư Thành ủy TP HCM (nhiệm kỳ 2015 - 2020)`).
///
/// The organisation is, first that applies: the organisation right after the title
/// (`Bí thư` + `Đảng ủy Khối các cơ quan Trung ương`); the title's head word completed by the words after
/// it (`Trưởng ban Tổ chức Trung ương` → `Ban Tổ chức Trung ương`, `Bộ trưởng Công Thương` →
/// `Bộ Công Thương`); the organisation the title implies (`Thủ tướng` → `Chính phủ`); else none.
struct PositionParser {
    let context: PatternContext

    struct Parse {
        var title: Phrase
        var organizations: [Phrase]   // parents first, the position's organisation last
        var implied: String?
        var alsoNames: [String]
        var end: Int
        var head: String?
        var terms: [String] = []
    }

    func parse(at start: Int) -> Parse? {
        guard var parse = parseTitleAndOrganization(at: start) else { return nil }
        (parse.end, parse.terms) = TermQualifier(context: context).parse(after: parse.end)
        return parse
    }

    private func parseTitleAndOrganization(at start: Int) -> Parse? {
        guard let match = context.longest(Kinds.title, at: start) else { return nil }
        // Read field by field: a copy of the whole ``EntryFacts`` retains all its strings.
        let entry = match.entry
        let title = Phrase(kind: .title, tokens: match.tokens, rule: "gazetteer:title",
                           name: context.facts[entry].title ?? context.name(match))
        var parse = Parse(title: title, organizations: [], implied: context.facts[entry].implies,
                          alsoNames: context.facts[entry].also.map { [$0] } ?? [], end: match.tokens.upperBound,
                          head: context.facts[entry].head)
        if let implied = parse.implied, let inside = impliedOrganization(named: implied, inside: match.tokens) {
            // `Thủ tướng Chính phủ`, `đại biểu Quốc hội`: the implied organisation is written in the title.
            parse.organizations = [inside]
            parse.implied = nil
        }
        let organizations = OrganizationParser(context: context)
        let after = match.tokens.upperBound
        guard context.continuesLine(after) else { return parse }
        if parse.implied == nil, !parse.organizations.isEmpty { return parse }
        let headSyllables = context.facts[entry].headSyllables
        // The title ends with its head (`Trưởng ban` with `ban`).
        let headClosesTitle = !headSyllables.isEmpty && headSyllables.count <= match.tokens.count
            && zip(context.tokens[(match.tokens.upperBound - headSyllables.count)...], headSyllables).allSatisfy { $0.lower == $1 }
        if headClosesTitle {
            // The head closes the title (`Trưởng ban`, `Chánh Văn phòng`): the organisation starts at it,
            // and what follows is its name or its parent (`Chánh Văn phòng UBND tỉnh` → `Văn phòng UBND tỉnh`).
            let headStart = match.tokens.upperBound - headSyllables.count
            if let shared = organizations.parse(at: after, prefix: headSyllables) {
                var phrases = shared.phrases
                phrases[phrases.count - 1].tokens = headStart..<phrases[phrases.count - 1].tokens.upperBound
                parse.organizations = phrases
                parse.end = shared.end
                parse.implied = nil
                return parse
            }
        }
        if let explicit = organizations.parse(at: after) {
            parse.organizations = explicit.phrases
            parse.end = explicit.end
            parse.implied = nil
            return parse
        }
        if !headSyllables.isEmpty, !headClosesTitle,
           context.longest(Kinds.organizationHead, at: after) == nil,
           let completed = organizations.parse(at: after, prefix: headSyllables) {
            // The head is left out (`Thứ trưởng Tài chính`); never before another head (`Bộ môn …`).
            parse.organizations = completed.phrases
            parse.end = completed.end
            parse.implied = nil
        }
        return parse
    }

    /// The knowledge-base organisation with this name, written inside the title's own tokens.
    private func impliedOrganization(named name: String, inside tokens: Range<Int>) -> Phrase? {
        for start in tokens {
            guard let match = context.longest(Kinds.organization, at: start), match.tokens.upperBound <= tokens.upperBound,
                  context.name(match) == name else { continue }
            var phrase = Phrase(kind: .organization, tokens: match.tokens, rule: "gazetteer:organization", name: name)
            phrase.knowledgeID = context.id(match)
            phrase.surface = context.plainText(match.tokens, sharing: name)
            return phrase
        }
        return nil
    }
}

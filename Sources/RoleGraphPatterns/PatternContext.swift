import RoleGraphKnowledge
import RoleGraphText

/// Sets of knowledge kinds the parsers look up, built once: a `Set` literal at a call site in a hot loop
/// costs more than the trie walk it filters.
enum Kinds {
    static let abbreviation: Set<KnowledgeEntry.Kind> = [.abbreviation]
    static let location: Set<KnowledgeEntry.Kind> = [.location]
    static let honorific: Set<KnowledgeEntry.Kind> = [.honorific]
    static let title: Set<KnowledgeEntry.Kind> = [.title]
    static let stopWord: Set<KnowledgeEntry.Kind> = [.stopWord]
    static let statusCue: Set<KnowledgeEntry.Kind> = [.statusCue]
    static let relativeBody: Set<KnowledgeEntry.Kind> = [.relativeBody]
    static let person: Set<KnowledgeEntry.Kind> = [.person]
    static let organization: Set<KnowledgeEntry.Kind> = [.organization]
    static let organizationHead: Set<KnowledgeEntry.Kind> = [.organizationHead]
    static let eventHead: Set<KnowledgeEntry.Kind> = [.eventHead]
    static let byline: Set<KnowledgeEntry.Kind> = [.byline]
    static let endsGivenName: Set<KnowledgeEntry.Kind> = [.title, .organizationHead, .relativeBody, .eventHead]
    static let outranksName: Set<KnowledgeEntry.Kind> = [.organization, .organizationHead, .relativeBody, .title, .eventHead, .honorific]
    static let organizationOrPlace: Set<KnowledgeEntry.Kind> = [.organization, .location]
    static let outranksCredit: Set<KnowledgeEntry.Kind> = [.location, .organization, .organizationHead, .relativeBody, .title, .eventHead]
    static let endsOrganizationName: Set<KnowledgeEntry.Kind> = [.eventHead, .title, .statusCue]
}

/// The tokens of one document with the knowledge base and the lookups the parsers share.
/// Built once per document; the parsers read it and never change it.
struct PatternContext {
    let tokens: [Token]
    /// The matcher's id of every token's syllable, looked up once per document.
    let syllables: [Int32]
    let knowledge: KnowledgeBase
    let date: String?

    init(tokens: [Token], knowledge: KnowledgeBase, date: String?) {
        self.tokens = tokens
        self.syllables = knowledge.matcher.syllableIDs(for: tokens)
        self.knowledge = knowledge
        self.date = date
    }

    func longest(_ kinds: Set<KnowledgeEntry.Kind>, at index: Int, prefix: [String] = []) -> GazetteerMatch? {
        guard index < tokens.count else { return nil }
        return knowledge.matcher.longest(in: tokens, syllables: syllables, at: index, kinds: kinds, date: date, prefix: prefix)
    }

    func entry(_ match: GazetteerMatch) -> KnowledgeEntry { knowledge.entry(match) }

    /// Whether token `index` follows the previous token on the same line (a phrase may continue).
    func continuesLine(_ index: Int) -> Bool {
        index < tokens.count && tokens[index].gap != .newline
    }

    func isWord(_ index: Int) -> Bool { index < tokens.count && tokens[index].kind == .word }

    func isCapitalised(_ index: Int) -> Bool {
        index < tokens.count && tokens[index].kind == .word
            && (tokens[index].shape == .capitalized || tokens[index].shape == .upper)
    }

    func isPunctuation(_ index: Int, _ text: String) -> Bool {
        index < tokens.count && tokens[index].kind != .word && tokens[index].text == text
    }

    /// The text of a token range as written (normalised), tokens joined as they were spaced.
    func plainText(_ range: Range<Int>) -> String {
        var text = ""
        for index in range {
            if index > range.lowerBound, tokens[index].gap != .none { text += " " }
            text += tokens[index].text
        }
        return text
    }

    /// Canonical text of a token range: abbreviations expanded (`Ban Kinh tế TW` → `Ban Kinh tế Trung ương`,
    /// `UBND tỉnh Yên Bái` → `Ủy ban nhân dân tỉnh Yên Bái`), tokens joined as they were spaced.
    func canonicalText(_ range: Range<Int>) -> String {
        var parts: [String] = []
        var index = range.lowerBound
        while index < range.upperBound {
            let gap = index == range.lowerBound ? Token.Gap.none : tokens[index].gap
            if let match = longest(Kinds.abbreviation, at: index), match.tokens.upperBound <= range.upperBound,
               entry(match).name.lowercased() != tokens[match.tokens].map(\.lower).joined(separator: " ") {
                // Only real abbreviations are replaced; an entry that equals the text (`tỉnh`) keeps its case.
                parts.append((gap == .none ? "" : " ") + entry(match).name)
                index = match.tokens.upperBound
            } else {
                parts.append((gap == .none ? "" : " ") + tokens[index].text)
                index += 1
            }
        }
        return parts.joined()
    }
}

import RoleGraphKnowledge
import RoleGraphText

/// Builds the item stream of one document: what the scanner found, in token order, one item per
/// phrase or position and one per remaining token.
///
/// At each token the first of these that starts there becomes the item, and the walk resumes after it:
///
/// | item | when | attributes |
/// |---|---|---|
/// | `position` | a ``Position`` starts here (title + organisation: ``Position/tokens``) | `organization` = `phrase`/`implied`/`none`, `head` |
/// | `person`, `organization`, `location` | a phrase of that kind starts here (the longest; implicit ones never) | `rule`, persons also `short` = `yes`/`no` |
/// | `period` | a biography period (``PeriodMarkers``), colon included | `ongoing` = `yes`/`no` |
/// | `cue` | a status cue (`Kinds.statusCue`) | `id`, `status` and the entry's other attributes |
/// | `honorific` | an honorific (`Kinds.honorific`) | `id`, `pronoun`, `given-name` … as in `lexicon.tsv` |
/// | `token` | anything else: one token | `kind` (`word`/`number`/`punctuation`/`symbol`), `shape` (`lower`/`capitalized`/`upper`/`mixed`/`none`) |
///
/// A cue, honorific or period that would run over the start of a phrase or position is not taken (its
/// first token becomes a `token` item), so an item never hides a phrase. Title and organisation phrases
/// inside a position are part of the `position` item, not items of their own.
///
/// Running example, `Ông Huỳnh Tấn Việt - nguyên Bí thư Tỉnh ủy Phú Yên`:
/// `HONORIFIC(ông) PERSON(Huỳnh Tấn Việt) TOKEN(-) CUE(nguyên, status=former) POSITION(Bí thư Tỉnh ủy Phú Yên)`.
///
/// - Complexity: O(tokens + phrases), plus one cached knowledge look-up per token for cues and honorifics.
enum RuleItems {
    static func build(context: PatternContext, result: PatternResult) -> [RuleItem] {
        let tokens = context.tokens
        var positionAt: [Int: Int] = [:]
        for (index, position) in result.positions.enumerated() {
            if let known = positionAt[position.tokens.lowerBound],
               result.positions[known].tokens.count >= position.tokens.count { continue }
            positionAt[position.tokens.lowerBound] = index
        }
        var phraseAt: [Int: Int] = [:]
        for (index, phrase) in result.phrases.enumerated() where phrase.kind != .title && !phrase.isImplicit {
            if let known = phraseAt[phrase.tokens.lowerBound], !preferred(phrase, over: result.phrases[known]) { continue }
            phraseAt[phrase.tokens.lowerBound] = index
        }
        var periodAt: [Int: PeriodMarkers.Marker] = [:]
        for marker in PeriodMarkers.find(in: tokens) { periodAt[marker.tokens.lowerBound] = marker }

        /// Whether a span starting at `start` would cover the start of a phrase or position.
        func hidesPhrase(_ span: Range<Int>) -> Bool {
            span.dropFirst().contains { positionAt[$0] != nil || phraseAt[$0] != nil }
        }
        func item(_ kind: RuleItem.Kind, _ span: Range<Int>, index: Int? = nil, _ attributes: [String: String] = [:]) -> RuleItem {
            RuleItem(kind: kind, tokens: span, index: index, startsLine: tokens[span.lowerBound].gap == .newline,
                     text: tokens[span].map(\.lower).joined(separator: " "), attributes: attributes)
        }

        var items: [RuleItem] = []
        items.reserveCapacity(tokens.count)
        var cursor = 0
        while cursor < tokens.count {
            let next: RuleItem
            if let index = positionAt[cursor] {
                let position = result.positions[index]
                var attributes = ["organization": organizationAttribute(position.organization)]
                if let head = position.head { attributes["head"] = head }
                next = item(.position, position.tokens, index: index, attributes)
            } else if let index = phraseAt[cursor] {
                let phrase = result.phrases[index]
                var attributes = ["rule": phrase.rule]
                if phrase.kind == .person { attributes["short"] = phrase.isShortReference ? "yes" : "no" }
                next = item(kind(of: phrase.kind), phrase.tokens, index: index, attributes)
            } else if let period = periodAt[cursor], !hidesPhrase(period.tokens) {
                next = item(.period, period.tokens, ["ongoing": period.ongoing ? "yes" : "no"])
            } else if let cue = context.longest(Kinds.statusCue, at: cursor), !hidesPhrase(cue.tokens) {
                let entry = context.entry(cue)
                next = item(.cue, cue.tokens, entry.attributes.merging(["id": entry.id]) { _, id in id })
            } else if let honorific = context.longest(Kinds.honorific, at: cursor), !hidesPhrase(honorific.tokens) {
                let entry = context.entry(honorific)
                next = item(.honorific, honorific.tokens, entry.attributes.merging(["id": entry.id]) { _, id in id })
            } else {
                let token = tokens[cursor]
                next = RuleItem(kind: .token, tokens: cursor..<(cursor + 1), index: nil, startsLine: token.gap == .newline,
                                text: token.lower, attributes: ["kind": name(of: token.kind), "shape": name(of: token.shape)])
            }
            items.append(next)
            // A malformed phrase that ends before it starts must not stall the walk.
            cursor = max(next.tokens.upperBound, cursor + 1)
        }
        return items
    }

    /// Between phrases that start at the same token: the longer; on a tie a person, then the later one
    /// (an organisation's outermost name is added last).
    private static func preferred(_ phrase: Phrase, over known: Phrase) -> Bool {
        if phrase.tokens.count != known.tokens.count { return phrase.tokens.count > known.tokens.count }
        if (phrase.kind == .person) != (known.kind == .person) { return phrase.kind == .person }
        return true
    }

    /// The names rules use for token kinds and shapes (a switch: string interpolation of an enum
    /// goes through reflection, which cost more than the whole rest of the item stream).
    private static func name(of kind: Token.Kind) -> String {
        switch kind {
        case .word: "word"
        case .number: "number"
        case .punctuation: "punctuation"
        case .symbol: "symbol"
        }
    }

    private static func name(of shape: Token.Shape) -> String {
        switch shape {
        case .lower: "lower"
        case .capitalized: "capitalized"
        case .upper: "upper"
        case .mixed: "mixed"
        case .none: "none"
        }
    }

    private static func kind(of kind: Phrase.Kind) -> RuleItem.Kind {
        switch kind {
        case .person: .person
        case .organization: .organization
        case .location: .location
        case .title: .token
        }
    }

    private static func organizationAttribute(_ organization: Position.Organization) -> String {
        switch organization {
        case .phrase: "phrase"
        case .implied: "implied"
        case .none: "none"
        }
    }
}

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
/// The walk hands each item to a ``Sink``: ``build(context:result:)`` makes ``RuleItem`` values of them,
/// ``stream(context:result:rules:)`` the rule set's view of them (``RuleStream``) without any.
///
/// - Complexity: O(tokens + phrases), plus one cached knowledge look-up per token for cues and honorifics.
enum RuleItems {
    /// What receives the items of a walk, in order.
    protocol Sink {
        /// A plain token item: the token at `index`, with its knowledge-base syllable id (-1: none).
        mutating func token(_ index: Int, of tokens: UnsafeBufferPointer<Token>, syllable: Int32)
        /// Any other item; `text` is its lower-case text (single tokens' as they are, longer spans joined when read).
        mutating func item(_ kind: RuleItem.Kind, _ span: Range<Int>, index: Int?, startsLine: Bool, text: RuleItem.TextSource,
                           facts: RuleItem.Facts)
    }

    /// The items as values (what tests read; ``RuleSet/matches(in:)`` takes them).
    static func build(context: PatternContext, result: PatternResult) -> [RuleItem] {
        var items = Items()
        items.items.reserveCapacity(context.tokens.count)
        walk(context: context, result: result, into: &items)
        return items.items
    }

    /// The rule set's view of the items, made as they are found.
    static func stream(context: PatternContext, result: PatternResult, rules: RuleSet) -> RuleStream {
        var builder = RuleStream.Builder(rules: rules, capacity: context.tokens.count,
                                         knowledge: rules.knowledgeMemo.features(rules.features, of: context.knowledge))
        walk(context: context, result: result, into: &builder)
        return builder.stream()
    }

    private struct Items: Sink {
        var items: [RuleItem] = []

        mutating func token(_ index: Int, of tokens: UnsafeBufferPointer<Token>, syllable: Int32) {
            items.append(RuleItem(kind: .token, tokens: index..<(index + 1), index: nil, startsLine: tokens[index].gap == .newline,
                                  text: .string(tokens[index].lower),
                                  facts: .token(kind: RuleItems.code(of: tokens[index].kind), shape: RuleItems.code(of: tokens[index].shape)),
                                  word: tokens[index].word))
        }

        mutating func item(_ kind: RuleItem.Kind, _ span: Range<Int>, index: Int?, startsLine: Bool, text: RuleItem.TextSource,
                           facts: RuleItem.Facts) {
            items.append(RuleItem(kind: kind, tokens: span, index: index, startsLine: startsLine, text: text, facts: facts))
        }
    }

    private static func walk<Output: Sink>(context: PatternContext, result: PatternResult, into sink: inout Output) {
        let tokens = context.tokens
        let count = tokens.count
        // Per token: the item that starts there: a position (its index, ≥ 0), else a phrase (-2 - its index),
        // else none (-1). One array, so a token that starts neither costs one test.
        var startAt = [Int32](repeating: -1, count: count)
        // Read in place: a `Phrase` holds six strings, and a copy per phrase costs more than the loop.
        result.phrases.withUnsafeBufferPointer { phrases in
            for index in phrases.indices where phrases[index].kind != .title && !phrases[index].isImplicit {
                let start = phrases[index].tokens.lowerBound
                guard start >= 0 && start < count else { continue }
                let known = Int(-2 - startAt[start])
                if known >= 0, !preferred(phrases[index].tokens.count, phrases[index].kind,
                                          over: phrases[known].tokens.count, phrases[known].kind) { continue }
                startAt[start] = Int32(-2 - index)
            }
        }
        result.positions.withUnsafeBufferPointer { positions in
            for index in positions.indices {
                let start = positions[index].tokens.lowerBound
                guard start >= 0 && start < count else { continue }
                let known = Int(startAt[start])
                if known >= 0, positions[known].tokens.count >= positions[index].tokens.count { continue }
                startAt[start] = Int32(index)
            }
        }
        // In token order and apart: the next one is the only one that may start at the cursor.
        let periods = PeriodMarkers.find(in: context)
        var nextPeriod = 0

        /// Whether a span starting at `start` would cover the start of a phrase or position.
        func hidesPhrase(_ span: Range<Int>) -> Bool {
            for index in span.dropFirst() where index >= 0 && index < count && startAt[index] != -1 {
                return true
            }
            return false
        }
        // Items of several tokens read their text through this (built when read, see ``RuleItem/text``).
        let texts = TokenTexts(tokens)
        func text(_ span: Range<Int>) -> RuleItem.TextSource {
            span.count == 1 ? .string(tokens[span.lowerBound].lower) : .joined(texts, span)
        }
        func item(_ kind: RuleItem.Kind, _ span: Range<Int>, index: Int? = nil, _ facts: RuleItem.Facts) {
            sink.item(kind, span, index: index, startsLine: tokens[span.lowerBound].gap == .newline, text: text(span), facts: facts)
        }

        // Cues and honorifics start at few tokens: one mask test in the loop rules both look-ups out at the rest.
        let entryKinds = Kinds.statusCue.mask | Kinds.honorific.mask
        /// The end of the cue or honorific item made at `cursor`, if one starts there.
        func entryItem(at cursor: Int) -> Int? {
            if let cue = context.longest(Kinds.statusCue, at: cursor), !hidesPhrase(cue.tokens) {
                item(.cue, cue.tokens, entryFacts(cue.entry, context))
                return cue.tokens.upperBound
            }
            if let honorific = context.longest(Kinds.honorific, at: cursor), !hidesPhrase(honorific.tokens) {
                item(.honorific, honorific.tokens, entryFacts(honorific.entry, context))
                return honorific.tokens.upperBound
            }
            return nil
        }

        let syllables = context.syllables
        tokens.withUnsafeBufferPointer { buffer in
            var cursor = 0
            while cursor < count {
                let end: Int
                while nextPeriod < periods.count && periods[nextPeriod].tokens.lowerBound < cursor { nextPeriod += 1 }
                let startsHere = Int(startAt[cursor])
                if startsHere >= 0 {
                    let index = startsHere
                    item(.position, result.positions[index].tokens, index: index,
                         .position(organization: organizationCode(result.positions[index].organization),
                                   head: result.positions[index].head))
                    end = result.positions[index].tokens.upperBound
                } else if startsHere != -1 {
                    let index = -2 - startsHere
                    end = result.phrases.withUnsafeBufferPointer { phrases in
                        let kind = phrases[index].kind
                        let short: UInt8 = kind != .person ? 0 : phrases[index].isShortReference ? 2 : 1
                        item(self.kind(of: kind), phrases[index].tokens, index: index, .phrase(rule: phrases[index].rule, short: short))
                        return phrases[index].tokens.upperBound
                    }
                } else if nextPeriod < periods.count, periods[nextPeriod].tokens.lowerBound == cursor,
                          !hidesPhrase(periods[nextPeriod].tokens) {
                    let period = periods[nextPeriod]
                    item(.period, period.tokens, .period(ongoing: period.ongoing))
                    end = period.tokens.upperBound
                } else if context.mayStart(entryKinds, at: cursor), let entryEnd = entryItem(at: cursor) {
                    end = entryEnd
                } else {
                    sink.token(cursor, of: buffer, syllable: syllables[cursor])
                    end = cursor + 1
                }
                // A malformed phrase that ends before it starts must not stall the walk.
                cursor = max(end, cursor + 1)
            }
        }
    }

    /// The codes of ``RuleItem/kindNames`` and ``RuleItem/shapeNames``.
    fileprivate static func code(of kind: Token.Kind) -> UInt8 {
        switch kind {
        case .word: 1
        case .number: 2
        case .punctuation: 3
        case .symbol: 4
        }
    }

    fileprivate static func code(of shape: Token.Shape) -> UInt8 {
        switch shape {
        case .lower: 0
        case .capitalized: 1
        case .upper: 2
        case .mixed: 3
        case .none: 4
        }
    }

    /// Between phrases that start at the same token: the longer; on a tie a person, then the later one
    /// (an organisation's outermost name is added last).
    private static func preferred(_ length: Int, _ kind: Phrase.Kind, over knownLength: Int, _ knownKind: Phrase.Kind) -> Bool {
        if length != knownLength { return length > knownLength }
        if (kind == .person) != (knownKind == .person) { return kind == .person }
        return true
    }

    /// A cue's or honorific's facts: its entry's attributes and id, read in place (no copy of the entry),
    /// with the entry's number for ``RuleStream``'s memo.
    private static func entryFacts(_ entry: Int, _ context: PatternContext) -> RuleItem.Facts {
        context.knowledge.entries.withUnsafeBufferPointer { entries in
            .entry(entries[entry].attributes, id: entries[entry].id, number: Int32(truncatingIfNeeded: entry))
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

    /// The index of the `organization` attribute in ``RuleItem/organizationNames``.
    private static func organizationCode(_ organization: Position.Organization) -> UInt8 {
        switch organization {
        case .phrase: 0
        case .implied: 1
        case .none: 2
        }
    }
}

extension RuleStream.Builder: RuleItems.Sink {
    @inline(__always)
    mutating func token(_ index: Int, of tokens: UnsafeBufferPointer<Token>, syllable: Int32) {
        addToken(index, word: tokens[index].word, syllable: syllable, startsLine: tokens[index].gap == .newline, kind: RuleItems.code(of: tokens[index].kind),
                 shape: RuleItems.code(of: tokens[index].shape)) { .string(tokens[index].lower) }
    }

    mutating func item(_ kind: RuleItem.Kind, _ span: Range<Int>, index: Int?, startsLine: Bool, text: RuleItem.TextSource,
                       facts: RuleItem.Facts) {
        add(kind, span, index: index, startsLine: startsLine, text: text, facts: facts, word: -1)
    }
}

import RoleGraphText

/// A span of tokens that equals a surface form of a knowledge entry.
public struct GazetteerMatch: Sendable, Equatable {
    /// Index into ``KnowledgeBase/entries``.
    public var entry: Int
    /// Token range in the document's token array (excluding any virtual prefix).
    public var tokens: Range<Int>
}

/// A trie over normalised, lower-cased syllable tokens of every surface form in the knowledge base.
///
/// **Match semantics — `leftmostLongest` with priorities.** Scanning left to right, at each token the
/// longest surface form that starts there wins; among forms of equal length, the entry valid at the
/// article's date wins, then the higher `priority`, then the entry read first. The scan then resumes
/// after the match. Example, over `Phó trưởng Ban Kinh tế Trung ương phát biểu`: at `Ban`, both
/// `Ban Kinh tế` (no entry) and `Ban Kinh tế Trung ương` (an organisation) are paths in the trie; the
/// longer complete form wins, so the match is `Ban Kinh tế Trung ương`, and `Trung ương` alone is never
/// reported inside it.
///
/// **Case.** For case-sensitive kinds (organisations, places, names), a syllable written with a capital
/// in the entry needs a capital in the text, so `ban` in lower case starts no organisation; lower-case
/// syllables of an entry match in any case (`Chính trị` at a sentence start). Titles, cues and
/// honorifics match in any case. Matches never cross a line break, and start and end on token
/// boundaries, so `Tư` never matches inside `Tưởng`.
public struct GazetteerMatcher: Sendable {
    struct Terminal: Sendable {
        var entry: Int
        /// Per syllable: must the text token be capitalised or upper-case?
        var needsCapital: [Bool]
    }
    struct Node: Sendable {
        var children: [String: Int32] = [:]
        var terminals: [Terminal] = []
    }

    private(set) var nodes: [Node] = [Node()]
    let entries: [KnowledgeEntry]

    static let caseSensitive: Set<KnowledgeEntry.Kind> = [
        .organization, .location, .person, .surname, .organizationHead, .relativeBody, .eventHead, .abbreviation, .byline,
    ]

    /// - Complexity: O(total syllables of all surface forms).
    public init(entries: [KnowledgeEntry]) {
        self.entries = entries
        for (index, entry) in entries.enumerated() {
            let sensitive = Self.caseSensitive.contains(entry.kind)
            for surface in Set(entry.surfaces) {
                let tokens = Tokenizer.tokens(of: SourceText(surface))
                guard !tokens.isEmpty else { continue }
                var node = 0
                for token in tokens {
                    if let next = nodes[node].children[token.lower] {
                        node = Int(next)
                    } else {
                        nodes.append(Node())
                        nodes[node].children[token.lower] = Int32(nodes.count - 1)
                        node = nodes.count - 1
                    }
                }
                let needs = tokens.map { sensitive && $0.shape != .lower && $0.kind == .word }
                nodes[node].terminals.append(Terminal(entry: index, needsCapital: needs))
            }
        }
    }

    /// Every match that starts at token `start`, longest first; `prefix` syllables are matched
    /// virtually before the text (for `Trưởng ban Tổ chức Trung ương`, prefix `ban` finds
    /// `Ban Tổ chức Trung ương` from `Tổ`).
    /// - Complexity: O(length of the longest surface form).
    public func matches(in tokens: [Token], at start: Int, kinds: Set<KnowledgeEntry.Kind>, date: String?,
                        prefix: [String] = []) -> [GazetteerMatch] {
        var node = 0
        for syllable in prefix {
            guard let next = nodes[node].children[syllable] else { return [] }
            node = Int(next)
        }
        var found: [GazetteerMatch] = []
        var index = start
        while index < tokens.count {
            if index > start, tokens[index].gap == .newline { break }
            guard let next = nodes[node].children[tokens[index].lower] else { break }
            node = Int(next)
            index += 1
            if let best = best(of: nodes[node].terminals, tokens: tokens, end: index, prefixCount: prefix.count,
                               kinds: kinds, date: date) {
                found.append(GazetteerMatch(entry: best, tokens: start..<index))
            }
        }
        return found.reversed()
    }

    /// The longest match at `start`, if any.
    public func longest(in tokens: [Token], at start: Int, kinds: Set<KnowledgeEntry.Kind>, date: String?,
                        prefix: [String] = []) -> GazetteerMatch? {
        matches(in: tokens, at: start, kinds: kinds, date: date, prefix: prefix).first
    }

    /// Leftmost-longest matches over the whole token array (see the type's documentation).
    /// - Complexity: O(tokens × longest surface form).
    public func leftmostLongest(in tokens: [Token], kinds: Set<KnowledgeEntry.Kind>, date: String?) -> [GazetteerMatch] {
        var result: [GazetteerMatch] = []
        var index = 0
        while index < tokens.count {
            if let match = longest(in: tokens, at: index, kinds: kinds, date: date) {
                result.append(match)
                index = match.tokens.upperBound
            } else {
                index += 1
            }
        }
        return result
    }

    private func best(of terminals: [Terminal], tokens: [Token], end: Int, prefixCount: Int,
                      kinds: Set<KnowledgeEntry.Kind>, date: String?) -> Int? {
        var best: (entry: Int, rank: (Int, Int, Int))? = nil
        for terminal in terminals where kinds.contains(entries[terminal.entry].kind) {
            let count = terminal.needsCapital.count - prefixCount
            let first = end - count
            var ok = true
            for i in 0..<count where terminal.needsCapital[prefixCount + i] && tokens[first + i].shape == .lower {
                ok = false
                break
            }
            guard ok else { continue }
            let entry = entries[terminal.entry]
            let rank = (entry.isValid(at: date) ? 1 : 0, entry.priority, -terminal.entry)
            if best == nil || rank > best!.rank { best = (terminal.entry, rank) }
        }
        return best?.entry
    }
}

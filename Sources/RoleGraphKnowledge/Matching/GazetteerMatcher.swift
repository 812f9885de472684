import RoleGraphText

/// A span of tokens that equals a surface form of a knowledge entry.
public struct GazetteerMatch: Sendable, Equatable {
    /// Index into ``KnowledgeBase/entries``.
    public var entry: Int
    /// Token range in the document's token array (excluding any virtual prefix).
    public var tokens: Range<Int>

    public init(entry: Int, tokens: Range<Int>) {
        self.entry = entry
        self.tokens = tokens
    }
}

/// A trie over normalised, lower-cased syllable tokens of every surface form in the knowledge base.
///
/// **Match semantics — `leftmostLongest` with priorities.** Scanning left to right, at each token the
/// longest surface form that starts there wins; among forms of equal length, the entry valid at the
/// article's date wins (with no date, the one still in use), then the higher `priority`, then the entry read first. The scan then resumes
/// after the match. Example, over `Phó trưởng Ban Kinh tế Trung ương phát biểu`: at `Ban`, both
/// `Ban Kinh tế` (no entry) and `Ban Kinh tế Trung ương` (an organisation) are paths in the trie; the
/// longer complete form wins, so the match is `Ban Kinh tế Trung ương`, and `Trung ương` alone is never
/// reported inside it.
///
/// **Case.** For case-sensitive kinds (organisations, places, names), a syllable written with a capital
/// in the entry needs a capital in the text, so `ban` in lower case starts no organisation; lower-case
/// syllables of an entry match in any case (`Chính trị` at a sentence start). An organisation's name needs
/// only its first capital and its abbreviations in capitals, as news lower-cases the rest (`Bộ chính trị`). Titles, cues and
/// honorifics match in any case. Matches never cross a line break, and start and end on token
/// boundaries, so `Tư` never matches inside `Tưởng`.
///
/// **Syllable ids (the fast path).** Every distinct lower-case syllable of the knowledge base has a
/// dense id; the trie is keyed by ids, never by strings. ``syllableIDs(for:)`` turns a document's tokens
/// into ids once (one cheap byte hash per token); the overloads that take `syllables:` then match with
/// integer look-ups only. The overloads without `syllables:` compute the ids they need on the fly and
/// give the same results.
///
/// **Layout.** Children of the root are an array indexed by syllable id; every other edge lives in one
/// open-addressing table keyed by (node, syllable id). Either way an edge (``Edge``) carries its child's
/// terminal kinds, and the kinds of the terminals below the child, next to the child, so a step of the walk
/// reads one cache line: the walk is memory-bound (a few instructions per step between misses), and a
/// separate per-node kinds array cost a third miss. A walk stops where nothing of the wanted kinds lies
/// below (a walk for titles does not follow `Ban Kinh tế` towards organisations).
/// Terminals are flat, grouped by node, with the
/// entry's kind as a bit (so a kind filter is a mask test), its priority and validity precomputed,
/// and the per-syllable capital requirement as a bitmask.
public struct GazetteerMatcher: Sendable {
    /// A surface form ending at a node.
    struct Terminal: Sendable {
        var entry: Int32
        var kindBit: UInt32
        /// Syllables in the surface form.
        var length: Int32
        /// Start of this form's capital bitmask in `capitalWords` (bit i: syllable i needs a capital),
        /// or -1 when no syllable needs one.
        var capitals: Int32
        var priority: Int
        /// Index of the entry's validity interval in `intervals`, or -1 when it is valid at every date.
        var interval: Int32
    }

    /// An entry's `from` and `to` attributes, as ``KnowledgeEntry/isValid(at:)`` reads them.
    struct Interval: Sendable {
        var from: String?
        var to: String?

        /// Same test as ``KnowledgeEntry/isValid(at:)``, except that with no date only a name still in use
        /// (no `to`) ranks as valid: the current name wins, and the older ones still match as aliases.
        func contains(_ date: String?) -> Bool {
            guard let date else { return to == nil }
            if let from, Self.precedes(date, from) { return false }
            if let to, Self.precedes(to, date) { return false }
            return true
        }

        /// `a.prefix(b.count) < b.prefix(a.count)`: over the strings' UTF-8 bytes in place when both are ASCII,
        /// as dates are (the `Character` views, or a generic walk of the `utf8` views, cost some 1,000
        /// instructions a test). Not inlined: it is rare, and inlined it made the choice among a node's
        /// terminals too large to be inlined into the walk.
        @inline(never)
        private static func precedes(_ a: String, _ b: String) -> Bool {
            var x = a, y = b
            // nil when either is not ASCII.
            let bytewise: Bool? = x.withUTF8 { x in
                y.withUTF8 { y in
                    var ascii = true
                    for byte in x where byte >= 0x80 { ascii = false }
                    for byte in y where byte >= 0x80 { ascii = false }
                    guard ascii else { return nil }
                    for i in 0..<min(x.count, y.count) where x[i] != y[i] { return x[i] < y[i] }
                    return false
                }
            }
            return bytewise ?? (a.prefix(b.count) < b.prefix(a.count))
        }
    }

    /// Id of a syllable that occurs in no surface form: it starts and continues no match.
    public static let unknownSyllable: Int32 = -1

    /// Validity intervals of the entries that have one.
    let intervals: [Interval]
    let vocabulary: SyllableVocabulary
    /// Edge from the root per syllable id (child -1: none).
    let rootEdges: [Edge]
    let edges: EdgeTable
    /// Terminals of node `n` are `terminals[terminalStart[n]..<terminalStart[n + 1]]`.
    let terminalStart: [Int32]
    let terminals: [Terminal]
    let capitalWords: [UInt64]
    /// For `KnowledgeBase`: syllable id → the first lower-case word written with it in a surface of an
    /// organisation, organisation head or relative body (nil when there is none).
    let organizationWords: [String?]

    static let caseSensitive: Set<KnowledgeEntry.Kind> = [
        .organization, .location, .person, .surname, .organizationHead, .relativeBody, .eventHead, .abbreviation, .byline,
    ]

    /// - Complexity: O(total syllables of all surface forms).
    public init(entries: [KnowledgeEntry]) {
        var builder = Builder()
        for index in entries.indices {
            builder.add(entries[index], index: index)
        }
        self.intervals = builder.intervals
        self.vocabulary = builder.vocabulary
        self.organizationWords = builder.organizationWords
        self.capitalWords = builder.capitalWords
        // Group terminals by node (counting sort, stable), dropping exact duplicates (a surface listed twice).
        let nodeCount = builder.nodeCount
        var start = [Int32](repeating: 0, count: nodeCount + 1)
        for (node, _) in builder.pending { start[Int(node) + 1] += 1 }
        for n in 0..<nodeCount { start[n + 1] += start[n] }
        var fill = start
        var flat = [Terminal](repeating: Terminal(entry: 0, kindBit: 0, length: 0, capitals: -1, priority: 0, interval: -1),
                              count: builder.pending.count)
        for (node, terminal) in builder.pending {
            flat[Int(fill[Int(node)])] = terminal
            fill[Int(node)] += 1
        }
        var kinds = [UInt32](repeating: 0, count: nodeCount)
        for n in 0..<nodeCount {
            for t in Int(start[n])..<Int(start[n + 1]) { kinds[n] |= flat[t].kindBit }
        }
        self.terminalStart = start
        self.terminals = flat
        // What an edge to each node says of it: its terminals' kinds, and the kinds of the terminals below it.
        // A child's id is above its parent's, so one pass from the last node gathers whole subtrees.
        let parents = builder.edges.parents(nodeCount: nodeCount)
        var below = [UInt32](repeating: 0, count: nodeCount)
        for node in stride(from: nodeCount - 1, to: 0, by: -1) {
            below[Int(parents[node])] |= kinds[node] | below[node]
        }
        let flags = (0..<nodeCount).map { kinds[$0] | below[$0] << Edge.belowShift }
        self.rootEdges = builder.rootChildren.map { child in Edge(child: child, kinds: child < 0 ? 0 : flags[Int(child)]) }
        var edges = builder.edges
        edges.attachKinds(flags)
        self.edges = edges
    }

    // MARK: Syllable ids

    /// The syllable id of every token (``unknownSyllable`` for a token in no surface form), for the
    /// `syllables:` overloads. Compute it once per document and reuse it for every call.
    ///
    /// Tokens that share a ``Token/word`` number (the same bytes, hence the same `lower`) share the id,
    /// so the vocabulary is asked once per distinct token: news repeats each syllable many times. A token
    /// of a ``WordTable`` made from ``syllables`` carries its id (``Token/wordListIndex``), checked by a
    /// string compare instead of a look-up.
    /// - Complexity: O(tokens), plus one hash per distinct token not from that table.
    public func syllableIDs(for tokens: [Token]) -> [Int32] {
        var exotic: [String: Int32] = [:]
        // By word number: the id + 2, 0 = not looked up yet. The numbers of one tokenisation are below
        // its token count; a larger one (tokens gathered from several) is looked up unmemoised.
        var byWord = [Int32](repeating: 0, count: tokens.count)
        return [Int32](unsafeUninitializedCapacity: tokens.count) { buffer, initialized in
            tokens.withUnsafeBufferPointer { tokens in
                byWord.withUnsafeMutableBufferPointer { byWord in
                    for i in 0..<tokens.count {
                        let word = Int(tokens[i].word)
                        let memoised = word >= 0 && word < byWord.count
                        if memoised {
                            let known = byWord[word]
                            if known != 0 {
                                buffer[i] = known &- 2
                                continue
                            }
                        }
                        let lower = tokens[i].lower
                        let listed = tokens[i].wordListIndex
                        let id: Int32
                        // A word of the table made from `syllables` names its id; checked, as tokens from
                        // another table would name another list.
                        if listed >= 0, vocabulary.isSyllable(listed, lower) {
                            id = listed
                        } else if case let found?? = lower.utf8.withContiguousStorageIfAvailable({ p -> Int32? in
                            SyllableVocabulary.isCanonical(p) ? vocabulary.id(ofCanonical: p) : nil
                        }) {
                            id = found
                        } else if let found = exotic[lower] {
                            id = found
                        } else {
                            id = vocabulary.id(of: lower)
                            exotic[lower] = id
                        }
                        buffer[i] = id
                        if memoised { byWord[word] = id &+ 2 }
                    }
                }
            }
            initialized = tokens.count
        }
    }

    /// ``syllableIDs(for:)`` of tokens that `table` tokenised: when it was made from ``syllables``, every
    /// token carries its id (``Token/wordListIndex``: a syllable's id is its place in that list), and
    /// nothing is looked up. Only for tokens as the tokenizer made them: a token made or changed by hand
    /// carries no id.
    /// - Complexity: O(tokens).
    package func syllableIDs(for tokens: [Token], tokenisedWith table: WordTable) -> [Int32] {
        guard table.isMade(from: syllables) else { return syllableIDs(for: tokens) }
        return [Int32](unsafeUninitializedCapacity: tokens.count) { buffer, initialized in
            tokens.withUnsafeBufferPointer { tokens in
                for i in 0..<tokens.count { buffer[i] = tokens[i].wordListIndex }
            }
            initialized = tokens.count
        }
    }

    /// Every syllable of the knowledge base's surfaces, lower-case, in id order: the words a
    /// ``WordTable`` for this knowledge base holds.
    public var syllables: [String] { vocabulary.syllables }

    /// The syllable id of one lower-cased syllable (a token's `lower`), or ``unknownSyllable``.
    public func syllableID(_ lower: String) -> Int32 { vocabulary.id(of: lower) }

    // MARK: Matching

    /// Every match that starts at token `start`, longest first; `prefix` syllables are matched
    /// virtually before the text (for `Trưởng ban Tổ chức Trung ương`, prefix `ban` finds
    /// `Ban Tổ chức Trung ương` from `Tổ`).
    /// - Complexity: O(length of the longest surface form).
    public func matches(in tokens: [Token], at start: Int, kinds: Set<KnowledgeEntry.Kind>, date: String?,
                        prefix: [String] = []) -> [GazetteerMatch] {
        var found: [GazetteerMatch] = []
        tokens.withUnsafeBufferPointer { p in
            walk(p, at: start, mask: Self.mask(kinds), date: date, prefix: prefix,
                 syllable: { vocabulary.id(of: p[$0].lower) }) { entry, end in
                found.append(GazetteerMatch(entry: Int(entry), tokens: start..<end))
            }
        }
        return found.reversed()
    }

    /// ``matches(in:at:kinds:date:prefix:)`` with the tokens' ids from ``syllableIDs(for:)``.
    public func matches(in tokens: [Token], syllables: [Int32], at start: Int, kinds: Set<KnowledgeEntry.Kind>,
                        date: String?, prefix: [String] = []) -> [GazetteerMatch] {
        precondition(syllables.count == tokens.count, "syllables must come from syllableIDs(for: tokens)")
        var found: [GazetteerMatch] = []
        tokens.withUnsafeBufferPointer { p in
            syllables.withUnsafeBufferPointer { ids in
                walk(p, at: start, mask: Self.mask(kinds), date: date, prefix: prefix,
                     syllable: { ids[$0] }) { entry, end in
                    found.append(GazetteerMatch(entry: Int(entry), tokens: start..<end))
                }
            }
        }
        return found.reversed()
    }

    /// ``longest(in:syllables:at:kinds:date:prefix:)`` with the kinds as a mask (``kindMask(_:)``): the
    /// entry and end token of the longest match at `start`, or `nil`.
    public func longest(in tokens: UnsafeBufferPointer<Token>, syllables ids: UnsafeBufferPointer<Int32>, at start: Int,
                        mask: UInt32, date: String?, prefix: [String] = []) -> (entry: Int32, end: Int)? {
        var best: (entry: Int32, end: Int)? = nil
        walk(tokens, at: start, mask: mask, date: date, prefix: prefix, syllable: { ids[$0] }) { entry, end in
            best = (entry, end)
        }
        return best
    }

    /// The mask of a set of kinds, for ``longest(in:syllables:at:mask:date:)``.
    public static func kindMask(_ kinds: Set<KnowledgeEntry.Kind>) -> UInt32 { mask(kinds) }

    /// The longest match at `start`, if any.
    public func longest(in tokens: [Token], at start: Int, kinds: Set<KnowledgeEntry.Kind>, date: String?,
                        prefix: [String] = []) -> GazetteerMatch? {
        var best: GazetteerMatch? = nil
        tokens.withUnsafeBufferPointer { p in
            walk(p, at: start, mask: Self.mask(kinds), date: date, prefix: prefix,
                 syllable: { vocabulary.id(of: p[$0].lower) }) { entry, end in
                best = GazetteerMatch(entry: Int(entry), tokens: start..<end)
            }
        }
        return best
    }

    /// ``longest(in:at:kinds:date:prefix:)`` with the tokens' ids from ``syllableIDs(for:)``: no string
    /// is hashed or compared.
    public func longest(in tokens: [Token], syllables: [Int32], at start: Int, kinds: Set<KnowledgeEntry.Kind>,
                        date: String?, prefix: [String] = []) -> GazetteerMatch? {
        precondition(syllables.count == tokens.count, "syllables must come from syllableIDs(for: tokens)")
        var best: GazetteerMatch? = nil
        tokens.withUnsafeBufferPointer { p in
            syllables.withUnsafeBufferPointer { ids in
                walk(p, at: start, mask: Self.mask(kinds), date: date, prefix: prefix,
                     syllable: { ids[$0] }) { entry, end in
                    best = GazetteerMatch(entry: Int(entry), tokens: start..<end)
                }
            }
        }
        return best
    }

    /// Leftmost-longest matches over the whole token array (see the type's documentation).
    /// - Complexity: O(tokens × longest surface form).
    public func leftmostLongest(in tokens: [Token], kinds: Set<KnowledgeEntry.Kind>, date: String?) -> [GazetteerMatch] {
        leftmostLongest(in: tokens, syllables: syllableIDs(for: tokens), kinds: kinds, date: date)
    }

    /// ``leftmostLongest(in:kinds:date:)`` with the tokens' ids from ``syllableIDs(for:)``.
    public func leftmostLongest(in tokens: [Token], syllables: [Int32], kinds: Set<KnowledgeEntry.Kind>,
                                date: String?) -> [GazetteerMatch] {
        precondition(syllables.count == tokens.count, "syllables must come from syllableIDs(for: tokens)")
        let mask = Self.mask(kinds)
        var result: [GazetteerMatch] = []
        tokens.withUnsafeBufferPointer { p in
            syllables.withUnsafeBufferPointer { ids in
                var index = 0
                while index < p.count {
                    var end = -1
                    var entry: Int32 = -1
                    walk(p, at: index, mask: mask, date: date, prefix: [], syllable: { ids[$0] }) { e, stop in
                        entry = e
                        end = stop
                    }
                    if end > index {
                        result.append(GazetteerMatch(entry: Int(entry), tokens: index..<end))
                        index = end
                    } else {
                        index += 1
                    }
                }
            }
        }
        return result
    }

    // MARK: Core

    /// Walks the trie from `start`, calling `found(entry, end)` for every complete form, shortest first.
    @inline(__always)
    private func walk(_ tokens: UnsafeBufferPointer<Token>, at start: Int, mask: UInt32, date: String?, prefix: [String],
                      syllable: (Int) -> Int32, found: (Int32, Int) -> Void) {
        guard start >= 0 else { return }
        var node: Int32 = 0
        for text in prefix {
            node = child(of: node, vocabulary.id(of: text))
            if node < 0 { return }
        }
        let prefixCount = prefix.count
        var index = start
        while index < tokens.count {
            let edge = step(from: node, syllable(index))
            if edge.child < 0 { break }
            // After the step: a step that finds no edge (a third of them) then reads no token.
            if index > start, tokens[index].gap == .newline { break }
            node = edge.child
            index += 1
            if edge.kinds & mask != 0 {
                let entry = best(at: Int(node), tokens: tokens, end: index, prefixCount: prefixCount, mask: mask, date: date)
                if entry >= 0 { found(entry, index) }
            }
            // Nothing of these kinds below (a leaf, say): looking the next syllable up would miss the cache
            // to find nothing of use.
            if (edge.kinds >> Edge.belowShift) & mask == 0 { break }
        }
    }

    @inline(__always)
    private func child(of node: Int32, _ syllable: Int32) -> Int32 { step(from: node, syllable).child }

    /// The edge from `node` by `syllable` (child -1: none).
    @inline(__always)
    private func step(from node: Int32, _ syllable: Int32) -> Edge {
        guard syllable >= 0 else { return Edge() }
        if node == 0 { return rootEdges[Int(syllable)] }
        return edges.edge(from: node, syllable)
    }

    /// The winning entry among the terminals of `node`, or -1: valid at `date` first, then priority,
    /// then the entry read first.
    private func best(at node: Int, tokens: UnsafeBufferPointer<Token>, end: Int, prefixCount: Int,
                      mask: UInt32, date: String?) -> Int32 {
        var bestEntry: Int32 = -1
        var bestValid = false
        var bestPriority = 0
        terminals.withUnsafeBufferPointer { terminals in
            for t in Int(terminalStart[node])..<Int(terminalStart[node + 1]) {
                let terminal = terminals[t]
                guard terminal.kindBit & mask != 0 else { continue }
                if terminal.capitals >= 0,
                   !capitalsSatisfied(terminal, tokens: tokens, end: end, prefixCount: prefixCount) { continue }
                let valid = terminal.interval < 0 || intervals[Int(terminal.interval)].contains(date)
                let better: Bool
                if bestEntry < 0 {
                    better = true
                } else if valid != bestValid {
                    better = valid
                } else if terminal.priority != bestPriority {
                    better = terminal.priority > bestPriority
                } else {
                    better = terminal.entry < bestEntry
                }
                if better {
                    bestEntry = terminal.entry
                    bestValid = valid
                    bestPriority = terminal.priority
                }
            }
        }
        return bestEntry
    }

    /// Whether every text syllable that needs a capital has one (syllables of the virtual prefix are exempt).
    @inline(__always)
    private func capitalsSatisfied(_ terminal: Terminal, tokens: UnsafeBufferPointer<Token>, end: Int,
                                   prefixCount: Int) -> Bool {
        let length = Int(terminal.length)
        let first = end - (length - prefixCount)
        let base = Int(terminal.capitals)
        var i = prefixCount
        while i < length {
            let bits = capitalWords[base + (i >> 6)] >> UInt64(i & 63)
            if bits == 0 {
                i = (i | 63) + 1
                continue
            }
            i += bits.trailingZeroBitCount
            if i >= length { break }
            if tokens[first + i - prefixCount].shape == .lower { return false }
            i += 1
        }
        return true
    }

    /// The kind bits of a set, without hashing.
    @inline(__always)
    static func mask(_ kinds: Set<KnowledgeEntry.Kind>) -> UInt32 {
        var mask: UInt32 = 0
        for kind in kinds { mask |= kind.bit }
        return mask
    }
}

extension KnowledgeEntry.Kind {
    /// A distinct number below `allCases.count` for each kind, by a switch (no hashing of the raw value).
    /// Inlinable, like ``bit``, so that a mask of literal kinds in another module folds to a constant.
    @inlinable
    var ordinal: Int {
        switch self {
        case .organization: 0
        case .location: 1
        case .surname: 2
        case .person: 3
        case .title: 4
        case .honorific: 5
        case .organizationHead: 6
        case .relativeBody: 7
        case .statusCue: 8
        case .stopWord: 9
        case .eventHead: 10
        case .byline: 11
        case .nameWord: 12
        case .abbreviation: 13
        case .term: 14
        case .functionWord: 15
        }
    }

    /// The kind's bit in a mask (``GazetteerMatcher/kindMask(_:)``, ``KnowledgeBase/firstSyllableKinds``).
    @inlinable
    public var bit: UInt32 { 1 << UInt32(ordinal) }

    /// Organisations, places, names and the other kinds where a capital in the entry needs one in the text.
    @inline(__always)
    var isCaseSensitive: Bool {
        switch self {
        case .organization, .location, .person, .surname, .organizationHead, .relativeBody, .eventHead,
             .abbreviation, .byline, .term:
            true
        case .title, .honorific, .statusCue, .stopWord, .nameWord, .functionWord:
            false
        }
    }
}

// MARK: - Building

extension GazetteerMatcher {
    /// Where an edge of the trie leads: the child node (-1: no edge); in the low 16 bits of `kinds`, the union
    /// of the kind bits of the child's terminals (what the walk tests before it looks at the terminals); in
    /// the high 16 (``belowShift``), the union of those of every terminal below the child (where it is 0,
    /// or has none of the wanted kinds, the walk stops: most walks end at a leaf, whose look-up of the next
    /// syllable would cost a cache miss to find nothing). ``KnowledgeEntry/Kind/bit`` is below `1 << 16`. 8 bytes.
    struct Edge: Sendable {
        var child: Int32 = -1
        var kinds: UInt32 = 0
        static let belowShift: UInt32 = 16
    }

    /// Trie edges below the root: open addressing keyed by (node, syllable id). A slot holds its key and
    /// its edge together (16 bytes, four to a cache line), so a hit costs one miss, not one per array.
    struct EdgeTable: Sendable {
        private struct Slot: Sendable {
            var key: UInt64 = .max
            var edge = Edge()
        }

        private var slots: [Slot] = Array(repeating: Slot(), count: 1024)
        private var shift: UInt64 = 64 - 10
        private(set) var count = 0

        @inline(__always)
        private static func key(_ node: Int32, _ syllable: Int32) -> UInt64 {
            UInt64(UInt32(bitPattern: node)) << 32 | UInt64(UInt32(bitPattern: syllable))
        }

        @inline(__always)
        private func slot(_ key: UInt64) -> Int {
            Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
        }

        @inline(__always)
        func child(of node: Int32, _ syllable: Int32) -> Int32 { edge(from: node, syllable).child }

        /// The edge from `node` by `syllable` (child -1: none).
        @inline(__always)
        func edge(from node: Int32, _ syllable: Int32) -> Edge {
            let key = Self.key(node, syllable)
            let mask = slots.count - 1
            return slots.withUnsafeBufferPointer { slots in
                var s = slot(key)
                while true {
                    let k = slots[s].key
                    if k == key { return slots[s].edge }
                    if k == .max { return Edge() }
                    s = (s + 1) & mask
                }
            }
        }

        /// Per node below `nodeCount`: its parent by an edge of the table (0 for the root's children and the root).
        func parents(nodeCount: Int) -> [Int32] {
            var parents = [Int32](repeating: 0, count: nodeCount)
            for slot in slots where slot.key != .max { parents[Int(slot.edge.child)] = Int32(truncatingIfNeeded: slot.key >> 32) }
            return parents
        }

        /// Sets every edge's ``Edge/kinds`` from the nodes' flags (terminal kinds, kinds below).
        mutating func attachKinds(_ kinds: [UInt32]) {
            for s in slots.indices where slots[s].key != .max {
                slots[s].edge.kinds = kinds[Int(slots[s].edge.child)]
            }
        }

        mutating func insert(node: Int32, syllable: Int32, child: Int32) {
            if 2 * (count + 1) > slots.count { grow() }
            put(Self.key(node, syllable), child)
            count += 1
        }

        private mutating func put(_ key: UInt64, _ value: Int32) {
            let mask = slots.count - 1
            var s = slot(key)
            while slots[s].key != .max { s = (s + 1) & mask }
            slots[s] = Slot(key: key, edge: Edge(child: value))
        }

        private mutating func grow() {
            let old = slots
            let capacity = slots.count * 2
            slots = Array(repeating: Slot(), count: capacity)
            shift = UInt64(64 - capacity.trailingZeroBitCount)
            for slot in old where slot.key != .max { put(slot.key, slot.edge.child) }
        }
    }

    struct Builder {
        var vocabulary = SyllableVocabulary()
        var rootChildren: [Int32] = []
        var edges = EdgeTable()
        var nodeCount = 1
        var pending: [(node: Int32, terminal: Terminal)] = []
        var capitalWords: [UInt64] = []
        var organizationWords: [String?] = []
        var intervals: [Interval] = []

        mutating func add(_ entry: KnowledgeEntry, index: Int) {
            let sensitive = entry.kind.isCaseSensitive
            let organizational = entry.kind == .organization || entry.kind == .organizationHead || entry.kind == .relativeBody
            let priority = entry.priority
            var interval: Int32 = -1
            if entry.validFrom != nil || entry.validTo != nil {
                interval = Int32(intervals.count)
                intervals.append(Interval(from: entry.validFrom, to: entry.validTo))
            }
            var seen: [Int32] = []  // nodes already given a terminal of this entry with the same capitals
            var seenCapitals: [[UInt64]] = []
            for surface in entry.surfaces {
                let tokens = Tokenizer.tokens(of: SourceText(surface))
                guard !tokens.isEmpty else { continue }
                var node: Int32 = 0
                var capitals = [UInt64](repeating: 0, count: (tokens.count + 63) / 64)
                var anyCapital = false
                for (i, token) in tokens.enumerated() {
                    let syllable = vocabulary.insert(token.lower)
                    if Int(syllable) >= rootChildren.count {
                        rootChildren.append(-1)
                        organizationWords.append(nil)
                    }
                    if organizational, token.kind == .word, token.shape == .lower,
                       organizationWords[Int(syllable)] == nil {
                        organizationWords[Int(syllable)] = token.lower
                    }
                    let existing = node == 0 ? rootChildren[Int(syllable)] : edges.child(of: node, syllable)
                    if existing >= 0 {
                        node = existing
                    } else {
                        let next = Int32(nodeCount)
                        nodeCount += 1
                        if node == 0 {
                            rootChildren[Int(syllable)] = next
                        } else {
                            edges.insert(node: node, syllable: syllable, child: next)
                        }
                        node = next
                    }
                    // Organisation names need their first capital and their abbreviations in capitals; the
                    // text may lower-case the rest (`Bộ chính trị`, `Ban chấp hành Trung ương Đảng`).
                    if sensitive, token.shape != .lower, token.kind == .word,
                       entry.kind != .organization || i == 0 || token.shape == .upper {
                        capitals[i >> 6] |= 1 << UInt64(i & 63)
                        anyCapital = true
                    }
                }
                if let k = seen.firstIndex(of: node), seenCapitals[k] == capitals { continue }
                seen.append(node)
                seenCapitals.append(capitals)
                var start: Int32 = -1
                if anyCapital {
                    start = Int32(capitalWords.count)
                    capitalWords += capitals
                }
                pending.append((node, Terminal(entry: Int32(index), kindBit: entry.kind.bit, length: Int32(tokens.count),
                                               capitals: start, priority: priority, interval: interval)))
            }
        }
    }
}

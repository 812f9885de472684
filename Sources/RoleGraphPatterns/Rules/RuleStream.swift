import RoleGraphText

/// What a rule set's tests see of an item stream, worked out once per stream: for every item, one bit per
/// distinct test of the rule set (``RuleSet/tests``) saying whether the item passes it, whether the item
/// starts a line, the kinds a match from it can reach, and what the reading of matches needs of it.
/// ``RuleMatcher`` and the start filter of ``RuleSet/matches(in:)`` read only these, so a step of a match
/// is a load and a mask instead of a walk over an `ItemTest` tree.
///
/// **Features.** A test's outcome depends on an item only through its kind, its token `kind`/`shape`
/// codes (tokens only), which literal of the rule set its text equals (``LiteralTable``, at most one:
/// literals that are equal share a class) and which `key=value` constraints of the rule set hold on it.
/// These pack into one integer (``ItemFeatures``), on which the tests run (``FeatureTests``) once per
/// distinct integer the rule set has met (``TestMemo``, behind a small direct-mapped cache per stream); a
/// token item's bits are worked out once per distinct token (``RuleItem/word``), a cue's or honorific's
/// constraint bits once per knowledge base (``KnowledgeFeatures``). A rule set too large for the packing
/// runs its tests on every item.
///
/// - Complexity: O(items × words + other items' short texts' bytes + distinct tokens' bytes) plus
///   O(distinct features × tests).
struct RuleStream {
    /// Words of ``bits`` per item.
    let words: Int
    let count: Int
    private let columns: Columns

    /// `bits[item * words + test / 64] >> (test % 64) & 1`: whether the item passes the test.
    var bits: UnsafeBufferPointer<UInt64> { UnsafeBufferPointer(start: columns.bits, count: count * words) }
    var startsLine: UnsafeBufferPointer<Bool> { UnsafeBufferPointer(start: columns.startsLine, count: count) }
    /// Per item, the kinds (``RuleItem/Kind/bit``) of the items from it to the end of its line (what a
    /// one-line match from it can consume) and to the end of the stream (what a multiline match can).
    var lineKinds: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: columns.lineKinds, count: count) }
    var streamKinds: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: columns.streamKinds, count: count) }
    /// Per item, what the reading of matches (``RoleRuleMatch``) needs of it: its tokens, its
    /// ``RuleItem/index`` (-1: none) and whether its `ongoing` attribute is `yes`.
    var tokens: UnsafeBufferPointer<Range<Int>> { UnsafeBufferPointer(start: columns.tokens, count: count) }
    var indices: UnsafeBufferPointer<Int32> { UnsafeBufferPointer(start: columns.indices, count: count) }
    var ongoing: UnsafeBufferPointer<Bool> { UnsafeBufferPointer(start: columns.ongoing, count: count) }

    /// The stream's columns, written in place as the items come (an append per item and column, with its
    /// uniqueness check, cost more than the item's features) and read in place: the buffers above are valid
    /// while the stream is. One allocation holds them all, with the builder's memos (an allocation and its
    /// release cost some 150 instructions, a fixed cost per document).
    fileprivate final class Columns {
        private let memory: UnsafeMutableRawPointer
        let bits: UnsafeMutablePointer<UInt64>
        /// The builder's memo of token items' bits by ``RuleItem/word`` below the capacity (`wordKnown[word]`:
        /// worked out; `wordBits` holds `words` words per word number).
        let wordBits: UnsafeMutablePointer<UInt64>
        /// The slots of the builder's ``TestCache``: keys (`.max`: empty) and `words` words of bits each.
        let cacheKeys: UnsafeMutablePointer<UInt64>
        let cacheBits: UnsafeMutablePointer<UInt64>
        let tokens: UnsafeMutablePointer<Range<Int>>
        let indices: UnsafeMutablePointer<Int32>
        let startsLine: UnsafeMutablePointer<Bool>
        let kinds: UnsafeMutablePointer<UInt8>
        let lineKinds: UnsafeMutablePointer<UInt8>
        let streamKinds: UnsafeMutablePointer<UInt8>
        let ongoing: UnsafeMutablePointer<Bool>
        let wordKnown: UnsafeMutablePointer<Bool>

        init(words: Int, capacity: Int) {
            // Widest alignment first, so that no column needs padding.
            let slots = TestCache.slots
            let wide = 2 * capacity * words + slots * (1 + words)
            let memory = UnsafeMutableRawPointer.allocate(byteCount: wide * 8 + capacity * (MemoryLayout<Range<Int>>.stride + 4 + 6),
                                                          alignment: 8)
            self.memory = memory
            var offset = 0
            func column<Element>(_ count: Int) -> UnsafeMutablePointer<Element> {
                defer { offset += count * MemoryLayout<Element>.stride }
                return (memory + offset).bindMemory(to: Element.self, capacity: count)
            }
            bits = column(capacity * words)
            wordBits = column(capacity * words)
            cacheKeys = column(slots)
            cacheBits = column(slots * words)
            tokens = column(capacity)
            indices = column(capacity)
            startsLine = column(capacity)
            kinds = column(capacity)
            lineKinds = column(capacity)
            streamKinds = column(capacity)
            ongoing = column(capacity)
            wordKnown = column(capacity)
            cacheKeys.initialize(repeating: .max, count: slots)
            wordKnown.initialize(repeating: false, count: capacity)
        }

        deinit { memory.deallocate() }
    }

    /// The stream of items given as values (tests, and ``RuleSet/matches(in:)``).
    init(items: [RuleItem], rules: RuleSet) {
        var builder = Builder(rules: rules, capacity: items.count)
        for item in items {
            builder.add(item.kind, item.tokens, index: item.index, startsLine: item.startsLine, text: item.textSource,
                        facts: item.facts, word: item.word)
        }
        self = builder.stream()
    }

    /// The stream of the first `count` items of `columns`, with their reachable kinds worked out.
    fileprivate init(words: Int, count: Int, columns: Columns) {
        var line: UInt8 = 0, stream: UInt8 = 0
        var index = count - 1
        while index >= 0 {
            line |= columns.kinds[index]
            stream |= columns.kinds[index]
            columns.lineKinds[index] = line
            columns.streamKinds[index] = stream
            if columns.startsLine[index] { line = 0 }
            index -= 1
        }
        self.words = words
        self.count = count
        self.columns = columns
    }

    /// Builds a stream one item at a time: ``RuleItems/stream(context:result:rules:)`` hands it a document's
    /// items as it finds them, with no ``RuleItem`` made (building, reading and destroying one cost some 80
    /// instructions an item), and ``init(items:rules:)`` the items of an array. At most `capacity` items.
    struct Builder {
        let words: Int
        private let packable: Bool
        private let features: ItemFeatures
        private let tests: [ItemTest]
        private let capacity: Int
        private let columns: Columns
        private var count = 0
        private var cache: TestCache
        /// The literal classes of the knowledge base's syllables (a token with a syllable id is classed
        /// without reading its text), and the constraint bits of its cue and honorific entries.
        private let knowledge: KnowledgeFeatures
        /// Lengths and plainness of the tokens of multi-token items, by ``Token/word`` (``TokenTexts``).
        private var joinMemo: [UInt32] = []

        /// - Parameter knowledge: the features of the knowledge base whose syllable ids the tokens carry
        ///   (``addToken(_:word:syllable:startsLine:kind:shape:text:)``) and whose entry numbers the items do.
        init(rules: RuleSet, capacity: Int, knowledge: KnowledgeFeatures = KnowledgeFeatures()) {
            words = max(1, (rules.tests.count + 63) / 64)
            packable = rules.features.packable
            features = rules.features
            tests = rules.tests
            self.capacity = capacity
            columns = Columns(words: words, capacity: capacity)
            cache = TestCache(words: words, memo: rules.memo, keys: columns.cacheKeys, bits: columns.cacheBits)
            self.knowledge = knowledge
        }

        /// A plain token item: the token at `token` with its word number, knowledge-base syllable id (-1:
        /// none) and codes; `text` (its lower-case text) is read only the first time its word is seen, and
        /// not at all when it has a syllable id. A word seen before has its bits copied in the caller's loop;
        /// the rest of the work is out of line (``addNewToken``).
        @inline(__always)
        mutating func addToken(_ token: Int, word: Int32, syllable: Int32, startsLine: Bool, kind: UInt8, shape: UInt8,
                               text: () -> RuleItem.TextSource) {
            let number = Int(word)
            if number >= 0 && number < capacity && columns.wordKnown[number] && count < capacity {
                let target = columns.bits + count &* words
                let known = columns.wordBits + number &* words
                for w in 0..<words { target[w] = known[w] }
                record(.token, token..<(token &+ 1), index: -1, startsLine: startsLine, ongoing: false)
                return
            }
            addNewToken(token, word: word, syllable: syllable, startsLine: startsLine, kind: kind, shape: shape, text: text)
        }

        /// ``addToken(_:word:syllable:startsLine:kind:shape:text:)`` of a word not seen before (or without a
        /// number): its bits are worked out and, for a numbered word, remembered.
        @inline(never)
        private mutating func addNewToken(_ token: Int, word: Int32, syllable: Int32, startsLine: Bool, kind: UInt8, shape: UInt8,
                                          text: () -> RuleItem.TextSource) {
            let word = Int(word)
            guard packable, word >= 0 else {
                add(.token, token..<(token + 1), index: nil, startsLine: startsLine, text: text(),
                    facts: .token(kind: kind, shape: shape), word: Int32(truncatingIfNeeded: word))
                return
            }
            precondition(count < capacity, "more items than the builder holds")
            let literal = syllable >= 0 && knowledge.syllableLiterals.isComplete
                ? knowledge.syllableLiterals.classOf(syllable: syllable) : features.literalClass(text(), joinMemo: &joinMemo)
            let passed = cache.bits(of: features.tokenKey(literal, kind: kind, shape: shape), features)
            let target = columns.bits + count &* words
            if word < capacity {
                columns.wordKnown[word] = true
                let known = columns.wordBits + word &* words
                for w in 0..<words {
                    let bits = passed[w]
                    target[w] = bits
                    known[w] = bits
                }
            } else {
                for w in 0..<words { target[w] = passed[w] }
            }
            record(.token, token..<(token &+ 1), index: -1, startsLine: startsLine, ongoing: false)
        }

        /// Any item.
        mutating func add(_ kind: RuleItem.Kind, _ span: Range<Int>, index: Int?, startsLine: Bool, text: RuleItem.TextSource,
                          facts: RuleItem.Facts, word: Int32) {
            if packable, case .token(let tokenKind, let shape) = facts, kind == .token, word >= 0,
               span.count == 1, index == nil {
                addToken(span.lowerBound, word: word, syllable: -1, startsLine: startsLine, kind: tokenKind, shape: shape) { text }
                return
            }
            precondition(count < capacity, "more items than the builder holds")
            let target = columns.bits + count * words
            let ongoing: Bool
            if !packable {
                let item = RuleItem(kind: kind, tokens: span, index: index, startsLine: startsLine, text: text, facts: facts, word: word)
                target.initialize(repeating: 0, count: words)
                for (test, itemTest) in tests.enumerated() where itemTest.matches(item) { target[test >> 6] |= 1 << UInt64(test & 63) }
                ongoing = facts.attribute(RuleItem.AttributeKey.ongoing) == "yes"
            } else if case .entry(_, _, let number) = facts, number >= 0, let entry = knowledge.entry(number) {
                cache.copy(features.base(kind, text, facts, joinMemo: &joinMemo) | entry.bits, to: target, features)
                ongoing = entry.ongoing
            } else {
                cache.copy(features.key(kind, text, facts, joinMemo: &joinMemo), to: target, features)
                ongoing = facts.attribute(RuleItem.AttributeKey.ongoing) == "yes"
            }
            record(kind, span, index: index.map { Int32(truncatingIfNeeded: $0) } ?? -1, startsLine: startsLine, ongoing: ongoing)
        }

        @inline(__always)
        private mutating func record(_ kind: RuleItem.Kind, _ span: Range<Int>, index: Int32, startsLine: Bool, ongoing: Bool) {
            // Read once: a store through a column could alias the builder, so each would reload them.
            let columns = columns, item = count
            (columns.startsLine + item).initialize(to: startsLine)
            (columns.kinds + item).initialize(to: kind.bit)
            (columns.tokens + item).initialize(to: span)
            (columns.indices + item).initialize(to: index)
            (columns.ongoing + item).initialize(to: ongoing)
            count = item &+ 1
        }

        /// The stream of the items added; the builder's memo goes to the rule set.
        func stream() -> RuleStream {
            cache.commit()
            return RuleStream(words: words, count: count, columns: columns)
        }
    }
}

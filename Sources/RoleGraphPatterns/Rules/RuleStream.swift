import RoleGraphText
import Foundation

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
/// constraint bits once per knowledge entry. A rule set too large for the packing runs its tests on every
/// item.
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
    /// while the stream is.
    fileprivate final class Columns {
        let bits: UnsafeMutablePointer<UInt64>
        let startsLine: UnsafeMutablePointer<Bool>
        let kinds: UnsafeMutablePointer<UInt8>
        let lineKinds: UnsafeMutablePointer<UInt8>
        let streamKinds: UnsafeMutablePointer<UInt8>
        let tokens: UnsafeMutablePointer<Range<Int>>
        let indices: UnsafeMutablePointer<Int32>
        let ongoing: UnsafeMutablePointer<Bool>
        /// The builder's memo of token items' bits by ``RuleItem/word`` below the capacity (`wordKnown[word]`:
        /// worked out; `wordBits` holds `words` words per word number).
        let wordKnown: UnsafeMutablePointer<Bool>
        let wordBits: UnsafeMutablePointer<UInt64>

        init(words: Int, capacity: Int) {
            bits = .allocate(capacity: capacity * words)
            startsLine = .allocate(capacity: capacity)
            kinds = .allocate(capacity: capacity)
            lineKinds = .allocate(capacity: capacity)
            streamKinds = .allocate(capacity: capacity)
            tokens = .allocate(capacity: capacity)
            indices = .allocate(capacity: capacity)
            ongoing = .allocate(capacity: capacity)
            wordKnown = .allocate(capacity: capacity)
            wordKnown.initialize(repeating: false, count: capacity)
            wordBits = .allocate(capacity: capacity * words)
        }

        deinit {
            bits.deallocate()
            startsLine.deallocate()
            kinds.deallocate()
            lineKinds.deallocate()
            streamKinds.deallocate()
            tokens.deallocate()
            indices.deallocate()
            ongoing.deallocate()
            wordKnown.deallocate()
            wordBits.deallocate()
        }
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
        /// The literal classes of the knowledge base's syllables: a token with a syllable id is classed
        /// without reading its text.
        private let syllableLiterals: SyllableLiterals
        /// Constraint bits and `ongoing` of cue and honorific items by knowledge entry: their attributes are
        /// the entry's.
        private var entries: [(entry: Int32, bits: UInt64, ongoing: Bool)] = []
        /// Lengths and plainness of the tokens of multi-token items, by ``Token/word`` (``TokenTexts``).
        private var joinMemo: [UInt32] = []

        /// - Parameter syllableID: the id of a lower-case text in the knowledge base whose syllable ids the
        ///   tokens carry (``addToken(_:word:syllable:startsLine:kind:shape:text:)``), -1 for none.
        init(rules: RuleSet, capacity: Int, syllableID: ((String) -> Int32)? = nil) {
            words = max(1, (rules.tests.count + 63) / 64)
            packable = rules.features.packable
            features = rules.features
            tests = rules.tests
            self.capacity = capacity
            columns = Columns(words: words, capacity: capacity)
            cache = TestCache(words: words, memo: rules.memo)
            syllableLiterals = syllableID.map { rules.features.literals.syllableClasses($0) } ?? SyllableLiterals()
        }

        /// A plain token item: the token at `token` with its word number, knowledge-base syllable id (-1:
        /// none) and codes; `text` (its lower-case text) is read only the first time its word is seen, and
        /// not at all when it has a syllable id.
        @inline(__always)
        mutating func addToken(_ token: Int, word: Int32, syllable: Int32, startsLine: Bool, kind: UInt8, shape: UInt8,
                               text: () -> RuleItem.TextSource) {
            let word = Int(word)
            let memoised = word >= 0 && word < capacity
            // The common case first: a word seen before, whose bits are copied.
            if memoised && columns.wordKnown[word] && count < capacity {
                let target = columns.bits + count * words
                let known = columns.wordBits + word * words
                for w in 0..<words { target[w] = known[w] }
                record(.token, token..<(token + 1), index: -1, startsLine: startsLine, ongoing: false)
                return
            }
            guard packable, word >= 0 else {
                add(.token, token..<(token + 1), index: nil, startsLine: startsLine, text: text(),
                    facts: .token(kind: kind, shape: shape), word: Int32(truncatingIfNeeded: word))
                return
            }
            precondition(count < capacity, "more items than the builder holds")
            let target = columns.bits + count * words
            let literal = syllable >= 0 && syllableLiterals.isComplete
                ? syllableLiterals.classOf(syllable: syllable) : features.literalClass(text(), joinMemo: &joinMemo)
            cache.copy(features.tokenKey(literal, kind: kind, shape: shape), to: target, features)
            if memoised {
                columns.wordKnown[word] = true
                let known = columns.wordBits + word * words
                for w in 0..<words { known[w] = target[w] }
            }
            record(.token, token..<(token + 1), index: -1, startsLine: startsLine, ongoing: false)
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
            } else if case .entry(_, _, let number) = facts, number >= 0 {
                let known = entries.firstIndex { $0.entry == number }
                let entry = known.map { entries[$0] }
                    ?? (entry: number, bits: features.constraintBits(facts), ongoing: facts.attribute(RuleItem.AttributeKey.ongoing) == "yes")
                if known == nil { entries.append(entry) }
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
            (columns.startsLine + count).initialize(to: startsLine)
            (columns.kinds + count).initialize(to: kind.bit)
            (columns.tokens + count).initialize(to: span)
            (columns.indices + count).initialize(to: index)
            (columns.ongoing + count).initialize(to: ongoing)
            count += 1
        }

        /// The stream of the items added; the builder's memo goes to the rule set.
        func stream() -> RuleStream {
            cache.commit()
            return RuleStream(words: words, count: count, columns: columns)
        }
    }
}

/// A rule set's test bits by item features (``ItemFeatures``), learnt from the streams it has read and
/// shared by every copy of the rule set and every thread: the features a rule set's tests tell apart are
/// few (34 over the dev articles), so after the first documents a stream runs no test at all (a stream
/// has some 20, and running the tests on them cost some 3 000 instructions each).
final class TestMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var table: [UInt64: [UInt64]] = [:]
    /// Entries beyond this are not kept (a hostile stream cannot grow the memo without bound).
    private let limit = 1 << 16

    /// The memo as it is now (a copy, read without the lock).
    func snapshot() -> [UInt64: [UInt64]] {
        lock.lock()
        defer { lock.unlock() }
        return table
    }

    func learn(_ entries: [UInt64: [UInt64]]) {
        lock.lock()
        defer { lock.unlock() }
        for (key, bits) in entries where table.count < limit { table[key] = bits }
    }
}


/// The test bits of a stream's features: a direct-mapped cache of the stream's own in front of the rule
/// set's memo (``TestMemo``); features that neither knows run the tests (``FeatureTests``), and are
/// handed to the memo at the end of the stream.
struct TestCache {
    let words: Int
    private static let slots = 64
    private var keys = [UInt64](repeating: .max, count: slots)
    private var bits: [UInt64]
    private let memo: TestMemo
    private let known: [UInt64: [UInt64]]
    private var learned: [UInt64: [UInt64]] = [:]

    init(words: Int, memo: TestMemo) {
        self.words = words
        self.memo = memo
        bits = [UInt64](repeating: 0, count: Self.slots * words)
        known = memo.snapshot()
    }

    /// Copies the test bits of the features `key` to `target` (`words` words).
    @inline(__always)
    mutating func copy(_ key: UInt64, to target: UnsafeMutablePointer<UInt64>, _ features: ItemFeatures) {
        let index = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 58)
        let slot = index * words
        if keys[index] != key {
            keys[index] = key
            var passed: [UInt64]
            if let memo = known[key] ?? learned[key] {
                passed = memo
            } else {
                passed = [UInt64](repeating: 0, count: words)
                passed.withUnsafeMutableBufferPointer { features.featureTests.passed(key, into: $0.baseAddress!) }
                learned[key] = passed
            }
            for word in 0..<words { bits[slot + word] = passed[word] }
        }
        for word in 0..<words { target[word] = bits[slot + word] }
    }

    /// Hands the features learnt to the rule set's memo.
    func commit() {
        if !learned.isEmpty { memo.learn(learned) }
    }
}

/// The item facts a rule set's tests depend on (see ``RuleStream``), packed into one integer:
/// bits 0–2 the item kind, 3–5 the token `kind` code, 6–8 the token `shape` code (tokens only; 0 for
/// other items), 9–28 the literal class + 1, 32–63 one bit per constraint that holds. An immutable class:
/// a struct of this many arrays was copied, each retained and released, where a stream reads it per item.
final class ItemFeatures: Sendable {
    let literals: LiteralTable
    /// Every distinct `key=value` pair a constraint of the rule set tests.
    let constraints: [(key: String, value: String)]
    /// Per constraint, how a coded token (``RuleItem/Facts/token(kind:shape:)``) meets it: key 1 `kind`,
    /// 2 `shape`, 0 another key (never met); value: the code the attribute must have (255: none).
    let tokenCodes: [(key: UInt8, value: UInt8)]
    /// ``tokenCodes`` worked out: per token `kind` code × 8 + `shape` code (each below 8), the constraint bits
    /// a coded token with those codes meets.
    private let tokenConstraintBits: [UInt64]
    /// The constraints by key, each distinct key once with its constraints' bit offsets and values: an item's
    /// attribute is read once per key, not once per constraint (a rule set tests a handful of keys with
    /// many values each).
    let groups: [(key: RuleItem.AttributeKey, constraints: [(offset: Int, value: String)])]
    /// Whether the features fit the packing.
    let packable: Bool
    /// The rule set's tests (``RuleSet/tests``, same order) as tests on packed features (when packable).
    let featureTests: FeatureTests

    init(tests: [ItemTest]) {
        var literals: [String] = []
        var constraints: [(key: String, value: String)] = []
        func collect(_ test: ItemTest) {
            switch test {
            case .literal(let literal): literals.append(literal.text)
            case .constrained(let base, let list):
                collect(base)
                for constraint in list where !constraints.contains(where: { $0.key == constraint.key && $0.value == constraint.value }) {
                    constraints.append((constraint.key, constraint.value))
                }
            case .not(let inner): collect(inner)
            case .anyOf(let list): for inner in list { collect(inner) }
            case .any, .kind, .word, .capitalized, .punctuation, .number: break
            }
        }
        for test in tests { collect(test) }
        self.literals = LiteralTable(literals)
        self.constraints = constraints
        tokenCodes = constraints.map { constraint in
            if constraint.key == "kind" {
                return (1, RuleItem.kindNames.firstIndex(of: constraint.value).map(UInt8.init) ?? 255)
            }
            if constraint.key == "shape" {
                return (2, RuleItem.shapeNames.firstIndex(of: constraint.value).map(UInt8.init) ?? 255)
            }
            return (0, 255)
        }
        var groups: [(key: RuleItem.AttributeKey, constraints: [(offset: Int, value: String)])] = []
        for (offset, constraint) in constraints.enumerated() {
            if let group = groups.firstIndex(where: { $0.key.name == constraint.key }) {
                groups[group].constraints.append((offset, constraint.value))
            } else {
                groups.append((RuleItem.AttributeKey(constraint.key), [(offset, constraint.value)]))
            }
        }
        self.groups = groups
        let codes = tokenCodes
        tokenConstraintBits = (0..<64).map { index in
            var bits: UInt64 = 0
            for (offset, code) in codes.enumerated() where code.key != 0 && code.value == (code.key == 1 ? UInt8(index >> 3) : UInt8(index & 7)) {
                bits |= 1 << UInt64(32 + offset)
            }
            return bits
        }
        packable = constraints.count <= 32 && self.literals.classCount < (1 << 20) - 1
        let table = self.literals
        featureTests = FeatureTests(packable ? tests : [],
                                    literalClass: { table.representatives.firstIndex(of: $0.text)! },
                                    constraint: { item in constraints.firstIndex { $0.key == item.key && $0.value == item.value }! })
    }

    /// The packed features of an item of this kind, text and facts (the rule set fits the packing).
    /// `joinMemo` is the stream's memo of ``TokenTexts/isPlain(_:longerThan:memo:)``.
    @inline(__always)
    func key(_ kind: RuleItem.Kind, _ text: RuleItem.TextSource, _ facts: RuleItem.Facts, joinMemo: inout [UInt32]) -> UInt64 {
        if case .token = facts { return base(kind, text, facts, joinMemo: &joinMemo) }
        return base(kind, text, facts, joinMemo: &joinMemo) | constraintBits(facts)
    }

    /// The item kind, the literal class of its text and, for tokens, their `kind` and `shape` codes; for a
    /// coded token (``RuleItem/Facts/token(kind:shape:)``) its constraint bits too.
    @inline(__always)
    func base(_ kind: RuleItem.Kind, _ text: RuleItem.TextSource, _ facts: RuleItem.Facts, joinMemo: inout [UInt32]) -> UInt64 {
        let literal = literals.classOf(text, joinMemo: &joinMemo)
        if case .token(let tokenKind, let shape) = facts, kind == .token { return tokenKey(literal, kind: tokenKind, shape: shape) }
        var key = UInt64(kind.code) | UInt64(literal + 1) << 9
        if case .token(let tokenKind, let shape) = facts {
            // A coded token has only `kind` and `shape`.
            return key | constraintBits(kind: tokenKind, shape: shape)
        }
        if kind == .token {
            key |= UInt64(facts.kindCode & 7) << 3 | UInt64(min(facts.shapeCode, 7)) << 6
        }
        return key
    }

    /// ``LiteralTable/classOf(_:joinMemo:)`` of ``literals``, read in place (a caller outside the class copied
    /// the table, retaining and releasing its arrays).
    @inline(__always)
    func literalClass(_ text: RuleItem.TextSource, joinMemo: inout [UInt32]) -> Int32 {
        literals.classOf(text, joinMemo: &joinMemo)
    }

    /// The packed features of a token item with this literal class and these `kind` and `shape` codes.
    @inline(__always)
    func tokenKey(_ literal: Int32, kind: UInt8, shape: UInt8) -> UInt64 {
        UInt64(RuleItem.Kind.token.code) | UInt64(kind & 7) << 3 | UInt64(min(shape, 7)) << 6 | UInt64(literal + 1) << 9
            | constraintBits(kind: kind, shape: shape)
    }

    /// The constraint bits of a coded token (``RuleItem/Facts/token(kind:shape:)``).
    @inline(__always)
    private func constraintBits(kind: UInt8, shape: UInt8) -> UInt64 {
        // A code of 8 or more meets no constraint: every code a constraint names is below 8.
        kind < 8 && shape < 8 ? tokenConstraintBits[Int(kind) << 3 | Int(shape)] : 0
    }

    /// One bit per constraint the attributes meet (items without coded token facts).
    func constraintBits(_ facts: RuleItem.Facts) -> UInt64 {
        var key: UInt64 = 0
        for group in groups {
            guard let value = facts.attribute(group.key) else { continue }
            for constraint in group.constraints where constraint.value == value { key |= 1 << UInt64(32 + constraint.offset) }
        }
        return key
    }
}

/// The ``ItemTest``s of a rule set as tests on packed item features (``ItemFeatures``): what items with
/// those features would answer, without an item. The trees are flattened into one array of nodes, so
/// that running them reads plain values (an indirect enum retained and released its boxes at every node).
struct FeatureTests: Sendable {
    struct Node: Sendable {
        enum Operation: UInt8, Sendable {
            /// Always passes.
            case any
            /// The item kind's ``RuleItem/Kind/code`` is `a`.
            case kind
            /// A `token` item whose `kind` code is in the mask `a` and whose `shape` code is in the mask `b`.
            case token
            /// The literal class + 1 is `a`.
            case literal
            /// The constraint bits `a` are set, those of `b` clear, and the child passes.
            case constrained
            /// The child fails.
            case not
            /// One of the `count` children passes.
            case anyOf
        }
        var operation: Operation
        var a: UInt64 = 0
        var b: UInt64 = 0
        /// The first child's index in ``FeatureTests/nodes``; children are contiguous.
        var first: Int32 = 0
        var count: Int32 = 0
    }

    let nodes: [Node]
    /// The root node of each test, in ``RuleSet/tests`` order.
    let roots: [Int32]

    /// - Parameters: `literalClass` gives a literal's class, `constraint` a constraint's offset.
    init(_ tests: [ItemTest], literalClass: (ItemTest.Literal) -> Int, constraint: (ItemTest.Constraint) -> Int) {
        var nodes: [Node] = []
        func fill(_ index: Int, _ test: ItemTest) {
            func children(_ list: [ItemTest]) {
                let first = nodes.count
                nodes += repeatElement(Node(operation: .any), count: list.count)
                nodes[index].first = Int32(first)
                nodes[index].count = Int32(list.count)
                for (offset, child) in list.enumerated() { fill(first + offset, child) }
            }
            switch test {
            case .any: nodes[index] = Node(operation: .any)
            case .kind(let kind): nodes[index] = Node(operation: .kind, a: UInt64(kind.code))
            case .word: nodes[index] = Node(operation: .token, a: 1 << RuleItem.wordCode, b: 0xFF)
            case .capitalized:
                nodes[index] = Node(operation: .token, a: 1 << RuleItem.wordCode, b: 1 << RuleItem.capitalizedCode | 1 << RuleItem.upperCode)
            case .punctuation: nodes[index] = Node(operation: .token, a: 1 << RuleItem.punctuationCode | 1 << RuleItem.symbolCode, b: 0xFF)
            case .number: nodes[index] = Node(operation: .token, a: 1 << RuleItem.numberCode, b: 0xFF)
            case .literal(let literal): nodes[index] = Node(operation: .literal, a: UInt64(literalClass(literal) + 1))
            case .constrained(let base, let list):
                var required: UInt64 = 0, forbidden: UInt64 = 0
                for item in list {
                    let bit: UInt64 = 1 << UInt64(32 + constraint(item))
                    if item.negated { forbidden |= bit } else { required |= bit }
                }
                nodes[index] = Node(operation: .constrained, a: required, b: forbidden)
                children([base])
            case .not(let inner):
                nodes[index] = Node(operation: .not)
                children([inner])
            case .anyOf(let list):
                nodes[index] = Node(operation: .anyOf)
                children(list)
            }
        }
        nodes = Array(repeating: Node(operation: .any), count: tests.count)
        for (index, test) in tests.enumerated() { fill(index, test) }
        self.nodes = nodes
        roots = tests.indices.map { Int32($0) }
    }

    /// Sets the bits (in test order, at `bits`, which start cleared) of the tests that items with the
    /// features `key` pass. - Complexity: O(nodes).
    func passed(_ key: UInt64, into bits: UnsafeMutablePointer<UInt64>) {
        nodes.withUnsafeBufferPointer { nodes in
            for (test, root) in roots.enumerated() where Self.passes(Int(root), key, nodes) {
                bits[test >> 6] |= 1 << UInt64(test & 63)
            }
        }
    }

    private static func passes(_ index: Int, _ key: UInt64, _ nodes: UnsafeBufferPointer<Node>) -> Bool {
        let node = nodes[index]
        switch node.operation {
        case .any: return true
        case .kind: return key & 7 == node.a
        case .token:
            return key & 7 == UInt64(RuleItem.Kind.token.code) && node.a >> (key >> 3 & 7) & 1 != 0 && node.b >> (key >> 6 & 7) & 1 != 0
        case .literal: return key >> 9 & 0xF_FFFF == node.a
        case .constrained: return key & node.a == node.a && key & node.b == 0 && passes(Int(node.first), key, nodes)
        case .not: return !passes(Int(node.first), key, nodes)
        case .anyOf:
            for child in Int(node.first)..<Int(node.first + node.count) where passes(child, key, nodes) { return true }
            return false
        }
    }
}

/// The quoted literals of a rule set, in classes of canonically equal texts, and the class an item's text
/// falls in: by its bytes when the text is certainly NFC (``PlainLatin``) and so is the literal,
/// else by `String` equality, as ``RuleItem/textEquals(_:literalIsPlain:)`` compares.
struct LiteralTable: Sendable {
    /// One text per class.
    let representatives: [String]
    /// Certainly-NFC literals by their UTF-8 bytes: a one-byte literal's class by its byte.
    let single: [Int32]
    /// Longer certainly-NFC literals, with their classes.
    let plain: [(bytes: [UInt8], group: Int32)]
    /// Literals that are not certainly NFC, with their classes.
    let other: [(text: String, group: Int32)]
    /// The longest certainly-NFC literal, in bytes.
    let longestPlain: Int
    /// Whether a certainly-NFC literal of two bytes or more starts with the byte.
    let firstBytes: [Bool]
    /// Per ASCII byte, whether a literal's canonical decomposition starts with it. A text that starts with
    /// an ASCII byte (a scalar without decomposition, so its decomposition starts with it too) equals only
    /// such literals: most words are ruled out by their first byte, before any other test.
    let asciiStarts: [Bool]
    /// Whether a literal contains a space. When none does, a text of several tokens (joined by spaces) equals
    /// none of them: no canonical decomposition contains U+0020, so only a text with a space equals one.
    let spaced: Bool

    var classCount: Int { representatives.count }

    init(_ literals: [String]) {
        var representatives: [String] = []
        var single = [Int32](repeating: -1, count: 256)
        var plain: [(bytes: [UInt8], group: Int32)] = []
        var other: [(text: String, group: Int32)] = []
        var longestPlain = 0
        for literal in literals {
            let group: Int32
            if let known = representatives.firstIndex(of: literal) { group = Int32(known) }
            else { group = Int32(representatives.count); representatives.append(literal) }
            let bytes = Array(literal.utf8)
            if PlainLatin.isPlain(literal) {
                if bytes.count == 1 { single[Int(bytes[0])] = group }
                else if !plain.contains(where: { $0.bytes == bytes }) { plain.append((bytes, group)) }
                longestPlain = max(longestPlain, bytes.count)
            } else if !other.contains(where: { Array($0.text.utf8) == bytes }) {
                other.append((literal, group))
            }
        }
        self.representatives = representatives
        self.single = single
        self.plain = plain
        self.other = other
        self.longestPlain = longestPlain
        var firstBytes = [Bool](repeating: false, count: 256)
        for (bytes, _) in plain where !bytes.isEmpty { firstBytes[Int(bytes[0])] = true }
        self.firstBytes = firstBytes
        spaced = literals.contains { $0.unicodeScalars.contains(" ") }
        var asciiStarts = [Bool](repeating: false, count: 128)
        for literal in literals {
            if let first = literal.decomposedStringWithCanonicalMapping.unicodeScalars.first, first.isASCII {
                asciiStarts[Int(first.value)] = true
            }
        }
        self.asciiStarts = asciiStarts
    }

    /// The class of the literals an item's text equals, or -1. A joined text equals none when no literal has
    /// a space (``spaced``), or when it is longer than every literal, certainly NFC and every literal is
    /// compared by bytes: then it is never built.
    /// `joinMemo`: see ``TokenTexts/isPlain(_:longerThan:memo:)``.
    @inline(__always)
    func classOf(_ source: RuleItem.TextSource, joinMemo: inout [UInt32]) -> Int32 {
        switch source {
        case .string(let text):
            return classOf(text)
        case .joined(let texts, let span):
            if representatives.isEmpty || (!spaced && span.count > 1) { return -1 }
            if other.isEmpty, texts.isPlain(span, longerThan: longestPlain, memo: &joinMemo) { return -1 }
            return classOf(texts.joinedLower(span))
        }
    }

    /// The classes of the literals that are syllables of a knowledge base, by syllable id (`syllableID`: a
    /// lower-case text's id, -1 for none), for ``SyllableLiterals``.
    func syllableClasses(_ syllableID: (String) -> Int32) -> SyllableLiterals {
        var literals = SyllableLiterals()
        for (group, text) in representatives.enumerated() {
            let id = syllableID(text)
            if id >= 0 { literals.insert(id, class: Int32(group)) }
        }
        return literals
    }

    /// The class of the literals `text` equals, or -1.
    @inline(__always)
    func classOf(_ text: String) -> Int32 {
        if representatives.isEmpty { return -1 }
        if let first = text.utf8.first, first < 0x80, !asciiStarts[Int(first)] { return -1 }
        var copy = text
        return copy.withUTF8 { classOf(bytes: $0, text: text) }
    }

    private func classOf(bytes: UnsafeBufferPointer<UInt8>, text: String) -> Int32 {
        if PlainLatin.isPlain(bytes: bytes) {
            // Certainly NFC: equal to a certainly-NFC literal only byte for byte.
            let found = bytes.count <= longestPlain ? plainClass(bytes) : -1
            if found >= 0 || other.isEmpty { return found }
            for (literal, group) in other where literal == text { return group }
            return -1
        }
        for (group, literal) in representatives.enumerated() where literal == text { return Int32(group) }
        return -1
    }

    /// The class of the certainly-NFC literal with these bytes, or -1.
    @inline(__always)
    private func plainClass(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        if bytes.count == 1 { return single[Int(bytes[0])] }
        if !bytes.isEmpty && !firstBytes[Int(bytes[0])] { return -1 }
        for (literal, group) in plain where literal.count == bytes.count && literal.elementsEqual(bytes) { return group }
        return -1
    }
}

/// The literal classes (``LiteralTable``) of a knowledge base's syllables that equal a literal: a token
/// with a syllable id equals a literal exactly when the literal's text has that id (both are NFC, and a
/// syllable id stands for one text), so its class is one look-up here instead of a comparison of its text.
/// A few literals, in a small open-addressing table.
struct SyllableLiterals {
    private static let slots = 64
    private var ids = [Int32](repeating: -1, count: slots)
    private var classes = [Int32](repeating: -1, count: slots)
    private var count = 0

    /// Records a literal's syllable (at most half the slots are filled; a literal beyond is left out, and
    /// so the table is not used: see ``isComplete``).
    mutating func insert(_ id: Int32, class literal: Int32) {
        count += 1
        guard count <= Self.slots / 2 else { return }
        var slot = Int(id) & (Self.slots - 1)
        while ids[slot] >= 0 { slot = (slot + 1) & (Self.slots - 1) }
        ids[slot] = id
        classes[slot] = literal
    }

    /// Whether every literal that is a syllable is in the table.
    var isComplete: Bool { count <= Self.slots / 2 }

    /// The class of the literal with this syllable id (not negative), or -1.
    @inline(__always)
    func classOf(syllable id: Int32) -> Int32 {
        var slot = Int(id) & (Self.slots - 1)
        while true {
            let known = ids[slot]
            if known == id { return classes[slot] }
            if known < 0 { return -1 }
            slot = (slot + 1) & (Self.slots - 1)
        }
    }
}

extension RuleItem.Kind {
    /// This kind as a number below 8.
    var code: UInt8 {
        switch self {
        case .person: 0
        case .position: 1
        case .organization: 2
        case .location: 3
        case .cue: 4
        case .honorific: 5
        case .period: 6
        case .token: 7
        }
    }
}

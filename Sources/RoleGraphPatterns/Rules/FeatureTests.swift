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

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

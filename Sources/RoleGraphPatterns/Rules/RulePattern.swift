import RoleGraphText

/// A test on one item: the part of a pattern that consumes exactly one item of the stream.
///
/// Classes, literals, constraints, negation and alternations of single-item tests all fold into one
/// test, so `!(PERSON | "." | ";")` costs one instruction and one step of the matcher.
indirect enum ItemTest: Sendable, Equatable {
    case any
    case kind(RuleItem.Kind)
    /// A `token` item that is a word (`WORD`).
    case word
    /// A `token` item that is a capitalised or all-upper word (`CAP`).
    case capitalized
    /// A `token` item of punctuation or a symbol (`PUNCT`).
    case punctuation
    /// A `token` item that is a number (`NUM`).
    case number
    /// Any item whose ``RuleItem/text`` equals the (lower-case) literal.
    case literal(Literal)
    /// `CLASS[key=value, key!=value]`: the test, and every constraint on the item's attributes.
    case constrained(ItemTest, [Constraint])
    case not(ItemTest)
    case anyOf([ItemTest])

    /// A quoted literal, with whether it is certainly NFC (``PlainLatin``), worked out once.
    struct Literal: Sendable, Equatable {
        let text: String
        let isPlain: Bool
        init(_ text: String) { self.text = text; isPlain = PlainLatin.isPlain(text) }
    }

    struct Constraint: Sendable, Equatable {
        var key: String
        var value: String
        /// `key!=value`: the attribute is missing or has another value.
        var negated: Bool
    }

    /// Whether the item passes the test. Matching reads these outcomes from ``RuleStream``, which runs
    /// this once per distinct set of item features.
    func matches(_ item: borrowing RuleItem) -> Bool {
        switch self {
        case .any: return true
        case .kind(let kind): return item.kind == kind
        case .word: return item.kind == .token && item.kindCode == RuleItem.wordCode
        case .capitalized:
            guard item.kind == .token && item.kindCode == RuleItem.wordCode else { return false }
            let shape = item.shapeCode
            return shape == RuleItem.capitalizedCode || shape == RuleItem.upperCode
        case .punctuation:
            guard item.kind == .token else { return false }
            let kind = item.kindCode
            return kind == RuleItem.punctuationCode || kind == RuleItem.symbolCode
        case .number: return item.kind == .token && item.kindCode == RuleItem.numberCode
        case .literal(let literal): return item.textEquals(literal.text, literalIsPlain: literal.isPlain)
        case .constrained(let base, let constraints):
            guard base.matches(item) else { return false }
            for constraint in constraints where constraint.negated == (item.attribute(constraint.key) == constraint.value) {
                return false
            }
            return true
        case .not(let test): return !test.matches(item)
        case .anyOf(let tests):
            for test in tests where test.matches(item) { return true }
            return false
        }
    }
}

/// A parsed pattern: what ``RuleParser`` reads and ``RuleCompiler`` turns into instructions.
indirect enum RulePattern: Sendable, Equatable {
    /// Consumes one item that passes the test.
    case item(ItemTest)
    case sequence([RulePattern])
    case alternation([RulePattern])
    /// Greedy repetition; `max == nil` is unbounded.
    case repetition(RulePattern, min: Int, max: Int?)
    /// `name=ELEMENT`: every item the element consumes is recorded under `name`.
    case capture(String, RulePattern)
    /// `NEWLINE` (`true`) / `!NEWLINE` (`false`): a zero-width check that the next item starts a line
    /// (or that the stream ends there) / that it does not.
    case lineStart(Bool)

    /// The fewest items a match of the pattern consumes; a rule must consume at least one.
    var minimumLength: Int {
        switch self {
        case .item: 1
        case .sequence(let parts): parts.reduce(0) { $0 + $1.minimumLength }
        case .alternation(let options): options.map(\.minimumLength).min() ?? 0
        case .repetition(let body, let min, _): body.minimumLength * min
        case .capture(_, let body): body.minimumLength
        case .lineStart: 0
        }
    }

    /// The single-item test this pattern is, if it is one (`PERSON`, `("," | ";")`): what `!` may negate.
    var singleItemTest: ItemTest? {
        switch self {
        case .item(let test): return test
        case .alternation(let options):
            let tests = options.compactMap(\.singleItemTest)
            return tests.count == options.count ? .anyOf(tests) : nil
        case .sequence(let parts) where parts.count == 1: return parts[0].singleItemTest
        default: return nil
        }
    }
}

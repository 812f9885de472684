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
    case literal(String)
    /// `CLASS[key=value, key!=value]`: the test, and every constraint on the item's attributes.
    case constrained(ItemTest, [Constraint])
    case not(ItemTest)
    case anyOf([ItemTest])

    struct Constraint: Sendable, Equatable {
        var key: String
        var value: String
        /// `key!=value`: the attribute is missing or has another value.
        var negated: Bool
    }

    func matches(_ item: RuleItem) -> Bool {
        switch self {
        case .any: return true
        case .kind(let kind): return item.kind == kind
        case .word: return item.kind == .token && item.attributes["kind"] == "word"
        case .capitalized:
            return item.kind == .token && item.attributes["kind"] == "word"
                && (item.attributes["shape"] == "capitalized" || item.attributes["shape"] == "upper")
        case .punctuation:
            return item.kind == .token && (item.attributes["kind"] == "punctuation" || item.attributes["kind"] == "symbol")
        case .number: return item.kind == .token && item.attributes["kind"] == "number"
        case .literal(let text): return item.text == text
        case .constrained(let base, let constraints):
            return base.matches(item) && constraints.allSatisfy { ($0.negated) != (item.attributes[$0.key] == $0.value) }
        case .not(let test): return !test.matches(item)
        case .anyOf(let tests): return tests.contains { $0.matches(item) }
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

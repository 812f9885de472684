/// One element of the stream that role rules match over: a phrase or position the scanner found, a
/// status cue, an honorific, a biography period, or a plain token.
///
/// Rules see the text at this grain rather than token by token, so that `POSITION` is one step
/// whatever the length of `Bộ trưởng Bộ Tài chính`, and a pattern reads like the sentence shape it
/// describes. ``RuleItems`` builds the stream; tests build it by hand.
///
/// A value type of a few words plus a small dictionary: a stream costs O(tokens) to build and copy.
public struct RuleItem: Sendable, Equatable {
    /// What the item is; the rule classes `PERSON`, `POSITION`, … test this.
    public enum Kind: String, Sendable, CaseIterable {
        case person, position, organization, location, cue, honorific, period, token
    }

    public var kind: Kind
    /// Tokens the item covers in the document.
    public var tokens: Range<Int>
    /// For `person`, `organization`, `location`: the index in ``PatternResult/phrases``; for `position`:
    /// the index in ``PatternResult/positions``; `nil` for the rest.
    public var index: Int?
    /// Whether the item's first token starts a line (`Token.gap == .newline`, or the text's first token).
    public var startsLine: Bool
    /// Lower-case text, tokens joined by single spaces (`thôi giữ chức`, `:`); quoted literals compare with it.
    public var text: String
    /// Facts a class constraint can test (`CUE[status=ended]`): see ``RuleItems`` for the keys each kind has.
    public var attributes: [String: String]

    public init(kind: Kind, tokens: Range<Int>, index: Int? = nil, startsLine: Bool = false, text: String = "",
                attributes: [String: String] = [:]) {
        self.kind = kind; self.tokens = tokens; self.index = index; self.startsLine = startsLine
        self.text = text; self.attributes = attributes
    }
}

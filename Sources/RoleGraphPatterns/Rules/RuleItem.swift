import RoleGraphText

/// One element of the stream that role rules match over: a phrase or position the scanner found, a
/// status cue, an honorific, a biography period, or a plain token.
///
/// Rules see the text at this grain rather than token by token, so that `POSITION` is one step
/// whatever the length of `Bộ trưởng Bộ Tài chính`, and a pattern reads like the sentence shape it
/// describes. ``RuleItems/build(context:result:)`` makes the items of a document as values, tests make
/// them by hand; a document's matching reads its items straight into a ``RuleStream`` without any.
///
/// A value type of a few words: the attributes are kept in the form they come in (``Facts``): a plain
/// token's `kind` and `shape` as two small codes, a position's or phrase's few facts as fields, a cue's
/// or honorific's as its lexicon entry's dictionary and id, so a stream costs O(tokens) to build with
/// no dictionary built per item; ``attributes`` presents every form as one dictionary and
/// ``attribute(_:)`` reads one key without building it.
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
    /// An item of several tokens built by ``RuleItems`` joins its tokens' texts only when this is read:
    /// the features of a stream (``ItemFeatures``) need no text of that length.
    public var text: String {
        get {
            switch textSource {
            case .string(let text): text
            case .joined(let tokens, let span): tokens.joinedLower(span)
            }
        }
        set { textSource = .string(newValue) }
    }
    /// Where ``text`` comes from.
    var textSource: TextSource

    /// An item's text as given, or the lower-case texts of a span of tokens joined by single spaces.
    enum TextSource: Sendable {
        case string(String)
        case joined(TokenTexts, Range<Int>)
    }
    /// Facts a class constraint can test (`CUE[status=ended]`): see ``RuleItems`` for the keys each kind has.
    public var attributes: [String: String] {
        get { facts.dictionary }
        set { facts = Facts(newValue) }
    }

    /// The attributes, in the form they were given.
    var facts: Facts
    /// A `token` item made from a tokenised token: its ``Token/word`` number, which fixes the item's
    /// text and facts, so ``RuleStream`` works its features out once per distinct token; -1 otherwise.
    var word: Int32 = -1

    /// An item's attributes without a dictionary of their own where a few codes or fields say them.
    enum Facts: Sendable {
        case none
        /// A plain token's `kind` (index in ``kindNames``, not 0) and `shape` (index in ``shapeNames``).
        case token(kind: UInt8, shape: UInt8)
        case dictionary([String: String])
        /// `organization` (index in ``organizationNames``) and `head` if any.
        case position(organization: UInt8, head: String?)
        /// `rule`, and `short` (0: absent, 1: `no`, 2: `yes`).
        case phrase(rule: String, short: UInt8)
        /// `ongoing` = `yes` / `no`.
        case period(ongoing: Bool)
        /// A lexicon entry's attributes with `id` set to the entry's id; `number` is the entry's index in
        /// the knowledge base (-1: unknown), by which ``RuleStream`` memoises what its attributes meet.
        case entry([String: String], id: String, number: Int32 = -1)

        init(_ attributes: [String: String]) {
            if attributes.isEmpty {
                self = .none
            } else if attributes.count == 2, let kind = attributes["kind"], let shape = attributes["shape"],
                      let kindCode = RuleItem.kindNames.firstIndex(of: kind), kindCode != 0,
                      let shapeCode = RuleItem.shapeNames.firstIndex(of: shape) {
                self = .token(kind: UInt8(kindCode), shape: UInt8(shapeCode))
            } else {
                self = .dictionary(attributes)
            }
        }

        var dictionary: [String: String] {
            switch self {
            case .none: return [:]
            case .token(let kind, let shape):
                return ["kind": RuleItem.kindNames[Int(kind)], "shape": RuleItem.shapeNames[Int(shape)]]
            case .dictionary(let attributes): return attributes
            case .position(let organization, let head):
                var attributes = ["organization": RuleItem.organizationNames[Int(organization)]]
                if let head { attributes["head"] = head }
                return attributes
            case .phrase(let rule, let short):
                var attributes = ["rule": rule]
                if short != 0 { attributes["short"] = short == 2 ? "yes" : "no" }
                return attributes
            case .period(let ongoing): return ["ongoing": ongoing ? "yes" : "no"]
            case .entry(let attributes, let id, _):
                var all = attributes
                all["id"] = id
                return all
            }
        }

        /// `dictionary[key]`, without building the dictionary (see ``RuleItem/AttributeKey``).
        func attribute(_ key: String) -> String? { attribute(RuleItem.AttributeKey(key)) }

        /// The `kind` attribute as a code (0: none of the four names).
        var kindCode: UInt8 {
            if case .token(let kind, _) = self { return kind }
            guard let kind = attribute(AttributeKey.kind), let code = RuleItem.kindNames.firstIndex(of: kind) else { return 0 }
            return UInt8(code)
        }

        /// The `shape` attribute as a code (255: none of the five names).
        var shapeCode: UInt8 {
            if case .token(_, let shape) = self { return shape }
            guard let shape = attribute(AttributeKey.shape), let code = RuleItem.shapeNames.firstIndex(of: shape) else { return 255 }
            return UInt8(code)
        }
    }

    static let kindNames = ["", "word", "number", "punctuation", "symbol"]
    static let shapeNames = ["lower", "capitalized", "upper", "mixed", "none"]
    static let organizationNames = ["phrase", "implied", "none"]
    static let wordCode: UInt8 = 1, numberCode: UInt8 = 2, punctuationCode: UInt8 = 3, symbolCode: UInt8 = 4
    static let capitalizedCode: UInt8 = 1, upperCode: UInt8 = 2

    public init(kind: Kind, tokens: Range<Int>, index: Int? = nil, startsLine: Bool = false, text: String = "",
                attributes: [String: String] = [:]) {
        self.kind = kind; self.tokens = tokens; self.index = index; self.startsLine = startsLine
        self.textSource = .string(text); self.facts = Facts(attributes)
    }

    /// An item with its attributes as ``Facts``.
    init(kind: Kind, tokens: Range<Int>, index: Int?, startsLine: Bool, text: TextSource, facts: Facts, word: Int32 = -1) {
        self.kind = kind; self.tokens = tokens; self.index = index; self.startsLine = startsLine
        self.textSource = text; self.facts = facts; self.word = word
    }

    /// One attribute, without building the dictionary.
    func attribute(_ key: String) -> String? { facts.attribute(key) }

    /// The `kind` attribute as a code (0: none of the four names).
    var kindCode: UInt8 { facts.kindCode }

    /// The `shape` attribute as a code (255: none of the five names).
    var shapeCode: UInt8 { facts.shapeCode }

    /// `text == literal` (canonical equivalence), comparing bytes when both are certainly NFC.
    func textEquals(_ literal: String, literalIsPlain: Bool) -> Bool {
        if literalIsPlain && PlainLatin.isPlain(text) {
            let a = text.utf8, b = literal.utf8
            return a.count == b.count && a.elementsEqual(b)
        }
        return text == literal
    }

    public static func == (a: RuleItem, b: RuleItem) -> Bool {
        a.kind == b.kind && a.tokens == b.tokens && a.index == b.index && a.startsLine == b.startsLine
            && a.text == b.text && a.attributes == b.attributes
    }
}

/// One element of the stream that role rules match over: a phrase or position the scanner found, a
/// status cue, an honorific, a biography period, or a plain token.
///
/// Rules see the text at this grain rather than token by token, so that `POSITION` is one step
/// whatever the length of `Bộ trưởng Bộ Tài chính`, and a pattern reads like the sentence shape it
/// describes. ``RuleItems`` builds the stream; tests build it by hand.
///
/// A value type of a few words: a plain token keeps its `kind` and `shape` attributes as two small
/// codes rather than a dictionary (most items are plain tokens), so a stream costs O(tokens) to build
/// and copy with no allocation per token; ``attributes`` presents both forms as one dictionary.
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
    public var text: String {
        get { storedText }
        set { storedText = newValue; plainText = Self.isPlain(newValue) }
    }
    /// Facts a class constraint can test (`CUE[status=ended]`): see ``RuleItems`` for the keys each kind has.
    public var attributes: [String: String] {
        get {
            guard tokenKind != 0 else { return extra }
            var all = extra
            all["kind"] = Self.kindNames[Int(tokenKind)]
            all["shape"] = Self.shapeNames[Int(tokenShape)]
            return all
        }
        set { setAttributes(newValue) }
    }

    /// ``text`` as stored.
    private var storedText: String
    /// Whether ``text`` is made only of scalars below U+0300 and of Latin Extended Additional (U+1E00–U+1EFF):
    /// such a text is in NFC, so it equals another NFC text exactly when their UTF-8 bytes are equal.
    private(set) var plainText: Bool
    /// `kind` attribute of a plain token as a code (index in ``kindNames``); 0: not coded (in ``extra``).
    private(set) var tokenKind: UInt8 = 0
    /// `shape` attribute as a code (index in ``shapeNames``), meaningful when ``tokenKind`` is not 0.
    private(set) var tokenShape: UInt8 = 0
    /// The attributes that are not coded.
    private var extra: [String: String]

    static let kindNames = ["", "word", "number", "punctuation", "symbol"]
    static let shapeNames = ["lower", "capitalized", "upper", "mixed", "none"]
    static let wordCode: UInt8 = 1, numberCode: UInt8 = 2, punctuationCode: UInt8 = 3, symbolCode: UInt8 = 4
    static let capitalizedCode: UInt8 = 1, upperCode: UInt8 = 2

    public init(kind: Kind, tokens: Range<Int>, index: Int? = nil, startsLine: Bool = false, text: String = "",
                attributes: [String: String] = [:]) {
        self.kind = kind; self.tokens = tokens; self.index = index; self.startsLine = startsLine
        self.storedText = text; self.plainText = Self.isPlain(text); self.extra = [:]
        setAttributes(attributes)
    }

    /// A plain token item with its kind and shape codes (``kindNames``, ``shapeNames``).
    init(token span: Range<Int>, startsLine: Bool, text: String, kindCode: UInt8, shapeCode: UInt8) {
        self.kind = .token; self.tokens = span; self.index = nil; self.startsLine = startsLine
        self.storedText = text; self.plainText = Self.isPlain(text); self.extra = [:]
        self.tokenKind = kindCode; self.tokenShape = shapeCode
    }

    private mutating func setAttributes(_ attributes: [String: String]) {
        if attributes.count == 2, let kind = attributes["kind"], let shape = attributes["shape"],
           let kindCode = Self.kindNames.firstIndex(of: kind), kindCode != 0,
           let shapeCode = Self.shapeNames.firstIndex(of: shape) {
            tokenKind = UInt8(kindCode); tokenShape = UInt8(shapeCode); extra = [:]
        } else {
            tokenKind = 0; tokenShape = 0; extra = attributes
        }
    }

    /// One attribute, without building the dictionary.
    func attribute(_ key: String) -> String? {
        if tokenKind != 0 {
            if key == "kind" { return Self.kindNames[Int(tokenKind)] }
            if key == "shape" { return Self.shapeNames[Int(tokenShape)] }
        }
        return extra.isEmpty ? nil : extra[key]
    }

    /// The `kind` attribute as a code (0: none of the four names).
    var kindCode: UInt8 {
        if tokenKind != 0 { return tokenKind }
        guard let kind = extra.isEmpty ? nil : extra["kind"], let code = Self.kindNames.firstIndex(of: kind) else { return 0 }
        return UInt8(code)
    }

    /// The `shape` attribute as a code (255: none of the five names).
    var shapeCode: UInt8 {
        if tokenKind != 0 { return tokenShape }
        guard let shape = extra.isEmpty ? nil : extra["shape"], let code = Self.shapeNames.firstIndex(of: shape) else { return 255 }
        return UInt8(code)
    }

    /// `text == literal` (canonical equivalence), comparing bytes when both are certainly NFC.
    func textEquals(_ literal: String, literalIsPlain: Bool) -> Bool {
        if plainText && literalIsPlain {
            let a = storedText.utf8, b = literal.utf8
            return a.count == b.count && a.elementsEqual(b)
        }
        return storedText == literal
    }

    /// Whether every scalar of `text` is below U+0300 or in U+1E00–U+1EFF (no combining marks, no
    /// singleton decompositions): such a text is in NFC.
    static func isPlain(_ text: String) -> Bool {
        if let plain = text.utf8.withContiguousStorageIfAvailable({ isPlain(bytes: $0) }) { return plain }
        var bytes = text.utf8.makeIterator()
        while let byte = bytes.next() {
            if byte < 0x80 { continue }
            if byte >= 0xC2 && byte <= 0xCB { _ = bytes.next(); continue }   // U+0080–U+02FF
            if byte == 0xE1 {
                guard let second = bytes.next(), second >= 0xB8 && second <= 0xBB else { return false }   // U+1E00–U+1EFF
                _ = bytes.next()
                continue
            }
            return false
        }
        return true
    }

    /// ``isPlain(_:)`` over UTF-8 bytes.
    @inline(__always)
    static func isPlain(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 { index += 1; continue }
            if byte >= 0xC2 && byte <= 0xCB { index += 2; continue }   // U+0080–U+02FF
            if byte == 0xE1 {
                guard index + 1 < count, bytes[index + 1] >= 0xB8 && bytes[index + 1] <= 0xBB else { return false }   // U+1E00–U+1EFF
                index += 3
                continue
            }
            return false
        }
        return true
    }

    public static func == (a: RuleItem, b: RuleItem) -> Bool {
        a.kind == b.kind && a.tokens == b.tokens && a.index == b.index && a.startsLine == b.startsLine
            && a.storedText == b.storedText && a.attributes == b.attributes
    }
}

/// One token of normalised text: a word (syllable), a number, or one punctuation or
/// symbol scalar, with the views later stages match on.
///
/// `text` is what exact matching compares, `lower` what case-insensitive matching
/// compares, and `key` only finds candidates (`Việt` and `Viết` share a key but are
/// different names).
public struct Token: Sendable, Equatable {
    public enum Kind: UInt8, Sendable { case word, number, punctuation, symbol }

    /// Letter case of a word: `capitalized` = first letter upper, rest lower (`Việt`,
    /// and a single upper letter like `A`); `upper` = all letters upper, at least two
    /// (`TW`, `UBND`, `HĐND`, `TPHCM`); `mixed` otherwise (`iPhone`, `VnExpress`);
    /// `none` for tokens without letters.
    public enum Shape: UInt8, Sendable { case lower, capitalized, upper, mixed, none }

    /// What separates this token from the previous one (start of text = `.newline`);
    /// `.newline` when the white space contains a line break.
    public enum Gap: UInt8, Sendable { case none, space, newline }

    /// Byte range in ``SourceText/bytes``.
    public var range: Range<Int> {
        @inlinable get { start..<(start &+ Int(length)) }
        @inlinable set {
            precondition(newValue.count <= Int(UInt32.max), "a token longer than 4 GiB")
            start = newValue.lowerBound
            length = UInt32(truncatingIfNeeded: newValue.count)
        }
    }
    /// `range` as its start and a 32-bit length, which share 16 bytes with `kind`, `shape`
    /// and `gap`: a token takes 64 bytes rather than 72 (a 2 MB text has ~370k tokens).
    @usableFromInline var start: Int
    @usableFromInline var length: UInt32
    public var kind: Kind
    public var shape: Shape
    public var gap: Gap
    /// Normalised surface, with dash variants (– — ‐ ‑ ‒ ― −) mapped to `-` and quote
    /// variants (“ ” „ ‟ « » to `"`, ‘ ’ ‚ ‛ to `'`).
    public var text: String
    /// `text` lower-cased, Vietnamese-aware (`Đ`→`đ`, `Ủ`→`ủ`).
    public var lower: String
    /// Folded: lower-case, diacritics removed, `đ`→`d` (`Huỳnh`→`huynh`); for candidate look-up only.
    public var key: String

    public init(range: Range<Int>, kind: Kind, shape: Shape, gap: Gap,
                text: String, lower: String, key: String) {
        precondition(range.count <= Int(UInt32.max), "a token longer than 4 GiB")
        self.start = range.lowerBound
        self.length = UInt32(truncatingIfNeeded: range.count)
        self.kind = kind
        self.shape = shape
        self.gap = gap
        self.text = text
        self.lower = lower
        self.key = key
    }
}

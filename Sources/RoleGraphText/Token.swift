/// One token of normalised text: a word (syllable), a number, or one punctuation or
/// symbol scalar, with the views later stages match on.
///
/// `text` is what exact matching compares, `lower` what case-insensitive matching
/// compares, and `key` only finds candidates (`Việt` and `Viết` share a key but are
/// different names). `word` numbers the distinct tokens of one tokenisation, so that later
/// stages can work a fact out once per distinct token instead of once per occurrence.
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
    /// `range` as its start and a 32-bit length, which share 16 bytes with ``word``: with
    /// `kind`, `shape`, `gap`, ``wordListIndex`` and two strings a token takes 56 bytes (a 2 MB text
    /// has ~370k tokens).
    @usableFromInline var start: Int
    @usableFromInline var length: UInt32
    /// The token's number among the distinct tokens (byte strings) of its tokenisation, from 0 in
    /// order of first occurrence: tokens with the same bytes, and only they, share it (-1: made by
    /// hand, no number). Lets a stage memoise per distinct token in an array (news repeats a few
    /// thousand syllables) instead of hashing each token's text. Whoever changes a token's views
    /// must set it to -1.
    public var word: Int32
    public var kind: Kind
    public var shape: Shape
    public var gap: Gap
    /// Where the token's ``lower`` stands in the word list of the ``WordTable`` that tokenised it
    /// (`words[wordListIndex] == lower` in ``WordTable/init(words:)``), -1 when it is not listed, when
    /// no table tokenised it, or when it was made by hand. Lets a stage whose own ids follow that list
    /// (the gazetteer's syllable ids) take a token's id without looking its text up. Fits the padding
    /// after ``gap``: tokens stay 56 bytes.
    package var wordListIndex: Int32 = -1
    /// Normalised surface, with dash variants (– — ‐ ‑ ‒ ― −) mapped to `-` and quote
    /// variants (“ ” „ ‟ « » to `"`, ‘ ’ ‚ ‛ to `'`).
    public var text: String
    /// `text` lower-cased, Vietnamese-aware (`Đ`→`đ`, `Ủ`→`ủ`).
    public var lower: String
    /// Folded: lower-case, diacritics removed, `đ`→`d` (`Huỳnh`→`huynh`); for candidate look-up only.
    /// Worked out on each call (nothing in the pipeline reads it per token, so tokens do not carry it).
    /// - Complexity: O(bytes), one allocation for non-small strings.
    public var key: String { VietnameseFolding.key(text) }

    public init(range: Range<Int>, kind: Kind, shape: Shape, gap: Gap,
                text: String, lower: String, word: Int32 = -1) {
        precondition(range.count <= Int(UInt32.max), "a token longer than 4 GiB")
        self.start = range.lowerBound
        self.length = UInt32(truncatingIfNeeded: range.count)
        self.kind = kind
        self.shape = shape
        self.gap = gap
        self.text = text
        self.lower = lower
        self.word = word
    }

    /// Equal views at the same place; ``word`` is left out, as it only numbers tokens within one
    /// tokenisation (a token made by hand has none).
    public static func == (a: Token, b: Token) -> Bool {
        a.start == b.start && a.length == b.length && a.kind == b.kind && a.shape == b.shape && a.gap == b.gap
            && a.text == b.text && a.lower == b.lower
    }
}

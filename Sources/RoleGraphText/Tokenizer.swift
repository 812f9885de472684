/// Splits normalised text into tokens.
///
/// A word is a maximal run of letters (combining marks included); digits after the
/// first letter stay in the word (`Covid19`, `F0`). A number is a run of digits with
/// internal `.` or `,` between digits (`1.099`, `81.196`, `2020`). Every other
/// non-space scalar is its own punctuation or symbol token. Running example:
///
///     (Baonghean.vn) - Sáng 24/4, Quyết định số 98-QĐ/TW tại TP.HCM
///     ( Baonghean . vn ) - Sáng 24 / 4 , Quyết định số 98 - QĐ / TW tại TP . HCM
///
/// Format characters (zero-width space, soft hyphen, …) separate tokens but are not
/// white space: the token after them has gap `.none`.
public enum Tokenizer {
    /// Splits normalised text into tokens. So `TP.HCM` → `TP . HCM`; `98-QĐ/TW` →
    /// `98 - QĐ / TW`; `Th.Dương` → `Th . Dương`; `2020-2025` → `2020 - 2025`.
    /// - Complexity: O(n) over the bytes; ASCII fast path.
    public static func tokens(of text: SourceText) -> [Token] {
        text.bytes.withUnsafeBufferPointer { tokens(in: $0) }
    }

    /// Tokens of normalised UTF-8 bytes.
    static func tokens(in p: UnsafeBufferPointer<UInt8>) -> [Token] {
        let n = p.count
        var tokens: [Token] = []
        tokens.reserveCapacity(n / 5)
        var gap = Token.Gap.newline
        var i = 0
        while i < n {
            let (v, length) = scalar(p, at: i)
            let cls = p[i] < 0x80 ? CharacterClass.of(ascii: p[i]) : CharacterClass.of(v)
            switch cls {
            case .space:
                if gap == .none { gap = .space }
                i += length
                continue
            case .newline:
                gap = .newline
                i += length
                continue
            case .ignorable:
                i += length
                continue
            case .letter:
                let end = scanWord(p, from: i + length)
                tokens.append(TokenViews.word(p, i..<end, gap: gap))
                i = end
            case .digit:
                let end = scanNumber(p, from: i + length)
                tokens.append(TokenViews.number(p, i..<end, gap: gap))
                i = end
            case .punctuation, .symbol:
                let kind: Token.Kind = cls == .punctuation ? .punctuation : .symbol
                tokens.append(TokenViews.single(p, i..<(i + length), scalar: v, kind: kind, gap: gap))
                i += length
            }
            gap = .none
        }
        return tokens
    }

    @inline(__always)
    private static func scalar(_ p: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int) {
        p[i] < 0x80 ? (UInt32(p[i]), 1) : UTF8Scalars.decode(p, at: i)
    }

    @inline(__always)
    private static func classOf(_ p: UnsafeBufferPointer<UInt8>, at i: Int) -> (CharacterClass, Int) {
        if p[i] < 0x80 { return (CharacterClass.of(ascii: p[i]), 1) }
        let (v, length) = UTF8Scalars.decode(p, at: i)
        return (CharacterClass.of(v), length)
    }

    /// End of a word: letters and digits.
    private static func scanWord(_ p: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var j = start
        while j < p.count {
            let (cls, length) = classOf(p, at: j)
            guard cls == .letter || cls == .digit else { break }
            j += length
        }
        return j
    }

    /// End of a number: digits, with single `.` or `,` between digits.
    private static func scanNumber(_ p: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var j = start
        while j < p.count {
            let (cls, length) = classOf(p, at: j)
            if cls == .digit {
                j += length
                continue
            }
            if (p[j] == 0x2E || p[j] == 0x2C), j + 1 < p.count, classOf(p, at: j + 1).0 == .digit {
                j += 1
                continue
            }
            break
        }
        return j
    }
}

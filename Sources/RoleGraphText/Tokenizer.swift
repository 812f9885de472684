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
        var words = WordCache(capacity: 256)  // grows; news has a few thousand distinct words
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
                var h = WordCache.seed
                for k in i..<(i + length) { h = WordCache.mix(h, p[k]) }
                let end = scanWord(p, from: i + length, hash: &h)
                tokens.append(words.word(p, i..<end, hash: h, gap: gap))
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

    /// End of a word: letters and digits; folds the word's bytes into the FNV-1a `hash`.
    @inline(__always)
    private static func scanWord(_ p: UnsafeBufferPointer<UInt8>, from start: Int, hash: inout UInt64) -> Int {
        var j = start
        var h = hash
        let n = p.count
        while j < n {
            let b = p[j]
            if b < 0x80 {
                // ASCII letters and digits.
                guard (b >= 0x30 && b <= 0x39) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A) else { break }
                h = WordCache.mix(h, b)
                j += 1
                continue
            }
            let (v, length) = UTF8Scalars.decode(p, at: j)
            // Vietnamese letters without the general look-up.
            let isLetter = (v >= 0x1E00 && v <= 0x1EFF) || (v >= 0xC0 && v <= 0x24F && v != 0xD7 && v != 0xF7)
            if !isLetter {
                let cls = CharacterClass.of(v)
                guard cls == .letter || cls == .digit else { break }
            }
            for k in j..<(j + length) { h = WordCache.mix(h, p[k]) }
            j += length
        }
        hash = h
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

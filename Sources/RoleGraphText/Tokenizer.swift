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

    /// ``tokens(of:)``, taking the views of common words from `words` instead of building them, and
    /// the views of words this thread met in earlier texts from its cache (``ThreadWordCache``): the same
    /// tokens, faster when texts repeat words, as news does.
    public static func tokens(of text: SourceText, words: WordTable) -> [Token] {
        let thread = ThreadWordCache.current(for: words)
        var cache = thread.take()
        defer { thread.cache = cache }
        cache.beginDocument()
        return text.bytes.withUnsafeBufferPointer { tokens(in: $0, cache: &cache) }
    }

    /// Tokens of normalised UTF-8 bytes, with a cache of their own.
    static func tokens(in p: UnsafeBufferPointer<UInt8>) -> [Token] {
        // About one distinct token per 16 bytes in an article; a few thousand in a long text.
        var cache = WordCache(capacity: Swift.min(Swift.max(p.count / 16, 8), 2048))
        return tokens(in: p, cache: &cache)
    }

    /// Tokens of normalised UTF-8 bytes, numbered from 0 (``Token/word``) whatever `cache` holds.
    static func tokens(in p: UnsafeBufferPointer<UInt8>, cache: inout WordCache) -> [Token] {
        var state = State()
        // Tokens are written straight into the array's storage, sized from news averaging
        // about 5.4 bytes a token; text denser in tokens continues by appending.
        var tokens = [Token](unsafeUninitializedCapacity: p.count / 5 + 16) { buffer, count in
            guard let base = buffer.baseAddress else { return }
            while count < buffer.count, let (range, index) = state.next(p, &cache) {
                cache.initialize(base + count, entry: index, range: range, gap: state.gap)
                state.gap = .none
                count += 1
            }
        }
        while let (range, index) = state.next(p, &cache) {
            tokens.append(cache.token(index, range: range, gap: state.gap))
            state.gap = .none
        }
        return tokens
    }

    /// Where tokenisation stands: the next byte and the gap before the next token.
    private struct State {
        var i = 0
        var gap = Token.Gap.newline

        /// The next token's range and `cache` entry (its gap is ``gap``), or `nil` at the end.
        @inline(__always)
        mutating func next(_ p: UnsafeBufferPointer<UInt8>, _ cache: inout WordCache) -> (Range<Int>, Int)? {
            let n = p.count
            while i < n {
                if p[i] == 0x20 {  // most scalars between tokens: answered before the class look-up
                    if gap == .none { gap = .space }
                    i += 1
                    continue
                }
                let (v, length) = scalar(p, at: i)
                let cls = p[i] < 0x80 ? CharacterClass.of(ascii: p[i]) : CharacterClass.of(v)
                let start = i
                let index: Int
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
                    if i + 16 <= n, let (length, w0, w1) = wordSpan(p, at: i) {
                        let ascii = (w0 | w1) & 0x8080_8080_8080_8080 == 0
                        let word = cache.span(p, at: i, length: length, w0, w1, ascii: ascii)
                        index = word.index
                        i += word.length
                    } else {
                        i = scanWord(p, from: i + length)
                        index = cache.word(p, start..<i)
                    }
                case .digit:
                    i = scanNumber(p, from: i + length)
                    index = cache.number(p, start..<i)
                case .punctuation, .symbol:
                    i += length
                    index = cache.single(p, start..<i, scalar: v, kind: cls == .punctuation ? .punctuation : .symbol)
                }
                return (start..<i, index)
            }
            return nil
        }
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

    /// The span that starts at `i` (a letter; at least 16 bytes left): the bytes up to
    /// the first ASCII byte that is neither a letter nor a digit, if there are at most
    /// 16, with their little-endian words (zero padded). Eight bytes at a time, without
    /// a branch per byte; the word is the span or begins it (see ``WordCache/span``).
    @inline(__always)
    private static func wordSpan(_ p: UnsafeBufferPointer<UInt8>, at i: Int) -> (Int, UInt64, UInt64)? {
        let raw = UnsafeRawPointer(p.baseAddress.unsafelyUnwrapped + i)
        let x0 = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))
        let stop0 = stops(x0)
        if stop0 != 0 {
            let length = stop0.trailingZeroBitCount >> 3
            return (length, x0 & ((1 &<< UInt64(8 * length)) &- 1), 0)
        }
        let x1 = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        let stop1 = stops(x1)
        if stop1 != 0 {
            let length = stop1.trailingZeroBitCount >> 3
            return (8 + length, x0, x1 & ((1 &<< UInt64(8 * length)) &- 1))
        }
        return nil
    }

    /// The high bit of each byte of `x` that is ASCII but neither a letter nor a digit.
    @inline(__always)
    private static func stops(_ x: UInt64) -> UInt64 {
        let high: UInt64 = 0x8080_8080_8080_8080
        let low7 = x & 0x7F7F_7F7F_7F7F_7F7F  // no carries between bytes below
        let folded = low7 | 0x2020_2020_2020_2020
        let letter = (folded &+ 0x1F1F_1F1F_1F1F_1F1F) & ~(folded &+ 0x0505_0505_0505_0505)  // 0x61...0x7A
        let digit = (low7 &+ 0x5050_5050_5050_5050) & ~(low7 &+ 0x4646_4646_4646_4646)  // 0x30...0x39
        return ~(x | letter | digit) & high
    }

    /// End of a word: letters and digits.
    @inline(__always)
    static func scanWord(_ p: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var j = start
        let n = p.count
        while j < n {
            let b = p[j]
            if b < 0x80 {
                // ASCII letters and digits.
                guard b &- 0x30 < 10 || (b | 0x20) &- 0x61 < 26 else { break }
                j += 1
                continue
            }
            let (v, length) = UTF8Scalars.decode(p, at: j)
            let cls = CharacterClass.of(v)
            guard cls == .letter || cls == .digit else { break }
            j += length
        }
        return j
    }

    /// End of a number: digits, with single `.` or `,` between digits.
    static func scanNumber(_ p: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
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



/// Builds a token's `text`, `lower` and `shape` from its bytes.
///
/// One pass over the token's scalars fills a small byte buffer; a token whose text is
/// already lower-case shares one `String` for both views.
enum TokenViews {
    /// A word token: shape from the cased letters, lower per scalar.
    /// - Complexity: O(k) for a word of k bytes.
    static func word(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, gap: Token.Gap) -> Token {
        var scratch = Scratch()
        let views = wordViews(p, range, scratch: &scratch)
        return Token(range: range, kind: .word, shape: views.shape, gap: gap, text: views.text, lower: views.lower)
    }

    /// Byte buffers for ``wordViews(_:_:scratch:)``, reused from word to word.
    struct Scratch {
        var lower: [UInt8] = []
    }

    /// The views ``word(_:_:gap:)`` gives its token, building the lower-case bytes in `scratch`: for a
    /// cache, which keeps the views and makes no token of them.
    static func wordViews(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>,
                          scratch: inout Scratch) -> (text: String, lower: String, shape: Token.Shape) {
        var upper = 0, lowerCount = 0
        var firstCasedIsUpper = false
        var lower = scratch.lower
        scratch = Scratch()  // `lower` holds the only reference: appends do not copy
        defer { scratch = Scratch(lower: lower) }
        // This word's bytes follow the previous words' while there is room: emptying the buffer costs
        // more than a short word (some 80 instructions).
        if lower.capacity - lower.count < 2 * range.count {
            lower.removeAll(keepingCapacity: true)
            lower.reserveCapacity(Swift.max(2 * range.count, 1024))
        }
        let base = lower.count
        var i = range.lowerBound
        while i < range.upperBound {
            let b = p[i]
            if b < 0x80 {
                let isUpper = b >= 0x41 && b <= 0x5A
                if isUpper || (b >= 0x61 && b <= 0x7A) {
                    if upper + lowerCount == 0 { firstCasedIsUpper = isUpper }
                    if isUpper { upper += 1 } else { lowerCount += 1 }
                }
                let l = isUpper ? b | 0x20 : b
                lower.append(l)
                i += 1
                continue
            }
            let (v, length) = UTF8Scalars.decode(p, at: i)
            let isUpper = LetterCase.isUpper(v)
            if isUpper || LetterCase.isLower(v) {
                if upper + lowerCount == 0 { firstCasedIsUpper = isUpper }
                if isUpper { upper += 1 } else { lowerCount += 1 }
            }
            LetterCase.appendLowercase(v, to: &lower)
            i += length
        }
        let shape: Token.Shape
        if upper + lowerCount == 0 {
            shape = .none
        } else if upper == 0 {
            shape = .lower
        } else if lowerCount == 0 {
            shape = upper >= 2 ? .upper : .capitalized
        } else if firstCasedIsUpper && upper == 1 {
            shape = .capitalized
        } else {
            shape = .mixed
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: p[range]), as: UTF8.self)
        let lowerString = shape == .lower && lower.count - base == range.count
            ? text : String(decoding: lower[base...], as: UTF8.self)
        return (text, lowerString, shape)
    }

    /// A number token: both views are the digits as written.
    static func number(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, gap: Token.Gap) -> Token {
        let text = String(decoding: UnsafeBufferPointer(rebasing: p[range]), as: UTF8.self)
        return Token(range: range, kind: .number, shape: .none, gap: gap,
                     text: text, lower: text)
    }

    /// A punctuation or symbol token of one scalar; dash and quote variants become ASCII.
    static func single(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, scalar v: UInt32,
                       kind: Token.Kind, gap: Token.Gap) -> Token {
        let text: String
        var kind = kind
        if let a = PunctuationVariants.ascii(for: v) {
            text = String(UnicodeScalar(a))
            kind = .punctuation  // U+2212 minus is a math symbol, but it stands for "-"
        } else {
            text = String(decoding: UnsafeBufferPointer(rebasing: p[range]), as: UTF8.self)
        }
        return Token(range: range, kind: kind, shape: .none, gap: gap,
                     text: text, lower: text)
    }
}

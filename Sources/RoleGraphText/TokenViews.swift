/// Builds a token's `text`, `lower` and `shape` from its bytes.
///
/// One pass over the token's scalars fills a small byte buffer; a token whose text is
/// already lower-case shares one `String` for both views.
enum TokenViews {
    /// A word token: shape from the cased letters, lower per scalar.
    /// - Complexity: O(k) for a word of k bytes.
    static func word(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, gap: Token.Gap) -> Token {
        var scratch = Scratch()
        return word(p, range, gap: gap, scratch: &scratch)
    }

    /// Byte buffers for ``word(_:_:gap:scratch:)``, reused from word to word.
    struct Scratch {
        var lower: [UInt8] = []
    }

    /// ``word(_:_:gap:)`` building the lower-case bytes in `scratch`.
    static func word(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, gap: Token.Gap,
                     scratch: inout Scratch) -> Token {
        var upper = 0, lowerCount = 0
        var firstCasedIsUpper = false
        var lower = scratch.lower
        scratch = Scratch()  // `lower` holds the only reference: appends do not copy
        defer {
            lower.removeAll(keepingCapacity: true)
            scratch = Scratch(lower: lower)
        }
        lower.reserveCapacity(range.count)
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
        let lowerString = shape == .lower && lower.count == range.count
            ? text : String(decoding: lower, as: UTF8.self)
        return Token(range: range, kind: .word, shape: shape, gap: gap, text: text, lower: lowerString)
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

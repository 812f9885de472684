/// Strict UTF-8 validation that names the first ill-formed sequence.
///
/// Follows the Unicode Standard's table of well-formed byte sequences (Table 3-7):
/// rejects stray continuation bytes, `C0`/`C1`/`F5`–`FF` lead bytes, truncated
/// sequences, overlong forms, surrogates (`ED A0`–`ED BF`) and values above U+10FFFF.
enum UTF8Validation {
    /// The byte offset where the first ill-formed sequence at or after `start` (a scalar boundary)
    /// starts, or `nil` when all is well-formed.
    /// - Complexity: O(n); eight ASCII bytes per step on the fast path.
    static func firstInvalidOffset(in p: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        let n = p.count
        var i = start
        let raw = UnsafeRawBufferPointer(p)
        while i < n {
            // ASCII fast path, one machine word at a time, then straight to the first non-ASCII byte.
            while i + 8 <= n {
                let high = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080
                if high != 0 {
                    i += high.trailingZeroBitCount >> 3
                    break
                }
                i += 8
            }
            if i >= n { break }
            if p[i] < 0x80 { i += 1; continue }
            guard let length = sequenceLength(p, at: i) else { return i }
            i += length
        }
        return nil
    }

    /// Length of the sequence whose non-ASCII lead byte is at `i`, or `nil` when that sequence is
    /// ill-formed (or truncated by the end of `p`).
    @inline(__always)
    static func sequenceLength(_ p: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
        let n = p.count
        // Allowed range of the second byte, and total length, per lead byte.
        let length: Int
        var low: UInt8 = 0x80, high: UInt8 = 0xBF
        switch p[i] {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE, 0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: return nil
        }
        guard i + 1 < n, p[i + 1] >= low, p[i + 1] <= high else { return nil }
        var k = 2
        while k < length {
            guard i + k < n, p[i + k] & 0xC0 == 0x80 else { return nil }
            k += 1
        }
        return length
    }

    /// 1-based line and 1-based byte column of a byte offset. LF, CR LF and a lone CR
    /// each end a line, as editors count them.
    /// - Complexity: O(offset).
    static func lineAndColumn(of offset: Int, in p: UnsafeBufferPointer<UInt8>) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        var i = 0
        while i < offset {
            let b = p[i]
            if b == 0x0A || (b == 0x0D && (i + 1 >= p.count || p[i + 1] != 0x0A)) {
                line += 1
                lineStart = i + 1
            }
            i += 1
        }
        return (line, offset - lineStart + 1)
    }

    /// Validates and, on failure, builds the ``InputError`` for `file`.
    static func check(_ p: UnsafeBufferPointer<UInt8>, file: String) -> InputError? {
        guard let offset = firstInvalidOffset(in: p) else { return nil }
        let (line, column) = lineAndColumn(of: offset, in: p)
        return InputError(file: file, line: line, column: column, byte: offset,
                          message: InputError.invalidUTF8Message)
    }
}

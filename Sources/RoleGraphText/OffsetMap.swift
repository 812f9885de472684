/// Maps byte offsets of normalised text back to the input as read.
///
/// Dense: one entry per normalised byte plus an end entry, each giving the input byte
/// and scalar offset where that byte's unit starts. That is 8 bytes per byte of text
/// (80 KB for a typical 10 KB article) and buys O(1) look-ups for any offset, which
/// matters when a long article has thousands of mentions.
struct OffsetMap: Sendable {
    let originalByte: [Int32]
    let originalScalar: [Int32]

    /// Number of normalised bytes.
    var count: Int { originalByte.count - 1 }

    /// Input offsets for a normalised byte range.
    ///
    /// A start inside a unit maps to the start of that unit and an end inside a unit
    /// to the end of that unit, so the result always covers whole units of input.
    /// - Complexity: O(1), plus O(k) when the end falls inside a unit of k bytes.
    func span(_ range: Range<Int>) -> (scalars: Range<Int>, utf8: Range<Int>) {
        let lower = min(max(range.lowerBound, 0), count)
        let upper = min(max(range.upperBound, lower), count)
        let startByte = Int(originalByte[lower]), startScalar = Int(originalScalar[lower])
        if upper == lower {
            return (startScalar..<startScalar, startByte..<startByte)
        }
        var end = upper
        if end < count {
            let inside = originalByte[end - 1]
            while end < count, originalByte[end] == inside { end += 1 }
        }
        return (startScalar..<Int(originalScalar[end]), startByte..<Int(originalByte[end]))
    }
}

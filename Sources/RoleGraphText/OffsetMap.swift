/// Maps byte offsets of normalised text back to the input as read.
///
/// Sparse: normalised text is, unit for unit, a copy of the input except where a unit
/// changed length or merged scalars (NFD letters, `CR LF`, NBSP, re-toned `oa`/`oe`/`uy`
/// pairs). Only those units are stored, as *edits* (output range → input range), sorted by
/// output offset. Between edits the map is the identity shifted by a constant, and every
/// scalar is a unit of its own, so a unit boundary there is a scalar boundary of
/// ``SourceText/bytes``. Already-normalised text (the common case) has no edits at all.
///
/// Scalar offsets are derived from byte offsets: the scalar index of a byte offset of the
/// input is the number of non-continuation bytes before it, answered in O(1) from a count
/// per 64-byte block (4 bytes of index per 64 bytes of input) plus at most 63 bytes.
struct OffsetMap: Sendable {
    /// One unit whose output differs in length or scalar count from its input.
    struct Edit: Sendable, Equatable {
        var outStart: Int32
        var outEnd: Int32
        var inStart: Int32
        var inEnd: Int32
    }

    static let blockShift = 6

    /// Edits in increasing output order.
    let edits: [Edit]
    /// Input offset of output byte 0 (3 after a byte-order mark, else 0).
    let baseShift: Int
    /// Number of normalised bytes.
    let count: Int
    /// Number of input bytes.
    let originalCount: Int
    /// `scalarsBeforeBlock[k]` = number of scalars in `original[0 ..< 64k]`.
    let scalarsBeforeBlock: [Int32]
    /// Number of scalars in the input.
    let originalScalarCount: Int

    init(edits: [Edit], baseShift: Int, count: Int, original: UnsafeBufferPointer<UInt8>) {
        self.edits = edits
        self.baseShift = baseShift
        self.count = count
        let n = original.count
        self.originalCount = n
        let blocks = (n >> Self.blockShift) + 1
        var total = 0
        self.scalarsBeforeBlock = [Int32](unsafeUninitializedCapacity: blocks) { buffer, initialized in
            let raw = UnsafeRawBufferPointer(original)
            for k in 0..<blocks {
                buffer[k] = Int32(truncatingIfNeeded: total)
                let s = k << Self.blockShift
                let e = Swift.min(s + 64, n)
                if e - s == 64 {
                    var flags: UInt64 = 0
                    var o = s
                    while o < e {
                        flags &+= Self.continuationFlags(raw.loadUnaligned(fromByteOffset: o, as: UInt64.self))
                        o += 8
                    }
                    total += 64 - Self.byteSum(flags)
                } else {
                    var o = s
                    while o < e {
                        if original[o] & 0xC0 != 0x80 { total += 1 }
                        o += 1
                    }
                }
            }
            initialized = blocks
        }
        self.originalScalarCount = total
    }

    /// One flag per continuation byte (`10xxxxxx`) among the eight bytes of `x`: the low bit of that
    /// byte. Flags of up to eight words add up without carries, so a block costs one ``byteSum(_:)``.
    @inline(__always)
    static func continuationFlags(_ x: UInt64) -> UInt64 {
        (x & (~x << 1) & 0x8080_8080_8080_8080) >> 7
    }

    /// The sum of the eight bytes of `x` (at most 255), by a multiply into the top byte: the target
    /// has no population-count instruction, and the library's fallback costs three times as much.
    @inline(__always)
    static func byteSum(_ x: UInt64) -> Int {
        Int(truncatingIfNeeded: (x &* 0x0101_0101_0101_0101) >> 56)
    }

    /// Scalar index in the input of an input byte offset on a scalar boundary.
    ///
    /// The bytes of the block before `b` are counted eight at a time (continuation bytes, `10xxxxxx`, by
    /// ``continuationFlags(_:)`` per word and one ``byteSum(_:)``, as ``init(edits:baseShift:count:original:)``
    /// counts whole blocks): some 50 instructions instead of about 250 for a byte-by-byte walk over half a block.
    /// - Complexity: O(1): one table entry plus at most 7 words and 7 bytes.
    func scalarIndex(ofByte b: Int, original: UnsafeBufferPointer<UInt8>) -> Int {
        if b >= originalCount { return originalScalarCount }
        let k = b >> Self.blockShift
        var s = Int(scalarsBeforeBlock[k])
        var j = k << Self.blockShift
        // `j + 8 <= b < originalCount`: every word read lies inside `original`.
        let raw = UnsafeRawBufferPointer(original)
        var flags: UInt64 = 0
        while j + 8 <= b {
            flags &+= Self.continuationFlags(raw.loadUnaligned(fromByteOffset: j, as: UInt64.self))
            j += 8
        }
        s += (j - (k << Self.blockShift)) - Self.byteSum(flags)
        while j < b {
            if original[j] & 0xC0 != 0x80 { s += 1 }
            j += 1
        }
        return s
    }

    /// Index of the last edit with `outStart <= pos`, or -1.
    /// - Complexity: O(log e).
    @inline(__always)
    private func lastEdit(atOrBefore pos: Int) -> Int {
        var lo = 0, hi = edits.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if Int(edits[mid].outStart) <= pos { lo = mid + 1 } else { hi = mid }
        }
        return lo - 1
    }

    /// Input byte offset where the unit containing output byte `pos` starts.
    private func unitStart(_ pos: Int, bytes: UnsafeBufferPointer<UInt8>) -> Int {
        if pos >= count { return originalCount }
        let e = lastEdit(atOrBefore: pos)
        var shift = baseShift
        if e >= 0 {
            let edit = edits[e]
            if pos < Int(edit.outEnd) { return Int(edit.inStart) }
            shift = Int(edit.inEnd) - Int(edit.outEnd)
        }
        var q = pos
        while q > 0, bytes[q] & 0xC0 == 0x80 { q -= 1 }
        return q + shift
    }

    /// Input byte offset where the unit containing output byte `pos - 1` ends
    /// (`pos` itself when it is a unit boundary).
    private func unitEnd(_ pos: Int, bytes: UnsafeBufferPointer<UInt8>) -> Int {
        if pos >= count { return originalCount }
        let e = lastEdit(atOrBefore: pos)
        var shift = baseShift
        if e >= 0 {
            let edit = edits[e]
            if pos < Int(edit.outEnd) {
                return pos == Int(edit.outStart) ? Int(edit.inStart) : Int(edit.inEnd)
            }
            shift = Int(edit.inEnd) - Int(edit.outEnd)
        }
        var q = pos
        while q < count, bytes[q] & 0xC0 == 0x80 { q += 1 }
        return q + shift
    }

    /// Input offsets for a normalised byte range.
    ///
    /// A start inside a unit maps to the start of that unit and an end inside a unit
    /// to the end of that unit, so the result always covers whole units of input.
    /// - Complexity: O(log e) for e edits (none for already-normalised input), plus O(1)
    ///   for the scalar offsets.
    func span(_ range: Range<Int>, bytes: [UInt8], original: [UInt8]) -> (scalars: Range<Int>, utf8: Range<Int>) {
        let lower = Swift.min(Swift.max(range.lowerBound, 0), count)
        let upper = Swift.min(Swift.max(range.upperBound, lower), count)
        return bytes.withUnsafeBufferPointer { b in
            original.withUnsafeBufferPointer { o in
                let startByte = unitStart(lower, bytes: b)
                let startScalar = scalarIndex(ofByte: startByte, original: o)
                if upper == lower {
                    return (startScalar..<startScalar, startByte..<startByte)
                }
                let endByte = unitEnd(upper, bytes: b)
                let endScalar = scalarIndex(ofByte: endByte, original: o)
                return (startScalar..<endScalar, startByte..<endByte)
            }
        }
    }
}

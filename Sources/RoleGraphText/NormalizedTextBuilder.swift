/// Collects normalised scalars as UTF-8, with the offset map back to the input, and
/// moves old-style tone marks to new style on the fly.
///
/// Every output byte records where its *unit* starts in the input (byte and scalar
/// offset). A unit is the smallest stretch of input that turned into a stretch of
/// output: one copied scalar, a starter with its combining marks, `CR LF`, or an
/// `oa`/`oe`/`uy` pair whose tone moved. All bytes of one unit share one entry, so a
/// unit boundary is where the entry changes (see ``OffsetMap``).
///
/// The tone rewrite needs one scalar of look-ahead (does a letter follow the pair?),
/// so a candidate pair stays pending until the next scalar or ``finish`` arrives.
struct NormalizedTextBuilder {
    private(set) var bytes: [UInt8] = []
    private(set) var originalByte: [Int32] = []
    private(set) var originalScalar: [Int32] = []

    /// The last three scalars appended (`last` is the newest) and where the last two start.
    private var beforePrevious: UInt32 = 0
    private var previous: UInt32 = 0
    private var previousStart = 0
    private var last: UInt32 = 0
    private var lastStart = 0
    /// The new-style replacement for (`previous`, `last`), waiting for the next scalar.
    private var pending: (UInt32, UInt32)?

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
        originalByte.reserveCapacity(capacity + 1)
        originalScalar.reserveCapacity(capacity + 1)
    }

    /// Appends one output scalar belonging to the unit that starts at the given input offsets.
    /// - Complexity: amortised O(1).
    @inline(__always)
    mutating func append(_ v: UInt32, originalByte ob: Int, originalScalar os: Int) {
        if let pair = pending {
            pending = nil
            if !ToneMarks.isLetter(v) { rewritePending(pair) }
        }
        let start = bytes.count
        UTF8Scalars.append(v, to: &bytes)
        let count = bytes.count - start
        let b = Int32(truncatingIfNeeded: ob), s = Int32(truncatingIfNeeded: os)
        for _ in 0..<count {
            originalByte.append(b)
            originalScalar.append(s)
        }
        beforePrevious = previous
        previous = last
        previousStart = lastStart
        last = v
        lastStart = start
        if v >= 0xC0, ToneMarks.mayBeSecondVowel(v),
           let pair = ToneMarks.newStyle(before: beforePrevious, first: previous, second: v) {
            pending = pair
        }
    }

    /// Replaces the last two scalars by their new-style form; both become one unit
    /// starting where the first vowel started.
    private mutating func rewritePending(_ pair: (UInt32, UInt32)) {
        let start = previousStart
        let b = originalByte[start], s = originalScalar[start]
        // The pair is always the tail of the output: the rewrite runs before the next scalar lands.
        bytes.removeSubrange(start...)
        originalByte.removeSubrange(start...)
        originalScalar.removeSubrange(start...)
        UTF8Scalars.append(pair.0, to: &bytes)
        let secondStart = bytes.count
        UTF8Scalars.append(pair.1, to: &bytes)
        for _ in start..<bytes.count {
            originalByte.append(b)
            originalScalar.append(s)
        }
        previous = pair.0
        last = pair.1
        lastStart = secondStart
    }

    /// Completes the text: settles a pending pair and appends the end entry of the map.
    mutating func finish(originalByteCount: Int, originalScalarCount: Int) {
        if let pair = pending {
            pending = nil
            rewritePending(pair)
        }
        originalByte.append(Int32(truncatingIfNeeded: originalByteCount))
        originalScalar.append(Int32(truncatingIfNeeded: originalScalarCount))
    }
}

// The text layer before the fast path: dense offset map, scalar by scalar. Kept as the
// reference the optimised normaliser must agree with, byte for byte and span for span.
@testable import RoleGraphText

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
struct ReferenceTextBuilder {
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

/// Turns validated UTF-8 into the normalised form of ``SourceText/bytes``.
///
/// Why not Foundation on the whole text: `precomposedStringWithCanonicalMapping` is
/// correct but slows down roughly quadratically on large decomposed input, and it
/// keeps no map back to the input. Here the text is cut into units (a starter plus the
/// combining marks after it); a unit that is a single NFC-stable scalar — ASCII and
/// every precomposed Vietnamese letter — is copied, and only the rest is composed, by
/// ``LatinLetterTable`` for Latin letters and by Foundation, one small unit at a time
/// and cached, for anything else.
///
/// Besides NFC the normaliser maps U+00D0 `Ð` → U+0110 `Đ` and U+00F0 `ð` → U+0111 `đ`,
/// Unicode spaces (NBSP, U+2000–U+200A, U+202F, U+205F, U+3000, U+1680) → U+0020,
/// CR LF and CR (and U+0085, U+2028, U+2029) → LF, skips a leading byte-order mark, and
/// moves old-style tone marks to new style (``ToneMarks``).
struct ReferenceNormalizer {
    /// Foundation results per unit, so each distinct unusual unit costs one call per text.
    private var cache: [[UInt32]: [UInt32]] = [:]
    private var unit: [UInt32] = []

    init() {
        unit.reserveCapacity(8)
    }

    /// Normalises valid UTF-8.
    /// - Complexity: O(n) in the input size; ASCII bytes take the fast path.
    mutating func normalize(_ p: UnsafeBufferPointer<UInt8>) -> ReferenceTextBuilder {
        let n = p.count
        var out = ReferenceTextBuilder(capacity: n)
        var i = 0
        var scalarIndex = 0
        if n >= 3, p[0] == 0xEF, p[1] == 0xBB, p[2] == 0xBF {
            i = 3
            scalarIndex = 1
        }
        while i < n {
            let b = p[i]
            if b < 0x80 {
                if b == 0x0D {
                    let pairLength = (i + 1 < n && p[i + 1] == 0x0A) ? 2 : 1
                    out.append(0x0A, originalByte: i, originalScalar: scalarIndex)
                    i += pairLength
                    scalarIndex += pairLength
                    continue
                }
                // An ASCII byte followed by ASCII (or the end) is a unit on its own.
                if i + 1 == n || p[i + 1] < 0x80 {
                    out.append(UInt32(b), originalByte: i, originalScalar: scalarIndex)
                    i += 1
                    scalarIndex += 1
                    continue
                }
            }
            // General unit: one scalar and the non-starters after it.
            let unitByte = i, unitScalar = scalarIndex
            let (first, firstLength) = UTF8Scalars.decode(p, at: i)
            i += firstLength
            scalarIndex += 1
            unit.removeAll(keepingCapacity: true)
            unit.append(first)
            while i < n, p[i] >= 0x80 {
                let (next, length) = UTF8Scalars.decode(p, at: i)
                guard ScalarProperties.continuesUnit(next) else { break }
                unit.append(next)
                i += length
                scalarIndex += 1
            }
            if unit.count == 1, ScalarProperties.isStableStarter(first) {
                out.append(ScalarProperties.compatibilityMapped(first),
                           originalByte: unitByte, originalScalar: unitScalar)
            } else {
                for v in compose(unit) {
                    out.append(ScalarProperties.compatibilityMapped(v),
                               originalByte: unitByte, originalScalar: unitScalar)
                }
            }
        }
        out.finish(originalByteCount: n, originalScalarCount: scalarIndex)
        return out
    }

    /// NFC of one unit by Foundation (cached): the reference does not share the fast path's Latin table,
    /// so a mistake in that table shows as a disagreement.
    private mutating func compose(_ unit: [UInt32]) -> [UInt32] {
        if let hit = cache[unit] { return hit }
        let result = FoundationNormalization.nfc(unit)
        cache[unit] = result
        return result
    }
}

/// Maps byte offsets of normalised text back to the input as read.
///
/// Dense: one entry per normalised byte plus an end entry, each giving the input byte
/// and scalar offset where that byte's unit starts. That is 8 bytes per byte of text
/// (80 KB for a typical 10 KB article) and buys O(1) look-ups for any offset, which
/// matters when a long article has thousands of mentions.
struct ReferenceOffsetMap: Sendable {
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

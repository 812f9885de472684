/// Memoises the views of word tokens within one tokenisation: `text`, `lower`, `key` and
/// `shape` depend only on a word's bytes, and news repeats a few thousand syllables, so
/// each distinct word is decoded, lower-cased and folded once and later occurrences copy
/// its three strings (small strings are stored inline, so a copy is a few words).
///
/// An open-addressing table keyed by the word's bytes, compared in place in the text
/// being tokenised: no key is ever allocated.
struct WordCache {
    /// One slot of the open-addressing table: the word's hash, its first 16 bytes (zero
    /// padded), its length and where its views are; `length == 0` marks an empty slot.
    /// Comparing in registers keeps a hit away from the word's first occurrence, which may
    /// lie megabytes back in the text.
    private struct Slot {
        var hash: UInt64 = 0
        var w0: UInt64 = 0
        var w1: UInt64 = 0
        var length: Int32 = 0
        var index: Int32 = 0
    }

    private var slots: [Slot]
    private var mask: Int
    /// Per entry: where its first occurrence starts in the text, and its token.
    private var starts: [Int] = []
    private var tokens: [Token] = []

    init(capacity: Int) {
        var size = 64
        while size < capacity * 2 { size <<= 1 }
        slots = [Slot](repeating: Slot(), count: size)
        mask = size - 1
        starts.reserveCapacity(capacity)
        tokens.reserveCapacity(capacity)
    }

    /// FNV-1a: the hash is computed byte by byte while the tokenizer scans the word.
    static let seed: UInt64 = 0xCBF2_9CE4_8422_2325

    @inline(__always)
    static func mix(_ h: UInt64, _ b: UInt8) -> UInt64 {
        (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3
    }

    /// The first 16 bytes of a word, little-endian, zero beyond its end.
    @inline(__always)
    private static func prefix(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> (UInt64, UInt64) {
        let length = range.count
        let s = range.lowerBound
        if s + 16 <= p.count, let base = p.baseAddress {
            let raw = UnsafeRawPointer(base + s)
            var w0 = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))
            var w1 = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
            if length < 8 {
                w0 &= (1 &<< UInt64(8 * length)) &- 1
                w1 = 0
            } else if length < 16 {
                w1 &= (1 &<< UInt64(8 * (length - 8))) &- 1
            }
            return (w0, w1)
        }
        var w0: UInt64 = 0, w1: UInt64 = 0
        for k in 0..<Swift.min(length, 16) {
            if k < 8 { w0 |= UInt64(p[s + k]) << UInt64(8 * k) } else { w1 |= UInt64(p[s + k]) << UInt64(8 * (k - 8)) }
        }
        return (w0, w1)
    }

    /// The word token for `range` with FNV-1a hash `h`, from the cache or built by
    /// ``TokenViews/word(_:_:gap:)``.
    /// - Complexity: O(k) for a word of k bytes.
    @inline(__always)
    mutating func word(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, hash h: UInt64,
                       gap: Token.Gap) -> Token {
        let length = range.count
        let (w0, w1) = Self.prefix(p, range)
        var slot = Int(truncatingIfNeeded: h ^ (h >> 29)) & mask
        while true {
            let candidate = slots[slot]
            if candidate.length == 0 { break }
            if candidate.hash == h, candidate.w0 == w0, candidate.w1 == w1, Int(candidate.length) == length,
               length <= 16 || Self.equal(p, starts[Int(candidate.index)] + 16, range.lowerBound + 16, length - 16) {
                var token = tokens[Int(candidate.index)]
                token.range = range
                token.gap = gap
                return token
            }
            slot = (slot + 1) & mask
        }
        let token = TokenViews.word(p, range, gap: gap)
        slots[slot] = Slot(hash: h, w0: w0, w1: w1, length: Int32(truncatingIfNeeded: length),
                           index: Int32(truncatingIfNeeded: tokens.count))
        starts.append(range.lowerBound)
        tokens.append(token)
        if tokens.count * 2 > slots.count { grow() }
        return token
    }

    @inline(__always)
    private static func equal(_ p: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int, _ length: Int) -> Bool {
        if a == b { return true }
        var k = 0
        while k < length {
            if p[a + k] != p[b + k] { return false }
            k += 1
        }
        return true
    }

    private mutating func grow() {
        let old = slots
        let size = slots.count * 2
        slots = [Slot](repeating: Slot(), count: size)
        mask = size - 1
        for entry in old where entry.length != 0 {
            var slot = Int(truncatingIfNeeded: entry.hash ^ (entry.hash >> 29)) & mask
            while slots[slot].length != 0 { slot = (slot + 1) & mask }
            slots[slot] = entry
        }
    }
}

import Foundation

/// Interned lower-case syllables: canonical (NFC) UTF-8 bytes → a dense id.
///
/// Looking a syllable up hashes its bytes once with a cheap word-at-a-time hash and compares bytes,
/// instead of hashing a `String` (which, for non-ASCII text, normalises on every hash and compare).
/// Equality stays canonical equivalence, exactly like `String ==`: text made only of ASCII, Latin-1
/// Supplement, Latin Extended-A/B, IPA and Latin Extended Additional (everything Vietnamese uses) is
/// always in NFC, so its bytes are its canonical form; anything else is composed with Foundation's
/// NFC first (rare: foreign scripts, symbols, stray combining marks).
struct SyllableVocabulary: Sendable {
    static let unknown: Int32 = -1

    private var hashes: [UInt64] = []
    /// First 16 bytes of each syllable, zero-padded, as two words: most syllables compare in two loads.
    private var heads: [UInt64] = []
    /// Open addressing, linear probing: syllable id or -1.
    private var slots: [Int32] = Array(repeating: -1, count: 1024)
    private var shift: UInt64 = 64 - 10

    var count: Int { hashes.count }

    /// Every syllable, in id order (canonical text): checking an id a token names costs one `String ==`.
    private(set) var syllables: [String] = []

    // MARK: Look-up

    /// The id of a lower-cased syllable, or ``unknown``.
    @inline(__always)
    func id(of string: String) -> Int32 {
        if let found = string.utf8.withContiguousStorageIfAvailable({ p -> Int32? in
            Self.isCanonical(p) ? id(ofCanonical: p) : nil
        }), let found {
            return found
        }
        return slowID(of: string)
    }

    /// Not contiguous, or not obviously NFC: compose first.
    @inline(never)
    private func slowID(of string: String) -> Int32 {
        var canonical = Self.canonicalString(string)
        return canonical.withUTF8 { id(ofCanonical: $0) }
    }

    @inline(__always)
    func id(ofCanonical p: UnsafeBufferPointer<UInt8>) -> Int32 {
        let (w0, w1) = Self.head(p)
        let h = Self.hash(p, w0, w1)
        let mask = slots.count - 1
        return slots.withUnsafeBufferPointer { slots in
            heads.withUnsafeBufferPointer { heads in
                hashes.withUnsafeBufferPointer { hashes in
                    var slot = Int(truncatingIfNeeded: (h &* 0x9E37_79B9_7F4A_7C15) >> shift)
                    while true {
                        let id = slots[slot]
                        if id < 0 { return Self.unknown }
                        let i = Int(id)
                        if hashes[i] == h, heads[2 &* i] == w0, heads[2 &* i &+ 1] == w1,
                           p.count <= 16 || equalsLong(i, p) {
                            return id
                        }
                        slot = (slot &+ 1) & mask
                    }
                }
            }
        }
    }

    /// Whether syllable `id` (any value) is `lower`: an id to check, cheaper than a look-up (equal small
    /// strings compare as two words).
    @inline(__always)
    func isSyllable(_ id: Int32, _ lower: String) -> Bool {
        let i = Int(id)
        return i >= 0 && i < syllables.count && syllables[i] == lower
    }

    /// Full comparison for syllables longer than 16 bytes (the length is part of the hash and checked here).
    @inline(never)
    private func equalsLong(_ id: Int, _ p: UnsafeBufferPointer<UInt8>) -> Bool {
        syllables[id].utf8.elementsEqual(p)
    }

    // MARK: Building

    /// The id of a syllable, added if new.
    mutating func insert(_ string: String) -> Int32 {
        if let id = string.utf8.withContiguousStorageIfAvailable({ p -> Int32? in
            Self.isCanonical(p) ? insert(canonical: p) : nil
        }), let id {
            return id
        }
        var canonical = Self.canonicalString(string)
        return canonical.withUTF8 { insert(canonical: $0) }
    }

    private mutating func insert(canonical p: UnsafeBufferPointer<UInt8>) -> Int32 {
        let existing = id(ofCanonical: p)
        if existing >= 0 { return existing }
        let id = Int32(count)
        let (w0, w1) = Self.head(p)
        let h = Self.hash(p, w0, w1)
        syllables.append(String(decoding: p, as: UTF8.self))
        hashes.append(h)
        heads.append(w0)
        heads.append(w1)
        if 2 * count > slots.count {
            rehash(capacity: slots.count * 2)
        } else {
            place(id, hash: h)
        }
        return id
    }

    private mutating func place(_ id: Int32, hash h: UInt64) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: (h &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = id
    }

    private mutating func rehash(capacity: Int) {
        slots = Array(repeating: -1, count: capacity)
        shift = UInt64(64 - capacity.trailingZeroBitCount)
        for id in 0..<count { place(Int32(id), hash: hashes[id]) }
    }

    // MARK: Canonical form

    /// NFC of a string (Foundation), for the rare text outside the Latin ranges.
    static func canonicalString(_ string: String) -> String {
        string.precomposedStringWithCanonicalMapping
    }

    /// True when the bytes are certainly NFC: every scalar is ASCII, in U+0080–U+02AF (Latin-1
    /// Supplement, Latin Extended-A/B, IPA) or in U+1E00–U+1EFF (Latin Extended Additional). None of
    /// these is a combining mark, a composition exclusion, a singleton or the second of a composition
    /// pair, so a string of them is its own NFC.
    @inline(__always)
    static func isCanonical(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = p.count
        while i < n {
            let b = p[i]
            if b < 0x80 {
                i += 1
            } else if b >= 0xC2 && b <= 0xCA {  // U+0080–U+02BF; U+02B0–U+02BF are modifier letters, still starters
                i += 2
            } else if b == 0xE1, i + 1 < n, p[i + 1] >= 0xB8 && p[i + 1] <= 0xBB {  // U+1E00–U+1EFF
                i += 3
            } else {
                return false
            }
        }
        return i == n
    }

    /// The first 16 bytes as two little-endian words, zero-padded.
    @inline(__always)
    static func head(_ p: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64) {
        let n = p.count
        guard let base = p.baseAddress else { return (0, 0) }
        let raw = UnsafeRawPointer(base)
        if n >= 16 {
            return (raw.loadUnaligned(as: UInt64.self), raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        }
        if n >= 8 {
            return (raw.loadUnaligned(as: UInt64.self), partial(base + 8, n - 8))
        }
        return (partial(base, n), 0)
    }

    /// Up to 7 bytes as a zero-padded little-endian word.
    @inline(__always)
    private static func partial(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt64 {
        var w: UInt64 = 0
        var i = 0
        if n >= 4 {
            w = UInt64(UnsafeRawPointer(p).loadUnaligned(as: UInt32.self))
            i = 4
        }
        while i < n {
            w |= UInt64(p[i]) << UInt64(8 * i)
            i += 1
        }
        return w
    }

    /// A fast 64-bit hash of a byte string given its first 16 bytes; longer strings mix in the rest.
    @inline(__always)
    static func hash(_ p: UnsafeBufferPointer<UInt8>, _ w0: UInt64, _ w1: UInt64) -> UInt64 {
        var h = (w0 ^ 0x243F_6A88_85A3_08D3 ^ UInt64(truncatingIfNeeded: p.count)) &* 0xFF51_AFD7_ED55_8CCD
        h = (h ^ (h >> 32) ^ w1) &* 0xC4CE_B9FE_1A85_EC53
        if p.count > 16 { h = longHash(p, h) }
        return h ^ (h >> 29)
    }

    @inline(never)
    private static func longHash(_ p: UnsafeBufferPointer<UInt8>, _ seed: UInt64) -> UInt64 {
        var h = seed
        for i in 16..<p.count { h = (h ^ UInt64(p[i])) &* 0x0000_0100_0000_01B3 }
        return h
    }
}

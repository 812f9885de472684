#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A name hashed and compared by its UTF-8 bytes.
///
/// Every name the builder keys on is NFC (normalised article text, normalised knowledge files), and two
/// NFC strings are canonically equal exactly when their bytes are equal, so this key groups names as
/// `String` would — without `String`'s Unicode-aware hashing (an NFC check per hash).
struct ByteKey: Hashable {
    let text: Substring

    init(_ text: String) { self.text = Substring(text) }
    init(_ text: Substring) { self.text = text }

    static func == (a: ByteKey, b: ByteKey) -> Bool {
        let (x, y) = (a.text.utf8, b.text.utf8)
        guard x.count == y.count else { return false }
        let equal: Bool?? = x.withContiguousStorageIfAvailable { p in
            y.withContiguousStorageIfAvailable { q in p.count == 0 || memcmp(p.baseAddress!, q.baseAddress!, p.count) == 0 }
        }
        if let known = equal ?? nil { return known }
        return x.elementsEqual(y)
    }

    /// Feeds the hasher one 64-bit digest of the bytes (``digest(_:)``) instead of the bytes themselves:
    /// `Hasher` then runs one round instead of one per 8 bytes, and a name costs about a quarter of what
    /// hashing its bytes did. Equal bytes give equal digests, so equality is unchanged; the order of a
    /// set or dictionary of keys was never fixed (the hasher is seeded per process) and nothing reads it.
    func hash(into hasher: inout Hasher) {
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { hasher.combine(Self.digest($0)) }
        if done == nil { Array(text.utf8).withUnsafeBufferPointer { hasher.combine(Self.digest($0)) } }
    }

    /// A 64-bit multiply-xorshift digest of bytes, eight at a time, with the length mixed in.
    @inline(__always)
    static func digest(_ p: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h = 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: p.count)
        guard let base = p.baseAddress else { return h }
        let raw = UnsafeRawPointer(base)
        var offset = 0
        while offset + 8 <= p.count {
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            h = (h ^ word) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 32
            offset += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < p.count {
            tail |= UInt64(p[offset]) << shift
            shift += 8
            offset += 1
        }
        h = (h ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        return h ^ (h >> 29)
    }
}

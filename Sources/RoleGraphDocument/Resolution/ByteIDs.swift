#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Dense ids for texts compared by their UTF-8 bytes (as ``ByteKey`` compares them): a set, and a map to
/// small integers, of substrings.
///
/// An open-addressing table placed by ``ByteKey/digest(_:)``, with each key's digest kept beside it
/// (``NameIDs`` builds on it). A `Set` and a `Dictionary` of a `Hashable` byte key cost some 1 200 instructions an
/// insertion and 550 a look-up (`Hasher` set-up and finalisation, the generic probe, growth by rehashing every key); this costs
/// a digest, a probe or two and one byte comparison. The keys are kept as `Substring`s, which share the
/// storage of the strings they come from.
struct ByteIDs {
    private(set) var keys: [Substring] = []
    /// Per key: ``ByteKey/digest(_:)`` of its bytes.
    private var digests: [UInt64] = []
    /// Key id per slot, -1 for an empty slot; the count is a power of two, at most half used.
    private var slots = [Int32](repeating: -1, count: 64)
    /// Slot of a digest: its top `64 - shift` bits.
    private var shift: UInt64 = 64 - 6

    var isEmpty: Bool { keys.isEmpty }

    var count: Int { keys.count }

    /// The key's id, and whether it was new (then the id is the next one).
    @discardableResult
    mutating func insert(_ key: Substring) -> (id: Int, inserted: Bool) {
        let (found, digest, slot) = ByteKey.withBytes(of: key) { find($0) }
        if let found { return (found, false) }
        let id = keys.count
        keys.append(key)
        digests.append(digest)
        slots[slot] = Int32(truncatingIfNeeded: id)
        if keys.count * 2 > slots.count { grow() }
        return (id, true)
    }

    @discardableResult
    mutating func insert(_ key: String) -> (id: Int, inserted: Bool) { insert(Substring(key)) }

    /// The key's id, `nil` when it was never inserted.
    func id(of key: Substring) -> Int? { ByteKey.withBytes(of: key) { find($0).id } }

    func id(of key: String) -> Int? { ByteKey.withBytes(of: key) { find($0).id } }

    /// The id of the key with these bytes, `nil` when it was never inserted.
    func id(of bytes: UnsafeBufferPointer<UInt8>) -> Int? { find(bytes).id }

    func contains(_ key: Substring) -> Bool { id(of: key) != nil }

    func contains(_ key: String) -> Bool { id(of: key) != nil }

    /// The key's id, or `nil` with the empty slot where it belongs; and its digest.
    private func find(_ bytes: UnsafeBufferPointer<UInt8>) -> (id: Int?, digest: UInt64, slot: Int) {
        let digest = ByteKey.digest(bytes)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: digest >> shift)
        while true {
            let id = Int(slots[slot])
            if id < 0 { return (nil, digest, slot) }
            if digests[id] == digest && ByteKey.withBytes(of: keys[id], { Self.equal($0, bytes) }) { return (id, digest, slot) }
            slot = (slot + 1) & mask
        }
    }

    private static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        a.count == b.count && (a.isEmpty || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0)
    }

    /// Doubles the table and places every id again.
    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        shift -= 1
        let mask = slots.count - 1
        for (id, digest) in digests.enumerated() {
            var slot = Int(truncatingIfNeeded: digest >> shift)
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(truncatingIfNeeded: id)
        }
    }
}

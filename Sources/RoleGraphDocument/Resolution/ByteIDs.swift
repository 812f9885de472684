#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Dense ids for texts compared by their UTF-8 bytes (as ``ByteKey`` compares them): a set, and a map to
/// small integers, of names.
///
/// An open-addressing table placed by ``ByteKey/digest(_:)``, with each key's digest kept beside it
/// (``NameIDs`` builds on it). A `Set` and a `Dictionary` of a `Hashable` byte key cost some 1 200 instructions an
/// insertion and 550 a look-up (`Hasher` set-up and finalisation, the generic probe, growth by rehashing every
/// key); this costs a digest, a probe or two and one `memcmp`. The keys' bytes are copied into one run of bytes:
/// reading a kept `Substring`'s bytes again (the generic `Slice` path) cost some 250 instructions a comparison.
struct ByteIDs {
    /// The keys' bytes, one after another: key `id` is `bytes[starts[id]..<starts[id + 1]]`.
    private var bytes: [UInt8] = []
    private var starts: [Int] = [0]
    /// Per key: ``ByteKey/digest(_:)`` of its bytes.
    private var digests: [UInt64] = []
    /// Key id per slot, -1 for an empty slot; the count is a power of two, at most half used.
    private var slots: [Int32]
    /// Slot of a digest: its top `64 - shift` bits.
    private var shift: UInt64

    init() {
        slots = [Int32](repeating: -1, count: 64)
        shift = 64 - 6
    }

    /// Room for `count` keys of some `bytes` bytes in all, made at once: a table a document fills grew from
    /// empty by doubling its four arrays (about 1 M instructions over dev+seed for the builder's tables).
    init(capacity count: Int, bytes: Int) {
        var slotCount = 64
        var shift: UInt64 = 64 - 6
        while slotCount < count * 2 {
            slotCount *= 2
            shift -= 1
        }
        slots = [Int32](repeating: -1, count: slotCount)
        self.shift = shift
        self.bytes.reserveCapacity(bytes)
        starts.reserveCapacity(count + 1)
        digests.reserveCapacity(count)
    }

    var isEmpty: Bool { digests.isEmpty }

    var count: Int { digests.count }

    /// The key's id, and whether it was new (then the id is the next one).
    @discardableResult
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>) -> (id: Int, inserted: Bool) {
        let (found, digest, slot) = find(key)
        if let found { return (found, false) }
        let id = digests.count
        bytes.append(contentsOf: key)
        starts.append(bytes.count)
        digests.append(digest)
        slots[slot] = Int32(truncatingIfNeeded: id)
        if digests.count * 2 > slots.count { grow() }
        return (id, true)
    }

    @discardableResult
    mutating func insert(_ key: String) -> (id: Int, inserted: Bool) { ByteKey.withBytes(of: key) { insert($0) } }

    /// The key's id, `nil` when it was never inserted.
    func id(of key: String) -> Int? { ByteKey.withBytes(of: key) { find($0).id } }

    func id(of key: Substring) -> Int? { ByteKey.withBytes(of: key) { find($0).id } }

    /// The id of the key with these bytes, `nil` when it was never inserted.
    func id(of key: UnsafeBufferPointer<UInt8>) -> Int? { find(key).id }

    /// The key's id, or `nil` with the empty slot where it belongs; and its digest.
    private func find(_ key: UnsafeBufferPointer<UInt8>) -> (id: Int?, digest: UInt64, slot: Int) {
        let digest = ByteKey.digest(key)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: digest >> shift)
        while true {
            let id = Int(slots[slot])
            if id < 0 { return (nil, digest, slot) }
            if digests[id] == digest && starts[id + 1] - starts[id] == key.count {
                let equal = key.isEmpty || bytes.withUnsafeBufferPointer { all in
                    memcmp(all.baseAddress! + starts[id], key.baseAddress!, key.count) == 0
                }
                if equal { return (id, digest, slot) }
            }
            slot = (slot + 1) & mask
        }
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

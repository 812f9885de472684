#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Dense ids for names: each distinct name (by its UTF-8 bytes, as ``ByteKey`` compares) gets the next integer.
///
/// An open-addressing table of ids, placed by ``ByteKey/digest(_:)`` of the name's bytes, with the digest of
/// every name kept beside it: a look-up is one digest, a probe or two and one `memcmp`. A `[ByteKey: Int]`
/// cost some 1 500 instructions a look-up (a `Substring` per key, `Hasher` set-up and finalisation, the
/// generic dictionary probe); this costs a few hundred.
struct NameIDs {
    private(set) var names: [String] = []
    /// Per name: ``ByteKey/digest(_:)`` of its bytes.
    private var digests: [UInt64] = []
    /// Name id per slot, -1 for an empty slot; the count is a power of two, at most half used.
    private var slots = [Int32](repeating: -1, count: 64)
    /// Slot of a digest: its top `64 - shift` bits.
    private var shift: UInt64 = 64 - 6

    /// The id of a name, the next one when the name is new.
    mutating func id(_ name: String) -> Int {
        var name = name
        let (found, digest, slot) = name.withUTF8 { find($0) }
        if let found { return found }
        let id = names.count
        names.append(name)
        digests.append(digest)
        slots[slot] = Int32(truncatingIfNeeded: id)
        if names.count * 2 > slots.count { grow() }
        return id
    }

    /// The id of a name already given one.
    func existing(_ name: String) -> Int? {
        var name = name
        return name.withUTF8 { find($0).id }
    }

    /// The name's id, or `nil` with the empty slot where it belongs; and its digest.
    private func find(_ bytes: UnsafeBufferPointer<UInt8>) -> (id: Int?, digest: UInt64, slot: Int) {
        let digest = ByteKey.digest(bytes)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: digest >> shift)
        while true {
            let id = Int(slots[slot])
            if id < 0 { return (nil, digest, slot) }
            if digests[id] == digest && Self.equal(names[id], bytes) { return (id, digest, slot) }
            slot = (slot + 1) & mask
        }
    }

    private static func equal(_ name: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var name = name
        return name.withUTF8 { p in
            p.count == bytes.count && (p.count == 0 || memcmp(p.baseAddress!, bytes.baseAddress!, p.count) == 0)
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

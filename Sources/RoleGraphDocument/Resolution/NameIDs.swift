/// Dense ids for names: each distinct name (by its UTF-8 bytes, as ``ByteKey`` compares) gets the next
/// integer. A ``ByteIDs`` of whole names, with the names kept as `String`s for the entities they become.
///
/// A `Dictionary` of a `Hashable` byte key cost some 1 500 instructions a look-up (a `Substring` per key, `Hasher` set-up and
/// finalisation, the generic dictionary probe); ``ByteIDs`` costs a digest, a probe or two and one `memcmp`.
struct NameIDs {
    private var ids: ByteIDs
    private(set) var names: [String] = []

    /// A table with room for about `count` names (``ByteIDs/init(capacity:bytes:)``).
    init(capacity count: Int) {
        ids = ByteIDs(capacity: count, bytes: count * 32)
        names.reserveCapacity(count)
    }

    /// The id of a name, the next one when the name is new.
    mutating func id(_ name: String) -> Int {
        let (id, inserted) = ids.insert(name)
        if inserted { names.append(name) }
        return id
    }

    /// The id of a name already given one.
    func existing(_ name: String) -> Int? { ids.id(of: Substring(name)) }
}

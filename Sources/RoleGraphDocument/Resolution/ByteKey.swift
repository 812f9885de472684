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

    func hash(into hasher: inout Hasher) {
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        if done == nil { Array(text.utf8).withUnsafeBytes { hasher.combine(bytes: $0) } }
    }
}

/// Dense ids for names: each distinct name (by ``ByteKey``) gets the next integer.
struct NameIDs {
    private(set) var names: [String] = []
    private var ids: [ByteKey: Int] = [:]

    mutating func id(_ name: String) -> Int {
        let key = ByteKey(name)
        if let id = ids[key] { return id }
        let id = names.count
        ids[key] = id
        names.append(name)
        return id
    }

    func existing(_ name: String) -> Int? { ids[ByteKey(name)] }
}

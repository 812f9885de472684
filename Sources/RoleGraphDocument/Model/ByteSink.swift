/// A growing run of output bytes for ``DocumentJSONWriter``.
///
/// `Array.append(contentsOf:)` of a buffer costs some 95 instructions before its copy (the generic
/// sequence path, a uniqueness and a capacity check), and the writer appends about 90 000 pieces over
/// dev+seed. Here the array is kept longer than the output, zero-filled beyond ``count``, so an append is
/// one capacity compare and one copy into storage that is already there; ``bytes`` cuts it to size once.
struct ByteSink {
    /// `storage[..<count]` is the output; the rest is room, grown by doubling.
    private var storage: [UInt8]
    private(set) var count = 0

    init(capacity: Int) { storage = [UInt8](repeating: 0, count: Swift.max(capacity, 64)) }

    /// The bytes written.
    var bytes: [UInt8] { Array(storage[..<count]) }

    @inline(__always)
    private mutating func reserve(_ extra: Int) {
        if count + extra > storage.count {
            storage.append(contentsOf: repeatElement(0, count: Swift.max(storage.count, extra)))
        }
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        reserve(1)
        storage[count] = byte
        count += 1
    }

    @inline(__always)
    mutating func append(contentsOf piece: UnsafeBufferPointer<UInt8>) {
        guard let source = piece.baseAddress, !piece.isEmpty else { return }
        reserve(piece.count)
        let start = count
        // `reserve` made `storage.count >= start + piece.count`: the copy stays inside the array.
        storage.withUnsafeMutableBufferPointer { target in (target.baseAddress! + start).update(from: source, count: piece.count) }
        count += piece.count
    }

    mutating func append(contentsOf piece: [UInt8]) {
        piece.withUnsafeBufferPointer { append(contentsOf: $0) }
    }
}

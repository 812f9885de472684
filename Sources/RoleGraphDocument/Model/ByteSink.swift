/// A growing run of output bytes for ``DocumentJSONWriter``, in one raw allocation it owns.
///
/// The writer appends about 90 000 pieces over dev+seed. An `[UInt8]` checks its uniqueness on every write
/// and zero-fills its room; here the writer makes room now and then (``reserve(_:)``, one capacity compare)
/// and a write is a store or copy. Not copyable: the buffer is freed when the sink ends, and ``bytes``
/// copies it out once.
struct ByteSink: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = Swift.max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// The bytes written.
    var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// The bytes written, lent without a copy.
    func withBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(start: base, count: count))
    }

    /// Makes room for `extra` more bytes, for the unchecked writes that follow.
    @inline(__always)
    mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(extra) }
    }

    /// Doubles the buffer (or more, for one large piece).
    private mutating func grow(_ extra: Int) {
        let larger = Swift.max(capacity * 2, count + extra)
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        moved.initialize(from: base, count: count)
        base.deallocate()
        base = moved
        capacity = larger
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        reserve(1)
        appendReserved(byte)
    }

    /// A byte in room that ``reserve(_:)`` made.
    @inline(__always)
    mutating func appendReserved(_ byte: UInt8) {
        assert(count < capacity, "write past the reserved room")
        base[count] = byte
        count &+= 1
    }

    /// Bytes in room that ``reserve(_:)`` made.
    @inline(__always)
    mutating func appendReserved(_ piece: UnsafeBufferPointer<UInt8>) {
        assert(count + piece.count <= capacity, "write past the reserved room")
        Self.copy(piece, to: base + count)
        count &+= piece.count
    }

    /// Takes `length` bytes of room that ``reserve(_:)`` made and returns their start, for the caller to fill.
    /// A pointer, not a closure: a closure kept the writer's callers from being inlined.
    @inline(__always)
    mutating func claim(_ length: Int) -> UnsafeMutablePointer<UInt8> {
        assert(count + length <= capacity, "write past the reserved room")
        let start = base + count
        count &+= length
        return start
    }

    /// Copies a piece to `target`. Pieces are short (keys, ids, names): a few loads and stores of whole words,
    /// the last one overlapping the one before, cost less than a call to `memcpy` (some 35 instructions).
    @inline(__always)
    static func copy(_ piece: UnsafeBufferPointer<UInt8>, to target: UnsafeMutablePointer<UInt8>) {
        guard let source = piece.baseAddress else { return }
        let (from, to, n) = (UnsafeRawPointer(source), UnsafeMutableRawPointer(target), piece.count)
        func move<T>(_: T.Type, at offset: Int) {
            to.storeBytes(of: from.loadUnaligned(fromByteOffset: offset, as: T.self), toByteOffset: offset, as: T.self)
        }
        switch n {
        case 0: return
        case 1: target[0] = source[0]
        case 2..<4: move(UInt16.self, at: 0); move(UInt16.self, at: n - 2)
        case 4..<8: move(UInt32.self, at: 0); move(UInt32.self, at: n - 4)
        case 8...64:
            var i = 0
            while i + 8 < n {
                move(UInt64.self, at: i)
                i += 8
            }
            move(UInt64.self, at: n - 8)
        default: target.update(from: source, count: n)
        }
    }
}

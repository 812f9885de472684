/// Names compared by their UTF-8 bytes: their contiguous bytes, and a digest of them for ``ByteIDs``.
///
/// Every name the builder keys on is NFC (normalised article text, normalised knowledge files), and two
/// NFC strings are canonically equal exactly when their bytes are equal, so comparing bytes groups names as
/// `String` would — without `String`'s Unicode-aware hashing (an NFC check per hash). Tables of names are
/// ``ByteIDs``: a `Dictionary` keyed by a `Hashable` wrapper of the bytes cost some 2 000 instructions an
/// insertion (`Hasher` set-up and finalisation, growth).
enum ByteKey {
    /// Calls `body` with the text's contiguous UTF-8 bytes (a native string's in place; others copied).
    @inline(__always)
    static func withBytes<R>(of text: Substring, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(text.utf8).withUnsafeBufferPointer(body)
    }

    @inline(__always)
    static func withBytes<R>(of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(text.utf8).withUnsafeBufferPointer(body)
    }

    /// A 64-bit multiply-xorshift digest of bytes, eight at a time, with the length mixed in. Equal bytes give
    /// equal digests; nothing keeps a digest beyond the process.
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
        // The last one to seven bytes: the last eight, overlapping the word before, when there are eight; else
        // byte by byte.
        var tail: UInt64 = 0
        if offset < p.count && p.count >= 8 {
            tail = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: p.count - 8, as: UInt64.self))
        } else {
            var shift: UInt64 = 0
            while offset < p.count {
                tail |= UInt64(p[offset]) << shift
                shift += 8
                offset += 1
            }
        }
        h = (h ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        return h ^ (h >> 29)
    }
}

/// Text whose every scalar is below U+0300 or in Latin Extended Additional (U+1E00–U+1EFF), as NFC
/// Vietnamese is written: no combining marks and no singleton decompositions, so the text is in NFC and
/// every scalar is a character of its own. For such texts, byte equality is canonical equivalence and a
/// byte prefix is a character prefix, which lets hot paths compare, count and test prefixes on UTF-8
/// bytes instead of through `String`'s per-character normalisation.
/// - Complexity: O(bytes), no allocation.
public enum PlainLatin {
    /// Whether the UTF-8 bytes are plain (see the type).
    @inline(__always)
    public static func isPlain(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 { index += 1; continue }
            if byte >= 0xC2 && byte <= 0xCB { index += 2; continue }   // U+0080–U+02FF
            if byte == 0xE1 {
                guard index + 1 < count, bytes[index + 1] >= 0xB8 && bytes[index + 1] <= 0xBB else { return false }   // U+1E00–U+1EFF
                index += 3
                continue
            }
            return false
        }
        return true
    }

    /// Whether a string is plain: one pass over its contiguous UTF-8 (`withUTF8`, in place for a native string).
    /// Chosen over the generic overload below for every `String` argument: that one, called from other modules
    /// unspecialised, cost some 500 instructions on a short syllable (witness-table calls around the closure).
    public static func isPlain(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { isPlain(bytes: $0) }
    }

    /// Whether the text is plain: one pass over its bytes, contiguous when they are (a native string's).
    public static func isPlain<S: StringProtocol>(_ text: S) -> Bool {
        if let plain = text.utf8.withContiguousStorageIfAvailable({ isPlain(bytes: $0) }) { return plain }
        var bytes = text.utf8.makeIterator()
        while let byte = bytes.next() {
            if byte < 0x80 { continue }
            if byte >= 0xC2 && byte <= 0xCB { _ = bytes.next(); continue }
            if byte == 0xE1 {
                guard let second = bytes.next(), second >= 0xB8 && second <= 0xBB else { return false }
                _ = bytes.next()
                continue
            }
            return false
        }
        return true
    }
}

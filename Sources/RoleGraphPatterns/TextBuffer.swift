/// Reusable bytes for joining token texts into one `String`.
///
/// ``PatternContext/plainText(_:)`` and ``PatternContext/canonicalText(_:)`` used to grow a `String` by
/// `+=`, which costs some 250 instructions an append (a uniqueness check, capacity growth, small-string
/// promotion) and a reallocation every few tokens: about 6.4 M instructions over dev+seed. Appending the
/// UTF-8 bytes to an array whose capacity is kept between calls and decoding once costs one copy and one
/// allocation per text. The bytes are whole strings' bytes and ASCII spaces, so they are valid UTF-8 and
/// `String(decoding:as:)` repairs nothing: the text is the one the appends built.
struct TextBuffer {
    private var bytes: [UInt8] = []

    /// Starts a new text, keeping the capacity.
    mutating func reset() { bytes.removeAll(keepingCapacity: true) }

    /// Appends the text's bytes by one copy of its contiguous UTF-8 (`withUTF8`; article and knowledge strings
    /// are native, so nothing is converted): about a third of what appending its `utf8` view element-wise costs.
    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    mutating func appendSpace() { bytes.append(0x20) }

    /// The text so far.
    var string: String { String(decoding: bytes, as: UTF8.self) }
}

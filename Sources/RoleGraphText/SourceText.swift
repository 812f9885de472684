/// Text as read plus its normalised form, with a map back.
///
/// Everything downstream (tokens, gazetteer matches, mentions) works on ``bytes``,
/// the normalised UTF-8; offsets reported to users go through ``originalSpan(_:)`` so
/// they count scalars and bytes of the input exactly as it was read, even when that
/// input was NFD, used old-style tone marks, `Ð` for `Đ`, NBSP or CR LF.
public struct SourceText: Sendable {
    /// The bytes as read (valid UTF-8; a leading BOM is kept here but skipped in ``bytes``).
    public let original: [UInt8]
    /// Normalised UTF-8: NFC, new-style tone placement, U+00D0→U+0110 (`Đ`) and
    /// U+00F0→U+0111 (`đ`), NBSP and other Unicode spaces → U+0020, CR LF/CR → LF.
    public let bytes: [UInt8]
    /// Normalised byte offset → input offsets.
    let offsets: OffsetMap

    /// Validates UTF-8 (the error names file, line, column and byte of the first
    /// ill-formed sequence) and normalises, in one scan up to the first byte normalisation changes.
    /// - Complexity: O(n).
    public init(bytes: [UInt8], file: String) throws(InputError) {
        guard let text = SourceText(bytes, validating: true) else {
            throw bytes.withUnsafeBufferPointer { UTF8Validation.check($0, file: file)! }
        }
        self = text
    }

    /// Convenience for tests and callers that already hold a `String` (cannot fail:
    /// a `String` is always valid Unicode).
    public init(_ string: String) {
        self.init(validated: Array(string.utf8))
    }

    /// Normalises bytes known to be valid UTF-8.
    init(validated bytes: [UInt8]) {
        self.init(bytes, validating: false)!
    }

    /// Normalises; `nil` when `validating` and the bytes are not well-formed UTF-8. Already-normalised
    /// input (no BOM) is shared, not copied: ``bytes`` and ``original`` are then the same storage.
    private init?(_ bytes: [UInt8], validating: Bool) {
        var normalizer = Normalizer()
        let normalized = bytes.withUnsafeBufferPointer { p -> ([UInt8], OffsetMap)? in
            guard let result = normalizer.normalize(p, validating: validating) else { return nil }
            let normalized = result.bytes
                ?? (result.start == 0 ? bytes : Array(UnsafeBufferPointer(rebasing: p[result.start...])))
            let map = OffsetMap(edits: result.edits, baseShift: result.start,
                                count: normalized.count, original: p)
            return (normalized, map)
        }
        guard let (normalizedBytes, offsets) = normalized else { return nil }
        self.original = bytes
        self.bytes = normalizedBytes
        self.offsets = offsets
    }

    /// The normalised text as a `String`.
    /// - Complexity: O(n); it builds a new string each time.
    public var string: String { String(decoding: bytes, as: UTF8.self) }

    /// The normalised text of a byte range of ``bytes`` (clamped to the text).
    public func slice(_ range: Range<Int>) -> String {
        let r = range.clamped(to: 0..<bytes.count)
        return String(decoding: bytes[r], as: UTF8.self)
    }
}

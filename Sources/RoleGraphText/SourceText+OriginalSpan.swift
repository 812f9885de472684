extension SourceText {
    /// Maps a half-open byte range of ``bytes`` (on scalar boundaries) back to the input
    /// as read: Unicode-scalar offsets and UTF-8 byte offsets into ``original``.
    ///
    /// Whenever the range starts and ends at a boundary of a normalisation unit (a
    /// scalar with its combining marks, `CR LF`, a re-toned `oa`/`oe`/`uy` pair),
    /// slicing ``original`` with the result gives exactly the input text of the span.
    /// A boundary inside a unit widens to the whole unit.
    /// - Complexity: O(log e) for e changed units (O(1) for already-normalised input),
    ///   plus the length of a unit cut in the middle.
    public func originalSpan(_ range: Range<Int>) -> (scalars: Range<Int>, utf8: Range<Int>) {
        offsets.span(range, bytes: bytes, original: original)
    }

    /// The input text, as read, of a normalised byte range.
    public func originalSlice(_ range: Range<Int>) -> String {
        let utf8 = originalSpan(range).utf8
        return String(decoding: original[utf8], as: UTF8.self)
    }

    /// Number of Unicode scalars in ``original`` (a BOM counts as one).
    public var originalScalarCount: Int { offsets.originalScalarCount }
}

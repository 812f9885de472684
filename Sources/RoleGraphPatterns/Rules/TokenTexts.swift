import RoleGraphText

/// The tokens of one item stream, shared by its items of several tokens so that each can join its
/// tokens' lower-case texts when its ``RuleItem/text`` is read, and ``LiteralTable`` can rule a literal
/// out by length without joining them. One instance per stream: an item holds a reference (one retain
/// per copy, as a `String` would cost), never a copy of the tokens.
final class TokenTexts: Sendable {
    let tokens: [Token]

    init(_ tokens: [Token]) { self.tokens = tokens }

    /// The lower-case texts of `span` joined by single spaces, written once into a string of the right
    /// size. - Complexity: O(bytes), one allocation when longer than a small string.
    func joinedLower(_ span: Range<Int>) -> String {
        if span.count == 1 { return tokens[span.lowerBound].lower }
        var text = ""
        text.reserveCapacity(joinedLength(span))
        for index in span {
            if index > span.lowerBound { text += " " }
            text += tokens[index].lower
        }
        return text
    }

    /// The length in bytes of ``joinedLower(_:)``, without building it (the capacity it reserves).
    func joinedLength(_ span: Range<Int>) -> Int {
        var length = max(span.count - 1, 0)
        for index in span { length += tokens[index].lower.utf8.count }
        return length
    }

    /// Whether the join of `span` is longer than `length` bytes and certainly NFC (every token's lower-case
    /// text is, ``PlainLatin``). One pass over the tokens; the bytes are scanned only when
    /// the length is exceeded.
    func isPlain(_ span: Range<Int>, longerThan length: Int) -> Bool {
        guard span.count >= 1 else { return false }
        var joined = span.count - 1
        tokens.withUnsafeBufferPointer { tokens in
            for index in span { joined += tokens[index].lower.utf8.count }
        }
        guard joined > length else { return false }
        return tokens.withUnsafeBufferPointer { tokens in
            for index in span where !PlainLatin.isPlain(tokens[index].lower) { return false }
            return true
        }
    }
}

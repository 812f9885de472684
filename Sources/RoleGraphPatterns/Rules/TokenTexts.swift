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
    /// text is, ``PlainLatin``). Each distinct token's length and plainness are worked out once and kept in
    /// `memo`, which the caller holds for the whole stream (indexed by ``Token/word``; 0: not worked out,
    /// else `(bytes + 1) << 1 | plain`): a stream's phrases repeat the same few hundred syllables, and
    /// scanning their bytes again for every phrase cost some 700 instructions a phrase.
    /// - Complexity: O(span) after a token's first time; O(its bytes) that first time.
    func isPlain(_ span: Range<Int>, longerThan length: Int, memo: inout [UInt32]) -> Bool {
        guard span.count >= 1 else { return false }
        var joined = span.count - 1
        var plain = true
        tokens.withUnsafeBufferPointer { tokens in
            for index in span {
                let facts = Self.facts(of: tokens.baseAddress! + index, memo: &memo)
                joined += facts.bytes
                plain = plain && facts.plain
            }
        }
        return plain && joined > length
    }

    /// A token's lower-case length in bytes and plainness, from `memo` when its word was seen before. The
    /// token is read in place: a copied `Token` retains and releases its two strings.
    @inline(__always)
    private static func facts(of token: UnsafePointer<Token>, memo: inout [UInt32]) -> (bytes: Int, plain: Bool) {
        let word = Int(token.pointee.word)
        if word >= 0 && word < memo.count && memo[word] != 0 {
            return (Int(memo[word] >> 1) - 1, memo[word] & 1 != 0)
        }
        let bytes = token.pointee.lower.utf8.count
        let plain = PlainLatin.isPlain(token.pointee.lower)
        guard word >= 0, bytes < 1 << 30 else { return (bytes, plain) }
        if word >= memo.count { memo += repeatElement(0, count: max(word + 1 - memo.count, memo.count, 256)) }
        memo[word] = UInt32(bytes + 1) << 1 | (plain ? 1 : 0)
        return (bytes, plain)
    }
}

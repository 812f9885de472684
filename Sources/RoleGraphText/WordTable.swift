/// The views of words that occur in many documents (the knowledge base's syllables, lower-case and
/// capitalised; numbers and marks among them too), built once and shared by every tokenisation.
///
/// Each tokenisation memoises its distinct tokens in a ``WordCache``, and building the views of a word
/// the cache has not seen (``TokenViews/word(_:_:gap:)``: decode, lower-case, two `String`s) costs
/// about 600 instructions; an article meets a few hundred new words, most of them ordinary syllables
/// that every article repeats. A cache that misses asks this table before building: a hit copies the
/// prebuilt views (two retains at most) instead. The cache numbers words per document as before, so
/// nothing downstream sees the table.
///
/// Every token of a tokenisation with a table records where its lower-case form stands in the table's
/// word list, or -1 when it is not listed (``Token/wordListIndex``, ``listIndex(ofLower:)``): a stage
/// whose ids follow that list (the gazetteer's syllable ids) reads a token's id instead of looking it up.
///
/// Immutable after `init`, so one table serves every thread (`Sendable`).
///
/// - Invariant: an entry's views are those the tokenizer builds from its key's bytes (`init` keeps only
///   keys that tokenise as one token over all their bytes, and takes that token's views), with the word
///   list index of its `lower`. The cache asks only with the exact bytes of a token it has delimited, so
///   a hit gives the views it would have built: tokens are the same with or without the table.
public final class WordTable: Sendable {
    /// Open-addressing slots as in ``WordCache``: first 16 bytes, length (0: empty), entry. One array of
    /// whole slots, not one array per field: a look-up reads a slot's length and key together, one cache
    /// miss instead of three (the table is larger than the caches, and a probe is a few instructions).
    private let slots: [WordCache.Slot]
    private let shift: UInt64
    /// Every key's bytes back to back; entry `i` starts at `starts[i]` (for keys longer than 16 bytes).
    private let bytes: [UInt8]
    private let starts: [Int]
    /// Per entry: its views.
    let entries: [WordCache.Entry]
    /// The word list the table was made from (``Token/wordListIndex`` indexes it).
    public let words: [String]

    /// A table without words: every look-up misses.
    public static let empty = WordTable(words: [])

    /// Whether the table was made from this very list (the same array storage: an O(1) test, for a stage
    /// that trusts the ``Token/wordListIndex`` of the tokens it gets).
    public func isMade(from list: [String]) -> Bool {
        words.withUnsafeBufferPointer { a in list.withUnsafeBufferPointer { b in a.baseAddress == b.baseAddress && a.count == b.count } }
    }

    /// The number of words in the table.
    public var count: Int { entries.count }

    /// A table of `words` (distinct normalised text, lower-case) that tokenise as one token each, and the
    /// capitalised forms of the words (`bộ` → `Bộ`). - Complexity: O(total bytes), once per knowledge base.
    public init(words: [String]) {
        self.words = words
        var listIndex: [String: Int32] = [:]
        var keys: [String] = []
        var seen: Set<String> = []
        for (index, word) in words.enumerated() {
            if listIndex[word] == nil { listIndex[word] = Int32(truncatingIfNeeded: index) }
            for form in [word, Self.capitalised(word)] where seen.insert(form).inserted { keys.append(form) }
        }
        var entries: [WordCache.Entry] = []
        var bytes: [UInt8] = []
        var starts: [Int] = []
        entries.reserveCapacity(keys.count)
        starts.reserveCapacity(keys.count)
        var scratch = TokenViews.Scratch()
        var size = 64
        var bits: UInt64 = 6
        while size < keys.count * 2 {
            size <<= 1
            bits += 1
        }
        var slots = [WordCache.Slot](repeating: WordCache.Slot(), count: size)
        let shift = 64 - bits
        for key in keys {
            let utf8 = Array(key.utf8)
            guard utf8.count <= Int(Int32.max),
                  var entry = utf8.withUnsafeBufferPointer({ Self.oneToken($0, scratch: &scratch) }) else { continue }
            let (w0, w1) = utf8.withUnsafeBufferPointer { WordCache.prefix($0, 0..<$0.count) }
            var slot = Int(truncatingIfNeeded: WordCache.hash(w0, w1, utf8.count) >> shift)
            while slots[slot].length != 0 { slot = (slot + 1) & (size - 1) }
            slots[slot] = WordCache.Slot(w0: w0, w1: w1, length: Int32(utf8.count), index: Int32(entries.count))
            entry.wordListIndex = listIndex[entry.lower] ?? -1
            entries.append(entry)
            starts.append(bytes.count)
            bytes += utf8
        }
        self.slots = slots
        self.shift = shift
        self.bytes = bytes
        self.starts = starts
        self.entries = entries
    }

    /// The views of the bytes when they tokenise as one token over all of them (a word, a number, or one
    /// scalar of punctuation or a symbol), else `nil`. Decided without tokenising (a tokenisation sets up
    /// a cache: some 700 instructions per key).
    private static func oneToken(_ p: UnsafeBufferPointer<UInt8>, scratch: inout TokenViews.Scratch) -> Token? {
        guard !p.isEmpty else { return nil }
        let (first, length) = UTF8Scalars.decode(p, at: 0)
        switch CharacterClass.of(first) {
        case .letter:
            guard Tokenizer.scanWord(p, from: length) == p.count else { return nil }
            return WordCache.entry(word: TokenViews.wordViews(p, 0..<p.count, scratch: &scratch), length: p.count)
        case .digit:
            return Tokenizer.scanNumber(p, from: length) == p.count ? TokenViews.number(p, 0..<p.count, gap: .none) : nil
        case .punctuation, .symbol:
            guard length == p.count else { return nil }
            let kind: Token.Kind = CharacterClass.of(first) == .punctuation ? .punctuation : .symbol
            return TokenViews.single(p, 0..<p.count, scalar: first, kind: kind, gap: .none)
        case .space, .newline, .ignorable:
            return nil
        }
    }

    /// Where `lower` (a token's lower-case view) stands in ``words``, or -1: the word list index of the
    /// entry whose key is `lower`'s bytes. Every listed word that tokenises as one token is a key.
    /// - Complexity: O(1) expected.
    func listIndex(ofLower lower: String) -> Int32 {
        var lower = lower
        return lower.withUTF8 { p in
            let (w0, w1) = WordCache.prefix(p, 0..<p.count)
            let found = find(p, 0, p.count, w0, w1, hash: WordCache.hash(w0, w1, p.count))
            return found >= 0 ? entries[found].wordListIndex : -1
        }
    }

    /// `word` with its first letter upper-case (`đồng` → `Đồng`), or `word` when it has none to change.
    private static func capitalised(_ word: String) -> String {
        guard let first = word.first else { return word }
        return first.uppercased() + word.dropFirst()
    }

    /// The entry whose key is the `length` bytes of `p` at `start` (first 16 bytes `w0`, `w1`, zero
    /// padded; ``WordCache/hash(_:_:_:)`` `h`), or -1.
    /// - Complexity: O(1) expected; compares bytes beyond the 16th only for long keys.
    @inline(__always)
    func find(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ length: Int, _ w0: UInt64, _ w1: UInt64,
              hash h: UInt64) -> Int {
        if entries.isEmpty { return -1 }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: h &>> shift)
        return slots.withUnsafeBufferPointer { slots in
            while true {
                let candidate = Int(slots[slot].length)
                if candidate == 0 { return -1 }
                if candidate == length, slots[slot].w0 == w0, slots[slot].w1 == w1 {
                    let index = Int(slots[slot].index)
                    if length <= 16 || bytes.withUnsafeBufferPointer({ key in
                        (16..<length).allSatisfy { key[starts[index] + $0] == p[start + $0] }
                    }) {
                        return index
                    }
                }
                slot = (slot &+ 1) & mask
            }
        }
    }
}

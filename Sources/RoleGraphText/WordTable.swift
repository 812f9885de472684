/// The views of words that occur in many documents (the knowledge base's syllables, lower-case and
/// capitalised), built once and shared by every tokenisation.
///
/// Each tokenisation memoises its distinct tokens in a ``WordCache``, and building the views of a word
/// the cache has not seen (``TokenViews/word(_:_:gap:)``: decode, lower-case, two `String`s) costs
/// about 600 instructions; an article meets a few hundred new words, most of them ordinary syllables
/// that every article repeats. A cache that misses asks this table before building: a hit copies the
/// prebuilt views (two retains at most) instead. The cache numbers words per document as before, so
/// nothing downstream sees the table. An entry also records where its lower-case form stands in the word
/// list (``Token/wordListIndex``), so a stage whose ids follow that list skips its own look-up.
///
/// Immutable after `init`, so one table serves every thread (`Sendable`).
///
/// - Invariant: an entry's views are those ``TokenViews/word(_:_:gap:)`` builds from its key's
///   bytes (`init` keeps only keys that tokenise as one word over all their bytes, and takes that token's
///   views). The cache asks only with the exact bytes of a word it has delimited, so a hit gives the
///   views it would have built: tokens are the same with or without the table.
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

    /// A table without words: every look-up misses.
    public static let empty = WordTable(words: [])

    /// The number of words in the table.
    public var count: Int { entries.count }

    /// A table of `words` (normalised text) that tokenise as one word each, and their capitalised forms
    /// (`bộ` → `Bộ`). - Complexity: O(total bytes), once per knowledge base.
    public init(words: [String]) {
        var keys: [(form: String, listIndex: Int)] = []
        var seen: Set<String> = []
        for (listIndex, word) in words.enumerated() {
            for form in [word, Self.capitalised(word)] where seen.insert(form).inserted {
                keys.append((form, listIndex))
            }
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
        for (key, listIndex) in keys {
            let utf8 = Array(key.utf8)
            let views = utf8.withUnsafeBufferPointer { p in
                Self.isOneWord(p) ? TokenViews.wordViews(p, 0..<p.count, scratch: &scratch) : nil
            }
            guard let views, utf8.count <= Int(Int32.max) else { continue }
            let (w0, w1) = utf8.withUnsafeBufferPointer { WordCache.prefix($0, 0..<$0.count) }
            var slot = Int(truncatingIfNeeded: WordCache.hash(w0, w1, utf8.count) >> shift)
            while slots[slot].length != 0 { slot = (slot + 1) & (size - 1) }
            slots[slot] = WordCache.Slot(w0: w0, w1: w1, length: Int32(utf8.count), index: Int32(entries.count))
            var entry = WordCache.entry(word: views, length: utf8.count)
            if views.lower == words[listIndex] { entry.wordListIndex = Int32(truncatingIfNeeded: listIndex) }
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

    /// Whether the bytes tokenise as one word over all of them: they start with a letter, and the word
    /// the tokenizer scans from there runs to their end. Asked of each key without tokenising it (a
    /// tokenisation sets up a cache: some 700 instructions per key).
    private static func isOneWord(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !p.isEmpty else { return false }
        let (first, length) = UTF8Scalars.decode(p, at: 0)
        return CharacterClass.of(first) == .letter && Tokenizer.scanWord(p, from: length) == p.count
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

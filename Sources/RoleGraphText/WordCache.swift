/// Memoises the views of tokens: `kind`, `shape`, `text` and `lower` depend only on a token's bytes,
/// and news repeats a few thousand syllables, numbers and punctuation marks, so each distinct token is
/// decoded and lower-cased once and later occurrences copy its two strings. The cache hands out the same
/// `String` instances every time, so a copy is a retain, never an allocation, and for the small strings
/// a syllable fits in a copy of bytes (see ``Place/bitwise``). An entry whose views the shared
/// ``WordTable`` holds points at them instead of copying them: four bytes, nothing to retain or release.
///
/// A cache outlives its documents (``Tokenizer/tokens(of:words:)`` keeps one per thread): an article
/// meets a few hundred words it has not seen before, and finding and building their entries (a probe
/// of the shared table, or decoding and two `String`s) is the tokenizer's largest cost when every
/// document starts from nothing (tokenising the dev articles: 15.1 M instructions, 11.4 M with a cache
/// that outlives them). Entries are
/// numbered for good; ``Token/word`` numbers a document's distinct tokens from 0 in order of first
/// occurrence, so each entry also records its number in the current document (``stamps``). Nothing
/// downstream can tell a fresh cache from a warm one: tokens are the same.
///
/// An open-addressing table keyed by the token's bytes, compared in place in the text being tokenised:
/// no key is allocated (bytes past the 16th of a long key are kept once, in ``tails``).
struct WordCache {
    /// One slot of the open-addressing table: the token's first 16 bytes (zero padded),
    /// its length and its entry; `length == 0` marks an empty slot. For tokens of at most
    /// 16 bytes the slot holds the whole key, so a hit reads nothing else.
    ///
    /// A slot whose `index` is negative is a *span* (see ``span(_:at:length:_:_:ascii:)``): its
    /// key is a run of at most 16 bytes that starts with a letter and runs to the next
    /// ASCII byte that is neither a letter nor a digit, but whose word ends earlier; the
    /// word is entry `-index - 1`.
    /// ``WordTable`` lays its slots out the same way.
    struct Slot {
        var w0: UInt64 = 0
        var w1: UInt64 = 0
        var length: Int32 = 0
        var index: Int32 = 0
    }

    /// The views of one distinct token: a token of its kind, shape, views, length and
    /// ``Token/wordListIndex``, which each occurrence copies and places (its start, ``Token/word`` and gap).
    typealias Entry = Token

    /// The entry of a word of `length` bytes with `views` (``TokenViews/wordViews(_:_:scratch:)``).
    static func entry(word views: (text: String, lower: String, shape: Token.Shape), length: Int) -> Entry {
        Token(range: 0..<length, kind: .word, shape: views.shape, gap: .none, text: views.text, lower: views.lower)
    }

    /// Whether a copy of `string` needs no retain (nor its destruction a release): small strings and
    /// literals are immortal, which 64-bit Swift marks in bit 63 of a string's second word (the
    /// `isImmortal` discriminator bit of its ABI). Almost every syllable, number and mark is a small string.
    @inline(__always)
    static func isImmortal(_ string: String) -> Bool {
        #if arch(x86_64) || arch(arm64)
        withUnsafeBytes(of: string) { $0.load(fromByteOffset: 8, as: UInt64.self) } >> 63 == 1
        #else
        false
        #endif
    }

    /// A cache past these sizes starts over at its next document: a stream of hostile or unusual text
    /// cannot grow it without bound (a cache of 2^17 entries takes some 15 MB).
    struct Limits {
        var entries = 1 << 17
        var bytes = 1 << 24
    }
    private let limits: Limits

    private var slots: [Slot]
    /// Slots in use (entries and spans).
    private var used = 0
    /// Slot of a hash: its top `64 - shift` bits.
    private var shift: UInt64
    /// Where an entry's views are: `views >= 0` for `sharedViews[views]`, `< 0` for `built[-views - 1]`;
    /// `bitwise` when both its strings are immortal (``isImmortal(_:)``), so that a token copies them as
    /// bits, without two retains; `tail`: where its bytes past the 16th start in ``tails``.
    struct Place {
        var views: Int32
        var tail: Int32
        var bitwise: Bool
    }

    /// Per entry: its place.
    private var places: [Place] = []
    /// The bytes past the 16th of every key longer than 16 bytes, back to back.
    private var tails: [UInt8] = []
    /// Views this cache built (tokens the shared table does not hold).
    private var built: [Entry] = []
    /// Bytes of the keys and of the built views' strings: with ``places``' count, what the cache holds.
    private var bytes = 0
    /// Entry of each single-byte (ASCII) punctuation or symbol token, -1 until first seen.
    private var ascii: [Int32]
    /// Buffers for building the views of new words.
    private var scratch = TokenViews.Scratch()
    /// Prebuilt views of common words, asked before a new word's views are built.
    let shared: WordTable?
    /// `shared`'s views.
    private let sharedViews: [Entry]
    /// Per entry: `document << 32 | number`, its ``Token/word`` number in document `document`.
    private var stamps: [UInt64] = []
    /// The current document (from 1; stamps of 0 are no document's).
    private var document: UInt64 = 1
    /// Distinct tokens numbered in the current document.
    private var numbered: Int32 = 0

    init(capacity: Int, shared: WordTable? = nil, limits: Limits = Limits()) {
        self.shared = shared
        self.limits = limits
        sharedViews = shared?.entries ?? []
        var size = 16  // short texts (a knowledge-base surface) need few slots
        var bits: UInt64 = 4
        while size < capacity * 2 {
            size <<= 1
            bits += 1
        }
        slots = [Slot](repeating: Slot(), count: size)
        shift = 64 - bits
        places.reserveCapacity(capacity)
        stamps.reserveCapacity(capacity)
        built.reserveCapacity(capacity / 4)  // most words of an article are the shared table's
        ascii = [Int32](repeating: -1, count: 128)
    }

    /// The number of entries (distinct tokens and nothing else: spans point at entries).
    var count: Int { places.count }

    /// Starts the numbering of a new document's tokens from 0; starts the cache over first when it has
    /// outgrown its ``Limits``. - Complexity: O(1), or O(cache) when it starts over.
    mutating func beginDocument() {
        if places.count > limits.entries || bytes > limits.bytes || document == UInt64(UInt32.max) {
            self = WordCache(capacity: Swift.min(places.count, 4096), shared: shared, limits: limits)
            return
        }
        document += 1
        numbered = 0
    }

    /// The ``Token/word`` number of entry `index` in the current document, given on its first occurrence.
    @inline(__always)
    private mutating func wordNumber(of index: Int) -> Int32 {
        let stamp = stamps[index]
        if stamp >> 32 == document { return Int32(truncatingIfNeeded: stamp) }
        let number = numbered
        numbered += 1
        stamps[index] = document << 32 | UInt64(UInt32(bitPattern: number))
        return number
    }

    /// The first 16 bytes of a token, little-endian, zero beyond its end.
    @inline(__always)
    static func prefix(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> (UInt64, UInt64) {
        let length = range.count
        let s = range.lowerBound
        if s + 16 <= p.count, let base = p.baseAddress {
            let raw = UnsafeRawPointer(base + s)
            var w0 = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))
            var w1 = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
            if length < 8 {
                w0 &= (1 &<< UInt64(8 * length)) &- 1
                w1 = 0
            } else if length < 16 {
                w1 &= (1 &<< UInt64(8 * (length - 8))) &- 1
            }
            return (w0, w1)
        }
        var w0: UInt64 = 0, w1: UInt64 = 0
        for k in 0..<Swift.min(length, 16) {
            if k < 8 { w0 |= UInt64(p[s + k]) << UInt64(8 * k) } else { w1 |= UInt64(p[s + k]) << UInt64(8 * (k - 8)) }
        }
        return (w0, w1)
    }

    /// Hash of a key: its prefix words and length, multiplied so that the top bits, which pick the slot,
    /// depend on every byte (Fibonacci hashing).
    @inline(__always)
    static func hash(_ w0: UInt64, _ w1: UInt64, _ length: Int) -> UInt64 {
        (w0 ^ (w1 &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(truncatingIfNeeded: length)) &* 0x9E37_79B9_7F4A_7C15
    }

    /// The entry of the word token at `range`, built by ``TokenViews/wordViews(_:_:scratch:)`` the
    /// first time.
    /// - Complexity: O(k) for a word of k bytes.
    @inline(__always)
    mutating func word(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        entry(p, range) { cache, w0, w1, h in cache.newWord(p, range, w0, w1, hash: h) }
    }

    /// The views of a word this cache has not seen (see ``Place/views``): the shared table's if it has them,
    /// else built.
    @inline(__always)
    private mutating func newWord(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>,
                                  _ w0: UInt64, _ w1: UInt64, hash h: UInt64) -> Int32 {
        let known = shared?.find(p, range.lowerBound, range.count, w0, w1, hash: h) ?? -1
        if known >= 0 { return Int32(truncatingIfNeeded: known) }
        return build(Self.entry(word: TokenViews.wordViews(p, range, scratch: &scratch), length: range.count))
    }

    /// Keeps views this cache built, with the word list index of their `lower` in the shared table's list;
    /// returns where they are (see ``Place/views``).
    private mutating func build(_ entry: consuming Entry) -> Int32 {
        var entry = entry
        if let shared { entry.wordListIndex = shared.listIndex(ofLower: entry.lower) }
        bytes += 2 * Int(entry.length)
        built.append(entry)
        return Int32(truncatingIfNeeded: -built.count)
    }

    /// The entry of the number token at `range`.
    @inline(__always)
    mutating func number(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        entry(p, range) { cache, _, _, _ in cache.build(TokenViews.number(p, range, gap: .none)) }
    }

    /// The entry of the punctuation or symbol token of one scalar `v` at `range`.
    @inline(__always)
    mutating func single(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, scalar v: UInt32,
                         kind: Token.Kind) -> Int {
        if v < 0x80 {
            let known = ascii[Int(v)]
            if known >= 0 { return Int(known) }
            let index = newEntry(build(TokenViews.single(p, range, scalar: v, kind: kind, gap: .none)), p, range)
            ascii[Int(v)] = Int32(truncatingIfNeeded: index)
            return index
        }
        return entry(p, range) { cache, _, _, _ in
            cache.build(TokenViews.single(p, range, scalar: v, kind: kind, gap: .none))
        }
    }

    /// The entry for the bytes at `range`, from the table or with the views `make` finds (given the cache,
    /// the bytes' prefix words and their hash; see ``Place/views``). Tokens of different kinds never share bytes,
    /// so one table serves them all.
    @inline(__always)
    private mutating func entry(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>,
                                _ make: (inout WordCache, UInt64, UInt64, UInt64) -> Int32) -> Int {
        let length = range.count
        let (w0, w1) = Self.prefix(p, range)
        let h = Self.hash(w0, w1, length)
        switch find(p, range.lowerBound, length, w0, w1, hash: h) {
        case .found(let index):
            return Int(index)
        case .empty(let slot):
            return insert(make(&self, w0, w1, h), at: slot, p, range.lowerBound, length, w0, w1)
        }
    }

    /// The word that starts a span: `length` bytes at `start` that begin with a letter
    /// and run to the next ASCII byte that is neither a letter nor a digit (or the end of
    /// the text), with `w0`, `w1` their bytes (zero padded); `length <= 16`. Without
    /// non-ASCII bytes (`ascii`) the span is the word; otherwise the word may end at a
    /// non-ASCII scalar that is no letter (`Việt”`), which the first occurrence finds out
    /// and the table remembers. Returns the word's entry and length in bytes.
    /// - Complexity: a hash and a probe for a span seen before (inlined: most tokens are such).
    @inline(__always)
    mutating func span(_ p: UnsafeBufferPointer<UInt8>, at start: Int, length: Int,
                       _ w0: UInt64, _ w1: UInt64, ascii: Bool) -> (index: Int, length: Int) {
        let h = Self.hash(w0, w1, length)
        switch find(p, start, length, w0, w1, hash: h) {
        case .found(let index):
            if index >= 0 { return (Int(index), length) }
            let word = Int(-index - 1)
            return (word, byteLength(of: word))
        case .empty(let slot):
            return newSpan(p, at: start, length: length, w0, w1, hash: h, ascii: ascii, slot: slot)
        }
    }

    /// ``span(_:at:length:_:_:ascii:)`` for a span this cache has not seen, whose slot is `slot`.
    @inline(never)
    private mutating func newSpan(_ p: UnsafeBufferPointer<UInt8>, at start: Int, length: Int,
                                  _ w0: UInt64, _ w1: UInt64, hash h: UInt64, ascii: Bool,
                                  slot: Int) -> (index: Int, length: Int) {
        // A key of the shared table tokenises as one word over all its bytes: the span is the word.
        let known = shared?.find(p, start, length, w0, w1, hash: h) ?? -1
        if known >= 0 { return (insert(Int32(truncatingIfNeeded: known), at: slot, p, start, length, w0, w1), length) }
        let end = ascii ? start + length : Tokenizer.scanWord(p, from: start)
        if end == start + length {
            let views = build(Self.entry(word: TokenViews.wordViews(p, start..<end, scratch: &scratch), length: length))
            return (insert(views, at: slot, p, start, length, w0, w1), length)
        }
        let word = self.word(p, start..<end)
        // The word's insertion may have grown the table: look the span's slot up again.
        guard case .empty(let spanSlot) = find(p, start, length, w0, w1, hash: h) else { preconditionFailure() }
        slots[spanSlot] = Slot(w0: w0, w1: w1, length: Int32(truncatingIfNeeded: length),
                               index: Int32(truncatingIfNeeded: -word - 1))
        used += 1
        if used * 2 > slots.count { grow() }
        return (word, end - start)
    }

    private enum Probe {
        case found(Int32)
        case empty(Int)
    }

    /// The slot of the `length` bytes at `start` (first 16 bytes `w0`, `w1`, ``hash(_:_:_:)`` `h`),
    /// or the empty slot where they belong.
    @inline(__always)
    private func find(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ length: Int,
                      _ w0: UInt64, _ w1: UInt64, hash h: UInt64) -> Probe {
        slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            var slot = Int(truncatingIfNeeded: h &>> shift)
            while true {
                let candidate = slots[slot]
                if candidate.length == 0 { return .empty(slot) }
                if candidate.w0 == w0, candidate.w1 == w1, Int(candidate.length) == length,
                   length <= 16 || tailEquals(p, start + 16, length - 16, entry: Int(candidate.index)) {
                    return .found(candidate.index)
                }
                slot = (slot &+ 1) & mask
            }
        }
    }

    /// Adds the `length` bytes at `start`, with the views `at` (see ``Place/views``), as a new entry in empty
    /// slot `slot`.
    private mutating func insert(_ at: Int32, at slot: Int, _ p: UnsafeBufferPointer<UInt8>, _ start: Int,
                                 _ length: Int, _ w0: UInt64, _ w1: UInt64) -> Int {
        let index = newEntry(at, p, start..<(start + length))
        slots[slot] = Slot(w0: w0, w1: w1, length: Int32(truncatingIfNeeded: length),
                           index: Int32(truncatingIfNeeded: index))
        used += 1
        if used * 2 > slots.count { grow() }
        return index
    }

    /// A new entry for the bytes at `range` with the views `at` (see ``Place/views``), not yet in a slot.
    private mutating func newEntry(_ at: Int32, _ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        let index = places.count
        places.append(Place(views: at, tail: Int32(truncatingIfNeeded: tails.count), bitwise: isBitwise(at)))
        stamps.append(0)
        if range.count > 16 { tails += p[(range.lowerBound + 16)..<range.upperBound] }
        bytes += range.count
        return index
    }

    /// Whether the `length` bytes of `p` at `start` are the bytes past the 16th of entry `index`'s key.
    @inline(__always)
    private func tailEquals(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ length: Int, entry index: Int) -> Bool {
        let tail = Int(places[index].tail)
        return tails.withUnsafeBufferPointer { tails in
            var k = 0
            while k < length {
                if tails[tail + k] != p[start + k] { return false }
                k += 1
            }
            return true
        }
    }

    /// Whether the views at `views` (see ``Place/views``) copy as bits.
    private func isBitwise(_ views: Int32) -> Bool {
        withViews(at: views) { Self.isImmortal($0.pointee.text) && Self.isImmortal($0.pointee.lower) }
    }

    /// The token of entry `index` at `range`.
    @inline(__always)
    mutating func token(_ index: Int, range: Range<Int>, gap: Token.Gap) -> Token {
        var token = withViews(of: index) { $0.pointee }
        token.start = range.lowerBound
        token.word = wordNumber(of: index)
        token.gap = gap
        return token
    }

    /// Initialises `target` to the token of entry `index` at `range` (``token(_:range:gap:)``): for an
    /// entry whose strings are immortal, a copy of the entry's bytes, without the two retains (a third of
    /// a token's cost) and their releases when the tokens go.
    @inline(__always)
    mutating func initialize(_ target: UnsafeMutablePointer<Token>, entry index: Int, range: Range<Int>, gap: Token.Gap) {
        let place = places[index]
        withViews(at: place.views) { e in
            if place.bitwise {
                UnsafeMutableRawPointer(target).copyMemory(from: e, byteCount: MemoryLayout<Token>.size)
            } else {
                target.initialize(to: e.pointee)
            }
        }
        target.pointee.start = range.lowerBound  // the entry's length is the token's
        target.pointee.word = wordNumber(of: index)
        target.pointee.gap = gap
    }

    /// The length in bytes of entry `index`.
    @inline(__always)
    private func byteLength(of index: Int) -> Int {
        withViews(of: index) { Int($0.pointee.length) }
    }

    /// `body` of the views of entry `index`, borrowed where they are.
    @inline(__always)
    private func withViews<R>(of index: Int, _ body: (UnsafePointer<Entry>) -> R) -> R {
        withViews(at: places[index].views, body)
    }

    /// `body` of the views at `at` (see ``Place/views``), borrowed where they are (a select, not a branch:
    /// which array an entry uses follows the text, not a pattern).
    @inline(__always)
    private func withViews<R>(at views: Int32, _ body: (UnsafePointer<Entry>) -> R) -> R {
        let at = Int(views)
        return sharedViews.withUnsafeBufferPointer { shared in
            built.withUnsafeBufferPointer { built in
                let base = at >= 0 ? shared.baseAddress : built.baseAddress
                return body(base.unsafelyUnwrapped + (at >= 0 ? at : ~at))
            }
        }
    }

    private mutating func grow() {
        let old = slots
        let size = slots.count * 2
        slots = [Slot](repeating: Slot(), count: size)
        shift -= 1
        let mask = size - 1
        for entry in old where entry.length != 0 {
            var slot = Int(truncatingIfNeeded: Self.hash(entry.w0, entry.w1, Int(entry.length)) >> shift)
            while slots[slot].length != 0 { slot = (slot + 1) & mask }
            slots[slot] = entry
        }
    }
}

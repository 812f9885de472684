/// Memoises the views of tokens within one tokenisation: `kind`, `shape`, `text` and
/// `lower` depend only on a token's bytes, and news repeats a few thousand syllables,
/// numbers and punctuation marks, so each distinct token is decoded and lower-cased once
/// and later occurrences copy its two strings. An entry's index is the tokens' ``Token/word``. The cache
/// hands out the same `String` instances every time, so a copy is a retain, never an allocation,
/// and for the small strings a syllable fits in a copy of bytes (see ``Place/bitwise``). An entry whose
/// views the shared ``WordTable`` holds (most of an article's distinct words) points at
/// them instead of copying them: four bytes, nothing to retain or release.
///
/// An open-addressing table keyed by the token's bytes, compared in place in the text
/// being tokenised: no key is ever allocated.
struct WordCache {
    /// One slot of the open-addressing table: the token's first 16 bytes (zero padded),
    /// its length and its entry; `length == 0` marks an empty slot. For tokens of at most
    /// 16 bytes the slot holds the whole key, so a hit never reads the token's first
    /// occurrence, which may lie megabytes back in the text.
    ///
    /// A slot whose `index` is negative is a *span* (see ``span(_:at:length:_:_:)``): its
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

    private var slots: [Slot]
    /// Slots in use (entries and spans).
    private var used = 0
    /// Slot of a hash: its top `64 - shift` bits.
    private var shift: UInt64
    /// Where an entry's first occurrence starts in the text, and where its views are: `views >= 0`
    /// for `sharedViews[views]`, `< 0` for `built[-views - 1]`; `bitwise` when both its strings are
    /// immortal (``isImmortal(_:)``), so that a token copies them as bits, without two retains.
    struct Place {
        var start: Int
        var views: Int32
        var bitwise: Bool
    }

    /// Per entry: its place.
    private var places: [Place] = []
    /// Views this cache built (tokens the shared table does not hold).
    private var built: [Entry] = []
    /// Entry of each single-byte (ASCII) punctuation or symbol token, -1 until first seen.
    private var ascii: [Int32]
    /// Buffers for building the views of new words.
    private var scratch = TokenViews.Scratch()
    /// Prebuilt views of common words, asked before a new word's views are built.
    private let shared: WordTable?
    /// `shared`'s views.
    private let sharedViews: [Entry]

    init(capacity: Int, shared: WordTable? = nil) {
        self.shared = shared
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
        built.reserveCapacity(capacity / 4)  // most words of an article are the shared table's
        ascii = [Int32](repeating: -1, count: 128)
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

    /// Keeps views this cache built; returns where they are (see ``Place/views``).
    private mutating func build(_ entry: consuming Entry) -> Int32 {
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
            let index = places.count
            let views = build(TokenViews.single(p, range, scalar: v, kind: kind, gap: .none))
            places.append(Place(start: range.lowerBound, views: views, bitwise: isBitwise(views)))
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
            return insert(make(&self, w0, w1, h), at: slot, range.lowerBound, length, w0, w1)
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
        if known >= 0 { return (insert(Int32(truncatingIfNeeded: known), at: slot, start, length, w0, w1), length) }
        let end = ascii ? start + length : Tokenizer.scanWord(p, from: start)
        if end == start + length {
            let views = build(Self.entry(word: TokenViews.wordViews(p, start..<end, scratch: &scratch), length: length))
            return (insert(views, at: slot, start, length, w0, w1), length)
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
                   length <= 16 || Self.equal(p, places[Int(candidate.index)].start + 16, start + 16, length - 16) {
                    return .found(candidate.index)
                }
                slot = (slot &+ 1) & mask
            }
        }
    }

    /// Adds the `length` bytes at `start`, with the views `at` (see ``Place/views``), as a new entry in empty
    /// slot `slot`.
    private mutating func insert(_ at: Int32, at slot: Int, _ start: Int, _ length: Int,
                                 _ w0: UInt64, _ w1: UInt64) -> Int {
        let index = places.count
        places.append(Place(start: start, views: at, bitwise: isBitwise(at)))
        slots[slot] = Slot(w0: w0, w1: w1, length: Int32(truncatingIfNeeded: length),
                           index: Int32(truncatingIfNeeded: index))
        used += 1
        if used * 2 > slots.count { grow() }
        return index
    }

    /// Whether the views at `views` (see ``Place/views``) copy as bits.
    private func isBitwise(_ views: Int32) -> Bool {
        withViews(at: views) { Self.isImmortal($0.pointee.text) && Self.isImmortal($0.pointee.lower) }
    }

    /// The token of entry `index` at `range`.
    @inline(__always)
    func token(_ index: Int, range: Range<Int>, gap: Token.Gap) -> Token {
        var token = withViews(of: index) { $0.pointee }
        token.start = range.lowerBound
        token.word = Int32(truncatingIfNeeded: index)
        token.gap = gap
        return token
    }

    /// Initialises `target` to the token of entry `index` at `range` (``token(_:range:gap:)``): for an
    /// entry whose strings are immortal, a copy of the entry's bytes, without the two retains (a third of
    /// a token's cost) and their releases when the tokens go.
    @inline(__always)
    func initialize(_ target: UnsafeMutablePointer<Token>, entry index: Int, range: Range<Int>, gap: Token.Gap) {
        let place = places[index]
        withViews(at: place.views) { e in
            if place.bitwise {
                UnsafeMutableRawPointer(target).copyMemory(from: e, byteCount: MemoryLayout<Token>.size)
            } else {
                target.initialize(to: e.pointee)
            }
        }
        target.pointee.start = range.lowerBound  // the entry's length is the token's
        target.pointee.word = Int32(truncatingIfNeeded: index)
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

    @inline(__always)
    private static func equal(_ p: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int, _ length: Int) -> Bool {
        if a == b { return true }
        var k = 0
        while k < length {
            if p[a + k] != p[b + k] { return false }
            k += 1
        }
        return true
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

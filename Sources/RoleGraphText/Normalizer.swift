/// Turns validated UTF-8 into the normalised form of ``SourceText/bytes``.
///
/// Why not Foundation on the whole text: `precomposedStringWithCanonicalMapping` is
/// correct but slows down roughly quadratically on large decomposed input, and it
/// keeps no map back to the input. Here the text is cut into units (a starter plus the
/// combining marks after it); a unit that is a single NFC-stable scalar — ASCII and
/// every precomposed Vietnamese letter — is copied, and only the rest is composed, by
/// ``LatinLetterTable`` for Latin letters and by Foundation, one small unit at a time
/// and cached, for anything else.
///
/// Besides NFC the normaliser maps U+00D0 `Ð` → U+0110 `Đ` and U+00F0 `ð` → U+0111 `đ`,
/// Unicode spaces (NBSP, U+2000–U+200A, U+202F, U+205F, U+3000, U+1680) → U+0020,
/// CR LF and CR (and U+0085, U+2028, U+2029) → LF, skips a leading byte-order mark, and
/// moves old-style tone marks to new style (``ToneMarks``).
struct Normalizer {
    private let table = LatinLetterTable.shared
    /// Foundation results per unit, so each distinct unusual unit costs one call per text.
    private var cache: [[UInt32]: [UInt32]] = [:]
    private var unit: [UInt32] = []

    init() {
        unit.reserveCapacity(8)
    }

    /// The normalised form of some input, with the edits of its offset map.
    struct Result {
        /// Normalised UTF-8, or `nil` when it equals the input from ``start`` on.
        var bytes: [UInt8]?
        var edits: [OffsetMap.Edit]
        /// Where the normalised text starts in the input (3 after a byte-order mark).
        var start: Int
    }

    /// Normalises UTF-8. With `validating`, `p` may be any bytes and the result is `nil` when they
    /// are not well-formed: the scan up to the first change validates as it goes (one pass over the
    /// bytes for already-normalised text), ``UTF8Validation`` checks the rest.
    ///
    /// A fast scan (``firstChange(_:from:last:previous:validating:)``) finds the next scalar that
    /// normalisation could change; everything before it is copied in bulk, and only from
    /// there on, unit by unit, is the text decoded and rebuilt until the builder is back
    /// in a plain state (no pending tone pair). Text that is already normalised — most
    /// news — is only scanned.
    /// - Complexity: O(n) in the input size.
    mutating func normalize(_ p: UnsafeBufferPointer<UInt8>, validating: Bool = false) -> Result? {
        let n = p.count
        var i = 0
        if n >= 3, p[0] == 0xEF, p[1] == 0xBB, p[2] == 0xBF { i = 3 }
        let start = i
        guard var t = Self.firstChange(p, from: i, last: 0, previous: 0, validating: validating) else { return nil }
        if t >= n { return Result(bytes: nil, edits: [], start: start) }
        if validating, UTF8Validation.firstInvalidOffset(in: p, from: t) != nil { return nil }
        var out = NormalizedTextBuilder(capacity: n - start + 16)
        while true {
            // A scalar that continues the unit of the one before it takes that one along.
            var c = t
            if t > i, p[t] >= 0x80, ScalarProperties.continuesUnit(UTF8Scalars.decode(p, at: t).value) {
                c -= 1
                while p[c] & 0xC0 == 0x80 { c -= 1 }
            }
            out.copy(p, i..<c)
            i = c
            repeat {
                i = normalizeUnit(p, at: i, into: &out)
            } while i < n && out.hasPending
            if i >= n { break }
            t = Self.firstChange(p, from: i, last: out.last, previous: out.previous)!  // valid by now
            if t >= n {
                out.copy(p, i..<n)
                break
            }
        }
        out.finish(inEnd: n)
        return Result(bytes: out.bytes, edits: out.edits, start: start)
    }

    /// Normalises the unit starting at `i`; returns where the next unit starts.
    @inline(__always)
    private mutating func normalizeUnit(_ p: UnsafeBufferPointer<UInt8>, at start: Int,
                                        into out: inout NormalizedTextBuilder) -> Int {
        let n = p.count
        var i = start
        let b = p[i]
        if b < 0x80 {
            if b == 0x0D {
                out.beginUnit(inStart: i)
                out.append(0x0A)
                return (i + 1 < n && p[i + 1] == 0x0A) ? i + 2 : i + 1
            }
            // An ASCII byte followed by ASCII (or the end) is a unit on its own.
            if i + 1 == n || p[i + 1] < 0x80 {
                out.beginUnit(inStart: i)
                out.append(UInt32(b))
                return i + 1
            }
        }
        // General unit: one scalar and the non-starters after it.
        out.beginUnit(inStart: i)
        let (first, firstLength) = UTF8Scalars.decode(p, at: i)
        i += firstLength
        unit.removeAll(keepingCapacity: true)
        unit.append(first)
        while i < n, p[i] >= 0x80 {
            let (next, length) = UTF8Scalars.decode(p, at: i)
            guard ScalarProperties.continuesUnit(next) else { break }
            unit.append(next)
            i += length
        }
        if unit.count == 1, ScalarProperties.isStableStarter(first) {
            out.append(ScalarProperties.compatibilityMapped(first))
        } else {
            for v in compose(unit) {
                out.append(ScalarProperties.compatibilityMapped(v))
            }
        }
        return i
    }

    /// Scalars the scan may pass over: NFC-stable starters that no later scalar composes
    /// with and that the compatibility folds leave alone (combining marks, `Ð`, NBSP and
    /// the like stop it).
    @inline(__always)
    static func isPlain(_ v: UInt32) -> Bool {
        // Latin (every Vietnamese letter but those in U+1Exx): plain unless a compatibility fold applies.
        if v < 0x300 { return v != 0xA0 && v != 0xD0 && v != 0xF0 && v != 0x85 }
        if v >= 0x1E00 && v < 0x1F00 { return true }  // Latin Extended Additional (Vietnamese): stable, no fold
        return (ScalarProperties.isStableStarter(v)
            || (v >= 0x1F000 && v < 0x1FB00)      // emoji and pictographs
            || (v >= 0xFE00 && v <= 0xFE0F))      // variation selectors
            && ScalarProperties.compatibilityMapped(v) == v
    }

    /// The first byte offset from `start` where normalisation might change something:
    /// a CR, a scalar that is not ``isPlain(_:)``, or the second vowel of an old-style
    /// `oa`/`oe`/`uy` pair that ends its syllable; `p.count` when there is none.
    /// `last` and `previous` are the normalised scalars just before `start`. With `validating`, every
    /// sequence it decodes is checked first, and an ill-formed one gives `nil` (never without).
    ///
    /// ASCII goes eight bytes at a time, up to the first byte that is not plain ASCII; the common
    /// Vietnamese letters cost a few byte tests, other scalars a decode and range checks.
    /// - Complexity: O(n).
    static func firstChange(_ p: UnsafeBufferPointer<UInt8>, from start: Int,
                            last: UInt32, previous: UInt32, validating: Bool = false) -> Int? {
        let n = p.count
        let raw = UnsafeRawBufferPointer(p)
        var k = start
        while k < n {
            while k + 8 <= n {
                let x = raw.loadUnaligned(fromByteOffset: k, as: UInt64.self)
                let cr = x ^ 0x0D0D_0D0D_0D0D_0D0D
                // High bit of each non-ASCII byte and of each CR (exact up to the first one).
                let stops = (x | ((cr &- 0x0101_0101_0101_0101) & ~cr)) & 0x8080_8080_8080_8080
                if stops != 0 {
                    k += stops.trailingZeroBitCount >> 3  // past the plain ASCII before it at once
                    break
                }
                k += 8
            }
            if k >= n { break }
            let b = p[k]
            if b < 0x80 {
                if b == 0x0D { return k }
                k += 1
                continue
            }
            // The letters of Vietnamese NFC text, in a few instructions: U+00C0–U+02FF (lead C3–CB) and
            // U+1E80–U+1EFF (E1 BA/BB) are well-formed when their continuation bytes are, plain but for
            // `Ð`/`ð` (C3 90, C3 B0), and may end an old-style pair only after `o`/`u`.
            if k > start, k + 2 < n, !ToneMarks.mayBeFirstVowel(UInt32(p[k - 1])), p[k + 1] & 0xC0 == 0x80 {
                if b &- 0xC3 < 9, b != 0xC3 || (p[k + 1] | 0x20) != 0xB0 { k += 2; continue }
                if b == 0xE1, (p[k + 1] | 1) == 0xBB, p[k + 2] & 0xC0 == 0x80 { k += 3; continue }
            }
            if validating, UTF8Validation.sequenceLength(p, at: k) == nil { return nil }
            let (v, length) = UTF8Scalars.decode(p, at: k)
            if !isPlain(v) { return k }
            if ToneMarks.mayBeSecondVowel(v) {
                let first = k > start ? UInt32(p[k - 1]) : last
                if ToneMarks.mayBeFirstVowel(first) {
                    let before = k - 1 > start ? UInt32(p[k - 2]) : (k - 1 == start ? last : previous)
                    if ToneMarks.newStyle(before: before, first: first, second: v) != nil {
                        let next = k + length
                        if next >= n { return k }
                        if validating, p[next] >= 0x80, UTF8Validation.sequenceLength(p, at: next) == nil {
                            return nil
                        }
                        if !ToneMarks.isLetter(UTF8Scalars.decode(p, at: next).value) { return k }
                    }
                }
            }
            k += length
        }
        return n
    }

    /// NFC of one unit: the Latin table first, Foundation (cached) otherwise.
    /// - Complexity: O(k log k) for a unit of k scalars; units are tiny.
    private mutating func compose(_ unit: [UInt32]) -> [UInt32] {
        if let v = composeLatin(unit) { return [v] }
        if let hit = cache[unit] { return hit }
        let result = FoundationNormalization.nfc(unit)
        cache[unit] = result
        return result
    }

    /// Composes an ASCII or precomposed Latin letter plus combining marks into one
    /// precomposed letter, when such a letter exists and the marks are in U+0300–U+036F.
    /// Allocation-free: NFD Vietnamese text sends every accented letter through here.
    private func composeLatin(_ unit: [UInt32]) -> UInt32? {
        guard unit.count >= 2, unit.count <= 3 else { return nil }
        var base = unit[0]
        // At most two marks in all: those inside a precomposed base, then the unit's own.
        var marks: (UInt32, UInt32) = (0, 0)
        var markCount = 0
        func add(_ m: UInt32) -> Bool {
            guard m >= 0x300, m < 0x370, markCount < 2 else { return false }
            if markCount == 0 { marks.0 = m } else { marks.1 = m }
            markCount += 1
            return true
        }
        if base >= 0x80 {
            guard let d = table.decomposed[base] else { return nil }
            base = d.base
            _ = add(d.mark1)
            if d.mark2 != 0, !add(d.mark2) { return nil }
        } else if (base | 0x20) < 0x61 || (base | 0x20) > 0x7A {
            return nil
        }
        for m in unit.dropFirst() where !add(m) { return nil }
        // Canonical ordering: a stable sort of the marks by combining class.
        if markCount == 2,
           ScalarProperties.combiningClass(marks.1) < ScalarProperties.combiningClass(marks.0) {
            marks = (marks.1, marks.0)
        }
        return table.composed[LatinLetterTable.key(base: base, mark1: marks.0, mark2: marks.1)]
    }
}

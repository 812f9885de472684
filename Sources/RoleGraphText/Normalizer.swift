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

    /// Normalises valid UTF-8.
    /// - Complexity: O(n) in the input size; ASCII bytes take the fast path.
    mutating func normalize(_ p: UnsafeBufferPointer<UInt8>) -> NormalizedTextBuilder {
        let n = p.count
        var out = NormalizedTextBuilder(capacity: n)
        var i = 0
        var scalarIndex = 0
        if n >= 3, p[0] == 0xEF, p[1] == 0xBB, p[2] == 0xBF {
            i = 3
            scalarIndex = 1
        }
        while i < n {
            let b = p[i]
            if b < 0x80 {
                if b == 0x0D {
                    let pairLength = (i + 1 < n && p[i + 1] == 0x0A) ? 2 : 1
                    out.append(0x0A, originalByte: i, originalScalar: scalarIndex)
                    i += pairLength
                    scalarIndex += pairLength
                    continue
                }
                // An ASCII byte followed by ASCII (or the end) is a unit on its own.
                if i + 1 == n || p[i + 1] < 0x80 {
                    out.append(UInt32(b), originalByte: i, originalScalar: scalarIndex)
                    i += 1
                    scalarIndex += 1
                    continue
                }
            }
            // General unit: one scalar and the non-starters after it.
            let unitByte = i, unitScalar = scalarIndex
            let (first, firstLength) = UTF8Scalars.decode(p, at: i)
            i += firstLength
            scalarIndex += 1
            unit.removeAll(keepingCapacity: true)
            unit.append(first)
            while i < n, p[i] >= 0x80 {
                let (next, length) = UTF8Scalars.decode(p, at: i)
                guard ScalarProperties.continuesUnit(next) else { break }
                unit.append(next)
                i += length
                scalarIndex += 1
            }
            if unit.count == 1, ScalarProperties.isStableStarter(first) {
                out.append(ScalarProperties.compatibilityMapped(first),
                           originalByte: unitByte, originalScalar: unitScalar)
            } else {
                for v in compose(unit) {
                    out.append(ScalarProperties.compatibilityMapped(v),
                               originalByte: unitByte, originalScalar: unitScalar)
                }
            }
        }
        out.finish(originalByteCount: n, originalScalarCount: scalarIndex)
        return out
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

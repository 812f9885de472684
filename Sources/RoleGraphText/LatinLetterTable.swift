import Foundation

/// Precomposed Latin letters (Vietnamese among them) with their canonical
/// decompositions: the table that makes composition and folding cheap.
///
/// Built once per process from Foundation's own decomposition of U+00C0–U+024F and
/// U+1E00–U+1EFF, so it agrees with Foundation by construction. Only letters that
/// decompose to an ASCII letter plus at most two combining marks from U+0300–U+036F
/// are kept; that covers every Vietnamese letter. Costs about 1 000 small Foundation
/// calls once, then O(1) dictionary look-ups.
struct LatinLetterTable: Sendable {
    /// A canonical decomposition: ASCII base letter and up to two marks (0 = absent).
    struct Decomposition: Sendable {
        var base: UInt32
        var mark1: UInt32
        var mark2: UInt32
    }

    static let shared = LatinLetterTable()

    /// Fully decomposed sequence (base, marks in canonical order) → precomposed scalar.
    let composed: [UInt64: UInt32]
    /// Precomposed scalar → its canonical decomposition.
    let decomposed: [UInt32: Decomposition]
    /// Lower-case ASCII base letter of each precomposed letter in U+00C0–U+024F (at
    /// `v - 0xC0`) and U+1E00–U+1EFF (at `v - 0x1E00 + 0x190`); 0 where there is none.
    /// The folding's hot path: an array read instead of a dictionary look-up.
    let foldedBases: [UInt8]

    /// The lower-case ASCII base of a precomposed Latin letter (`ệ` → `e`), `nil` otherwise.
    @inline(__always)
    func foldedBase(_ v: UInt32) -> UInt8? {
        let index: Int
        if v >= 0xC0 && v < 0x250 {
            index = Int(v) - 0xC0
        } else if v >= 0x1E00 && v < 0x1F00 {
            index = Int(v) - 0x1E00 + 0x190
        } else {
            return nil
        }
        let b = foldedBases[index]
        return b == 0 ? nil : b
    }

    /// Packs a base letter and up to two marks into one dictionary key.
    @inline(__always)
    static func key(base: UInt32, mark1: UInt32, mark2: UInt32) -> UInt64 {
        UInt64(base) << 32 | UInt64(mark1 & 0xFFFF) << 16 | UInt64(mark2 & 0xFFFF)
    }

    private init() {
        var composed: [UInt64: UInt32] = [:]
        var decomposed: [UInt32: Decomposition] = [:]
        let ranges: [ClosedRange<UInt32>] = [0x00C0...0x024F, 0x1E00...0x1EFF]
        for range in ranges {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                let single = String(Character(scalar))
                let nfd = single.decomposedStringWithCanonicalMapping.unicodeScalars.map(\.value)
                guard nfd.count >= 2, nfd.count <= 3, nfd[0] < 0x80,
                      (nfd[0] | 0x20) >= 0x61, (nfd[0] | 0x20) <= 0x7A,
                      nfd.dropFirst().allSatisfy({ $0 >= 0x300 && $0 < 0x370 }) else { continue }
                let d = Decomposition(base: nfd[0], mark1: nfd[1], mark2: nfd.count == 3 ? nfd[2] : 0)
                decomposed[value] = d
                // Composition exclusions decompose but never recompose: keep them out.
                var view = String.UnicodeScalarView()
                for v in nfd { view.append(Unicode.Scalar(v)!) }
                if String(view).precomposedStringWithCanonicalMapping == single {
                    composed[Self.key(base: d.base, mark1: d.mark1, mark2: d.mark2)] = value
                }
            }
        }
        self.composed = composed
        self.decomposed = decomposed
        var bases = [UInt8](repeating: 0, count: 0x190 + 0x100)
        for (v, d) in decomposed {
            if v >= 0xC0 && v < 0x250 { bases[Int(v) - 0xC0] = UInt8(d.base | 0x20) }
            if v >= 0x1E00 && v < 0x1F00 { bases[Int(v) - 0x1E00 + 0x190] = UInt8(d.base | 0x20) }
        }
        self.foldedBases = bases
    }
}

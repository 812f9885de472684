import Foundation

/// The comparison key of `shared/tools/score.py` (`norm`), reproduced code point for code point.
///
/// Steps, in score.py's order:
/// 1. NFC;
/// 2. `U+00D0` (Ð, Icelandic eth) → `U+0110` (Đ) and `U+00F0` → `U+0111`;
/// 3. Python `str.lower()`: full Unicode lower-case mapping, with the final-sigma rule;
/// 4. the naive old→new tone replacements (`oà`→`òa`, …, `uỷ`→`ủy`), applied one pair after
///    another as non-overlapping left-to-right `str.replace`, in score.py's table order;
/// 5. every run of Python `\s` (or `U+00A0`) collapsed to one space;
/// 6. `" .,;:"` stripped from both ends.
///
/// The result is *not* re-normalised (neither is score.py's), and results must be compared by code
/// points (``ScoreKey``), not with `String ==`, which treats canonically equivalent strings as equal.
public enum ScoreNormalizer {
    /// score.py's `OLD2NEW`, in its order.
    public static let oldToNewTones: [(old: String, new: String)] = [
        ("o\u{00E0}", "\u{00F2}a"), ("o\u{00E1}", "\u{00F3}a"), ("o\u{1EA3}", "\u{1ECF}a"),
        ("o\u{00E3}", "\u{00F5}a"), ("o\u{1EA1}", "\u{1ECD}a"),
        ("o\u{00E8}", "\u{00F2}e"), ("o\u{00E9}", "\u{00F3}e"), ("o\u{1EBB}", "\u{1ECF}e"),
        ("o\u{1EBD}", "\u{00F5}e"), ("o\u{1EB9}", "\u{1ECD}e"),
        ("u\u{1EF3}", "\u{00F9}y"), ("u\u{00FD}", "\u{00FA}y"), ("u\u{1EF7}", "\u{1EE7}y"),
        ("u\u{1EF9}", "\u{0169}y"), ("u\u{1EF5}", "\u{1EE5}y"),
    ]

    private static let toneTable: [(old: [Unicode.Scalar], new: [Unicode.Scalar])] =
        oldToNewTones.map { (Array($0.old.unicodeScalars), Array($0.new.unicodeScalars)) }

    /// The characters `str.strip(" .,;:")` removes.
    private static let stripped: Set<Unicode.Scalar> = [" ", ".", ",", ";", ":"]

    /// score.py's `norm(s)` (`nil` counts as the empty string, as `s or ""` does).
    public static func normalize(_ s: String?) -> String {
        var out = String.UnicodeScalarView()
        out.append(contentsOf: normalizedScalars(s ?? ""))
        return String(out)
    }

    /// The same as ``normalize(_:)``, as a key compared by code points.
    public static func key(_ s: String?) -> ScoreKey {
        ScoreKey(scalars: normalizedScalars(s ?? ""))
    }

    static func normalizedScalars(_ input: String) -> [Unicode.Scalar] {
        // 1. NFC (Foundation: Swift strings keep the scalars they were given).
        let nfc = input.precomposedStringWithCanonicalMapping
        // 2. Ð/ð → Đ/đ.
        let eth: [Unicode.Scalar] = nfc.unicodeScalars.map {
            switch $0.value {
            case 0x00D0: Unicode.Scalar(0x0110)!
            case 0x00F0: Unicode.Scalar(0x0111)!
            default: $0
            }
        }
        // 3. lower().
        var s = pythonLower(eth)
        // 4. tone placement.
        for (old, new) in toneTable {
            s = replaceAll(s, old, new)
        }
        // 5. collapse white space.
        var collapsed: [Unicode.Scalar] = []
        collapsed.reserveCapacity(s.count)
        var inSpace = false
        for c in s {
            if isPythonSpace(c) {
                if !inSpace { collapsed.append(" ") }
                inSpace = true
            } else {
                collapsed.append(c)
                inSpace = false
            }
        }
        // 6. strip(" .,;:").
        var lo = collapsed.startIndex, hi = collapsed.endIndex
        while lo < hi, stripped.contains(collapsed[lo]) { lo += 1 }
        while hi > lo, stripped.contains(collapsed[hi - 1]) { hi -= 1 }
        return Array(collapsed[lo..<hi])
    }

    /// Python's `str.isspace()`, which is what `re`'s `\s` uses on `str` patterns (Python 3.11).
    static func isPythonSpace(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A,
             0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            true
        default:
            false
        }
    }

    /// Python's `str.lower()`: the full lower-case mapping of each code point, except that
    /// `Σ` becomes `ς` in the Final_Sigma context (Python's `handle_capital_sigma`).
    static func pythonLower(_ s: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(s.count)
        for (i, c) in s.enumerated() {
            if c.value == 0x03A3 {
                out.append(Unicode.Scalar(isFinalSigma(s, i) ? 0x03C2 : 0x03C3)!)
            } else if c.value < 0x80 {
                out.append((0x41...0x5A).contains(c.value) ? Unicode.Scalar(c.value + 0x20)! : c)
            } else {
                out.append(contentsOf: c.properties.lowercaseMapping.unicodeScalars)
            }
        }
        return out
    }

    private static func isFinalSigma(_ s: [Unicode.Scalar], _ i: Int) -> Bool {
        var j = i - 1
        while j >= 0, s[j].properties.isCaseIgnorable { j -= 1 }
        var final = j >= 0 && s[j].properties.isCased
        if final && i + 1 < s.count {
            j = i + 1
            while j < s.count, s[j].properties.isCaseIgnorable { j += 1 }
            final = j == s.count || !s[j].properties.isCased
        }
        return final
    }

    /// Python's `str.replace(old, new)`: non-overlapping occurrences, left to right.
    static func replaceAll(_ s: [Unicode.Scalar], _ old: [Unicode.Scalar], _ new: [Unicode.Scalar]) -> [Unicode.Scalar] {
        guard !old.isEmpty, s.count >= old.count else { return s }
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(s.count)
        var i = 0
        while i < s.count {
            if i + old.count <= s.count, s[i..<(i + old.count)].elementsEqual(old) {
                out.append(contentsOf: new)
                i += old.count
            } else {
                out.append(s[i])
                i += 1
            }
        }
        return out
    }
}

/// A normalised string compared, hashed and ordered by code points, as Python compares `str`.
public struct ScoreKey: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let scalars: [Unicode.Scalar]

    public init(scalars: [Unicode.Scalar]) { self.scalars = scalars }

    /// A key for a string taken as is (no normalisation), e.g. a status.
    public init(raw: String) { self.scalars = Array(raw.unicodeScalars) }

    public var string: String {
        var v = String.UnicodeScalarView()
        v.append(contentsOf: scalars)
        return String(v)
    }

    public var description: String { string }

    public static func < (a: ScoreKey, b: ScoreKey) -> Bool {
        a.scalars.lexicographicallyPrecedes(b.scalars) { $0.value < $1.value }
    }
}

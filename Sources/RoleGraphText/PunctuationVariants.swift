/// Typographic variants of `-`, `"` and `'` that Vietnamese news mixes freely.
///
/// `Huỳnh Tấn Việt – Ủy viên` and `Huỳnh Tấn Việt - Ủy viên` must match the same
/// pattern, so token text uses the ASCII form.
enum PunctuationVariants {
    /// The ASCII stand-in for a dash or quote variant, `nil` for anything else.
    /// - Complexity: O(1).
    @inline(__always)
    static func ascii(for v: UInt32) -> UInt8? {
        switch v {
        case 0x2010...0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D:
            return 0x2D  // ‐ ‑ ‒ – — ― − ﹘ ﹣ － → -
        case 0x201C...0x201F, 0x00AB, 0x00BB, 0xFF02:
            return 0x22  // “ ” „ ‟ « » ＂ → "
        case 0x2018...0x201B, 0x2039, 0x203A, 0xFF07:
            return 0x27  // ‘ ’ ‚ ‛ ‹ › ＇ → '
        default:
            return nil
        }
    }
}

/// Old-style → new-style tone placement for the open-syllable pairs `oa`, `oe`, `uy`.
///
/// Vietnamese has two accepted placements: old style `hoà`, `khoẻ`, `thuỵ`, `Uỷ`
/// (tone on the second vowel) and new style `hòa`, `khỏe`, `thụy`, `Ủy` (tone on the
/// first). NFC does not unify them, so a gazetteer entry in one style would miss text in
/// the other. The rewrite applies only when the pair ends the syllable (no letter
/// follows: `Hoàng` keeps its tone on `à`) and, for `uy`, not after `q`, where `u` is part
/// of the consonant `qu` (`quý`, `quỷ`).
enum ToneMarks {
    /// Tone order used by the tables: grave, acute, hook above, tilde, dot below.
    /// Old-style second vowels with their tones, lower then upper case.
    private static let toned: [(family: UInt8, upper: Bool, forms: [UInt32])] = [
        (0x61, false, [0x00E0, 0x00E1, 0x1EA3, 0x00E3, 0x1EA1]),  // à á ả ã ạ
        (0x61, true, [0x00C0, 0x00C1, 0x1EA2, 0x00C3, 0x1EA0]),   // À Á Ả Ã Ạ
        (0x65, false, [0x00E8, 0x00E9, 0x1EBB, 0x1EBD, 0x1EB9]),  // è é ẻ ẽ ẹ
        (0x65, true, [0x00C8, 0x00C9, 0x1EBA, 0x1EBC, 0x1EB8]),   // È É Ẻ Ẽ Ẹ
        (0x79, false, [0x1EF3, 0x00FD, 0x1EF7, 0x1EF9, 0x1EF5]),  // ỳ ý ỷ ỹ ỵ
        (0x79, true, [0x1EF2, 0x00DD, 0x1EF6, 0x1EF8, 0x1EF4]),   // Ỳ Ý Ỷ Ỹ Ỵ
    ]
    /// New-style first vowels: o and u with each tone, lower and upper case.
    private static let oForms: [UInt32] = [0x00F2, 0x00F3, 0x1ECF, 0x00F5, 0x1ECD]  // ò ó ỏ õ ọ
    private static let OForms: [UInt32] = [0x00D2, 0x00D3, 0x1ECE, 0x00D5, 0x1ECC]  // Ò Ó Ỏ Õ Ọ
    private static let uForms: [UInt32] = [0x00F9, 0x00FA, 0x1EE7, 0x0169, 0x1EE5]  // ù ú ủ ũ ụ
    private static let UForms: [UInt32] = [0x00D9, 0x00DA, 0x1EE6, 0x0168, 0x1EE4]  // Ù Ú Ủ Ũ Ụ

    /// A toned second vowel: its plain base letter (with case) and tone index.
    struct SecondVowel {
        var family: UInt8   // 'a', 'e' or 'y'
        var plain: UInt32   // the vowel without tone, same case
        var tone: Int
    }

    private static let secondVowels: [UInt32: SecondVowel] = {
        var table: [UInt32: SecondVowel] = [:]
        for row in toned {
            let plain = UInt32(row.upper ? row.family - 0x20 : row.family)
            for (tone, form) in row.forms.enumerated() {
                table[form] = SecondVowel(family: row.family, plain: plain, tone: tone)
            }
        }
        return table
    }()

    /// Quick filter before the dictionary: every old-style second vowel is in
    /// U+00C0–U+00FD or U+1EA0–U+1EF9.
    @inline(__always)
    static func mayBeSecondVowel(_ v: UInt32) -> Bool {
        (v >= 0xC0 && v <= 0xFD) || (v >= 0x1EA0 && v <= 0x1EF9)
    }

    /// Quick filter on the first vowel of a pair: `o`, `O`, `u` or `U`.
    @inline(__always)
    static func mayBeFirstVowel(_ v: UInt32) -> Bool {
        (v | 0x20) == 0x6F || (v | 0x20) == 0x75
    }

    /// If `first second` (preceded by `before`) is an old-style pair, the new-style pair;
    /// the caller must still check that no letter follows.
    /// - Complexity: O(1).
    static func newStyle(before: UInt32, first: UInt32, second: UInt32) -> (UInt32, UInt32)? {
        guard mayBeSecondVowel(second), let sv = secondVowels[second] else { return nil }
        switch (first, sv.family) {
        case (0x6F, 0x61), (0x6F, 0x65):  // o + a/e
            return (oForms[sv.tone], sv.plain)
        case (0x4F, 0x61), (0x4F, 0x65):  // O + a/e
            return (OForms[sv.tone], sv.plain)
        case (0x75, 0x79), (0x55, 0x79):  // u/U + y, not in "qu"
            if before == 0x71 || before == 0x51 { return nil }
            return (first == 0x75 ? uForms[sv.tone] : UForms[sv.tone], sv.plain)
        default:
            return nil
        }
    }

    /// Whether a scalar counts as a letter for the "pair ends the syllable" test.
    /// Combining marks count as letters, which keeps the rewrite conservative.
    @inline(__always)
    static func isLetter(_ v: UInt32) -> Bool {
        if v < 0x80 { return (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A }
        guard let s = Unicode.Scalar(v) else { return false }
        return s.properties.isAlphabetic || s.properties.canonicalCombiningClass.rawValue != 0
    }
}

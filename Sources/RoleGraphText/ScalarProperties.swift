/// Fast answers about scalars that the normaliser asks for every non-ASCII scalar.
///
/// The common cases (Latin, Vietnamese, CJK, Hangul syllables, punctuation) are
/// answered by range checks; only other scripts reach the standard library's
/// Unicode property tables.
enum ScalarProperties {
    /// Whether a scalar is NFC-stable on its own and composes with nothing before it,
    /// so a unit made of it alone can be copied unchanged. Conservative: `false` only
    /// costs a (cached) Foundation call.
    @inline(__always)
    static func isStableStarter(_ v: UInt32) -> Bool {
        v < 0x300                              // ASCII, Latin-1, Latin Extended-A/B, IPA
            || (v >= 0x0400 && v < 0x0483)     // Cyrillic letters
            || (v >= 0x1E00 && v < 0x1F00)     // Latin Extended Additional (Vietnamese)
            || (v >= 0x2002 && v < 0x20D0)     // punctuation, super/subscripts, currency
            || (v >= 0x3400 && v < 0xA000)     // CJK ideographs
            || (v >= 0xAC00 && v < 0xD7A4)     // Hangul syllables
    }

    /// Whether a scalar belongs to the unit of the scalar before it: combining marks
    /// (non-zero combining class) and the few starters that compose with a preceding
    /// starter (Hangul vowel and trailing jamo, some Indic vowel signs).
    @inline(__always)
    static func continuesUnit(_ v: UInt32) -> Bool {
        if v < 0x300 { return false }
        if v < 0x370 { return v != 0x034F }    // combining diacritics; CGJ is a starter
        if isStableStarter(v) { return false }
        if (v >= 0x1161 && v <= 0x1175) || (v >= 0x11A8 && v <= 0x11C2) { return true }
        if composesWithPreviousStarter.contains(v) { return true }
        return combiningClass(v) != 0
    }

    /// Starters (combining class 0) with NFC_QC=Maybe, plus Tibetan vowels that
    /// decompose into non-starters.
    private static let composesWithPreviousStarter: Set<UInt32> = [
        0x09BE, 0x09D7, 0x0B3E, 0x0B56, 0x0B57, 0x0BBE, 0x0BD7, 0x0C56, 0x0CC2, 0x0CD5,
        0x0CD6, 0x0D3E, 0x0D57, 0x0DCF, 0x0DDF, 0x0F73, 0x0F75, 0x0F81, 0x102E, 0x1B35,
        0x11127, 0x1133E, 0x11357, 0x114B0, 0x114BA, 0x114BD, 0x115AF, 0x11930,
    ]

    /// Canonical combining class (0 for starters).
    @inline(__always)
    static func combiningClass(_ v: UInt32) -> UInt8 {
        switch v {
        case 0x0300...0x0314, 0x033D...0x0344, 0x0346, 0x034A...0x034C: return 230
        case 0x031B: return 216
        case 0x0323...0x0326, 0x0329...0x0333: return 220
        case 0x0327, 0x0328: return 202
        default:
            guard v >= 0x300, let s = Unicode.Scalar(v) else { return 0 }
            return s.properties.canonicalCombiningClass.rawValue
        }
    }

    /// The non-NFC folds the normaliser applies to every output scalar:
    /// `Ð`/`ð` → `Đ`/`đ`, Unicode spaces → space, Unicode line breaks → LF.
    @inline(__always)
    static func compatibilityMapped(_ v: UInt32) -> UInt32 {
        if v < 0x85 { return v }
        switch v {
        case 0x00D0: return 0x0110
        case 0x00F0: return 0x0111
        case 0x00A0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return 0x20
        case 0x0085, 0x2028, 0x2029: return 0x0A
        default: return v
        }
    }
}

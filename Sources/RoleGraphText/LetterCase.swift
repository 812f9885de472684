/// Vietnamese-aware case questions and lower-casing of single scalars.
///
/// Latin-1, Latin Extended-A, `Ơ`/`Ư` and Latin Extended Additional (all Vietnamese
/// letters) are answered arithmetically; other scripts use the standard library's
/// Unicode properties.
enum LetterCase {
    /// Whether a scalar is an upper-case letter (range checks, inlined; the Unicode property out of line).
    @inline(__always)
    static func isUpper(_ v: UInt32) -> Bool {
        if v < 0x80 { return v >= 0x41 && v <= 0x5A }
        if v >= 0x1EA0 && v <= 0x1EFF { return v & 1 == 0 }
        if v >= 0xC0 && v <= 0xDE { return v != 0xD7 }
        if v >= 0xDF && v <= 0xFF { return false }
        if let upper = latinExtendedIsUpper(v) { return upper }
        return isUpperByProperty(v)
    }

    @inline(never)
    private static func isUpperByProperty(_ v: UInt32) -> Bool {
        guard let s = Unicode.Scalar(v) else { return false }
        return s.properties.isUppercase
    }

    /// Whether a scalar is a lower-case letter.
    @inline(__always)
    static func isLower(_ v: UInt32) -> Bool {
        if v < 0x80 { return v >= 0x61 && v <= 0x7A }
        if v >= 0x1EA0 && v <= 0x1EFF { return v & 1 == 1 }
        if v >= 0xDF && v <= 0xFF { return v != 0xF7 }
        if v >= 0xC0 && v <= 0xDE { return false }
        if let upper = latinExtendedIsUpper(v) { return !upper }
        return isLowerByProperty(v)
    }

    @inline(never)
    private static func isLowerByProperty(_ v: UInt32) -> Bool {
        guard let s = Unicode.Scalar(v) else { return false }
        return s.properties.isLowercase
    }

    /// Upper-case answer for Latin Extended-A (U+0100–U+017F: `Đ đ Ă ă Ĩ ĩ Ũ ũ`) and
    /// `Ơ ơ Ư ư`, `nil` elsewhere; every scalar there is a cased letter, so lower-case is
    /// the opposite. Same answers as the Unicode properties, without their look-up.
    @inline(__always)
    static func latinExtendedIsUpper(_ v: UInt32) -> Bool? {
        switch v {
        case 0x100...0x12F, 0x132...0x137, 0x14A...0x177: return v & 1 == 0
        case 0x139...0x148, 0x179...0x17E: return v & 1 == 1
        case 0x130, 0x178, 0x1A0, 0x1AF: return true
        case 0x131, 0x138, 0x149, 0x17F, 0x1A1, 0x1B0: return false
        default: return nil
        }
    }

    /// Appends the lower-case form of a scalar as UTF-8.
    /// - Complexity: O(1); the Unicode mapping only for uncommon scripts.
    @inline(__always)
    static func appendLowercase(_ v: UInt32, to out: inout [UInt8]) {
        if v < 0x80 {
            out.append(UInt8(v >= 0x41 && v <= 0x5A ? v | 0x20 : v))
            return
        }
        if let lower = latinLowercase(v) {
            UTF8Scalars.append(lower, to: &out)
            return
        }
        appendLowercaseByProperty(v, to: &out)
    }

    /// ``appendLowercase(_:to:)`` for scripts other than Latin: the Unicode mapping (out of line, so
    /// that the Latin path inlines).
    @inline(never)
    private static func appendLowercaseByProperty(_ v: UInt32, to out: inout [UInt8]) {
        guard let s = Unicode.Scalar(v), s.properties.changesWhenLowercased else {
            UTF8Scalars.append(v, to: &out)
            return
        }
        out.append(contentsOf: s.properties.lowercaseMapping.utf8)
    }

    /// The lower-case scalar for the Latin ranges Vietnamese uses, `nil` for other scalars.
    @inline(__always)
    static func latinLowercase(_ v: UInt32) -> UInt32? {
        switch v {
        case 0x130: return 0x69  // İ → i (the dot is implied)
        case 0xC0...0xDE where v != 0xD7: return v + 0x20
        case 0xDF...0xFF: return v
        case 0x100...0x137, 0x14A...0x177: return v | 1
        case 0x139...0x148, 0x179...0x17E: return v & 1 == 1 ? v + 1 : v
        case 0x178: return 0xFF
        case 0x1A0, 0x1AF: return v + 1  // Ơ Ư
        case 0x1E00...0x1E95, 0x1EA0...0x1EFF: return v | 1
        case 0x80...0x17F, 0x1E96...0x1E9D, 0x1E9F: return v
        default: return nil
        }
    }
}

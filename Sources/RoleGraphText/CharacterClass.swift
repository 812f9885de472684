/// The tokenizer's view of a scalar.
///
/// ASCII is answered from a 128-entry table; Latin and Vietnamese letters from range
/// checks; everything else from the Unicode general category.
enum CharacterClass: UInt8 {
    case letter, digit, space, newline, punctuation, symbol, ignorable

    /// Class of an ASCII byte: arithmetic and two bit masks, no table (a static table costs
    /// a lazy-initialisation check on every read in the tokenizer's innermost loop).
    @inline(__always)
    static func of(ascii b: UInt8) -> CharacterClass {
        if b <= 0x20 || b == 0x7F { return b == 0x0A ? .newline : .space }  // controls separate tokens
        if b >= 0x30 && b <= 0x39 { return .digit }
        if (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A { return .letter }
        // $ + < = > ^ ` | ~
        let symbols: (UInt64, UInt64) = (1 << 0x24 | 1 << 0x2B | 1 << 0x3C | 1 << 0x3D | 1 << 0x3E,
                                         1 << (0x5E - 64) | 1 << (0x60 - 64) | 1 << (0x7C - 64) | 1 << (0x7E - 64))
        let isSymbol = b < 64 ? (symbols.0 >> UInt64(b)) & 1 == 1 : (symbols.1 >> UInt64(b - 64)) & 1 == 1
        return isSymbol ? .symbol : .punctuation
    }

    /// Class of any scalar.
    /// - Complexity: O(1); range checks, inlined, for Latin and Vietnamese letters and common
    ///   punctuation, a property look-up for other scripts.
    @inline(__always)
    static func of(_ v: UInt32) -> CharacterClass {
        if v < 0x80 { return of(ascii: UInt8(v)) }
        if v >= 0xC0 && v <= 0x24F { return (v == 0xD7 || v == 0xF7) ? .symbol : .letter }
        if v >= 0x1E00 && v <= 0x1EFF { return .letter }
        if v >= 0x300 && v < 0x370 { return .letter }  // combining marks stay in their word
        if v >= 0x2010 && v <= 0x2027 { return .punctuation }  // dashes, quotes, bullets, ellipsis (Pd Po Pi Pf Ps)
        return ofOther(v)
    }

    /// ``of(_:)`` by the Unicode general category.
    @inline(never)
    private static func ofOther(_ v: UInt32) -> CharacterClass {
        guard let s = Unicode.Scalar(v) else { return .symbol }
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark:
            return .letter
        case .decimalNumber:
            return .digit
        case .spaceSeparator, .control:
            return .space
        case .lineSeparator, .paragraphSeparator:
            return .newline
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return .punctuation
        case .format:
            return .ignorable
        default:
            return .symbol
        }
    }
}

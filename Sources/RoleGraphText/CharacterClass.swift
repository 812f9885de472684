/// The tokenizer's view of a scalar.
///
/// ASCII is answered from a 128-entry table; Latin and Vietnamese letters from range
/// checks; everything else from the Unicode general category.
enum CharacterClass: UInt8 {
    case letter, digit, space, newline, punctuation, symbol, ignorable

    private static let ascii: [CharacterClass] = (0..<128).map { (b: Int) -> CharacterClass in
        switch UInt8(b) {
        case 0x0A: return .newline
        case 0x09, 0x0B, 0x0C, 0x0D, 0x20: return .space
        case 0x30...0x39: return .digit
        case 0x41...0x5A, 0x61...0x7A: return .letter
        case 0x24, 0x2B, 0x3C, 0x3D, 0x3E, 0x5E, 0x60, 0x7C, 0x7E: return .symbol  // $ + < = > ^ ` | ~
        case 0x00..<0x20, 0x7F: return .space  // other control characters separate tokens
        default: return .punctuation
        }
    }

    /// Class of an ASCII byte.
    @inline(__always)
    static func of(ascii b: UInt8) -> CharacterClass { ascii[Int(b)] }

    /// Class of any scalar.
    /// - Complexity: O(1); a property look-up for scripts other than Latin.
    static func of(_ v: UInt32) -> CharacterClass {
        if v < 0x80 { return ascii[Int(v)] }
        if v >= 0xC0 && v <= 0x24F { return (v == 0xD7 || v == 0xF7) ? .symbol : .letter }
        if v >= 0x1E00 && v <= 0x1EFF { return .letter }
        if v >= 0x300 && v < 0x370 { return .letter }  // combining marks stay in their word
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

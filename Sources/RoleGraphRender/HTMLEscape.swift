/// Escaping for HTML text and attribute values; Vietnamese stays UTF-8, unchanged.
enum HTMLEscape {
    /// Text content and double-quoted attribute values: `&`, `<`, `>`, `"` become entities;
    /// a line break becomes `&#10;` inside attributes (tooltips keep their lines) and stays as is in text.
    /// - Complexity: O(n) in the UTF-8 length.
    static func escape(_ s: some StringProtocol, attribute: Bool = false) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\n" where attribute: out += "&#10;"
            case "\r" where attribute: break
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// An id fragment usable in `id="…"` and `#…` links: ASCII letters, digits, `-` and `_` kept,
    /// everything else `_`.
    static func identifier(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            let keep = scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_")
            out.unicodeScalars.append(keep ? scalar : "_")
        }
        return out
    }
}

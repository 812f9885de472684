/// Escaping for HTML text and attribute values; Vietnamese stays UTF-8, unchanged.
enum HTMLEscape {
    /// What a line break becomes: kept (text content), `&#10;` (attribute values: tooltips keep their
    /// lines), or a space (Graphviz's HTML-like labels, where a raw newline means nothing).
    enum LineBreaks { case keep, entity, space }

    /// Text content and double-quoted attribute values: `&`, `<`, `>`, `"` become entities, line
    /// breaks as `lineBreaks` says (a CR of a CR LF is dropped unless kept).
    /// - Complexity: O(n) in the UTF-8 length.
    static func escape(_ s: some StringProtocol, lineBreaks: LineBreaks = .keep) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\n" where lineBreaks == .entity: out += "&#10;"
            case "\r" where lineBreaks == .entity: break
            case "\n" where lineBreaks == .space, "\r" where lineBreaks == .space: out += " "
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// An attribute value (``escape(_:lineBreaks:)`` with `&#10;` for line breaks).
    static func attribute(_ s: some StringProtocol) -> String { escape(s, lineBreaks: .entity) }

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

/// Quoting for DOT's two string forms. Both keep Vietnamese text as UTF-8, unchanged.
public enum DOTEscape {
    /// A DOT double-quoted string: `"` and `\` are escaped, so no character is read as an escape
    /// sequence (`\n`, `\N`, `\l` …) and the text shows exactly as given; line breaks become `\n`.
    /// - Complexity: O(n) in the UTF-8 length.
    public static func quoted(_ s: String) -> String {
        var out = "\""
        out.reserveCapacity(s.utf8.count + 2)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": break
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
        return out
    }

    /// Text inside an HTML-like label (`<…>`): `&`, `<`, `>` and `"` become entities; line breaks
    /// become spaces (a raw newline means nothing there).
    /// - Complexity: O(n) in the UTF-8 length.
    public static func html(_ s: String) -> String { HTMLEscape.escape(s, lineBreaks: .space) }
}

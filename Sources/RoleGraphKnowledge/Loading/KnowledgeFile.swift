import RoleGraphText

/// Parses one knowledge file (TSV, `#` comments, a header line `id type name variants attributes`).
///
/// Every field is normalised like article text (NFC, new-style tone marks), so an old-style spelling
/// in a file (`Uỷ ban`) matches new-style text and vice versa.
public enum KnowledgeFile {
    public static let header = ["id", "type", "name", "variants", "attributes"]

    /// - Complexity: O(size of the file).
    public static func parse(_ text: String, file: String) throws(KnowledgeError) -> [KnowledgeEntry] {
        var entries: [KnowledgeEntry] = []
        var sawHeader = false
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            if !sawHeader {
                guard fields == header else {
                    throw KnowledgeError(file: file, line: lineNumber, column: 1,
                                         message: "expected the header line '\(header.joined(separator: "\\t"))'")
                }
                sawHeader = true
                continue
            }
            guard fields.count == header.count else {
                throw KnowledgeError(file: file, line: lineNumber, column: column(ofField: min(fields.count, header.count), in: fields),
                                     message: "expected \(header.count) TAB-separated fields, found \(fields.count)")
            }
            guard !fields[0].isEmpty else {
                throw KnowledgeError(file: file, line: lineNumber, column: 1, message: "empty id")
            }
            guard let kind = KnowledgeEntry.Kind(rawValue: fields[1]) else {
                let known = KnowledgeEntry.Kind.allCases.map(\.rawValue).joined(separator: ", ")
                throw KnowledgeError(file: file, line: lineNumber, column: column(ofField: 1, in: fields),
                                     message: "unknown type '\(fields[1])' (one of: \(known))")
            }
            let name = VietnameseFolding.normalize(fields[2]).trimmingSpaces
            guard !name.isEmpty else {
                throw KnowledgeError(file: file, line: lineNumber, column: column(ofField: 2, in: fields), message: "empty name")
            }
            let variants = fields[3].split(separator: "|").map { VietnameseFolding.normalize(String($0)).trimmingSpaces }
                .filter { !$0.isEmpty && $0 != name }
            var attributes: [String: String] = [:]
            for pair in fields[4].split(separator: ";") {
                let trimmed = String(pair).trimmingSpaces
                guard !trimmed.isEmpty else { continue }
                guard let eq = trimmed.firstIndex(of: "="), eq != trimmed.startIndex else {
                    throw KnowledgeError(file: file, line: lineNumber, column: column(ofField: 4, in: fields),
                                         message: "attribute '\(trimmed)' is not key=value")
                }
                attributes[String(trimmed[..<eq])] = VietnameseFolding.normalize(String(trimmed[trimmed.index(after: eq)...]))
            }
            entries.append(KnowledgeEntry(id: fields[0], kind: kind, name: name, variants: variants,
                                          attributes: attributes, file: file, line: lineNumber))
        }
        if !sawHeader {
            throw KnowledgeError(file: file, line: max(lineNumber, 1), column: 1, message: "no header line")
        }
        return entries
    }

    /// 1-based column (in characters) where field `index` starts.
    static func column(ofField index: Int, in fields: [String]) -> Int {
        fields.prefix(index).reduce(1) { $0 + $1.count + 1 }
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}

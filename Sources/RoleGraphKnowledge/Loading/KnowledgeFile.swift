import RoleGraphText

/// Parses one knowledge file (TSV, `#` comments, a header line `id type name variants attributes`).
///
/// Every field is normalised like article text (NFC, new-style tone marks), so an old-style spelling
/// in a file (`Uỷ ban`) matches new-style text and vice versa.
public enum KnowledgeFile {
    public static let header = ["id", "type", "name", "variants", "attributes"]

    /// - Complexity: O(size of the file).
    public static func parse(_ text: String, file: String) throws(KnowledgeError) -> [KnowledgeEntry] {
        try parse(bytes: Array(text.utf8), file: file, normalized: false)
    }

    /// Parses text that is already normalised (``SourceText/bytes``): as ``parse(_:file:)``, but the
    /// fields, being pieces of normalised text, are not normalised again.
    static func parse(normalized bytes: [UInt8], file: String) throws(KnowledgeError) -> [KnowledgeEntry] {
        try parse(bytes: bytes, file: file, normalized: true)
    }

    /// The byte parser where it cuts fields exactly as the `Character` parser would, else the latter.
    private static func parse(bytes: [UInt8], file: String, normalized: Bool) throws(KnowledgeError) -> [KnowledgeEntry] {
        let fast: Result<[KnowledgeEntry], KnowledgeError>? = bytes.withUnsafeBufferPointer { p in
            guard splitsLikeCharacters(p) else { return nil }
            do throws(KnowledgeError) {
                return .success(try parse(utf8: p, file: file, normalized: normalized))
            } catch {
                return .failure(error)
            }
        }
        switch fast {
        case .success(let entries)?: return entries
        case .failure(let error)?: throw error
        case nil: return try parseCharacters(String(decoding: bytes, as: UTF8.self), file: file)
        }
    }

    /// Whether splitting the UTF-8 bytes at LF, TAB, `|`, `;`, `=` and a leading `#` cuts exactly where
    /// splitting the `String` by `Character` does. A `Character` can hold a separator together with a
    /// neighbour only through CR LF, a mark or joiner after it, or a prepended scalar before it; so the
    /// byte split is exact when there is no CR and every separator's neighbours are ASCII or Latin letters
    /// (U+0080–U+02BF, U+1E00–U+1EFF), none of which extends or prepends to a grapheme.
    static func splitsLikeCharacters(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = p.count
        for i in 0..<n {
            switch p[i] {
            case 0x0D:
                return false
            case 0x09, 0x0A, 0x7C, 0x3B, 0x3D, 0x23:
                if i + 1 < n, p[i + 1] >= 0x80, !isLatin(p, at: i + 1) { return false }
                if i > 0, p[i - 1] >= 0x80 {
                    var j = i - 1
                    while j > 0, p[j] & 0xC0 == 0x80 { j -= 1 }
                    if !isLatin(p, at: j) { return false }
                }
            default:
                continue
            }
        }
        return true
    }

    /// Whether the scalar starting at `i` is in U+0080–U+02BF or U+1E00–U+1EFF.
    @inline(__always)
    private static func isLatin(_ p: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        let b = p[i]
        if b >= 0xC2 && b <= 0xCA { return true }
        return b == 0xE1 && i + 1 < p.count && p[i + 1] >= 0xB8 && p[i + 1] <= 0xBB
    }

    /// The byte-level parser behind ``parse(_:file:)``; same results and errors as ``parseCharacters(_:file:)``
    /// whenever ``splitsLikeCharacters(_:)`` holds.
    private static func parse(utf8 p: UnsafeBufferPointer<UInt8>, file: String,
                              normalized: Bool) throws(KnowledgeError) -> [KnowledgeEntry] {
        @inline(__always) func string(_ r: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: p[r]), as: UTF8.self)
        }
        @inline(__always) func normalize(_ s: String) -> String {
            normalized ? s : VietnameseFolding.normalize(s)
        }
        /// Pieces of `r` between `separator` bytes, empty pieces dropped (`split(separator:)`).
        func pieces(_ r: Range<Int>, _ separator: UInt8) -> [Range<Int>] {
            var result: [Range<Int>] = []
            var start = r.lowerBound
            for i in r where p[i] == separator {
                if i > start { result.append(start..<i) }
                start = i + 1
            }
            if r.upperBound > start { result.append(start..<r.upperBound) }
            return result
        }
        var entries: [KnowledgeEntry] = []
        entries.reserveCapacity(p.count / 64)
        var sawHeader = false
        var lineNumber = 0
        let n = p.count
        var lineStart = 0
        var fieldRanges: [Range<Int>] = []
        while lineStart <= n {
            var lineEnd = lineStart
            while lineEnd < n && p[lineEnd] != 0x0A { lineEnd += 1 }
            defer { lineStart = lineEnd + 1 }
            lineNumber += 1
            var blank = true
            for i in lineStart..<lineEnd where p[i] != 0x20 && p[i] != 0x09 {
                blank = false
                break
            }
            if blank || p[lineStart] == 0x23 { continue }
            fieldRanges.removeAll(keepingCapacity: true)
            var fieldStart = lineStart
            for i in lineStart..<lineEnd where p[i] == 0x09 {
                fieldRanges.append(fieldStart..<i)
                fieldStart = i + 1
            }
            fieldRanges.append(fieldStart..<lineEnd)
            if !sawHeader || fieldRanges.count != header.count {
                let fields = fieldRanges.map(string)
                if !sawHeader {
                    guard fields == header else {
                        throw KnowledgeError(file: file, line: lineNumber, column: 1,
                                             message: "expected the header line '\(header.joined(separator: "\\t"))'")
                    }
                    sawHeader = true
                    continue
                }
                throw KnowledgeError(file: file, line: lineNumber, column: column(ofField: min(fields.count, header.count), in: fields),
                                     message: "expected \(header.count) TAB-separated fields, found \(fields.count)")
            }
            guard !fieldRanges[0].isEmpty else {
                throw KnowledgeError(file: file, line: lineNumber, column: 1, message: "empty id")
            }
            let typeField = string(fieldRanges[1])
            guard let kind = KnowledgeEntry.Kind(rawValue: typeField) else {
                let fields = fieldRanges.map(string)
                let known = KnowledgeEntry.Kind.allCases.map(\.rawValue).joined(separator: ", ")
                throw KnowledgeError(file: file, line: lineNumber, column: column(ofField: 1, in: fields),
                                     message: "unknown type '\(fields[1])' (one of: \(known))")
            }
            let name = normalize(string(fieldRanges[2])).trimmingSpaces
            guard !name.isEmpty else {
                throw KnowledgeError(file: file, line: lineNumber, column: column(ofField: 2, in: fieldRanges.map(string)),
                                     message: "empty name")
            }
            var variants: [String] = []
            for piece in pieces(fieldRanges[3], 0x7C) {
                let variant = normalize(string(piece)).trimmingSpaces
                if !variant.isEmpty && variant != name { variants.append(variant) }
            }
            var attributes: [String: String] = [:]
            for piece in pieces(fieldRanges[4], 0x3B) {
                let trimmed = string(piece).trimmingSpaces
                guard !trimmed.isEmpty else { continue }
                guard let eq = trimmed.utf8.firstIndex(of: 0x3D), eq != trimmed.startIndex else {
                    throw KnowledgeError(file: file, line: lineNumber, column: column(ofField: 4, in: fieldRanges.map(string)),
                                         message: "attribute '\(trimmed)' is not key=value")
                }
                attributes[String(trimmed[..<eq])] = normalize(String(trimmed[trimmed.utf8.index(after: eq)...]))
            }
            entries.append(KnowledgeEntry(id: string(fieldRanges[0]), kind: kind, name: name, variants: variants,
                                          attributes: attributes, file: file, line: lineNumber))
        }
        if !sawHeader {
            throw KnowledgeError(file: file, line: max(lineNumber, 1), column: 1, message: "no header line")
        }
        return entries
    }

    /// The reference parser, by `Character`: used when bytes and characters could split differently.
    static func parseCharacters(_ text: String, file: String) throws(KnowledgeError) -> [KnowledgeEntry] {
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
        // No space byte at either end: no space character there either.
        if let first = utf8.first, let last = utf8.last, first != 0x20, last != 0x20 { return self }
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}

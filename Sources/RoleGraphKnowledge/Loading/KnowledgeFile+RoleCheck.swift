extension KnowledgeFile {
    /// Function words must name roles the parsers know (``FunctionWordRoles/names``): a misspelt role
    /// (`role=conjuntion`) would otherwise be ignored in silence and the word would do nothing. Checked
    /// after either parser, on the entries, so the byte and character parsers stay alike.
    /// - Parameter text: the file's normalised text, to point at the role's column.
    /// - Throws: ``KnowledgeError`` at the first unknown role, as `file:line:column`.
    static func checkFunctionWordRoles(_ entries: [KnowledgeEntry], text: String, file: String) throws(KnowledgeError) {
        let known = Set(FunctionWordRoles.names.map(\.0))
        var lines: [Substring]? = nil
        for entry in entries where entry.kind == .functionWord {
            let value = entry.attributes["role"] ?? ""
            let roles = value.split(separator: ",").map { String($0.filter { $0 != " " }) }
            guard let unknown = roles.isEmpty ? "" : roles.first(where: { !known.contains($0) }) else { continue }
            if lines == nil { lines = text.split(separator: "\n", omittingEmptySubsequences: false) }
            let line = entry.line >= 1 && entry.line <= lines!.count ? lines![entry.line - 1] : ""
            let column = line.range(of: unknown.isEmpty ? "\t" : unknown).map { line.distance(from: line.startIndex, to: $0.lowerBound) + 1 } ?? 1
            let message = unknown.isEmpty
                ? "a function word needs role=… (one of: \(FunctionWordRoles.names.map(\.0).joined(separator: ", ")))"
                : "unknown function-word role '\(unknown)' (one of: \(FunctionWordRoles.names.map(\.0).joined(separator: ", ")))"
            throw KnowledgeError(file: file, line: entry.line, column: column, message: message)
        }
    }
}

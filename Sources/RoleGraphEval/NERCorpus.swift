import Foundation

/// Opens a benchmark file by its extension and reads a subset list: the file handling of
/// `rolegraph eval --ner FILE [--subset FILE]`, kept out of the CLI so tests can reach it.
public enum NERCorpus {
    /// The benchmark formats, chosen by file extension.
    public enum Format: String, Sendable, CaseIterable {
        /// `.jsonl`: ``SpanJSONLReader``.
        case spanJSONL = "jsonl"
        /// `.conll`: ``CoNLLReader``.
        case conll = "conll"

        /// The format of `path`, or `nil` for an unknown extension (compared case-insensitively).
        public init?(path: String) {
            self.init(rawValue: URL(fileURLWithPath: path).pathExtension.lowercased())
        }
    }

    /// Reads the documents of `path` in the format its extension names.
    public static func load(path: String) throws(NERInputError) -> [NERDocument] {
        switch Format(path: path) {
        case .spanJSONL: try SpanJSONLReader.read(path: path)
        case .conll: try CoNLLReader.read(path: path)
        case nil: throw NERInputError(file: path, message: "unknown format: expected a .jsonl (span JSONL) or .conll (CoNLL) file")
        }
    }

    /// Document ids, one a line; surrounding white space is trimmed, blank lines and lines
    /// starting with `#` are skipped.
    public static func loadSubset(path: String) throws(NERInputError) -> Set<String> {
        var ids = Set<String>()
        for (_, line) in try NERFileLines(path: path).lines {
            let id = line.trimmingCharacters(in: .whitespaces)
            if id.isEmpty || id.hasPrefix("#") { continue }
            ids.insert(id)
        }
        if ids.isEmpty { throw NERInputError(file: path, message: "no document ids") }
        return ids
    }
}

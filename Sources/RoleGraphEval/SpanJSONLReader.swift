import Foundation

/// Reads span JSONL, the format of `shared/data/vlsp2018/*.jsonl`: one document a line,
/// `{"doc", "text", "entities": [{"start", "end", "type", "text"}]}` (other keys, such as `domain`,
/// are ignored).
///
/// `start`/`end` are code-point offsets into `text`, end-exclusive. Every entity is checked as it is
/// read: a known type (`PER`, `ORG`, `LOC`, `MISC`), `0 ≤ start < end ≤ length`, and, when the entity
/// carries its `text`, that the offsets cover exactly that text. The last check catches files whose
/// offsets count UTF-16 units or bytes instead of code points, which would otherwise score as
/// silent misses. Blank lines are skipped. Entities are kept as given (the VLSP 2018 files hold
/// top-level entities only); nothing is merged or dropped.
/// - Complexity: O(file size); every document is held in memory.
public enum SpanJSONLReader {
    struct Record: Decodable {
        struct Entity: Decodable {
            var start: Int
            var end: Int
            var type: String
            var text: String?
        }
        var doc: String
        var text: String
        var entities: [Entity]
    }

    /// Reads the file at `path`.
    public static func read(path: String) throws(NERInputError) -> [NERDocument] {
        try read(NERFileLines(path: path))
    }

    /// Reads an in-memory file; `file` names it in errors.
    public static func read(data: Data, file: String) throws(NERInputError) -> [NERDocument] {
        try read(NERFileLines(data: data, file: file))
    }

    static func read(_ file: NERFileLines) throws(NERInputError) -> [NERDocument] {
        var documents: [NERDocument] = []
        var firstLine: [String: Int] = [:]
        let decoder = JSONDecoder()
        for (number, line) in file.lines where !line.allSatisfy(\.isWhitespace) {
            func fail(_ message: String) -> NERInputError {
                NERInputError(file: file.file, line: number, message: message)
            }
            let record: Record
            do {
                record = try decoder.decode(Record.self, from: Data(line.utf8))
            } catch {
                throw fail("not a span record {\"doc\", \"text\", \"entities\"}: \(reason(error))")
            }
            if let first = firstLine[record.doc] {
                throw fail("document \"\(record.doc)\" already given on line \(first)")
            }
            firstLine[record.doc] = number

            let scalars = Array(record.text.unicodeScalars)
            var spans: [NERSpan] = []
            for (i, e) in record.entities.enumerated() {
                let which = "entity \(i + 1) of document \"\(record.doc)\""
                guard let type = NERType(rawValue: e.type) else {
                    throw fail("\(which): unknown type \"\(e.type)\" (expected PER, ORG, LOC or MISC)")
                }
                guard 0 <= e.start, e.start < e.end, e.end <= scalars.count else {
                    throw fail("\(which): span \(e.start)..<\(e.end) is empty or outside the text (\(scalars.count) code points)")
                }
                if let expected = e.text {
                    let covered = String(String.UnicodeScalarView(scalars[e.start..<e.end]))
                    guard covered.unicodeScalars.elementsEqual(expected.unicodeScalars) else {
                        throw fail("\(which): offsets \(e.start)..<\(e.end) cover \"\(covered)\", not \"\(expected)\" (offsets must count code points)")
                    }
                }
                spans.append(NERSpan(start: e.start, end: e.end, type: type))
            }
            documents.append(NERDocument(id: record.doc, text: record.text, entities: spans.sorted()))
        }
        return documents
    }

    /// A decoding error in words: which key is missing or has the wrong type.
    static func reason(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            "missing \"\((context.codingPath.map(\.stringValue) + [key.stringValue]).joined(separator: "."))\""
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            "wrong type at \"\(context.codingPath.map(\.stringValue).joined(separator: "."))\""
        case DecodingError.dataCorrupted: "invalid JSON"
        default: String(describing: error)
        }
    }
}

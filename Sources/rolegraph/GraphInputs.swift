import Foundation
import RoleGraphDocument
import RoleGraphGraph
import RoleGraphText

/// What `graph`, `diff` and `timeline` read: articles (`.txt`), document JSON (`rolegraph.document/1`,
/// as written by `extract`), graph JSON (`rolegraph.graph/1`, as written by `graph --format json`),
/// JSONL files whose lines are documents or `{"id", "text", "date"}` records, and folders of these.
///
/// Everything is merged into one ``RoleGraph``. A bad input is reported on stderr as
/// `FILE[:LINE]: message` and counted; the other inputs are still read, so one broken article never
/// loses a run. Documents are kept only when asked (`keepDocuments`), because a year of news merged
/// into one graph should not hold every document in memory.
struct GraphInputs {
    var graph = RoleGraph()
    /// The documents read or extracted, in input order (empty unless `keepDocuments`).
    var documents: [Document] = []
    /// How many files or lines could not be read.
    var failures = 0

    static let extensions: Set<String> = ["txt", "json", "jsonl"]

    init(_ inputs: [String], extractor: Extractor, keepDocuments: Bool = false) {
        for path in InputFiles.expand(inputs, extensions: Self.extensions) {
            do {
                switch URL(fileURLWithPath: path).pathExtension.lowercased() {
                case "json": try readJSON(Data(contentsOf: URL(fileURLWithPath: path)), keepDocuments: keepDocuments)
                case "jsonl": try readJSONL(path, extractor: extractor, keepDocuments: keepDocuments)
                default: add(try extractor.extract(path: path), keep: keepDocuments)
                }
            } catch let error as InputError {
                fail(error.description)
            } catch let error as CocoaError where error.code == .fileReadNoSuchFile {
                fail("\(path): no such file")
            } catch {
                fail("\(path): \(JSONLInput.reason(error))")
            }
        }
    }

    private mutating func fail(_ message: String) {
        warn(message)
        failures += 1
    }

    private mutating func add(_ document: Document, keep: Bool) {
        graph.merge(RoleGraph(document: document))
        if keep { documents.append(document) }
    }

    /// One JSON value: a document or a graph, told apart by `schema`.
    private mutating func readJSON(_ data: Data, keepDocuments: Bool) throws {
        let schema = try JSONDecoder().decode(Schema.self, from: data).schema
        try read(data, schema: schema ?? "", keepDocuments: keepDocuments)
    }

    private mutating func read(_ data: Data, schema: String, keepDocuments: Bool) throws {
        if schema.hasPrefix("rolegraph.graph/") {
            graph.merge(try RoleGraph(export: RoleGraphExport(jsonData: data)))
        } else if schema.hasPrefix("rolegraph.document/") {
            add(try Document(jsonData: data), keep: keepDocuments)
        } else {
            throw GraphInputError("not a rolegraph document or graph (schema \"\(schema)\")")
        }
    }

    /// JSONL, one line at a time: document lines are merged, `{"id", "text"}` records are extracted.
    private mutating func readJSONL(_ path: String, extractor: Extractor, keepDocuments: Bool) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        var lineNumber = 0
        for line in data.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            do {
                // A line with a `schema` is a document or a graph; one without is a record to extract.
                if let schema = try JSONDecoder().decode(Schema.self, from: line).schema {
                    try read(Data(line), schema: schema, keepDocuments: keepDocuments)
                } else {
                    let record = try JSONDecoder().decode(JSONLInput.Record.self, from: line)
                    let text = try SourceText(bytes: Array(record.text.utf8), file: "\(path):\(lineNumber)")
                    add(extractor.extract(text, id: record.id, source: nil, date: record.date), keep: keepDocuments)
                }
            } catch let error as InputError {
                fail(error.description)
            } catch {
                fail("\(path):\(lineNumber): \(JSONLInput.reason(error))")
            }
        }
    }

    private struct Schema: Decodable { var schema: String? }
}

struct GraphInputError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

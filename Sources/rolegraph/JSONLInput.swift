import Foundation
import RoleGraphDocument
import RoleGraphText

/// Reads `{"id": …, "text": …, "date": …}` records, one per line, from a stream and extracts each:
/// the stateless per-line filter that Spark's `RDD.pipe` and Hadoop Streaming expect. Output lines come in
/// input order; a bad line is reported as `FILE:LINE: message` and skipped, and the rest still come out.
/// - Complexity: one line in memory at a time; O(total input).
struct JSONLInput {
    struct Record: Decodable {
        var id: String
        var text: String
        var date: String?
    }

    let extractor: Extractor
    let name: String   // `-` for standard input

    /// Extracts every line of `handle`, writing one document per line; returns the number of bad lines.
    func run(reading handle: FileHandle, writing output: FileHandle) -> Int {
        var failures = 0
        var lineNumber = 0
        func process(_ line: UnsafeBufferPointer<UInt8>) {
            lineNumber += 1
            guard !line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) else { return }
            do {
                let document: Document
                if let record = PlainRecord(line),
                   let text = try? SourceText(bytes: record.text, file: "\(name):\(lineNumber)") {
                    document = extractor.extract(text, id: record.id, source: nil, date: record.date)
                } else {
                    // Anything else, and every error, the way `JSONDecoder` reads it.
                    let record = try JSONDecoder().decode(Record.self, from: Data(line))
                    let text = try SourceText(bytes: Array(record.text.utf8), file: "\(name):\(lineNumber)")
                    document = extractor.extract(text, id: record.id, source: nil, date: record.date)
                }
                document.withJSONLine(pretty: false) { output.write(lent: $0) }
            } catch let error as InputError {
                warn(error.description)
                failures += 1
            } catch {
                warn("\(name):\(lineNumber): not a record {\"id\", \"text\", \"date\"}: \(Self.reason(error))")
                failures += 1
            }
        }
        // Complete lines are cut from each chunk with one byte search (`memchr`: the generic `firstIndex(of:)`
        // costs some 10 instructions a byte); only the unfinished tail is kept.
        var pending: [UInt8] = []
        while case let chunk = handle.availableData, !chunk.isEmpty {
            pending.append(contentsOf: chunk)
            var lineStart = 0
            pending.withUnsafeBufferPointer { all in
                guard let base = all.baseAddress else { return }
                while lineStart < all.count, let found = memchr(base + lineStart, 0x0A, all.count - lineStart) {
                    let newline = UnsafePointer(found.assumingMemoryBound(to: UInt8.self)) - base
                    process(UnsafeBufferPointer(rebasing: all[lineStart..<newline]))
                    lineStart = newline + 1
                }
            }
            pending.removeFirst(lineStart)
        }
        if !pending.isEmpty { pending.withUnsafeBufferPointer { process($0) } }
        return failures
    }

    /// A decoding error in words: which key is missing or has the wrong type.
    static func reason(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): "missing \"\(key.stringValue)\""
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            "wrong type at \"\(context.codingPath.map(\.stringValue).joined(separator: "."))\""
        case DecodingError.dataCorrupted: "invalid JSON"
        default: String(describing: error)
        }
    }
}

import Foundation
import RoleGraphDocument
import RoleGraphText
import Testing

/// Extraction is a pure function of the document and the knowledge base, though threads keep memos
/// (each its word cache, and the rule set's shared test bits and knowledge features): several threads
/// extracting the same articles in different orders, side by side, write what one thread writes.
@Suite struct ConcurrentExtractionTests {
    @Test func threadsInAnyOrderWriteTheSameDocuments() throws {
        let texts = try ([Fixtures.seed] + DocumentJSONTests.devArticles).map { url in
            (id: url.deletingPathExtension().lastPathComponent, text: try SourceText(bytes: Array(Data(contentsOf: url)), file: url.path))
        }
        let expected = texts.map { Extractor.shared.extract($0.text, id: $0.id, source: nil, date: nil).jsonData(pretty: false) }
        final class Results: @unchecked Sendable {  // rows are stored under the lock
            private let lock = NSLock()
            private(set) var rows: [[Data]]
            init(_ count: Int) { rows = Array(repeating: [], count: count) }
            func store(_ row: [Data], at thread: Int) {
                lock.lock()
                rows[thread] = row
                lock.unlock()
            }
        }
        let threads = 4
        let results = Results(threads)
        DispatchQueue.concurrentPerform(iterations: threads) { thread in
            // Thread k starts at article k and goes round, twice: each thread's word cache meets the
            // articles in another order, and the second round finds them all in it.
            var row = [Data](repeating: Data(), count: texts.count)
            for step in 0..<(2 * texts.count) {
                let index = (thread + step) % texts.count
                row[index] = Extractor.shared.extract(texts[index].text, id: texts[index].id, source: nil, date: nil)
                    .jsonData(pretty: false)
            }
            results.store(row, at: thread)
        }
        for (thread, row) in results.rows.enumerated() {
            for (index, data) in row.enumerated() {
                #expect(data == expected[index], "thread \(thread), \(texts[index].id)")
            }
        }
    }
}

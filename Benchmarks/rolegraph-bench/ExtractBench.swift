import Foundation
import RoleGraphDocument
import RoleGraphText

/// Figure 4 — end-to-end extraction.
///
/// For every document of the corpus (articles as separate documents, as the CLI and a JSONL stream
/// see them): `SourceText(bytes:file:)` from the raw bytes (validation and normalisation included),
/// then `Extractor.extract(_:id:source:date:)` (tokens, gazetteer, patterns, resolution, Document), then
/// the document's JSON line (`withJSONLine`) — what `rolegraph extract` does per document, less the file
/// I/O. The same passes without the JSON are printed too. Throughput is input bytes per second; median of 11 passes
/// over the corpus after one warm-up pass, with the fastest and slowest pass beside it (a shared machine's
/// neighbours move single passes by 10 % and more). The ratio compares it with the gazetteer scan alone.
///
/// The corpus repeats its articles, and each thread keeps the words it has tokenised
/// (`Tokenizer.tokens(of:words:)`), so those passes meet no new word. The cold figure is for a thread
/// that has seen nothing: each distinct article once, on a new thread (median of 5 threads).
enum ExtractBench {
    static func run(extractor: Extractor, corpus: Corpus, scanRate: Double) throws {
        Report.section("4. End-to-end extract")
        var roles = 0
        var persons = 0
        var jsonBytes = 0
        func passes(json: Bool) throws -> [Duration] {
            try Measure.timings(repetitions: 11) {
                roles = 0
                persons = 0
                jsonBytes = 0
                for article in corpus.documents {
                    let text = try SourceText(bytes: article.bytes, file: article.path)
                    let document = extractor.extract(text, id: article.id, source: article.path, date: nil)
                    roles += document.roles.count
                    persons += document.persons.count
                    if json { jsonBytes += document.withJSONLine(pretty: false) { $0.count } - 1 }
                    blackHole(document)
                }
            }
        }
        let cold = try coldPass(extractor: extractor, articles: [corpus.seed] + corpus.dev)
        let withoutJSON = try passes(json: false)[5]
        let all = try passes(json: true)
        let pass = all[5]
        let rate = megabytesPerSecond(corpus.documentBytes, in: pass)
        let range = [all.last!, all.first!].map { String(format: "%.1f", megabytesPerSecond(corpus.documentBytes, in: $0)) }
        Report.line("extract throughput", rate, "MB/s",
                    note: Report.target("≥ 20 MB/s", met: rate >= 20)
                        + ", \(String(format: "%.1f", pass.milliseconds)) ms for \(corpus.documents.count) documents, "
                        + "\(roles) roles, \(persons) persons; passes \(range[0])–\(range[1]) MB/s")
        Report.line("extract, cold thread", megabytesPerSecond(corpus.distinctBytes, in: cold), "MB/s",
                    note: "each distinct article once on a new thread: every word is new to its word cache")
        Report.line("extract without JSON", megabytesPerSecond(corpus.documentBytes, in: withoutJSON), "MB/s",
                    note: "the same passes, documents built but not written; JSON: \(jsonBytes / corpus.documents.count) bytes a document")
        Report.line("extract / gazetteer scan", rate / scanRate, "×", decimals: 3,
                    note: "scan alone is \(String(format: "%.1f", scanRate / rate))× faster")
        Report.line("extract per document", pass.milliseconds * 1000 / Double(corpus.documents.count), "µs",
                    note: "mean over \(corpus.documents.count) documents of \(corpus.documentBytes / corpus.documents.count) bytes")
    }

    /// The median time of extracting `articles` (to JSON) on a new thread, over 5 threads.
    private static func coldPass(extractor: Extractor, articles: [Corpus.Article]) throws -> Duration {
        final class Outcome: @unchecked Sendable {  // written by the thread before `done` is signalled
            var time = Result<Duration, any Error>.success(.zero)
        }
        var samples: [Duration] = []
        for _ in 0..<5 {
            let outcome = Outcome()
            let done = DispatchSemaphore(value: 0)
            Thread {
                outcome.time = Result {
                    try ContinuousClock().measure {
                        for article in articles {
                            let text = try SourceText(bytes: article.bytes, file: article.path)
                            let document = extractor.extract(text, id: article.id, source: article.path, date: nil)
                            blackHole(document.withJSONLine(pretty: false) { $0.count })
                        }
                    }
                }
                done.signal()
            }.start()
            done.wait()
            samples.append(try outcome.time.get())
        }
        return samples.sorted()[samples.count / 2]
    }
}

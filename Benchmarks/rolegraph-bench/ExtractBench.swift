import RoleGraphDocument
import RoleGraphText

/// Figure 4 — end-to-end extraction.
///
/// For every document of the corpus (articles as separate documents, as the CLI and a JSONL stream
/// see them): `SourceText(bytes:file:)` from the raw bytes (validation and normalisation included),
/// then `Extractor.extract(_:id:source:date:)` (tokens, gazetteer, patterns, resolution, Document).
/// Throughput is input bytes per second; median of 5 passes over the corpus after one warm-up pass.
/// The ratio compares it with the gazetteer scan alone.
enum ExtractBench {
    static func run(extractor: Extractor, corpus: Corpus, scanRate: Double) throws {
        Report.section("4. End-to-end extract")
        var roles = 0
        var persons = 0
        let pass = try Measure.median(repetitions: 5) {
            roles = 0
            persons = 0
            for article in corpus.documents {
                let text = try SourceText(bytes: article.bytes, file: article.path)
                let document = extractor.extract(text, id: article.id, source: article.path, date: nil)
                roles += document.roles.count
                persons += document.persons.count
                blackHole(document)
            }
        }
        let rate = megabytesPerSecond(corpus.documentBytes, in: pass)
        Report.line("extract throughput", rate, "MB/s",
                    note: Report.target("≥ 20 MB/s", met: rate >= 20)
                        + ", \(String(format: "%.1f", pass.milliseconds)) ms for \(corpus.documents.count) documents, "
                        + "\(roles) roles, \(persons) persons")
        Report.line("extract / gazetteer scan", rate / scanRate, "×", decimals: 3,
                    note: "scan alone is \(String(format: "%.1f", scanRate / rate))× faster")
        Report.line("extract per document", pass.milliseconds * 1000 / Double(corpus.documents.count), "µs",
                    note: "mean over \(corpus.documents.count) documents of \(corpus.documentBytes / corpus.documents.count) bytes")
    }
}

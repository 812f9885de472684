import Foundation
import Testing
import RoleGraphDocument
import RoleGraphText

/// Golden JSON for a few dev articles of different shapes: appointments (`baomoi-21482121`), a transfer
/// with a list of deputies (`baomoi-22246202`), a biography (`baomoi-22229627`). The articles are read
/// from `../shared` (their newspapers' copyright: not shipped); the outputs are kept here.
/// `UPDATE_GOLDEN=1 swift test` rewrites them after an intended change.
@Suite struct DevArticleGoldenTests {
    static let articles = ["baomoi-21482121", "baomoi-22246202", "baomoi-22229627"]

    @Test(arguments: articles)
    func goldenJSON(article: String) throws {
        let path = Fixtures.shared.appendingPathComponent("data/dev/articles/\(article).txt")
        guard FileManager.default.fileExists(atPath: path.path) else {
            Issue.record("\(path.path) is missing: the dev articles live in ../shared")
            return
        }
        let document = try Extractor.shared.extract(path: path.path)
        var normalised = document
        normalised.source = "\(article).txt"   // independent of where ../shared is
        let json = try normalised.jsonData(pretty: true)
        let golden = Fixtures.golden.appendingPathComponent("dev/\(article).json")
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: golden.deletingLastPathComponent(), withIntermediateDirectories: true)
            try json.write(to: golden)
        }
        #expect(json == (try Data(contentsOf: golden)), "\(article) differs from Golden/dev/\(article).json")
    }
}

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

    static let articlesFolder = Fixtures.shared.appendingPathComponent("data/dev/articles")

    /// Runs where `../shared` is beside the package, as in CI; skipped elsewhere.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: articlesFolder.path), "needs ../shared/data/dev/articles"),
          arguments: articles)
    func goldenJSON(article: String) throws {
        let path = Self.articlesFolder.appendingPathComponent("\(article).txt")
        let document = try Extractor.shared.extract(path: path.path)
        var normalised = document
        normalised.source = "\(article).txt"   // independent of where ../shared is
        let json = normalised.jsonData(pretty: true)
        let golden = Fixtures.golden.appendingPathComponent("dev/\(article).json")
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: golden.deletingLastPathComponent(), withIntermediateDirectories: true)
            try json.write(to: golden)
        }
        #expect(json == (try Data(contentsOf: golden)), "\(article) differs from Golden/dev/\(article).json")
    }
}

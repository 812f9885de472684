import Foundation
import RoleGraphText

/// The news text the benchmark runs on: the seed article plus, when `../shared` is present, the dev
/// articles; repeated until the corpus holds at least ``minimumBytes`` for the throughput figures.
struct Corpus {
    struct Article {
        var id: String
        var path: String
        var bytes: [UInt8]
    }

    /// Throughput figures run over at least this many bytes.
    static let minimumBytes = 2_000_000
    static let seedPath = "seeds/000_5c63e9f1b32982bc.txt"
    static let devPath = "../shared/data/dev/articles"

    /// The seed article.
    let seed: Article
    /// The dev articles (empty when `../shared` is missing).
    let dev: [Article]
    /// Seed and dev articles, repeated to at least ``minimumBytes``: the documents for `extract`.
    let documents: [Article]
    /// The same documents joined with blank lines, one text for the tokeniser and the gazetteer scan
    /// (a line break between articles, so no match crosses from one article into the next).
    let joined: [UInt8]
    /// How many times the distinct articles were repeated.
    let repetitions: Int

    var distinctBytes: Int { seed.bytes.count + dev.reduce(0) { $0 + $1.bytes.count } }
    var documentBytes: Int { documents.reduce(0) { $0 + $1.bytes.count } }

    init() throws {
        guard let seedFile = Self.locate(Self.seedPath) else {
            throw BenchError("cannot find \(Self.seedPath) from \(FileManager.default.currentDirectoryPath) or the package root")
        }
        seed = try Self.article(at: seedFile)
        if let folder = Self.locate(Self.devPath) {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            dev = try names.filter { $0.hasSuffix(".txt") }.sorted()
                .map { try Self.article(at: (folder as NSString).appendingPathComponent($0)) }
        } else {
            dev = []
        }
        let distinct = [seed] + dev
        let size = distinct.reduce(0) { $0 + $1.bytes.count }
        repetitions = max(1, (Self.minimumBytes + size - 1) / size)
        documents = Array(repeating: distinct, count: repetitions).flatMap { $0 }
        var joined: [UInt8] = []
        joined.reserveCapacity(size * repetitions + 2 * documents.count)
        for document in documents {
            joined += document.bytes
            joined += [0x0A, 0x0A]
        }
        self.joined = joined
    }

    /// A one-line description for the output.
    var summary: String {
        let source = dev.isEmpty
            ? "seed article only (../shared/data/dev/articles not found)"
            : "seed + \(dev.count) dev articles"
        return "\(source), \(distinctBytes) bytes distinct, repeated ×\(repetitions) → "
            + "\(documents.count) documents, \(documentBytes) bytes (\(String(format: "%.2f", Double(documentBytes) / 1e6)) MB)"
    }

    /// `relative` from the current directory, else from the package root (three levels above this file).
    static func locate(_ relative: String) -> String? {
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
        for base in [FileManager.default.currentDirectoryPath, packageRoot] {
            let path = URL(fileURLWithPath: relative, relativeTo: URL(fileURLWithPath: base, isDirectory: true))
                .standardizedFileURL.path
            if FileManager.default.fileExists(atPath: path) { return path }
        }
        return nil
    }

    private static func article(at path: String) throws -> Article {
        let bytes = try InputReader.read(path: path)
        let id = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        return Article(id: id, path: path, bytes: bytes)
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

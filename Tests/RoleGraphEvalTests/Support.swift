import Foundation
import RoleGraphDocument
@testable import RoleGraphEval

/// Where the package and `../shared` are, found from this file's path.
enum Paths {
    /// `<root>/Tests/RoleGraphEvalTests/Support.swift` → `<root>`.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let shared: URL = packageRoot.appendingPathComponent("../shared").standardizedFileURL
    static let scorePy: URL = shared.appendingPathComponent("tools/score.py")
    static let goldExamples: URL = shared.appendingPathComponent("data/gold/examples")
    static let goldDev: URL = shared.appendingPathComponent("data/gold/dev")

    static var sharedAvailable: Bool {
        FileManager.default.fileExists(atPath: scorePy.path)
            && FileManager.default.fileExists(atPath: goldExamples.path)
    }

    /// `python3` on PATH, if it runs.
    static let python3: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/python3"
            guard FileManager.default.isExecutableFile(atPath: candidate) else { continue }
            if let r = try? run(candidate, ["-c", "import sys; print(sys.version_info[0])"]),
               r.status == 0, r.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "3" {
                return candidate
            }
        }
        return nil
    }()

    static var scorerAvailable: Bool { sharedAvailable && python3 != nil }
}

struct ProcessResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs a program to completion; output goes through temporary files (no pipe deadlock).
func run(_ executable: String, _ arguments: [String]) throws -> ProcessResult {
    let dir = try makeTempDirectory(prefix: "proc")
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("stdout"), err = dir.appendingPathComponent("stderr")
    _ = FileManager.default.createFile(atPath: out.path, contents: nil)
    _ = FileManager.default.createFile(atPath: err.path, contents: nil)
    let outHandle = try FileHandle(forWritingTo: out), errHandle = try FileHandle(forWritingTo: err)
    let p = Process()
    p.executableURL = URL(fileURLWithPath: executable)
    p.arguments = arguments
    p.standardOutput = outHandle
    p.standardError = errHandle
    var env = ProcessInfo.processInfo.environment
    env["PYTHONIOENCODING"] = "utf-8"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    p.environment = env
    try p.run()
    p.waitUntilExit()
    try outHandle.close(); try errHandle.close()
    return ProcessResult(status: p.terminationStatus,
                         stdout: String(decoding: try Data(contentsOf: out), as: UTF8.self),
                         stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self))
}

func makeTempDirectory(prefix: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("rolegraph-eval-\(prefix)-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Small builders for documents in tests.
enum Make {
    static func document(id: String = "doc", persons: [(String, String)] = [], organizations: [(String, String)] = [],
                         roles: [(String, String, String, Document.Status)] = []) -> Document {
        Document(id: id, source: nil, date: nil, mentions: [],
                 persons: persons.map { Document.Person(id: $0.0, name: $0.1, mentions: []) },
                 organizations: organizations.map {
                     Document.Organization(id: $0.0, name: $0.1, aliases: [], parent: nil, mentions: [])
                 },
                 locations: [],
                 roles: roles.map {
                     Document.Role(person: $0.0, title: $0.1, organization: $0.2, status: $0.3,
                                   mentions: [], evidence: "")
                 })
    }

    static func gold(persons: [(String, [String])] = [], organizations: [(String, [String])] = [],
                     roles: [(String, String, String, String)] = []) -> GoldDocument {
        GoldDocument(doc: "doc", date: "2017-01-01",
                     persons: persons.map { GoldDocument.Entity(name: $0.0, variants: $0.1) },
                     organizations: organizations.map { GoldDocument.Entity(name: $0.0, variants: $0.1) },
                     roles: roles.map { GoldDocument.Role(person: $0.0, title: $0.1, organization: $0.2, status: $0.3) })
    }
}

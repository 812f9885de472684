import Foundation
import Testing

/// `rolegraph diff` and `rolegraph timeline` through the built binary: exit status like diff(1), every
/// kind of side, errors naming the file.
@Suite struct DiffCommandTests {
    static let seed = "seeds/000_5c63e9f1b32982bc.txt"
    static let articles = Binary.root.deletingLastPathComponent().appendingPathComponent("shared/data/dev/articles")
    static var haveArticles: Bool { FileManager.default.fileExists(atPath: articles.path) }
    static func article(_ id: String) -> String { articles.appendingPathComponent("\(id).txt").path }

    @Test func anArticleAgainstItselfExitsZero() throws {
        let result = try Binary.run(["diff", Self.seed, Self.seed])
        #expect(result.status == 0)
        #expect(result.text.hasSuffix("no changes\n"))
        let json = try Binary.run(["diff", "--format", "json", Self.seed, Self.seed])
        #expect(json.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: json.stdout) as? [String: Any])
        #expect(object["schema"] as? String == "rolegraph.diff/1" && (object["changes"] as? [Any])?.isEmpty == true)
    }

    /// The same content as article, document JSON and graph JSON: no change between any two forms.
    @Test func documentAndGraphJSONSides() throws {
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let document = folder.appendingPathComponent("seed.json").path, graph = folder.appendingPathComponent("graph.json").path
        try Binary.run(["extract", Self.seed]).stdout.write(to: URL(fileURLWithPath: document))
        #expect(try Binary.run(["graph", Self.seed, "-o", graph]).status == 0)
        for (old, new) in [(Self.seed, document), (document, graph), (graph, Self.seed)] {
            let result = try Binary.run(["diff", old, new])
            #expect(result.status == 0, "\(old) → \(new): \(result.text)\(result.stderr)")
        }
    }

    /// A NEW that names nobody: every role is not observed — never ended — and the status is 1.
    @Test func silenceIsNotObservedNotEnded() throws {
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let quiet = folder.appendingPathComponent("quiet.txt")
        try Data("Hôm nay trời mưa to ở Hà Nội.\n".utf8).write(to: quiet)
        let result = try Binary.run(["diff", "--format", "json", Self.seed, quiet.path])
        #expect(result.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
        let ops = Set(((object["changes"] as? [[String: Any]]) ?? []).compactMap { $0["op"] as? String })
        #expect(ops.contains("role_not_observed") && !ops.contains("role_ended"))
        // The chart: SVG with the legend.
        let svg = folder.appendingPathComponent("diff.svg")
        #expect(try Binary.run(["diff", Self.seed, quiet.path, "-o", svg.path]).status == 1)
        let text = try String(contentsOf: svg, encoding: .utf8)
        #expect(text.contains("<svg") && text.contains("not observed") && text.contains("status changed"))
    }

    @Test(arguments: [
        (["diff", "missing-old.txt", seed], "missing-old.txt"),
        (["diff", seed], "two inputs"),
        (["diff", "--format", "yaml", seed, seed], "unknown format"),
        (["diff", seed, seed, "-o", "out.xyz"], "unknown format"),
        // A usage error is trouble too: 2, not ArgumentParser's 64.
        (["diff", "--bogus", seed, seed], "--bogus"),
    ])
    func errorsExitTwo(_ arguments: [String], _ named: String) throws {
        let result = try Binary.run(arguments)
        #expect(result.status == 2)
        #expect(result.stderr.contains(named), "stderr: \(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func aBrokenJSONSideIsNamedWithItsLine() throws {
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bad = folder.appendingPathComponent("bad.jsonl")
        try Data("{\"id\": \"a\", \"text\": \"Ông Nguyễn Văn A\"}\n{broken\n".utf8).write(to: bad)
        let result = try Binary.run(["diff", Self.seed, bad.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("bad.jsonl:2"), "stderr: \(result.stderr)")
    }

    /// Folders are merged; Đinh La Thăng's move of May 2017 between two folders of dev articles.
    @Test(.enabled(if: haveArticles, "needs ../shared/data/dev/articles"))
    func foldersAreMerged() throws {
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let old = folder.appendingPathComponent("old"), new = folder.appendingPathComponent("new")
        for (side, ids) in [(old, ["baomoi-22211163"]), (new, ["baomoi-22229320", "baomoi-22246202"])] {
            try FileManager.default.createDirectory(at: side, withIntermediateDirectories: true)
            for id in ids {
                try FileManager.default.copyItem(atPath: Self.article(id), toPath: side.appendingPathComponent("\(id).txt").path)
            }
        }
        let result = try Binary.run(["diff", "--format", "json", old.path, new.path])
        #expect(result.status == 1, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
        #expect((object["to"] as? [String: Any])?["documents"] as? [String] == ["baomoi-22229320", "baomoi-22246202"])
        let changes = ((object["changes"] as? [[String: Any]]) ?? []).filter { $0["person"] as? String == "Đinh La Thăng" }
        let lines = changes.map { "\($0["op"]!) | \($0["title"]!) | \($0["organization"]!)" }
        #expect(lines.contains("role_added | Phó Trưởng ban | Ban Kinh tế Trung ương"))
        // Hand-written: the newer side says "thôi giữ chức Bí thư Thành ủy" (22229320, 22246202). The side's
        // status comes from the newest dated statement; see the report for the extractor's dates.
        #expect(!lines.contains("role_not_observed | Bí thư | Thành ủy Thành phố Hồ Chí Minh"))
        #expect(try Binary.run(["diff", old.path, old.path]).status == 0)
    }

    @Test(.enabled(if: haveArticles, "needs ../shared/data/dev/articles"))
    func timelineOfOnePerson() throws {
        let result = try Binary.run(["timeline", "--format", "json", "--person", "Đỗ Đức Duy",
                                     Self.article("baomoi-21490704"), Self.article("baomoi-21493708")])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
        #expect(object["schema"] as? String == "rolegraph.timeline/1")
        let persons = try #require(object["persons"] as? [[String: Any]])
        #expect(persons.map { $0["name"] as? String } == ["Đỗ Đức Duy"])
        let entries = (persons.first?["entries"] as? [[String: Any]]) ?? []
        #expect(entries.contains { $0["title"] as? String == "Chủ tịch" && $0["status"] as? String == "appointed"
            && $0["document"] as? String == "baomoi-21493708" })
        let miss = try Binary.run(["timeline", "--person", "Do Duc Duy", Self.article("baomoi-21490704")])
        #expect(miss.status == 1 && miss.stderr.contains("Đỗ Đức Duy"))
    }
}

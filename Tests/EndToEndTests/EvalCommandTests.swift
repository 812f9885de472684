import Foundation
import Testing

/// `rolegraph eval` through the built binary: the --ner benchmark mode on hand-written files, its
/// errors, and the --gold mode still in place.
@Suite struct EvalCommandTests {
    static let jsonl = #"""
    {"doc": "a", "text": "Bộ trưởng Bộ Tài chính Đinh Tiến Dũng đã làm việc tại Hà Nội.", "entities": [{"start": 10, "end": 22, "type": "ORG", "text": "Bộ Tài chính"}, {"start": 23, "end": 37, "type": "PER", "text": "Đinh Tiến Dũng"}, {"start": 54, "end": 60, "type": "LOC", "text": "Hà Nội"}]}
    {"doc": "b", "text": "Giải Vô địch thế giới diễn ra ở Qatar.", "entities": [{"start": 0, "end": 21, "type": "MISC", "text": "Giải Vô địch thế giới"}]}

    """#

    static let conll = "-DOCSTART- 9\n\nBộ_trưởng\tN\tB-NP\tO\tO\nĐinh_Tiến_Dũng\tNNP\tB-NP\tB-PER\tO\n.\tCH\tO\tO\tO\n\n"

    static func write(_ text: String, _ name: String, in folder: URL) throws -> String {
        let url = folder.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test func spanJSONLTextAndJSONReports() throws {
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try Self.write(Self.jsonl, "bench.jsonl", in: folder)

        let text = try Binary.run(["eval", "--ner", file])
        #expect(text.status == 0, "\(text.stderr)")
        let lines = text.text.split(separator: "\n")
        #expect(lines.first == "documents 2")
        #expect(lines.last?.hasPrefix("NER micro P ") == true)
        #expect(lines.contains { $0.hasPrefix("MISC ") && $0.hasSuffix("  0     0     1") })

        let json = try Binary.run(["eval", "--ner", file, "--json"])
        #expect(json.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: json.stdout) as? [String: Any])
        let types = try #require(object["types"] as? [String: [String: Any]])
        #expect(types["PER"]?["gold"] as? Int == 1)
        #expect(types["PER"]?["tp"] as? Int == 1)
        #expect(types["MISC"]?["gold"] as? Int == 1)
        #expect(try Binary.run(["eval", "--ner", file, "--json"]).stdout == json.stdout)

        let subset = try Self.write("# one id\nb\n", "ids.txt", in: folder)
        let only = try Binary.run(["eval", "--ner", file, "--subset", subset])
        #expect(only.status == 0)
        #expect(only.text.hasPrefix("documents 1\n"))
    }

    @Test func conllFile() throws {
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Binary.run(["eval", "--ner", try Self.write(Self.conll, "bench.conll", in: folder), "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
        let per = try #require((object["types"] as? [String: [String: Any]])?["PER"])
        #expect(per["gold"] as? Int == 1)
        #expect(per["tp"] as? Int == 1)
    }

    @Test func badInputLineIsNamedAndFails() throws {
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try Self.write(Self.conll + "Huế\tNNP\tB-NP\tB-CITY\tO\n", "bad.conll", in: folder)
        let result = try Binary.run(["eval", "--ner", file])
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("\(file):7: bad NER tag \"B-CITY\""))
    }

    @Test(arguments: [
        (["eval", "--ner", "x.jsonl", "--gold", "g"], "--gold and --ner are exclusive"),
        (["eval", "--ner", "x.txt"], "x.txt: unknown format"),
        (["eval", "--ner", "missing.jsonl"], "missing.jsonl: no such file"),
        (["eval", "--ner", "x.jsonl", "article.txt"], "articles (article.txt …) are not taken"),
        (["eval", "--gold", "g", "--subset", "ids.txt", "a.txt"], "--subset goes with --ner"),
        (["eval"], "Give --gold DIR with articles, or --ner FILE."),
    ])
    func usageErrors(arguments: [String], message: String) throws {
        let result = try Binary.run(arguments)
        #expect(result.status != 0)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    static let goldExamples = Binary.root.appendingPathComponent("../shared/data/gold/examples").standardizedFileURL

    @Test(.enabled(if: FileManager.default.fileExists(atPath: goldExamples.path), "../shared/data/gold/examples not found"))
    func goldModeStillScoresTheSeed() throws {
        let result = try Binary.run(["eval", "--gold", Self.goldExamples.path, "seeds"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.text.hasSuffix("persons F1 1.000 orgs F1 1.000 roles F1 1.000\n"))
    }
}

import Foundation
import Testing
import RoleGraphDocument

/// `rolegraph extract` as a user runs it: JSON out, clear one-line errors, nothing lost.
@Suite struct ExtractCommandTests {
    static let seed = "seeds/000_5c63e9f1b32982bc.txt"

    @Test func oneArticleGivesOneJSONDocument() throws {
        let result = try Binary.run(["extract", Self.seed])
        #expect(result.status == 0)
        let document = try Document(jsonData: result.stdout)
        #expect(document.schema == "rolegraph.document/1")
        #expect(document.id == "000_5c63e9f1b32982bc")
        #expect(document.roles.count == 8)
        #expect(document.persons.contains { $0.name == "Huỳnh Tấn Việt" })
    }

    @Test func outputIsByteStable() throws {
        let first = try Binary.run(["extract", Self.seed])
        let second = try Binary.run(["extract", Self.seed])
        #expect(first.stdout == second.stdout)
    }

    /// Each bad input gives one line naming the file (and line, column, byte for bad UTF-8), a non-zero
    /// exit, and the good inputs of the same run still come out as JSONL.
    @Test(arguments: [
        ("invalid", Data([0x48, 0x6F, 0xC3, 0xA0, 0x0A, 0x42, 0xC3, 0x28, 0x0A]), "invalid.txt:2:2: invalid UTF-8 (byte 6)"),
        ("empty", Data(), "empty.txt: empty file"),
        ("missing", nil, "missing.txt: no such file"),
    ] as [(String, Data?, String)])
    func badInputIsReportedAndOthersStillComeOut(name: String, content: Data?, expected: String) throws {
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bad = folder.appendingPathComponent("\(name).txt")
        if let content { try content.write(to: bad) }
        let good = folder.appendingPathComponent("good.txt")
        try "Bộ trưởng Bộ Tài chính Đinh Tiến Dũng đã trao quyết định.\n".write(to: good, atomically: true, encoding: .utf8)

        let result = try Binary.run(["extract", bad.path, good.path])
        #expect(result.status != 0)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "one line: \(result.stderr)")
        #expect(result.stderr.contains(expected), "stderr: \(result.stderr)")
        let documents = result.text.split(separator: "\n")
        #expect(documents.count == 1)
        let document = try Document(jsonData: Data(documents[0].utf8))
        #expect(document.id == "good")
        #expect(document.roles.count == 1)
    }
}

/// `rolegraph extract --input-format jsonl`: a per-line filter over records, as Spark's `RDD.pipe` runs it.
@Suite struct JSONLInputTests {
    @Test func recordsInRecordsOutInOrderAndBadLinesReported() throws {
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in.jsonl")
        try """
        {"id": "a", "text": "Bộ trưởng Bộ Tài chính Đinh Tiến Dũng đã trao quyết định.", "date": "2017-02-07"}
        {"id": "b", "text": 42}
        not json
        {"id": "c", "text": "Đồng chí Huỳnh Tấn Việt - Bí thư Đảng ủy Khối các cơ quan Trung ương phát biểu."}

        """.write(to: input, atomically: true, encoding: .utf8)
        let result = try Binary.run(["extract", "--input-format", "jsonl", input.path])
        #expect(result.status == 1)
        let documents = try result.text.split(separator: "\n").map { try Document(jsonData: Data($0.utf8)) }
        #expect(documents.map(\.id) == ["a", "c"])
        #expect(documents[0].date == "2017-02-07")
        #expect(documents[0].roles.count == 1 && documents[1].roles.count == 1)
        let errors = result.stderr.split(separator: "\n")
        #expect(errors.count == 2)
        #expect(errors[0].contains("in.jsonl:2: not a record") && errors[0].contains("wrong type at \"text\""))
        #expect(errors[1].contains("in.jsonl:3: not a record") && errors[1].contains("invalid JSON"))
    }
}

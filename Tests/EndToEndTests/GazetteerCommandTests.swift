import Foundation
import Testing
import RoleGraphDocument

/// `rolegraph gazetteer list|check` and `--gazetteer FILE` as a user runs them.
@Suite struct GazetteerCommandTests {
    @Test func listPrintsEverySurfaceForm() throws {
        let result = try Binary.run(["gazetteer", "list"])
        #expect(result.status == 0)
        let lines = result.text.split(separator: "\n")
        #expect(lines.first == "type\tname\tsurface")
        #expect(lines.count > 2_000)
        #expect(lines.contains("organization\tỦy ban Kiểm tra Trung ương\tUBKTTW"))
        #expect(lines.contains("title\tPhó Trưởng ban\tPhó ban"))
        #expect(lines.contains("location\tNghệ An\tNghệ An"))
    }

    @Test(arguments: [
        ("id\ttype\tname\tvariants\tattributes\nx:1\tbogus\tTên\t\t\n", ":2:5: unknown type 'bogus'"),
        ("id\ttype\tname\tvariants\tattributes\nx:1\torganization\tBan X\n", ":2:24: expected 5 TAB-separated fields, found 3"),
        ("id\tname\n", ":1:1: expected the header line"),
        ("id\ttype\tname\tvariants\tattributes\nx:1\ttitle\tTổng Bí thư\t\tpriority\n", ":2:24: attribute 'priority' is not key=value"),
        ("id\ttype\tname\tvariants\tattributes\nw:va\tfunction-word\tvà\t\trole=conjuntion\n", ":2:29: unknown function-word role 'conjuntion'"),
    ])
    func checkNamesFileLineAndColumn(content: String, expected: String) throws {
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("bad.tsv")
        try content.write(to: file, atomically: true, encoding: .utf8)
        let result = try Binary.run(["gazetteer", "check", file.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains(file.path + expected), "stderr: \(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    /// A user file adds an organisation the bundled knowledge does not have, and the extractor finds it.
    @Test func userKnowledgeAddsEntries() throws {
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let knowledge = folder.appendingPathComponent("extra.tsv")
        try "id\ttype\tname\tvariants\tattributes\norg:hop-tac-xa-an-phat\torganization\tHợp tác xã An Phát\tHTX An Phát\tkind=company\n"
            .write(to: knowledge, atomically: true, encoding: .utf8)
        let article = folder.appendingPathComponent("a.txt")
        try "Ông Nguyễn Văn Tâm, Giám đốc HTX An Phát, cho biết.\n".write(to: article, atomically: true, encoding: .utf8)

        let without = try Document(jsonData: Binary.run(["extract", article.path]).stdout)
        #expect(!without.organizations.contains { $0.name == "Hợp tác xã An Phát" })
        let with = try Document(jsonData: Binary.run(["extract", "--gazetteer", knowledge.path, article.path]).stdout)
        #expect(with.organizations.contains { $0.name == "Hợp tác xã An Phát" })
        #expect(Fixtures.roles(with).contains("Nguyễn Văn Tâm | Giám đốc | Hợp tác xã An Phát | current"))
    }
}

enum Fixtures {
    static func roles(_ document: Document) -> [String] {
        let persons = Dictionary(uniqueKeysWithValues: document.persons.map { ($0.id, $0.name) })
        let orgs = Dictionary(uniqueKeysWithValues: document.organizations.map { ($0.id, $0.name) })
        return document.roles.map { "\(persons[$0.person]!) | \($0.title) | \(orgs[$0.organization]!) | \($0.status.rawValue)" }.sorted()
    }
}

import Foundation
import Testing
import RoleGraphDocument
import RoleGraphText

/// The seed article end to end: its eight roles, the same answers from NFD and old-style copies,
/// and offsets that slice every mention out of each input exactly.
@Suite struct SeedArticleTests {
    static let expectedRoles = [
        "Huỳnh Tấn Việt | Bí thư | Đảng ủy Khối các cơ quan Trung ương | current",
        "Huỳnh Tấn Việt | Ủy viên | Ban Chấp hành Trung ương Đảng | current",
        "Nguyễn Hữu Nghĩa | Phó Trưởng ban | Ban Kinh tế Trung ương | current",
        "Nguyễn Hữu Nghĩa | Ủy viên | Ban Chấp hành Trung ương Đảng | current",
        "Nguyễn Mạnh Cường | Phó Trưởng ban | Ban Đối ngoại Trung ương | current",
        "Nguyễn Mạnh Cường | Ủy viên | Ban Chấp hành Trung ương Đảng | current",
        "Phạm Minh Chính | Trưởng ban | Ban Tổ chức Trung ương | current",
        "Phạm Minh Chính | Ủy viên | Bộ Chính trị | current",
    ]

    @Test func rolesOfTheSeed() throws {
        let document = Fixtures.extract(try Fixtures.seedText())
        #expect(Fixtures.roles(document) == Self.expectedRoles)
        #expect(document.persons.map(\.name).sorted() == ["Huỳnh Tấn Việt", "Nguyễn Hữu Nghĩa", "Nguyễn Mạnh Cường", "Phạm Bằng", "Phạm Minh Chính"])
        #expect(document.date == "2021-04-24")
    }

    @Test(arguments: ["nfc", "nfd", "old-style", "old-style-nfd", "crlf"])
    func variantsGiveTheSameAnswer(variant: String) throws {
        let nfc = try Fixtures.seedText()
        let text: String = switch variant {
        case "nfd": nfc.decomposedStringWithCanonicalMapping
        case "old-style": Fixtures.oldStyle(nfc)
        case "old-style-nfd": Fixtures.oldStyle(nfc).decomposedStringWithCanonicalMapping
        case "crlf": nfc.replacingOccurrences(of: "\n", with: "\r\n")
        default: nfc
        }
        let bytes = Array(text.utf8)
        let document = Extractor.shared.extract(try SourceText(bytes: bytes, file: variant), id: variant, source: nil, date: nil)
        #expect(Fixtures.roles(document) == Self.expectedRoles)
        #expect(document.persons.map(\.name).sorted() == ["Huỳnh Tấn Việt", "Nguyễn Hữu Nghĩa", "Nguyễn Mạnh Cường", "Phạm Bằng", "Phạm Minh Chính"])

        // Offsets slice each mention out of the input as read, in scalars and in bytes.
        let scalars = Array(text.unicodeScalars)
        #expect(!document.mentions.isEmpty)
        for mention in document.mentions {
            var byScalars = String.UnicodeScalarView()
            byScalars.append(contentsOf: scalars[mention.start..<mention.end])
            #expect(String(byScalars) == mention.text, "scalar offsets of \(mention.id) in \(variant)")
            #expect(String(decoding: bytes[mention.utf8Start..<mention.utf8End], as: UTF8.self) == mention.text,
                    "byte offsets of \(mention.id) in \(variant)")
        }
    }

    @Test func mentionsOfOneTypeNeverOverlap() throws {
        let document = Fixtures.extract(try Fixtures.seedText())
        for type in Set(document.mentions.map(\.type)) {
            let spans = document.mentions.filter { $0.type == type }.sorted { $0.start < $1.start }
            for (a, b) in zip(spans, spans.dropFirst()) {
                #expect(a.end <= b.start, "\(a.text) overlaps \(b.text)")
            }
        }
    }

    /// Golden JSON: the whole document, byte for byte. `UPDATE_GOLDEN=1 swift test` rewrites it.
    @Test func goldenJSON() throws {
        let document = Extractor.shared.extract(SourceText(try Fixtures.seedText()), id: "000_5c63e9f1b32982bc",
                                                source: "seeds/000_5c63e9f1b32982bc.txt", date: nil)
        let json = document.jsonData(pretty: true)
        let path = Fixtures.golden.appendingPathComponent("seed.json")
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try json.write(to: path)
        }
        let golden = try Data(contentsOf: path)
        #expect(json == golden, "seed JSON differs from Golden/seed.json (UPDATE_GOLDEN=1 to accept)")
    }
}

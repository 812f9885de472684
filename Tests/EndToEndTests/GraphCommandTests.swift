import Foundation
import Testing

/// `rolegraph graph` renders in process through libgvc: SVG with intact Vietnamese, byte-equal runs.
@Suite struct GraphCommandTests {
    static let seed = "seeds/000_5c63e9f1b32982bc.txt"

    @Test func svgShowsEveryPersonWithTitlesAndOrganisations() throws {
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = folder.appendingPathComponent("a.svg"), second = folder.appendingPathComponent("b.svg")
        #expect(try Binary.run(["graph", Self.seed, "-o", first.path]).status == 0)
        #expect(try Binary.run(["graph", Self.seed, "-o", second.path]).status == 0)
        let svg = try String(contentsOf: first, encoding: .utf8)
        #expect(svg.hasPrefix("<?xml"))
        for text in ["Huỳnh Tấn Việt", "Nguyễn Hữu Nghĩa", "Nguyễn Mạnh Cường", "Phạm Minh Chính",
                     "Phó Trưởng ban", "Ban Kinh tế Trung ương", "Đảng ủy Khối các cơ quan Trung ương", "Bộ Chính trị"] {
            #expect(svg.contains(text), "SVG lacks \(text)")
        }
        #expect(try Data(contentsOf: first) == Data(contentsOf: second))
    }

    @Test(arguments: ["dot", "json"])
    func otherFormatsFromTheExtension(format: String) throws {
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("chart.\(format)")
        #expect(try Binary.run(["graph", Self.seed, "-o", out.path]).status == 0)
        let text = try String(contentsOf: out, encoding: .utf8)
        #expect(text.contains(format == "dot" ? "digraph" : "\"schema\" : \"rolegraph.graph/1\""))
        #expect(text.contains("Huỳnh Tấn Việt"))
    }

    /// The binary links Graphviz's C library: SVG comes from libgvc, not a `dot` subprocess.
    @Test func binaryLinksLibgvc() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/ldd")
        process.arguments = [Binary.url.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(output.contains("libgvc"))
    }
}

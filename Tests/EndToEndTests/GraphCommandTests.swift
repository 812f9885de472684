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

    @Test func htmlPageHighlightsTheArticleAndEmbedsTheChart() throws {
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("seed.html")
        let result = try Binary.run(["graph", Self.seed, "-o", page.path])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty, "unexpected stderr: \(result.stderr)")
        let html = try String(contentsOf: page, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<svg"))
        #expect(html.contains("<section class=\"document\" id=\"doc-000_5c63e9f1b32982bc\">"))
        #expect(html.contains(">Huỳnh Tấn Việt</mark>"))
        #expect(html.contains("title=\"person → Huỳnh Tấn Việt (p"))
        #expect(html.contains("<td>Phạm Minh Chính</td><td>Trưởng ban</td><td>Ban Tổ chức Trung ương</td>"))
        let again = try Binary.run(["graph", Self.seed, "--format", "html"])
        #expect(again.stdout == (try Data(contentsOf: page)))
    }

    @Test(arguments: [
        (["--person", "Phạm Minh Chính"], "selected 2 of 8 roles within depth 1", ["Phạm Minh Chính", "Bộ Chính trị"], ["Huỳnh Tấn Việt"]),
        (["--person", "pham minh chinh"], "is Phạm Minh Chính", ["Phạm Minh Chính"], ["Huỳnh Tấn Việt"]),
        (["--person", "Huỳnh Tấn Việt", "--depth", "2"], "selected 4 of 8 roles within depth 2", ["Huỳnh Tấn Việt", "Nguyễn Hữu Nghĩa"], ["Phạm Minh Chính"]),
        (["--organization", "Ban Chấp hành Trung ương Đảng"], "selected 3 of 8 roles", ["Huỳnh Tấn Việt", "Nguyễn Mạnh Cường"], ["Phạm Minh Chính"]),
    ])
    func selectionDrawsANeighbourhood(options: [String], note: String, present: [String], absent: [String]) throws {
        let result = try Binary.run(["graph", Self.seed, "--format", "dot"] + options)
        #expect(result.status == 0)
        #expect(result.stderr.contains(note))
        #expect(result.stderr.contains("selected "))
        for name in present { #expect(result.text.contains(name), "missing \(name)") }
        for name in absent { #expect(!result.text.contains(name), "unexpected \(name)") }
    }

    @Test(arguments: [
        ("Huỳnh Tấn Viết", "no person named \"Huỳnh Tấn Viết\" in the graph; did you mean:\n  Huỳnh Tấn Việt\n"),
        ("Nguyễn", "did you mean:\n  Nguyễn Hữu Nghĩa\n  Nguyễn Mạnh Cường\n"),
    ])
    func unmatchedNamesListCandidatesAndWriteNothing(name: String, message: String) throws {
        let result = try Binary.run(["graph", Self.seed, "--format", "dot", "--person", name])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains(message), "stderr: \(result.stderr)")
    }

    @Test func depthNeedsASelection() throws {
        let result = try Binary.run(["graph", Self.seed, "--depth", "2"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("--depth needs --person or --organization"))
    }

    static let devArticles = "../shared/data/dev/articles"
    static var haveDev: Bool { FileManager.default.fileExists(atPath: Binary.root.appendingPathComponent(devArticles).path) }

    /// The 50 dev articles merged: one node per person, a graph JSON that holds together per the
    /// contract, and a chart whose leaf organisations are collapsed, said on stderr.
    @Test(.enabled(if: GraphCommandTests.haveDev, "needs ../shared"))
    func devArticlesMergeIntoOneGraph() throws {
        let json = try Binary.run(["graph", Self.devArticles, "--format", "json"])
        #expect(json.status == 0)
        let graph = try #require(try JSONSerialization.jsonObject(with: json.stdout) as? [String: Any])
        #expect(graph["schema"] as? String == "rolegraph.graph/1")
        let persons = try #require(graph["persons"] as? [[String: Any]])
        let organizations = try #require(graph["organizations"] as? [[String: Any]])
        let posts = try #require(graph["posts"] as? [[String: Any]])
        let memberships = try #require(graph["memberships"] as? [[String: Any]])
        #expect(persons.filter { $0["name"] as? String == "Phạm Minh Chính" }.count == 1)
        #expect(persons.count > 100)
        // Contract: keys and types, ids unique, every reference resolves.
        for person in persons { #expect(person["id"] is String && person["name"] is String) }
        for org in organizations { #expect(Set(org.keys) == ["id", "name", "parent_id"]) }
        let personIDs = Set(persons.compactMap { $0["id"] as? String })
        let orgIDs = Set(organizations.compactMap { $0["id"] as? String })
        let postIDs = Set(posts.compactMap { $0["id"] as? String })
        #expect(personIDs.count == persons.count && orgIDs.count == organizations.count && postIDs.count == posts.count)
        for org in organizations { if let parent = org["parent_id"] as? String { #expect(orgIDs.contains(parent)) } }
        for post in posts { #expect(orgIDs.contains(post["organization_id"] as? String ?? "")) }
        let statuses: Set<String> = ["current", "appointed", "ended", "former"]
        for membership in memberships {
            #expect(personIDs.contains(membership["person_id"] as? String ?? ""))
            #expect(orgIDs.contains(membership["organization_id"] as? String ?? ""))
            #expect(postIDs.contains(membership["post_id"] as? String ?? ""))
            #expect(statuses.contains(membership["status"] as? String ?? ""))
            let sources = try #require(membership["sources"] as? [[String: Any]])
            #expect(!sources.isEmpty)
            for source in sources { #expect(source["document"] is String && source["start"] is Int && source["end"] is Int) }
        }

        let dot = try Binary.run(["graph", Self.devArticles, "--format", "dot"])
        #expect(dot.status == 0)
        #expect(dot.stderr.contains("without sub-organisations are each drawn as one box listing their posts"))
        #expect(dot.text.components(separatedBy: "\"person:pham-minh-chinh\" [").count == 2, "one node for Phạm Minh Chính")
        #expect(dot.text.components(separatedBy: " -> ").count - 1 == memberships.count)
        let full = try Binary.run(["graph", Self.devArticles, "--format", "dot", "--no-collapse"])
        #expect(full.status == 0)
        #expect(full.stderr.isEmpty, "unexpected stderr: \(full.stderr)")
        #expect(!full.text.contains("collapsed"))
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

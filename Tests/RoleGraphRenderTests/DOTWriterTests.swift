import Foundation
import RoleGraphDocument
import RoleGraphGraph
import Testing
@testable import RoleGraphRender

/// The DOT text: a golden file, nesting, styles and escaping.
@Suite struct DOTWriterTests {
    /// Compares byte-exact with `Golden/<name>`; `UPDATE_GOLDEN=1` rewrites the file in the source tree.
    func expectGolden(_ text: String, _ name: String, filePath: String = #filePath,
                      sourceLocation: SourceLocation = #_sourceLocation) throws {
        let sourceFile = URL(fileURLWithPath: filePath).deletingLastPathComponent()
            .appendingPathComponent("Golden").appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try Data(text.utf8).write(to: sourceFile)
            return
        }
        let bundled = Bundle.module.url(forResource: "Golden", withExtension: nil)?.appendingPathComponent(name)
        let golden = try Data(contentsOf: bundled ?? sourceFile)
        #expect(Array(golden) == Array(text.utf8),
                "DOT differs from Golden/\(name); rerun with UPDATE_GOLDEN=1 if the change is intended",
                sourceLocation: sourceLocation)
    }

    @Test func seedAndNestedChartMatchesGolden() throws {
        let dot = DOTWriter.dot(for: Fixtures.combinedGraph, title: "Baonghean.vn, 24/4/2021")
        try expectGolden(dot, "seed-chart.dot")
    }

    /// Real extractions, frozen as document JSON in `Golden/documents` so that tuning the extractor does
    /// not move these goldens: the seed article and two dev articles with nested bodies and `appointed`.
    @Test(arguments: ["000_5c63e9f1b32982bc", "baomoi-21490864", "baomoi-22583622"])
    func articleChartMatchesGolden(id: String) throws {
        let document = try Fixtures.frozenDocument(id)
        let dot = DOTWriter.dot(for: RoleGraph(document: document), title: id)
        try expectGolden(dot, "\(id).dot")
        // Graphviz accepts it, and says nothing.
        _ = try Graphviz.render(dot: dot, format: "svg")
    }

    @Test func outputIsByteStableAcrossMergeOrders() {
        let graphs = [Fixtures.seed, Fixtures.nested, Fixtures.later].map(RoleGraph.init(document:))
        let forward = DOTWriter.dot(for: RoleGraph.merged(graphs), title: nil)
        let backward = DOTWriter.dot(for: RoleGraph.merged(graphs.reversed()), title: nil)
        #expect(forward == backward)
    }

    @Test func childClustersSitInsideTheirParent() throws {
        let dot = DOTWriter.dot(for: Fixtures.combinedGraph, title: nil)
        let lines = dot.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let parent = try #require(lines.firstIndex { $0.contains("subgraph \"cluster_org:tinh-uy-nghe-an\"") })
        let child = try #require(lines.firstIndex { $0.contains("subgraph \"cluster_org:ban-to-chuc-tinh-uy-nghe-an\"") })
        #expect(parent < child)
        // The child is indented one level deeper, and the parent's block closes after it.
        let indent = { (line: String) in line.prefix { $0 == " " }.count }
        #expect(indent(lines[child]) == indent(lines[parent]) + 2)
        let parentClose = try #require(lines[(parent + 1)...].firstIndex { $0 == String(repeating: " ", count: indent(lines[parent])) + "}" })
        #expect(child < parentClose)
    }

    @Test func postsAreLabelledWithTheTitleInsideTheirOrganisation() {
        let dot = DOTWriter.dot(for: Fixtures.seedGraph, title: nil)
        #expect(dot.contains("\"post:pho-truong-ban@ban-kinh-te-trung-uong\" [id=\"post_pho-truong-ban__ban-kinh-te-trung-uong\", label=\"Phó Trưởng ban\", class=\"post\""))
        #expect(dot.contains("\"person:huynh-tan-viet\" -> \"post:bi-thu@dang-uy-khoi-cac-co-quan-trung-uong\""))
        #expect(dot.contains("<b>Huỳnh Tấn Việt</b>"))
        #expect(dot.contains("Bí thư Đảng ủy Khối các cơ quan Trung ương<br align=\"left\"/>"))
        #expect(dot.contains("fontname=\"DejaVu Sans\""))
        #expect(dot.contains("000_5c63e9f1b32982bc"))
    }

    @Test func organisationsWithoutPostsAreLeftOut() {
        // The seed names Ban Tổ chức Tỉnh ủy Nghệ An (and so Tỉnh ủy Nghệ An) but no one's post there.
        let dot = DOTWriter.dot(for: Fixtures.seedGraph, title: nil)
        #expect(!dot.contains("cluster_org:ban-to-chuc-tinh-uy-nghe-an"))
        #expect(!dot.contains("cluster_org:tinh-uy-nghe-an"))
        #expect(dot.contains("cluster_org:ban-chap-hanh-trung-uong-dang"))
    }

    @Test(arguments: [
        ("appointed", "bold"), ("current", "solid"), ("former", "dashed"), ("ended", "dotted"),
    ])
    func edgeStyleFollowsStatus(status: String, style: String) {
        #expect(DOTWriter.edgeStyle(status) == style)
        let dot = DOTWriter.dot(for: Fixtures.combinedGraph, title: nil)
        #expect(dot.contains(", style=\(style), class=\"membership \(status)\""))
    }

    @Test func quotesBackslashesAndHTMLAreEscaped() throws {
        #expect(DOTEscape.quoted(#"Báo "Nhân Dân" \ số 1"#) == #""Báo \"Nhân Dân\" \\ số 1""#)
        #expect(DOTEscape.html(#"Công ty "Sao & Trăng" <TNHH>"#) == "Công ty &quot;Sao &amp; Trăng&quot; &lt;TNHH&gt;")

        let document = Document(
            id: "synthetic_escape", source: nil, date: nil, mentions: [],
            persons: [.init(id: "p1", name: "Đỗ Văn <D> & \"E\"", mentions: [])],
            organizations: [.init(id: "o1", name: #"Công ty "Sao & Trăng" \ <TNHH>"#, aliases: [], parent: nil, mentions: [])],
            locations: [], roles: [.init(person: "p1", title: "Giám đốc", organization: "o1", status: .current, mentions: [], evidence: "")])
        let graph = RoleGraph(document: document)
        let dot = DOTWriter.dot(for: graph, title: #"Tiêu đề "x""#)
        #expect(dot.contains(#"label="Công ty \"Sao & Trăng\" \\ <TNHH>""#))
        #expect(dot.contains("<b>Đỗ Văn &lt;D&gt; &amp; &quot;E&quot;</b>"))
        // Graphviz accepts it and shows the text as written.
        let svg = String(decoding: try Graphviz.render(dot: dot, format: "svg"), as: UTF8.self)
        #expect(svg.contains("Công ty &quot;Sao &amp; Trăng&quot; \\ &lt;TNHH&gt;"))
        #expect(svg.contains("Đỗ Văn &lt;D&gt; &amp; &quot;E&quot;"))
    }

    @Test func conflictingParentsStillGiveAForest() throws {
        func document(_ id: String, child: String, parent: String) -> Document {
            .init(id: id, source: nil, date: nil, mentions: [],
                  persons: [.init(id: "p1", name: "Lê Văn C", mentions: [])],
                  organizations: [.init(id: "o1", name: child, aliases: [], parent: "o2", mentions: []),
                                  .init(id: "o2", name: parent, aliases: [], parent: nil, mentions: [])],
                  locations: [],
                  roles: [.init(person: "p1", title: "Ủy viên", organization: "o1", status: .current, mentions: [], evidence: "")])
        }
        let graph = RoleGraph.merged([
            RoleGraph(document: document("synthetic_a", child: "Ban A", parent: "Ban B")),
            RoleGraph(document: document("synthetic_b", child: "Ban B", parent: "Ban A")),
        ])
        let dot = DOTWriter.dot(for: graph, title: nil)
        #expect(dot.contains("cluster_org:ban-a"))
        #expect(dot.contains("cluster_org:ban-b"))
        _ = try Graphviz.render(dot: dot, format: "svg")
    }
}

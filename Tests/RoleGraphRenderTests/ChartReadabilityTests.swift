import Foundation
import RoleGraphDocument
import RoleGraphGraph
import Testing
@testable import RoleGraphRender

/// Large charts: leaf organisations collapse into one box; element ids, classes and provenance tooltips.
@Suite struct ChartReadabilityTests {
    @Test func smallChartsAreDrawnInFullWithoutNotes() {
        let chart = DOTWriter.chart(for: Fixtures.combinedGraph, options: ChartOptions())
        #expect(chart.collapsedOrganizations == 0)
        #expect(chart.notes.isEmpty)
        #expect(chart.organizations == 9)
        #expect(chart.persons == 7)
        #expect(!chart.text.contains("collapsed"))
    }

    @Test func aboveTheLimitLeafOrganisationsBecomeOneBoxWithAPortPerPost() throws {
        let chart = DOTWriter.chart(for: Fixtures.combinedGraph, options: ChartOptions(collapseLeavesAbove: 3))
        // Tỉnh ủy Nghệ An has sub-organisations and stays a cluster; its two units and the seed's
        // seven central bodies are leaves.
        #expect(chart.collapsedOrganizations == 8)
        #expect(chart.notes == ["the chart has 9 organisations (more than 3): the 8 without sub-organisations are each drawn as one box listing their posts"])
        #expect(chart.text.contains("subgraph \"cluster_org:tinh-uy-nghe-an\""))
        #expect(!chart.text.contains("subgraph \"cluster_org:ban-to-chuc-tinh-uy-nghe-an\""))
        #expect(chart.text.contains("\"org:ban-to-chuc-tinh-uy-nghe-an\" [id=\"org_ban-to-chuc-tinh-uy-nghe-an\", label=<<table"))
        #expect(chart.text.contains("class=\"organization collapsed\""))
        // Edges end at the post's row; both holders of Trưởng ban reach the same port.
        #expect(chart.text.contains("\"person:nguyen-van-a\" -> \"org:ban-to-chuc-tinh-uy-nghe-an\":\"p0\""))
        #expect(chart.text.contains("\"person:tran-thi-b\" -> \"org:ban-to-chuc-tinh-uy-nghe-an\":\"p0\""))
        // No post is lost: every post's title is still in the text, every membership still an edge.
        let export = Fixtures.combinedGraph.export()
        for post in export.posts { #expect(chart.text.contains(">\(post.role)</td>") || chart.text.contains("label=\"\(post.role)\"")) }
        #expect(chart.text.components(separatedBy: " -> ").count - 1 == export.memberships.count)
        // The collapsed box stays inside its parent's cluster.
        let lines = chart.text.split(separator: "\n").map(String.init)
        let parent = try #require(lines.firstIndex { $0.contains("subgraph \"cluster_org:tinh-uy-nghe-an\"") })
        let box = try #require(lines.firstIndex { $0.contains("\"org:ban-to-chuc-tinh-uy-nghe-an\" [") })
        #expect(box > parent && lines[box].hasPrefix("    \""))
        // Graphviz accepts the ports and tables.
        let svg = String(decoding: try Graphviz.render(dot: chart.text, format: "svg"), as: UTF8.self)
        #expect(svg.contains("Ban Tổ chức Tỉnh ủy Nghệ An"))
        #expect(svg.contains("class=\"node organization collapsed\""))
    }

    @Test func nilNeverCollapses() {
        let chart = DOTWriter.chart(for: Fixtures.combinedGraph, options: ChartOptions(collapseLeavesAbove: nil))
        #expect(chart.collapsedOrganizations == 0)
    }

    @Test(arguments: [
        ("person:huynh-tan-viet", "person_huynh-tan-viet"),
        ("post:bi-thu@dang-uy-khoi-cac-co-quan-trung-uong", "post_bi-thu__dang-uy-khoi-cac-co-quan-trung-uong"),
        ("membership:huynh-tan-viet@bi-thu@dang-uy-khoi", "membership_huynh-tan-viet__bi-thu__dang-uy-khoi"),
    ])
    func elementIDsAreCSSFriendly(slug: String, id: String) {
        #expect(ChartID.element(slug) == id)
    }

    /// Every node, cluster and edge has its id and class in the SVG, and a tooltip naming document and span.
    @Test func svgCarriesIDsClassesAndProvenance() throws {
        let svg = String(decoding: try Chart.render(Fixtures.seedGraph, format: .svg), as: UTF8.self)
        // Graphviz writes `-` in attribute values as `&#45;`.
        let ids = ["person_huynh&#45;tan&#45;viet", "post_bi&#45;thu__dang&#45;uy&#45;khoi&#45;cac&#45;co&#45;quan&#45;trung&#45;uong",
                   "cluster_org_bo&#45;chinh&#45;tri",
                   "membership_huynh&#45;tan&#45;viet__bi&#45;thu__dang&#45;uy&#45;khoi&#45;cac&#45;co&#45;quan&#45;trung&#45;uong"]
        for id in ids { #expect(svg.contains("id=\"\(id)\""), "no element \(id)") }
        for cls in ["node person", "node post", "cluster organization", "edge membership current"] {
            #expect(svg.contains("class=\"\(cls)\""), "no class \(cls)")
        }
        // Huỳnh Tấn Việt's Bí thư: document, date and the span 288–330 of the seed (m4–m5).
        #expect(svg.contains("Huỳnh Tấn Việt — Bí thư Đảng ủy Khối các cơ quan Trung ương — current&#10;000_5c63e9f1b32982bc (2021&#45;04&#45;24) 288–330"))
    }

    @Test func longSourceListsAreCapped() throws {
        let json = "[" + (0..<9).map { #"{"document": "d\#($0)", "start": \#($0), "end": \#($0 + 1), "status": "current"}"# }
            .joined(separator: ",") + "]"
        let sources = try JSONDecoder().decode([RoleGraphExport.Source].self, from: Data(json.utf8))
        let lines = Provenance.lines(sources)
        #expect(lines.count == Provenance.limit + 1)
        #expect(lines.first == "d0 0–1")
        #expect(lines.last == "… and 3 more")
    }
}

import Foundation
import Testing
@testable import RoleGraphDiff
import RoleGraphGraph

/// The JSON of the contract, the text summary and the chart of a diff.
@Suite struct OutputTests {
    typealias S = Support.Statement

    static let old = Support.graph([
        S("Nguyễn Thiện Nhân", "Chủ tịch", "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", .current, document: "baomoi-22229320", date: "2017-05-10"),
        S("Nguyễn Thiện Nhân", "Bí thư", "Thành ủy Thành phố Hồ Chí Minh", .appointed, document: "baomoi-22229320", date: "2017-05-10"),
        S("Nguyễn Thiện Nhân", "Đại biểu Quốc hội", "Quốc hội", .current, document: "baomoi-22229320", date: "2017-05-10"),
    ])
    static let new = Support.graph([
        S("Nguyễn Thiện Nhân", "Chủ tịch", "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", .ended, document: "baomoi-22591202", date: "2017-06-22"),
        S("Nguyễn Thiện Nhân", "Bí thư", "Thành ủy Thành phố Hồ Chí Minh", .current, document: "baomoi-22591202", date: "2017-06-22"),
        S("Trần Thanh Mẫn", "Chủ tịch", "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", .appointed, document: "baomoi-22591202", date: "2017-06-22"),
    ])

    @Test func jsonFollowsTheContract() throws {
        let diff = RoleGraphDiff(old: Self.old, new: Self.new, lineage: Support.lineage)
        let data = try diff.jsonData()
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["schema"] as? String == "rolegraph.diff/1")
        let from = try #require(object["from"] as? [String: Any])
        #expect(from["documents"] as? [String] == ["baomoi-22229320"] && from["date"] as? String == "2017-05-10")
        let changes = try #require(object["changes"] as? [[String: Any]])
        #expect(changes.map { $0["op"] as? String } == [
            "org_not_observed", "role_not_observed", "role_status_changed", "role_ended", "person_added", "role_added"])
        let added = try #require(changes.last)
        #expect(added["person"] as? String == "Trần Thanh Mẫn" && added["status"] as? String == "appointed")
        let evidence = try #require(added["evidence"] as? [String: Any])
        #expect(evidence["document"] as? String == "baomoi-22591202" && evidence["date"] as? String == "2017-06-22")
        #expect(evidence["status"] as? String == "appointed" && evidence["start"] is Int && evidence["end"] is Int)
        let notObserved = changes[1]
        #expect(Set(notObserved.keys) == ["op", "person", "title", "organization", "previous_status", "evidence"])
        // Same bytes on every run, keys sorted.
        #expect(try RoleGraphDiff(old: Self.old, new: Self.new, lineage: Support.lineage).jsonData() == data)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.range(of: "\"changes\"")!.lowerBound < text.range(of: "\"from\"")!.lowerBound)
    }

    @Test func textSummaryGroupsByPerson() {
        let text = RoleGraphDiff(old: Self.old, new: Self.new).text()
        #expect(text.hasPrefix("baomoi-22229320 (2017-05-10) → baomoi-22591202 (2017-06-22): 6 changes"))
        #expect(text.contains("\nOrganisations\n  ? Quốc hội: not observed\n"))
        #expect(text.contains("\n  ~ Bí thư, Thành ủy Thành phố Hồ Chí Minh: appointed → current"))
        #expect(text.contains("  × Chủ tịch, Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam: current → ended"))
        #expect(text.contains("  ? Đại biểu Quốc hội, Quốc hội: not observed (was current)"))
        #expect(text.contains("\nTrần Thanh Mẫn\n  + person first seen\n  + Chủ tịch, Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam: appointed"))
    }

    /// Each kind of change in its colour, and a legend naming the four.
    @Test func chartColoursAndLegend() throws {
        let dot = RoleGraphDiff(old: Self.old, new: Self.new).dot()
        for (colour, op) in [(DiffPalette.added, "role_added"), (DiffPalette.ended, "role_ended"),
                             (DiffPalette.notObserved, "role_not_observed"), (DiffPalette.changed, "role_status_changed")] {
            #expect(dot.contains("color=\"\(colour)\", fontcolor=\"\(colour)\"") && dot.contains("class=\"\(op)\""))
        }
        for word in ["added", "ended", "not observed", "status changed"] { #expect(dot.contains(">\(word)</td>")) }
        let svg = String(decoding: try RoleGraphDiff(old: Self.old, new: Self.new).chart(format: "svg"), as: UTF8.self)
        #expect(svg.contains("<svg") && svg.contains(DiffPalette.ended) && svg.contains("Trần Thanh Mẫn"))
    }
}

/// Per person, the posts across dated documents.
@Suite struct TimelineTests {
    typealias S = Support.Statement

    @Test func entriesInDateOrderUndatedCounted() {
        let graph = Support.graph([
            S("Đinh La Thăng", "Phó Trưởng ban", "Ban Kinh tế Trung ương", .appointed, document: "baomoi-22246202", date: "2017-05-11"),
            S("Đinh La Thăng", "Bí thư", "Thành ủy Thành phố Hồ Chí Minh", .current, document: "baomoi-22211163", date: "2017-05-07"),
            S("Đinh La Thăng", "Bí thư", "Thành ủy Thành phố Hồ Chí Minh", .ended, document: "baomoi-22229320", date: "2017-05-10"),
            S("Đinh La Thăng", "Bộ trưởng", "Bộ Giao thông vận tải", .former, document: "undated"),
            S("Nguyễn Thiện Nhân", "Bí thư", "Thành ủy Thành phố Hồ Chí Minh", .appointed, document: "baomoi-22229320", date: "2017-05-10"),
        ])
        let timeline = Timeline(graph: graph, persons: ["Đinh La Thăng"])
        #expect(timeline.persons.map(\.name) == ["Đinh La Thăng"])
        let person = timeline.persons[0]
        #expect(person.entries.map { "\($0.date) \($0.title) \($0.status.rawValue) \($0.document)" } == [
            "2017-05-07 Bí thư current baomoi-22211163",
            "2017-05-10 Bí thư ended baomoi-22229320",
            "2017-05-11 Phó Trưởng ban appointed baomoi-22246202",
        ])
        #expect(person.undated == 1)
        #expect(timeline.text().contains("  2017-05-10  Bí thư, Thành ủy Thành phố Hồ Chí Minh  ended  baomoi-22229320\n"))
        #expect(Timeline(graph: graph).persons.map(\.name) == ["Nguyễn Thiện Nhân", "Đinh La Thăng"])
        #expect(Timeline.candidates(for: "Dinh La Thang", in: graph) == ["Đinh La Thăng"])
        #expect(Timeline(graph: graph, persons: ["Dinh La Thang"]).persons.isEmpty)
        #expect(timeline.dot().contains("cluster_0") && timeline.dot().contains(DiffPalette.ended))
    }
}

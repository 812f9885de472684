import Testing
@testable import RoleGraphDiff
import RoleGraphGraph

/// Renamed and merged organisations, from the knowledge base's `successor` and `to` dates.
@Suite struct RenameTests {
    typealias S = Support.Statement

    @Test func lineageComesFromTheKnowledgeBase() {
        let lineage = Support.lineage
        #expect(lineage.successors(of: "Ban Kinh tế Trung ương", at: "2025-03-01") == ["Ban Chính sách, chiến lược Trung ương"])
        #expect(lineage.successors(of: "Ban Kinh tế Trung ương", at: "2017-05-11") == [])
        // Two steps: Bộ Thủy sản → Bộ Nông nghiệp và Phát triển nông thôn (2007) → Bộ Nông nghiệp và Môi trường (2025).
        #expect(lineage.successors(of: "Bộ Thủy sản", at: "2025-06") == ["Bộ Nông nghiệp và Phát triển nông thôn", "Bộ Nông nghiệp và Môi trường"])
        #expect(lineage.successors(of: "Bộ Thủy sản", at: "2010") == ["Bộ Nông nghiệp và Phát triển nông thôn"])
        #expect(lineage.successors(of: "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", at: nil) == [])
    }

    /// (old organisation, its successor, NEW's date, whether the rename applies).
    @Test(arguments: [
        ("Ban Kinh tế Trung ương", "Ban Chính sách, chiến lược Trung ương", "2025-03-10", true),
        ("Bộ Kế hoạch và Đầu tư", "Bộ Tài chính", "2025-03-10", true),
        ("Ủy ban Kinh tế của Quốc hội", "Ủy ban Kinh tế và Tài chính của Quốc hội", "2025-04", true),
        // Before the knowledge base's date the new name did not exist yet: an ordinary change.
        ("Ban Kinh tế Trung ương", "Ban Chính sách, chiến lược Trung ương", "2024-06-01", false),
    ])
    func renamedOrganisationIsNotRemoved(_ before: String, _ after: String, _ newDate: String, _ renamed: Bool) {
        let old = Support.graph([S("Trần Tuấn Anh", "Trưởng ban", before, .current, document: "a", date: "2024-01-05")])
        let new = Support.graph([S("Trần Tuấn Anh", "Trưởng ban", after, .current, document: "b", date: newDate)])
        let diff = RoleGraphDiff(old: old, new: new, lineage: Support.lineage)
        let ops = Set(diff.changes.map(\.op))
        if renamed {
            #expect(!ops.contains(.orgNotObserved) && !ops.contains(.roleNotObserved) && !ops.contains(.roleAdded))
            #expect(diff.changes.first { $0.op == .orgAdded }?.renamedFrom == [before])
        } else {
            #expect(ops.isSuperset(of: [.orgNotObserved, .roleNotObserved, .roleAdded]))
        }
    }

    /// A status change across a rename is still reported, naming the old organisation.
    @Test func statusChangeAcrossRename() {
        let old = Support.graph([S("Nguyễn Chí Dũng", "Bộ trưởng", "Bộ Kế hoạch và Đầu tư", .current, document: "a", date: "2024-12")])
        let new = Support.graph([S("Nguyễn Chí Dũng", "Bộ trưởng", "Bộ Tài chính", .ended, document: "b", date: "2025-03-01")])
        let change = RoleGraphDiff(old: old, new: new, lineage: Support.lineage).changes.first { $0.person != nil && $0.title != nil }
        #expect(change?.op == .roleEnded)
        #expect(change?.organization == "Bộ Tài chính" && change?.renamedFrom == ["Bộ Kế hoạch và Đầu tư"])
    }

    /// An organisation that no longer existed under its name at NEW's date is not "not observed".
    @Test func retiredOrganisationIsNotReported() {
        var old = RoleGraph(), new = RoleGraph()
        old.add(organization: "Bộ Thương mại")
        new.add(.init(person: "Nguyễn Hồng Diên", title: "Bộ trưởng", organization: "Bộ Công Thương"),
                source: .init(document: "b", date: "2021-04-08", start: 0, end: 5, status: .appointed))
        let diff = RoleGraphDiff(old: old, new: new, lineage: Support.lineage)
        #expect(!diff.changes.contains { $0.op == .orgNotObserved })
    }
}

import Foundation
import Testing
@testable import RoleGraphDiff
import RoleGraphDocument
import RoleGraphGraph

/// The open-world semantics of a diff on small graphs of real posts.
@Suite struct DiffSemanticsTests {
    typealias S = Support.Statement

    /// What NEW says of a role OLD stated as current, and the one change that follows.
    @Test(arguments: [
        // NEW silent: not observed, never ended.
        (nil, "role_not_observed | Bí thư | Thành ủy Thành phố Hồ Chí Minh | -"),
        // thôi giữ chức / miễn nhiệm / cách chức: ended.
        (Document.Status.ended, "role_ended | Bí thư | Thành ủy Thành phố Hồ Chí Minh | ended"),
        // nguyên Bí thư: NEW says it is over.
        (.former, "role_ended | Bí thư | Thành ủy Thành phố Hồ Chí Minh | former"),
        // được bầu lại: the status changed.
        (.appointed, "role_status_changed | Bí thư | Thành ủy Thành phố Hồ Chí Minh | appointed"),
        // the same statement: nothing.
        (.current, nil),
    ] as [(Document.Status?, String?)])
    func whatNewSays(_ newStatus: Document.Status?, _ expected: String?) {
        let old = Support.graph([S("Đinh La Thăng", "Bí thư", "Thành ủy Thành phố Hồ Chí Minh", .current)])
        var new = Support.graph([S("Đinh La Thăng", "Phó Trưởng ban", "Ban Kinh tế Trung ương", .appointed, document: "b")])
        if let newStatus {
            new.merge(Support.graph([S("Đinh La Thăng", "Bí thư", "Thành ủy Thành phố Hồ Chí Minh", newStatus, document: "b")]))
        }
        let diff = RoleGraphDiff(old: old, new: new)
        let lines = Support.lines(diff, person: "Đinh La Thăng").filter { $0.contains("Thành ủy") }
        #expect(lines == (expected.map { [$0] } ?? []))
        // The new post is added with NEW's status, whatever happened to the old one.
        #expect(Support.lines(diff, person: "Đinh La Thăng").contains("role_added | Phó Trưởng ban | Ban Kinh tế Trung ương | appointed"))
    }

    /// A role only in NEW: added with its status when held, ended when NEW says it ended, history when former.
    @Test(arguments: [
        (Document.Status.appointed, ["role_added | Chủ tịch | Ủy ban nhân dân tỉnh Yên Bái | appointed"]),
        (.current, ["role_added | Chủ tịch | Ủy ban nhân dân tỉnh Yên Bái | current"]),
        (.ended, ["role_ended | Chủ tịch | Ủy ban nhân dân tỉnh Yên Bái | ended"]),
        (.former, []),
    ])
    func onlyInNew(_ status: Document.Status, _ expected: [String]) {
        let old = Support.graph([S("Đỗ Đức Duy", "Thứ trưởng", "Bộ Xây dựng", .current)])
        let new = old.merging(Support.graph([S("Đỗ Đức Duy", "Chủ tịch", "Ủy ban nhân dân tỉnh Yên Bái", status, document: "b")]))
        let lines = Support.lines(RoleGraphDiff(old: old, new: new), person: "Đỗ Đức Duy")
        #expect(lines == expected)
    }

    /// `ended` and `former` both say the post is not held: going from one to the other is no change,
    /// and a role OLD already called over is not reported when NEW is silent.
    @Test func overStaysOver() {
        let old = Support.graph([S("Đinh La Thăng", "Bộ trưởng", "Bộ Giao thông vận tải", .ended),
                                 S("Đinh La Thăng", "Chủ tịch", "Hội đồng thành viên Tập đoàn Dầu khí quốc gia Việt Nam", .former)])
        let new = Support.graph([S("Đinh La Thăng", "Bộ trưởng", "Bộ Giao thông vận tải", .former, document: "b")])
        #expect(RoleGraphDiff(old: old, new: new).changes.filter { $0.person != nil && $0.title != nil }.isEmpty)
    }

    @Test func aGraphAgainstItselfHasNoChanges() {
        let graph = Support.graph([S("Nguyễn Thiện Nhân", "Chủ tịch", "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", .current),
                                   S("Nguyễn Thiện Nhân", "Bí thư", "Thành ủy Thành phố Hồ Chí Minh", .appointed)])
        let diff = RoleGraphDiff(old: graph, new: graph, lineage: Support.lineage)
        #expect(diff.isEmpty)
        #expect(diff.text().hasSuffix("no changes\n"))
    }

    /// Merged sides: a membership's status is that of its newest dated statement.
    @Test func mergedSideUsesTheNewestStatement() {
        let old = Support.graph([S("Trần Thanh Mẫn", "Phó Chủ tịch", "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", .current, document: "a", date: "2017-01-10")])
        let new = Support.graph([
            S("Trần Thanh Mẫn", "Phó Chủ tịch", "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", .ended, document: "c", date: "2017-06-22"),
            S("Trần Thanh Mẫn", "Phó Chủ tịch", "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", .current, document: "b", date: "2017-03-01"),
        ])
        let diff = RoleGraphDiff(old: old, new: new)
        let change = diff.changes.first { $0.person == "Trần Thanh Mẫn" }
        #expect(change?.op == .roleEnded)
        #expect(change?.evidence?.document == "c")
        #expect(change?.previousStatus == .current)
        #expect(diff.to == .init(documents: ["b", "c"], date: "2017-06-22"))
    }

    /// Exact names only: `Việt` and `Viết` are two persons; the folded key only proposes a candidate.
    @Test func foldedNamesAreCandidatesNotMatches() {
        let old = Support.graph([S("Huỳnh Tấn Việt", "Bí thư", "Đảng ủy Khối các cơ quan Trung ương", .current)])
        let new = Support.graph([S("Huỳnh Tấn Viết", "Bí thư", "Đảng ủy Khối các cơ quan Trung ương", .current, document: "b")])
        let diff = RoleGraphDiff(old: old, new: new)
        let added = diff.changes.first { $0.op == .personAdded }
        let missing = diff.changes.first { $0.op == .personNotObserved }
        #expect(added?.person == "Huỳnh Tấn Viết" && added?.candidates == ["Huỳnh Tấn Việt"])
        #expect(missing?.person == "Huỳnh Tấn Việt" && missing?.candidates == ["Huỳnh Tấn Viết"])
        #expect(diff.changes.contains { $0.op == .roleNotObserved && $0.person == "Huỳnh Tấn Việt" })
        #expect(diff.changes.contains { $0.op == .roleAdded && $0.person == "Huỳnh Tấn Viết" })
    }

    /// The contract's order: person, organisation, title, op; organisation changes (no person) first.
    @Test func changesAreInContractOrder() {
        let old = Support.graph([S("Phạm Minh Chính", "Trưởng ban", "Ban Tổ chức Trung ương", .current),
                                 S("Đinh La Thăng", "Bí thư", "Thành ủy Thành phố Hồ Chí Minh", .current)])
        let new = Support.graph([S("Phạm Minh Chính", "Thủ tướng", "Chính phủ", .appointed, document: "b"),
                                 S("Đinh La Thăng", "Bí thư", "Thành ủy Thành phố Hồ Chí Minh", .ended, document: "b")])
        let diff = RoleGraphDiff(old: old, new: new)
        #expect(diff.changes.map(Support.line) == [
            "org_not_observed | - | Ban Tổ chức Trung ương | -",
            "org_added | - | Chính phủ | -",
            "role_not_observed | Trưởng ban | Ban Tổ chức Trung ương | -",
            "role_added | Thủ tướng | Chính phủ | appointed",
            "role_ended | Bí thư | Thành ủy Thành phố Hồ Chí Minh | ended",
        ])
    }

    /// A parent known on both sides and different is a reparenting; an unknown parent is not.
    @Test func reparenting() {
        var old = RoleGraph(), new = RoleGraph()
        old.add(organization: "Ban Tổ chức", parent: "Tỉnh ủy Nghệ An")
        old.add(organization: "Ban Tuyên giáo", parent: "Tỉnh ủy Nghệ An")
        new.add(organization: "Ban Tổ chức", parent: "Tỉnh ủy Hà Tĩnh")
        new.add(organization: "Ban Tuyên giáo", parent: nil)
        new.add(organization: "Tỉnh ủy Nghệ An", parent: nil)
        let changes = RoleGraphDiff(old: old, new: new).changes.filter { $0.op == .orgReparented }
        #expect(changes.count == 1)
        #expect(changes.first?.organization == "Ban Tổ chức")
        #expect(changes.first?.previousParent == "Tỉnh ủy Nghệ An" && changes.first?.parent == "Tỉnh ủy Hà Tĩnh")
    }
}

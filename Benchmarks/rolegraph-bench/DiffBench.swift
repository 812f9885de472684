import RoleGraphDiff
import RoleGraphDocument
import RoleGraphGraph
import RoleGraphKnowledge

/// Figure 5b — diff of two merged graphs of 10,000 memberships each.
///
/// Synthetic but shaped like merged news: 2,000 persons with 5 posts each over 400 organisations, each
/// membership stated in 1–3 dated documents. NEW is OLD with a realistic share changed: 4 % of the
/// roles not stated again, 4 % new roles, 3 % ended, 3 % another status, and 1 % of the roles moved to a
/// renamed organisation (Ban Kinh tế Trung ương → Ban Chính sách, chiến lược Trung ương). The timed
/// work is `RoleGraphDiff(old:new:lineage:)` alone, then with the JSON encoding as `diff --format json` does.
enum DiffBench {
    static func run(knowledge: KnowledgeBase) throws {
        Report.section("5b. Diff")
        let lineage = OrganizationLineage(knowledge: knowledge)
        let (old, new) = graphs(memberships: 10_000)
        var diff = RoleGraphDiff(old: old, new: new, lineage: lineage)
        let compute = Measure.median(repetitions: 9) {
            diff = RoleGraphDiff(old: old, new: new, lineage: lineage)
        }
        let withJSON = try Measure.median(repetitions: 5) {
            blackHole(try RoleGraphDiff(old: old, new: new, lineage: lineage).jsonData())
        }
        Report.line("diff time", compute.milliseconds, "ms", decimals: 1,
                    note: Report.target("< 1 s", met: compute.seconds < 1)
                        + ", \(old.memberships.count) vs \(new.memberships.count) memberships → \(diff.changes.count) changes; "
                        + "with JSON " + String(format: "%.1f ms", withJSON.milliseconds))
    }

    /// OLD and NEW with `memberships` memberships each (± the added and dropped ones).
    static func graphs(memberships: Int) -> (RoleGraph, RoleGraph) {
        let titles = ["Bí thư", "Phó Bí thư", "Chủ tịch", "Phó Chủ tịch", "Ủy viên", "Giám đốc", "Trưởng ban", "Thứ trưởng"]
        var generator = SplitMix(seed: 2017)
        var old = RoleGraph(), new = RoleGraph()
        let persons = memberships / 5
        for p in 0..<persons {
            let person = "Nguyễn Văn Người \(p)"
            for k in 0..<5 {
                let org = k == 0 && p % 100 == 0 ? "Ban Kinh tế Trung ương" : "Ủy ban nhân dân tỉnh Số \((p * 7 + k * 13) % 400)"
                let key = RoleGraph.MembershipKey(person: person, title: titles[(p + k) % titles.count], organization: org)
                let statements = 1 + Int(generator.next() % 3)
                for d in 0..<statements {
                    old.add(key, source: .init(document: "old-\(p % 997)-\(d)", date: "2017-0\(1 + d)-1\(k)", start: k * 40,
                                               end: k * 40 + 20, status: .current, evidence: "\(key.title) \(org)"))
                }
                let roll = generator.next() % 100
                var newKey = key
                var status = Document.Status.current
                switch roll {
                case 0..<4: continue                              // not stated again
                case 4..<7: status = .ended                       // thôi giữ chức
                case 7..<10: status = .appointed                  // được bầu lại
                default: break
                }
                if org == "Ban Kinh tế Trung ương" { newKey.organization = "Ban Chính sách, chiến lược Trung ương" }
                new.add(newKey, source: .init(document: "new-\(p % 997)", date: "2025-03-0\(1 + k)", start: k * 40,
                                              end: k * 40 + 20, status: status, evidence: "\(newKey.title) \(newKey.organization)"))
                if roll >= 96 {                                   // a new post besides
                    new.add(.init(person: person, title: "Phó Trưởng ban", organization: "Ban Tổ chức Trung ương"),
                            source: .init(document: "new-\(p % 997)", date: "2025-03-09", start: 400, end: 420, status: .appointed))
                }
            }
        }
        return (old, new)
    }

    /// A small deterministic generator, so every run diffs the same graphs.
    struct SplitMix {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}

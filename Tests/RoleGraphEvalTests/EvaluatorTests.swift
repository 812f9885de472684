import Foundation
import RoleGraphDocument
import Testing
@testable import RoleGraphEval

@Suite struct EvaluatorTests {
    @Test func predictionMatchesGoldVariant() {
        let gold = Make.gold(organizations: [("Ban Kinh tế Trung ương", ["Ban Kinh tế TW"])])
        let pred = Make.document(organizations: [("o1", "Ban Kinh tế TW")])
        let c = Evaluator.score(gold: gold, prediction: pred).counts.organizations
        #expect(c == .init(tp: 1, predicted: 1, gold: 1))
    }

    @Test(arguments: [
        ("Uỷ ban nhân dân tỉnh Yên Bái", 1),       // old-style tones
        ("ỦY BAN NHÂN DÂN TỈNH YÊN BÁI", 1),       // case
        ("Ủy ban nhân dân  tỉnh\u{00A0}Yên Bái.", 1), // white space, trailing punctuation
        ("UBND tỉnh Yên Bái", 1),                 // variant
        ("Ủy ban nhân dân tỉnh Yên Bai", 0),       // a dropped diacritic is wrong
        ("UBND Yên Bái", 0),
    ])
    func nameComparison(predicted: String, tp: Int) {
        let gold = Make.gold(organizations: [("Ủy ban nhân dân tỉnh Yên Bái", ["UBND tỉnh Yên Bái"])])
        let c = Evaluator.score(gold: gold, prediction: Make.document(organizations: [("o1", predicted)])).counts
        #expect(c.organizations == .init(tp: tp, predicted: 1, gold: 1))
    }

    @Test func twoPredictionsCannotMatchOneGold() {
        let gold = Make.gold(persons: [("Nguyễn Văn An", ["Văn An"])])
        let pred = Make.document(persons: [("p1", "Nguyễn Văn An"), ("p2", "Văn An")])
        #expect(Evaluator.score(gold: gold, prediction: pred).counts.persons == .init(tp: 1, predicted: 2, gold: 1))
    }

    @Test func samePredictionNameCountsOnce() {
        let gold = Make.gold(persons: [("Nguyễn Văn An", []), ("Lê Văn Bình", [])])
        let pred = Make.document(persons: [("p1", "Nguyễn Văn An"), ("p2", "nguyễn văn an")])
        #expect(Evaluator.score(gold: gold, prediction: pred).counts.persons == .init(tp: 1, predicted: 1, gold: 2))
    }

    @Test func matchingIsMaximum() {
        // Gold A accepts "x" or "y", gold B only "x": greedy would give 1, augmenting paths give 2.
        let gold = Make.gold(organizations: [("A", ["x", "y"]), ("B", ["x"])])
        let pred = Make.document(organizations: [("o1", "x"), ("o2", "y")])
        #expect(Evaluator.score(gold: gold, prediction: pred).counts.organizations == .init(tp: 2, predicted: 2, gold: 2))
    }

    @Test func matchingFollowsScorePyOrder() {
        let r = Evaluator.match(gold: [["a", "b"], ["a"]] as [Set<String>], pred: ["a", "b"]) { $0.contains($1) }
        #expect(r.tp == 2)
        #expect(r.pairs.map { [$0.0, $0.1] } == [[0, 1], [1, 0]])
    }

    @Test func rolesResolveIdsToNames() {
        let gold = Make.gold(
            persons: [("Huỳnh Tấn Việt", [])],
            organizations: [("Đảng ủy Khối các cơ quan Trung ương", ["Đảng ủy Khối"]),
                            ("Ban Chấp hành Trung ương Đảng", ["Trung ương Đảng"])],
            roles: [("Huỳnh Tấn Việt", "Bí thư", "Đảng ủy Khối các cơ quan Trung ương", "current"),
                    ("Huỳnh Tấn Việt", "Ủy viên", "Ban Chấp hành Trung ương Đảng", "current")])
        let pred = Make.document(
            persons: [("p1", "Huỳnh Tấn Việt")],
            organizations: [("o1", "Đảng ủy Khối"), ("o2", "Ban Chấp hành Trung ương Đảng")],
            roles: [("p1", "Bí thư", "o1", .current),
                    ("p1", "Uỷ viên", "Trung ương Đảng", .former),   // unknown id is taken as a name
                    ("p9", "Bí thư", "o1", .current)])               // unknown person id "p9"
        let r = Evaluator.score(gold: gold, prediction: pred)
        #expect(r.counts.roles == .init(tp: 2, predicted: 3, gold: 2))
        #expect(r.statusMatched == 2)
        #expect(r.statusCorrect == 1)
    }

    @Test func roleWithSameTripleAndTwoStatusesIsTwoPredictions() {
        let gold = Make.gold(persons: [("A B", [])], organizations: [("Bộ Tài chính", [])],
                             roles: [("A B", "Bộ trưởng", "Bộ Tài chính", "appointed")])
        let pred = Make.document(persons: [("p1", "A B")], organizations: [("o1", "Bộ Tài chính")],
                                 roles: [("p1", "Bộ trưởng", "o1", .current), ("p1", "Bộ trưởng", "o1", .appointed),
                                         ("p1", "Bộ trưởng", "o1", .current)])
        let r = Evaluator.score(gold: gold, prediction: pred)
        #expect(r.counts.roles == .init(tp: 1, predicted: 2, gold: 1))
        // Sorted tuples: ("appointed" < "current"), so the appointed one is tried first and matches.
        #expect(r.statusCorrect == 1)
    }

    @Test func statusAccuracyOverMatchedRoles() {
        let gold = Make.gold(
            persons: [("A", []), ("B", []), ("C", [])], organizations: [("X", [])],
            roles: [("A", "Chủ tịch", "X", "current"), ("B", "Phó Chủ tịch", "X", "former"),
                    ("C", "Ủy viên", "X", "ended"), ("A", "Bí thư", "X", "appointed")])
        let pred = Make.document(
            persons: [("p1", "A"), ("p2", "B"), ("p3", "C")], organizations: [("o1", "X")],
            roles: [("p1", "Chủ tịch", "o1", .current), ("p2", "Phó Chủ tịch", "o1", .current),
                    ("p3", "Ủy viên", "o1", .ended), ("p3", "Giám đốc", "o1", .current)])
        let report = Evaluator.evaluate(gold: ["d": gold], predictions: ["d": pred])
        #expect(report.roles.tp == 3)
        #expect(report.statusAccuracy == 2.0 / 3.0)
        #expect(report.summaryLines[3] == "status accuracy over matched roles: 0.6666666666666666")
    }

    @Test func noMatchedRolesGivesNoStatusAccuracy() throws {
        let gold = Make.gold(persons: [("A", [])])
        let report = Evaluator.evaluate(gold: ["d": gold], predictions: [:])
        #expect(report.statusAccuracy == nil)
        #expect(report.summaryLines[3] == "status accuracy over matched roles: None")
        let json = try report.renderJSON()
        #expect(json.contains("\"status_accuracy\" : null"))
    }

    @Test func missingPredictionCountsAsEmpty() {
        let gold = Make.gold(persons: [("A", []), ("B", [])], organizations: [("X", [])])
        let report = Evaluator.evaluate(gold: ["d1": gold, "d2": Make.gold()], predictions: ["other": Make.document()])
        #expect(report.docs.keys.sorted() == ["d1", "d2"])
        #expect(report.persons.counts == .init(tp: 0, predicted: 0, gold: 2))
        #expect(report.persons.p == 0 && report.persons.r == 0 && report.persons.f1 == 0)
        #expect(report.roles.p == 1 && report.roles.r == 1 && report.roles.f1 == 1)
    }

    @Test(arguments: [
        (0, 0, 0, 1.0, 1.0, 1.0),
        (0, 3, 0, 0.0, 1.0, 0.0),
        (0, 0, 3, 0.0, 0.0, 0.0),
        (2, 4, 8, 0.5, 0.25, 2 * 0.5 * 0.25 / 0.75),
        (3, 3, 3, 1.0, 1.0, 1.0),
    ])
    func prf(tp: Int, predicted: Int, gold: Int, p: Double, r: Double, f1: Double) {
        let got = Evaluator.prf(tp: tp, predicted: predicted, gold: gold)
        #expect(got.p == p && got.r == r && got.f1 == f1)
    }

    @Test(arguments: [
        (1.0, "1.0"), (0.5, "0.5"), (1.0 / 3.0, "0.3333333333333333"), (0.0001, "0.0001"),
        (0.00001, "1e-05"), (0.000123, "0.000123"), (1.5e-7, "1.5e-07"), (0.0, "0.0"), (0.1, "0.1"),
        (1e16, "1e+16"), (1234567890123456.0, "1234567890123456.0"), (123.25, "123.25"),
    ])
    func pythonRepr(x: Double, expected: String) {
        #expect(pythonFloatRepr(x) == expected)
    }

    @Test func textReportLayout() {
        let gold = Make.gold(persons: [("Nguyễn Văn An", [])], organizations: [("Quốc hội", [])],
                             roles: [("Nguyễn Văn An", "Đại biểu Quốc hội", "Quốc hội", "current")])
        let pred = Make.document(persons: [("p1", "Nguyễn Văn An"), ("p2", "Lê B")],
                                 organizations: [("o1", "Quốc hội")],
                                 roles: [("p1", "Đại biểu Quốc hội", "o1", .current)])
        let text = Evaluator.evaluate(gold: ["baomoi-1": gold], predictions: ["baomoi-1": pred]).renderText()
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0].hasPrefix("doc"))
        #expect(lines[1].hasPrefix("baomoi-1"))
        #expect(lines[1].hasSuffix("1/1/1"))
        #expect(lines.contains("persons        P 0.500 R 1.000 F1 0.667  (tp 1, pred 2, gold 1)"))
        #expect(lines.contains("organizations  P 1.000 R 1.000 F1 1.000  (tp 1, pred 1, gold 1)"))
        #expect(lines.contains("status accuracy over matched roles: 1.0"))
        #expect(lines[lines.count - 2] == "persons F1 0.667 orgs F1 1.000 roles F1 1.000")
        #expect(lines.last == "")
    }

    @Test func jsonRoundTrips() throws {
        let gold = Make.gold(persons: [("A", [])])
        let report = Evaluator.evaluate(gold: ["d": gold], predictions: ["d": Make.document(persons: [("p1", "A")])])
        let json = try report.renderJSON()
        let back = try JSONDecoder().decode(EvaluationReport.self, from: Data(json.utf8))
        #expect(back == report)
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let docs = try #require(obj["docs"] as? [String: [String: [Int]]])
        #expect(docs["d"]?["persons"] == [1, 1, 1])
    }

    @Test(.enabled(if: Paths.sharedAvailable, "../shared not found; skipping"))
    func loadsGoldFolders() throws {
        let examples = try GoldSet.load(directory: Paths.goldExamples.path)
        #expect(examples.count == 1)
        let seed = try #require(examples["000_5c63e9f1b32982bc"])
        #expect(seed.persons.count == 5 && seed.organizations.count == 17 && seed.roles.count == 8)
        let dev = try GoldSet.load(directory: Paths.goldDev.path)   // NOTES-*.md are skipped
        #expect(dev.count == 50)
        #expect(dev.values.reduce(0) { $0 + $1.roles.count } == 576)
    }

    @Test func goldDecodingDefaults() throws {
        let json = #"{"persons": [{"name": "A"}], "roles": [{"person": "A", "title": "T", "organization": "O"}, {"person": "A", "title": "T", "organization": "O", "status": null}]}"#
        let g = try JSONDecoder().decode(GoldDocument.self, from: Data(json.utf8))
        #expect(g.persons == [.init(name: "A", variants: [])])
        #expect(g.organizations.isEmpty)
        #expect(g.roles.map(\.status) == ["current", nil])
    }
}

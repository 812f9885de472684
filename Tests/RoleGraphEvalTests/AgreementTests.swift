import Foundation
import RoleGraphDocument
import Testing
@testable import RoleGraphEval

/// `rolegraph eval` must print the figures of `shared/tools/score.py`: score perturbed copies of
/// real gold files with both and compare every count, the status accuracy and the printed lines.
@Suite struct AgreementTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var goldFolder: String   // under ../shared/data/gold
        var seed: UInt64
        var predictShare: Double // share of gold files that get a prediction (the rest: empty)
        var testDescription: String { "\(goldFolder) seed \(seed)" }
    }

    static let cases: [Case] = [
        Case(goldFolder: "examples", seed: 1, predictShare: 1),
        Case(goldFolder: "examples", seed: 2, predictShare: 1),
        Case(goldFolder: "examples", seed: 3, predictShare: 1),
        Case(goldFolder: "dev", seed: 11, predictShare: 0.9),
        Case(goldFolder: "dev", seed: 12, predictShare: 0.5),
        Case(goldFolder: "dev", seed: 13, predictShare: 1),
    ]

    @Test(.enabled(if: Paths.scorerAvailable,
                   "python3 or ../shared (tools/score.py, data/gold) not found; skipping the score.py agreement test"),
          arguments: cases)
    func agreesWithScorePy(_ c: Case) throws {
        let goldDir = Paths.shared.appendingPathComponent("data/gold/\(c.goldFolder)")
        try #require(FileManager.default.fileExists(atPath: goldDir.path), "missing \(goldDir.path)")
        let gold = try GoldSet.load(directory: goldDir.path)
        try #require(!gold.isEmpty)

        var rng = SplitMix64(seed: c.seed)
        var predictions: [String: Document] = [:]
        for stem in gold.keys.sorted() where rng.unit() < c.predictShare {
            predictions[stem] = Perturb.document(from: gold[stem]!, id: stem, rng: &rng)
        }

        let predDir = try makeTempDirectory(prefix: "pred")
        defer { try? FileManager.default.removeItem(at: predDir) }
        for (stem, d) in predictions {
            try d.jsonData(pretty: true).write(to: predDir.appendingPathComponent("\(stem).json"))
        }

        let r = try run(Paths.python3!, [Paths.scorePy.path, goldDir.path, predDir.path, "--json"])
        try #require(r.status == 0, "score.py failed: \(r.stderr)")
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // The JSON object ends with the only line that is a bare "}" (indent=1); five text lines follow.
        let end = try #require(lines.firstIndex(of: "}"), "no JSON in score.py output")
        // JSONDecoder (JSONSerialization on Linux can lose the last digit of a double).
        let py = try JSONDecoder().decode(ScorePyOutput.self, from: Data(lines[...end].joined(separator: "\n").utf8))
        let pyText = Array(lines[(end + 1)...].filter { !$0.isEmpty })

        let report = Evaluator.evaluate(gold: gold, predictions: predictions)

        for (key, ours) in [("persons", report.persons), ("organizations", report.organizations), ("roles", report.roles)] {
            let theirs = try #require(py.total[key], "score.py gives no \(key)")
            #expect(theirs.tp == ours.tp, "\(key) tp")
            #expect(theirs.predicted == ours.predicted, "\(key) predicted")
            #expect(theirs.gold == ours.gold, "\(key) gold")
            #expect(theirs.p == ours.p, "\(key) p")
            #expect(theirs.r == ours.r, "\(key) r")
            #expect(theirs.f1 == ours.f1, "\(key) f1")
        }
        #expect(py.statusAccuracy == report.statusAccuracy, "status accuracy")

        #expect(Set(py.docs.keys) == Set(report.docs.keys))
        for (stem, theirs) in py.docs {
            guard let ours = report.docs[stem] else { continue }
            #expect(theirs["persons"] == [ours.persons.tp, ours.persons.predicted, ours.persons.gold], "\(stem) persons")
            #expect(theirs["organizations"] == [ours.organizations.tp, ours.organizations.predicted, ours.organizations.gold], "\(stem) orgs")
            #expect(theirs["roles"] == [ours.roles.tp, ours.roles.predicted, ours.roles.gold], "\(stem) roles")
        }

        // The printed lines, byte for byte; ours end the text report in the same order.
        #expect(pyText == report.summaryLines)
        let ourText = report.renderText().split(separator: "\n").map(String.init)
        #expect(Array(ourText.suffix(5)) == pyText)

        // The perturbation must leave something to disagree about, or the test proves little.
        #expect(report.persons.f1 < 1 || report.organizations.f1 < 1 || report.roles.f1 < 1)
        #expect(report.roles.tp > 0 || c.goldFolder == "examples")
    }
}

/// What `score.py --json` prints before its text lines.
struct ScorePyOutput: Decodable {
    struct Category: Decodable { var p, r, f1: Double; var tp, predicted, gold: Int }
    var total: [String: Category]
    var statusAccuracy: Double?
    var docs: [String: [String: [Int]]]

    enum Keys: String, CodingKey { case total, docs }
    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        docs = try c.decode([String: [String: [Int]]].self, forKey: .docs)
        let t = try c.nestedContainer(keyedBy: AnyKey.self, forKey: .total)
        total = [:]
        for k in ["persons", "organizations", "roles"] {
            total[k] = try t.decode(Category.self, forKey: AnyKey(stringValue: k))
        }
        statusAccuracy = try t.decodeIfPresent(Double.self, forKey: AnyKey(stringValue: "status_accuracy"))
    }
}

/// A small deterministic generator, so that failures reproduce.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}

/// Predictions made by damaging gold: dropped items, wrong items, other surface forms.
enum Perturb {
    /// New-style → old-style tone placement (the inverse of score.py's table), plus capitals.
    static let newToOld: [(String, String)] = ScoreNormalizer.oldToNewTones.map { ($0.new, $0.old) }
        + [("Ủy", "Uỷ"), ("Thụy", "Thuỵ"), ("Hòa", "Hoà")]

    static func surface(_ s: String, rng: inout SplitMix64) -> String {
        var s = s
        switch rng.unit() {
        case ..<0.12: s = s.uppercased()
        case ..<0.24: s = s.lowercased()
        case ..<0.40: for (new, old) in newToOld { s = s.replacingOccurrences(of: new, with: old) }
        case ..<0.48: s = s.decomposedStringWithCanonicalMapping
        case ..<0.54: s = s.replacingOccurrences(of: "Đ", with: "\u{00D0}").replacingOccurrences(of: "đ", with: "\u{00F0}")
        case ..<0.60: s = s.replacingOccurrences(of: " ", with: "\u{00A0}")
        case ..<0.66: s = "  " + s.replacingOccurrences(of: " ", with: "  \t") + ".;"
        case ..<0.70: s = s.replacingOccurrences(of: "ệ", with: "ế").replacingOccurrences(of: "ư", with: "u") // wrong
        default: break
        }
        return s
    }

    static func pick<T>(_ xs: [T], _ rng: inout SplitMix64) -> T { xs[Int(rng.next() % UInt64(xs.count))] }

    static func entities(_ gold: [GoldDocument.Entity], prefix: String, wrong: [String],
                         rng: inout SplitMix64) -> (list: [(String, String)], ids: [String: [String]]) {
        var list: [(String, String)] = []
        var ids: [String: [String]] = [:]
        func add(_ name: String, for goldName: String?) {
            let id = "\(prefix)\(list.count + 1)"
            list.append((id, name))
            if let goldName { ids[goldName, default: []].append(id) }
        }
        for e in gold {
            if rng.unit() < 0.15 { continue }
            let base = !e.variants.isEmpty && rng.unit() < 0.4 ? pick(e.variants, &rng) : e.name
            add(surface(base, rng: &rng), for: e.name)
            if rng.unit() < 0.1 { add(surface(e.name, rng: &rng), for: e.name) }               // same again
            if let v = e.variants.first, rng.unit() < 0.15 { add(surface(v, rng: &rng), for: e.name) } // two forms
        }
        for w in wrong where rng.unit() < 0.5 { add(w, for: nil) }
        // A shuffled order, as an extractor would list them in order of appearance.
        var shuffled = list
        shuffled.shuffle(using: &rng)
        return (shuffled, ids)
    }

    static func document(from g: GoldDocument, id: String, rng: inout SplitMix64) -> Document {
        let (persons, pids) = entities(g.persons, prefix: "p", wrong: ["Nguyễn Văn Sai", "Trần Thị Nhầm", "Ông Ba"], rng: &rng)
        let (orgs, oids) = entities(g.organizations, prefix: "o",
                                    wrong: ["Bộ Không Có", "Ủy ban nhân dân tỉnh", "Hội nghị lần thứ tư"], rng: &rng)
        var roles: [(String, String, String, Document.Status)] = []
        for r in g.roles {
            if rng.unit() < 0.15 { continue }
            // An id when the entity was emitted, else the name itself (score.py takes an unknown id as a name).
            let p = pids[r.person].map { pick($0, &rng) } ?? surface(r.person, rng: &rng)
            let o = oids[r.organization].map { pick($0, &rng) } ?? surface(r.organization, rng: &rng)
            let title = rng.unit() < 0.2 ? surface(r.title, rng: &rng) : r.title
            var status = r.status.flatMap(Document.Status.init(rawValue:)) ?? .current
            if rng.unit() < 0.2 { status = pick(Document.Status.allCases, &rng) }
            roles.append((p, title, o, status))
            if rng.unit() < 0.08 { roles.append((p, title, o, pick(Document.Status.allCases, &rng))) }
        }
        if !persons.isEmpty, !orgs.isEmpty {
            for _ in 0..<Int(rng.next() % 3) {
                roles.append((pick(persons, &rng).0, pick(["Giám đốc", "Bí thư", "Ủy viên"], &rng), pick(orgs, &rng).0, .current))
            }
        }
        roles.shuffle(using: &rng)
        return Make.document(id: id, persons: persons, organizations: orgs, roles: roles)
    }
}

import Foundation
import Testing
@testable import RoleGraphEval

/// The scorer on a real NER benchmark: the span JSONL test set in `../shared/data/vlsp2018`, read at
/// run time (research data, never copied into the project). Only its 22-document political subset is
/// extracted, so the test stays well under a second in a debug build; the figures are not pinned,
/// since they move with every extraction change (`make ner` prints them).
@Suite struct NERBenchmarkTests {
    static let folder = Paths.shared.appendingPathComponent("data/vlsp2018")
    static let test = folder.appendingPathComponent("test.jsonl")
    static let political = folder.appendingPathComponent("political.txt")
    static var available: Bool {
        FileManager.default.fileExists(atPath: test.path) && FileManager.default.fileExists(atPath: political.path)
    }

    @Test(.enabled(if: available, "../shared/data/vlsp2018 not found; skipping the NER benchmark test"))
    func politicalSubsetScoresSanely() throws {
        let all = try NERCorpus.load(path: Self.test.path)
        let ids = try NERCorpus.loadSubset(path: Self.political.path)
        let (docs, unknown) = NERScorer.restrict(all, to: ids)
        #expect(unknown.isEmpty)
        #expect(docs.count == ids.count)

        // Gold counts as the file has them, whatever the extractor does.
        var gold: [NERType: Int] = [:]
        for d in docs { for e in d.entities { gold[e.type, default: 0] += 1 } }
        let report = NERScorer.evaluate(docs)
        #expect(report.documents == docs.count)
        for t in NERType.allCases {
            let s = report[t]
            #expect(s.gold == gold[t, default: 0], "\(t.rawValue)")
            #expect(s.tp <= s.predicted && s.tp <= s.gold, "\(t.rawValue)")
            #expect((0...1).contains(s.p) && (0...1).contains(s.r) && (0...1).contains(s.f1), "\(t.rawValue)")
        }
        #expect(report.microAll.gold == gold.values.reduce(0, +))
        #expect(report.micro.tp <= report.micro.predicted && report.micro.tp <= report.micro.gold)
        #expect(report[.miscellaneous].predicted == 0)
        // The extractor finds something: a broken offset mapping would give no hits at all.
        #expect(report.micro.tp > 0)
    }
}

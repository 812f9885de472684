import Foundation
import RoleGraphDocument
import Testing
@testable import RoleGraphEval

/// Exact-span scoring, the mention → NER type mapping and the reports, on hand-made spans.
@Suite struct NERScorerTests {
    static func span(_ start: Int, _ end: Int, _ type: NERType) -> NERSpan { NERSpan(start: start, end: end, type: type) }

    /// Gold: PER [0,13), ORG [20,35), LOC [40,46), MISC [50,55).
    static let doc = NERDocument(id: "d", text: String(repeating: "x", count: 60), entities: [
        span(0, 13, .person), span(20, 35, .organization), span(40, 46, .location), span(50, 55, .miscellaneous),
    ])

    @Test func onlyTheExactSpanAndTypeMatch() {
        let report = NERScorer.score([Self.doc], predictions: ["d": [
            Self.span(0, 13, .person),          // hit
            Self.span(20, 35, .location),       // right span, wrong type: FP for LOC, ORG missed
            Self.span(41, 46, .location),       // one character short: FP
            Self.span(41, 46, .location),       // the same prediction twice counts once
        ]])
        #expect(report[.person].counts == .init(tp: 1, predicted: 1, gold: 1))
        #expect(report[.organization].counts == .init(tp: 0, predicted: 0, gold: 1))
        #expect(report[.location].counts == .init(tp: 0, predicted: 2, gold: 1))
        #expect(report[.miscellaneous].counts == .init(tp: 0, predicted: 0, gold: 1))
        // micro leaves MISC out; micro_all counts its gold.
        #expect(report.micro.counts == .init(tp: 1, predicted: 3, gold: 3))
        #expect(report.microAll.counts == .init(tp: 1, predicted: 3, gold: 4))
        #expect(abs(report.micro.p - 1.0 / 3) < 1e-12 && abs(report.micro.r - 1.0 / 3) < 1e-12)
    }

    @Test func countsAddUpOverDocumentsAndMissingPredictionsAreEmpty() {
        var second = Self.doc
        second.id = "e"
        let report = NERScorer.score([Self.doc, second], predictions: ["d": Self.doc.entities, "zzz": [Self.span(0, 1, .person)]])
        #expect(report.documents == 2)
        #expect(report.micro.counts == .init(tp: 3, predicted: 3, gold: 6))
        #expect(report[.miscellaneous].counts == .init(tp: 1, predicted: 1, gold: 2))  // a MISC prediction (not from rolegraph) is scored too
    }

    @Test func restrictKeepsFileOrderAndNamesUnknownIds() {
        let docs = ["a", "b", "c"].map { NERDocument(id: $0, text: "", entities: []) }
        let (kept, unknown) = NERScorer.restrict(docs, to: ["c", "a", "q", "p"])
        #expect(kept.map(\.id) == ["a", "c"])
        #expect(unknown == ["p", "q"])
    }

    @Test func mentionKindsMapToNERTypesAndTitlesAreDropped() {
        let m = { (kind: Document.Mention.Kind, s: Int, e: Int) in
            Document.Mention(id: "m", type: kind, start: s, end: e, utf8Start: s, utf8End: e, text: "", entity: nil, rule: "")
        }
        let document = Document(id: "d", source: nil, date: nil,
                                mentions: [m(.title, 0, 9), m(.person, 10, 20), m(.organization, 25, 30), m(.location, 31, 35), m(.person, 10, 20)],
                                persons: [], organizations: [], locations: [], roles: [])
        #expect(NERPrediction.spans(of: document) == [Self.span(10, 20, .person), Self.span(25, 30, .organization), Self.span(31, 35, .location)])
    }

    @Test func extractorSpansUseTheTextsCodePointOffsets() {
        let text = "Hôm qua, Bộ trưởng Bộ Tài chính Đinh Tiến Dũng đã làm việc tại Hà Nội."
        let doc = NERDocument(id: "t", text: text, entities: [])
        let spans = NERPrediction.spans(extracting: doc)
        let texts = spans.map { "\($0.type.rawValue) \(doc.text(of: $0))" }
        #expect(texts.contains("PER Đinh Tiến Dũng"))
        #expect(texts.contains("ORG Bộ Tài chính"))
        #expect(!texts.contains { $0.hasSuffix("Bộ trưởng") })
    }

    @Test func textReportIsATableWithASummaryLine() {
        let report = NERScorer.score([Self.doc], predictions: ["d": [Self.span(0, 13, .person), Self.span(20, 35, .location)]])
        #expect(report.renderText() == """
        documents 1
        type            P      R     F1  tp  pred  gold
        PER         1.000  1.000  1.000   1     1     1
        ORG         0.000  0.000  0.000   0     0     1
        LOC         0.000  0.000  0.000   0     1     1
        MISC        0.000  0.000  0.000   0     0     1
        micro       0.500  0.333  0.400   1     2     3
        micro+MISC  0.500  0.250  0.333   1     2     4
        micro is over PER, ORG, LOC (rolegraph predicts no MISC); micro+MISC also counts the MISC gold
        NER micro P 0.500 R 0.333 F1 0.400

        """)
    }

    @Test func jsonReportHasSortedKeysAndRoundTrips() throws {
        let report = NERScorer.score([Self.doc], predictions: ["d": [Self.span(0, 13, .person)]])
        let json = try report.renderJSON()
        #expect(try report.renderJSON() == json)
        let keys = ["\"documents\"", "\"micro\"", "\"micro_all\"", "\"types\""].map { json.range(of: $0)!.lowerBound }
        #expect(keys == keys.sorted())
        let types = ["\"LOC\"", "\"MISC\"", "\"ORG\"", "\"PER\""].map { json.range(of: $0)!.lowerBound }
        #expect(types == types.sorted())
        #expect(try JSONDecoder().decode(NERReport.self, from: Data(json.utf8)) == report)
    }
}

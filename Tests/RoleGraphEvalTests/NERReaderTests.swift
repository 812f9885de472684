import Foundation
import Testing
@testable import RoleGraphEval

/// The two benchmark readers on small hand-written files: the text and spans they rebuild, and the
/// file:line errors they give for bad lines.
@Suite struct SpanJSONLReaderTests {
    static func read(_ lines: [String]) throws -> [NERDocument] {
        try SpanJSONLReader.read(data: Data(lines.joined(separator: "\n").utf8), file: "t.jsonl")
    }

    @Test func readsDocumentsAndCodePointSpans() throws {
        let docs = try Self.read([
            #"{"doc": "a", "domain": "Xã hội", "text": "Ông Đặng Văn Hùng ở Hà Nội.", "entities": [{"start": 20, "end": 26, "type": "LOC", "text": "Hà Nội"}, {"start": 4, "end": 17, "type": "PER", "text": "Đặng Văn Hùng"}]}"#,
            "",
            #"{"doc": "b", "text": "Không có tên.", "entities": []}"#,
        ])
        #expect(docs.map(\.id) == ["a", "b"])
        #expect(docs[0].entities == [NERSpan(start: 4, end: 17, type: .person), NERSpan(start: 20, end: 26, type: .location)])
        #expect(docs[0].entities.map(docs[0].text(of:)) == ["Đặng Văn Hùng", "Hà Nội"])
        #expect(docs[1].entities.isEmpty)
    }

    @Test func offsetsCountCodePointsNotCharacters() throws {
        // "e\u{301}" is one Character but two code points: the entity starts at code point 3.
        let docs = try Self.read([#"{"doc": "x", "text": "e\u0301 Lan", "entities": [{"start": 3, "end": 6, "type": "PER", "text": "Lan"}]}"#])
        #expect(docs[0].text(of: docs[0].entities[0]) == "Lan")
    }

    @Test(arguments: [
        (#"{"doc": "a", "text": "Hà Nội", "entities": [{"start": 0, "end": 6, "type": "GPE"}]}"#,
         #"t.jsonl:2: entity 1 of document "a": unknown type "GPE" (expected PER, ORG, LOC or MISC)"#),
        (#"{"doc": "a", "text": "Hà Nội", "entities": [{"start": 0, "end": 9, "type": "LOC"}]}"#,
         #"t.jsonl:2: entity 1 of document "a": span 0..<9 is empty or outside the text (6 code points)"#),
        (#"{"doc": "a", "text": "Hà Nội", "entities": [{"start": 0, "end": 2, "type": "LOC", "text": "Hà Nội"}]}"#,
         #"t.jsonl:2: entity 1 of document "a": offsets 0..<2 cover "Hà", not "Hà Nội" (offsets must count code points)"#),
        (#"{"doc": "a", "entities": []}"#, #"t.jsonl:2: not a span record {"doc", "text", "entities"}: missing "text""#),
        (#"{"doc": "a", "text": "x", "#, #"t.jsonl:2: not a span record {"doc", "text", "entities"}: invalid JSON"#),
        (#"{"doc": "first", "text": "x", "entities": []}"#, #"t.jsonl:2: document "first" already given on line 1"#),
    ] as [(String, String)])
    func badLineNamesFileAndLine(line: String, message: String) {
        #expect {
            _ = try Self.read([#"{"doc": "first", "text": "x", "entities": []}"#, line])
        } throws: { ($0 as? NERInputError)?.description == message }
    }
}

@Suite struct CoNLLReaderTests {
    /// Two documents; multi-syllable words (`Hà_Nội`), a B-/I- entity across words, an entity at a
    /// sentence end, an I- tag after O (its own entity), and a real space inside one word.
    static let snippet = """
    -DOCSTART- 101

    Ông\tNs\tB-NP\tO\tO
    Nguyễn_Văn\tNNP\tB-NP\tB-PER\tO
    An\tNNP\tI-NP\tI-PER\tO
    đến\tV\tB-VP\tO\tO
    Hà_Nội\tNNP\tB-NP\tB-LOC\tO
    .\tCH\tO\tO\tO

    Sở\tN\tB-NP\tB-ORG\tO
    Y_tế\tN\tI-NP\tI-ORG\tO
    Đà_Nẵng\tNNP\tI-NP\tI-ORG\tB-LOC

    -DOCSTART- 102

    huyện\tN\tB-NP\tO\tO
    Nam_Giang\tNNP\tB-NP\tI-LOC\tO
    ,\tCH\tO\tO\tO
    đánh cá\tV\tB-VP\tO\tO
    Mỹ\tNNP\tB-NP\tB-LOC\tO
    Trung_Quốc\tNNP\tB-NP\tB-LOC\tO

    """

    @Test func rebuildsTextAndSpans() throws {
        let docs = try CoNLLReader.read(text: Self.snippet, file: "t.conll")
        #expect(docs.map(\.id) == ["101", "102"])
        #expect(docs[0].text == "Ông Nguyễn Văn An đến Hà Nội .\nSở Y tế Đà Nẵng")
        #expect(docs[0].entities.map { "\($0.type.rawValue) \(docs[0].text(of: $0))" }
                == ["PER Nguyễn Văn An", "LOC Hà Nội", "ORG Sở Y tế Đà Nẵng"])
        #expect(docs[0].entities[0] == NERSpan(start: 4, end: 17, type: .person))
        // NER2 (the nested LOC `Đà Nẵng`) is not read; an I- after O opens its own entity;
        // two B-LOC in a row are two entities.
        #expect(docs[1].text == "huyện Nam Giang , đánh cá Mỹ Trung Quốc")
        #expect(docs[1].entities.map { "\($0.type.rawValue) \(docs[1].text(of: $0))" }
                == ["LOC Nam Giang", "LOC Mỹ", "LOC Trung Quốc"])
    }

    @Test func entityDoesNotRunAcrossASentenceBreak() throws {
        let docs = try CoNLLReader.read(text: "-DOCSTART- 1\n\nHuế\tNNP\tB-NP\tB-LOC\tO\n\nxanh\tA\tB-AP\tI-LOC\tO\n", file: "t.conll")
        #expect(docs[0].text == "Huế\nxanh")
        #expect(docs[0].entities == [NERSpan(start: 0, end: 3, type: .location), NERSpan(start: 4, end: 8, type: .location)])
    }

    @Test func documentsWithoutIdsAreNumbered() throws {
        let docs = try CoNLLReader.read(text: "Lan\tNNP\tB-NP\tB-PER\n\n-DOCSTART- -X- O O\n\nHuế\tNNP\tB-NP\tB-LOC\n", file: "t.conll")
        #expect(docs.map(\.id) == ["1", "2"])
        #expect(docs.map(\.text) == ["Lan", "Huế"])
    }

    @Test(arguments: [
        ("Lan\tNNP\tB-NP\n", "t.conll:3: expected at least 4 columns (word, POS, chunk, NER), found 3"),
        ("Lan\tNNP\tB-NP\tB-GPE\tO\n", #"t.conll:3: bad NER tag "B-GPE" in column 4 (expected O, B-X or I-X with X one of PER, ORG, LOC, MISC)"#),
        ("Lan\tNNP\tB-NP\tE-PER\tO\n", #"t.conll:3: bad NER tag "E-PER" in column 4 (expected O, B-X or I-X with X one of PER, ORG, LOC, MISC)"#),
        ("-DOCSTART- 7\n", #"t.conll:3: document "7" already started on line 1"#),
    ])
    func badLineNamesFileAndLine(line: String, message: String) {
        #expect {
            _ = try CoNLLReader.read(text: "-DOCSTART- 7\n\n" + line, file: "t.conll")
        } throws: { ($0 as? NERInputError)?.description == message }
    }
}

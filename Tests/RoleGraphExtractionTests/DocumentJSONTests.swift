import Foundation
import RoleGraphDocument
import Testing

/// The hand-written JSON writer must write exactly what `JSONEncoder` writes (sorted keys, unescaped
/// slashes), pretty and compact, so that other programs see one format whichever path wrote it.
@Suite struct DocumentJSONTests {
    static let devArticles: [URL] = {
        let folder = Fixtures.shared.appendingPathComponent("data/dev/articles")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".txt") }.sorted().prefix(12).map { folder.appendingPathComponent($0) }
    }()

    @Test(arguments: [true, false])
    func writerMatchesJSONEncoderOnRealArticles(pretty: Bool) throws {
        var documents = [try Extractor.shared.extract(path: Fixtures.seed.path)]
        for url in Self.devArticles { documents.append(try Extractor.shared.extract(path: url.path)) }
        for document in documents {
            let expected = try Document.encoder(pretty: pretty).encode(document)
            #expect(document.jsonData(pretty: pretty) == expected, "\(document.id)")
        }
    }

    /// Escapes, empty lists, absent values: `"`, `\`, control characters, `/` kept, `null` parent and date.
    @Test(arguments: [true, false])
    func writerMatchesJSONEncoderOnEdgeCases(pretty: Bool) throws {
        let document = Document(
            id: "a/b \"quoted\" \\ back", source: nil, date: nil,
            mentions: [.init(id: "m1", type: .title, start: 0, end: 3, utf8Start: 0, utf8End: 4,
                             text: "tab\there\nnew\u{1}\u{1F}line\r\u{8}\u{C}", entity: nil, rule: "gazetteer:title")],
            persons: [], organizations: [.init(id: "o1", name: "Bộ Công Thương", aliases: [], parent: nil, mentions: [])],
            locations: [], roles: [])
        let expected = try Document.encoder(pretty: pretty).encode(document)
        #expect(document.jsonData(pretty: pretty) == expected)
        let text = String(decoding: document.jsonData(pretty: false), as: UTF8.self)
        #expect(text.contains("\"date\":null") && text.contains("\"source\":null") && text.contains("\"parent\":null"))
        #expect(try Document(jsonData: document.jsonData(pretty: pretty)) == document)
    }

    /// Numbers are counted by compares up to eight digits and written two digits at a time: each side of each
    /// power of ten, and the extremes, as `JSONEncoder` writes them.
    @Test func writerMatchesJSONEncoderOnNumbers() throws {
        var values = [0, Int.max, Int.min]
        var power = 1
        for _ in 1...18 {
            power *= 10
            values += [power - 1, power, power + 1, -power + 1, -power]
        }
        for value in values {
            let document = Document(
                id: "d", source: nil, date: nil,
                mentions: [.init(id: "m1", type: .title, start: value, end: value, utf8Start: value, utf8End: value,
                                 text: "t", entity: nil, rule: "r")],
                persons: [], organizations: [], locations: [], roles: [])
            let expected = try Document.encoder(pretty: false).encode(document)
            #expect(document.jsonData(pretty: false) == expected, "\(value)")
        }
    }

    /// The escape test reads a word at a time, and a string shorter than a word as overlapping pieces: each
    /// byte that needs escaping (and the nearest that do not), at each place in strings of 1 to 17 bytes, is found.
    @Test func writerEscapesEveryPlaceOfShortAndWordLongStrings() throws {
        for length in 1...17 {
            for place in 0..<length {
                for special in ["\"", "\\", "\u{1}", "\u{1F}", " ", "/"] {
                    let text = String(repeating: "a", count: place) + special
                        + String(repeating: "b", count: length - place - 1)
                    let document = Document(
                        id: text, source: nil, date: nil, mentions: [], persons: [], organizations: [],
                        locations: [], roles: [])
                    let expected = try Document.encoder(pretty: false).encode(document)
                    #expect(document.jsonData(pretty: false) == expected, "\(length) \(place)")
                }
            }
        }
    }
}

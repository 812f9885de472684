import Foundation
import RoleGraphDocument
import RoleGraphGraph
import Testing
@testable import RoleGraphRender

/// The HTML page: mentions highlighted by type with hover text, roles tables, the chart inline.
@Suite struct HTMLPageTests {
    static func document(_ text: String, _ mentions: [Document.Mention], roles: [Document.Role] = []) -> Document {
        Document(id: "synthetic_html", source: nil, date: nil, mentions: mentions,
                 persons: [.init(id: "p1", name: "Lê Văn C", mentions: [])],
                 organizations: [.init(id: "o1", name: "Ban Kinh tế Trung ương", aliases: [], parent: nil, mentions: [])],
                 locations: [], roles: roles)
    }

    @Test func crossingMentionsStayProperlyNested() {
        // "Phó trưởng Ban" (title, 0–14) crosses "Ban Kinh tế Trung ương" (organisation, 11–33).
        let text = "Phó trưởng Ban Kinh tế Trung ương"
        let markup = MentionMarkup(text: text, document: Self.document(text, [
            Fixtures.mention("m1", .title, 0, 14, 0, 0, "Phó trưởng Ban", rule: "gazetteer:title"),
            Fixtures.mention("m2", .organization, 11, 33, 0, 0, "Ban Kinh tế Trung ương", "o1", rule: "gazetteer:organization"),
        ]))
        #expect(markup.skipped == 0)
        let title = #"<mark class="mention title" data-mention="m1" title="title&#10;rule: gazetteer:title&#10;m1 0–14">"#
        let org = #"<mark class="mention organization" data-mention="m2" title="organization → Ban Kinh tế Trung ương (o1)&#10;rule: gazetteer:organization&#10;m2 11–33">"#
        #expect(markup.html == "\(title)Phó trưởng \(org)Ban</mark></mark>\(org) Kinh tế Trung ương</mark>")
    }

    @Test func offsetsCountScalarsOfTheTextAsRead() {
        // NFD: "Lê" is L, e, U+0302 — three scalars; the mention after it starts at scalar 4.
        let text = "Le\u{0302} Văn C"
        let markup = MentionMarkup(text: text, document: Self.document(text, [
            Fixtures.mention("m1", .person, 0, 9, 0, 0, "Le\u{0302} Văn C", "p1"),
        ]))
        #expect(markup.skipped == 0)
        #expect(markup.html.hasSuffix(">Le\u{0302} Văn C</mark>"))
    }

    @Test func aMentionThatDoesNotMatchTheTextIsNotMarked() {
        let text = "Ông <b> & Lê Văn C"
        let markup = MentionMarkup(text: text, document: Self.document(text, [
            Fixtures.mention("m1", .person, 10, 18, 0, 0, "Lê Văn C", "p1"),
            Fixtures.mention("m2", .person, 0, 3, 0, 0, "Bà", "p1"),
            Fixtures.mention("m3", .person, 15, 40, 0, 0, "x", "p1"),
        ]))
        #expect(markup.skipped == 2)
        #expect(markup.html.hasPrefix("Ông &lt;b&gt; &amp; <mark class=\"mention person\""))
    }

    @Test func seedPageHasTextMarksRolesAndChart() throws {
        let document = try Fixtures.frozenDocument("000_5c63e9f1b32982bc")
        let text = try String(contentsOf: Fixtures.repositoryRoot.appendingPathComponent("seeds/000_5c63e9f1b32982bc.txt"), encoding: .utf8)
        let page = try HTMLPage(graph: RoleGraph(document: document), articles: [.init(document: document, text: text)]).render()
        #expect(page.notes.isEmpty)
        let html = String(decoding: page.bytes, as: UTF8.self)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.hasSuffix("</html>\n"))
        #expect(!html.contains("<?xml"))
        #expect(html.contains("<svg"))
        #expect(!html.contains("<script"), "self-contained and static")
        #expect(!html.contains("http://") || html.components(separatedBy: "http://").dropFirst().allSatisfy {
            $0.hasPrefix("www.w3.org/")
        }, "nothing is fetched")
        for type in ["person", "title", "organization", "location"] {
            #expect(html.contains("<mark class=\"mention \(type)\" data-mention="), "no \(type) mark")
            #expect(html.contains("mark.\(type) {"), "no colour for \(type)")
        }
        #expect(html.contains(#"title="person → Huỳnh Tấn Việt (p1)&#10;rule: gazetteer:person&#10;"#))
        #expect(html.contains("<td>Huỳnh Tấn Việt</td><td>Bí thư</td><td>Đảng ủy Khối các cơ quan Trung ương</td><td>current</td>"))
        // Every mention is highlighted once or, when crossing another, twice.
        let marks = html.components(separatedBy: "<mark class=\"mention ").count - 1 - 4  // minus the legend
        #expect(marks >= document.mentions.count)
        // Byte-stable.
        let again = try HTMLPage(graph: RoleGraph(document: document), articles: [.init(document: document, text: text)]).render()
        #expect(again.bytes == page.bytes)
    }

    @Test func severalDocumentsGetOneSectionEachAndMissingTextIsSaid() throws {
        let ids = ["000_5c63e9f1b32982bc", "baomoi-21490864"]
        let documents = try ids.map { try Fixtures.frozenDocument($0) }
        let graph = RoleGraph.merged(documents.map(RoleGraph.init(document:)))
        let page = try HTMLPage(graph: graph, articles: documents.map { .init(document: $0, text: nil) }).render()
        let html = String(decoding: page.bytes, as: UTF8.self)
        #expect(html.contains("<title>rolegraph — 2 articles</title>"))
        #expect(html.components(separatedBy: "<section class=\"document\"").count == 3)
        #expect(html.contains("id=\"doc-baomoi-21490864\""))
        #expect(page.notes.count == 2)
        #expect(page.notes[0].hasPrefix("000_5c63e9f1b32982bc: the article text is not available"))
    }

    @Test func graphOnlyPageListsTheMemberships() throws {
        let page = try Chart.render(Fixtures.combinedGraph, format: .html, options: ChartOptions(title: "Nghệ An & Trung ương"))
        let html = String(decoding: page.bytes, as: UTF8.self)
        #expect(html.contains("<h1>Nghệ An &amp; Trung ương</h1>"))
        #expect(html.contains("<section id=\"roles\">"))
        #expect(html.contains("<tr class=\"ended\"><td>Trần Thị B</td><td>Trưởng ban</td><td>Ban Tổ chức Tỉnh ủy Nghệ An</td><td>ended</td><td>synthetic_nested (2022-01-10) 0–0</td></tr>"))
    }
}

import Foundation
import RoleGraphGraph
import Testing
@testable import RoleGraphRender

/// `Chart.render` in every format, and `ChartFormat` from file names.
@Suite struct ChartTests {
    @Test func jsonIsTheExportWithStableSlugIDs() throws {
        let bytes = try Chart.render(Fixtures.seedGraph, format: .json)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("\"schema\" : \"rolegraph.graph/1\""))
        #expect(text.contains("\"id\" : \"person:huynh-tan-viet\""))
        #expect(text.hasSuffix("}\n"))
        let decoded = try JSONDecoder().decode(RoleGraphExport.self, from: Data(bytes))
        #expect(decoded == Fixtures.seedGraph.export())
    }

    @Test func dotFormatIsTheWriterText() throws {
        let bytes = try Chart.render(Fixtures.seedGraph, format: .dot, title: "x")
        #expect(bytes == Array(DOTWriter.dot(for: Fixtures.seedGraph, title: "x").utf8))
    }

    @Test func everyFormatRenders() throws {
        for format in ChartFormat.allCases {
            let bytes = try Chart.render(Fixtures.combinedGraph, format: format)
            #expect(!bytes.isEmpty, "\(format) is empty")
            let stable = try Chart.render(Fixtures.combinedGraph, format: format) == bytes
            #expect(stable, "\(format) is not stable")
        }
    }

    @Test(arguments: [
        ("svg", ChartFormat.svg), ("SVG", .svg), (".png", .png), ("dot", .dot), ("gv", .dot), ("json", .json), ("html", .html), ("HTM", .html),
    ])
    func formatFromPathExtension(ext: String, format: ChartFormat) {
        #expect(ChartFormat(pathExtension: ext) == format)
    }

    @Test func unknownExtensionsHaveNoFormat() {
        #expect(ChartFormat(pathExtension: "pdf") == nil)
        #expect(ChartFormat(pathExtension: "") == nil)
        #expect(ChartFormat(pathExtension: "svgz") == nil)
    }
}

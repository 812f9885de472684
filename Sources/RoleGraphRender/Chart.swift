import Foundation
import RoleGraphGraph

/// A role graph as a file: SVG or PNG through Graphviz, the DOT text, the JSON graph, or an HTML page.
///
/// The one entry point the CLI needs. SVG, PNG and HTML cost one in-process Graphviz layout (about
/// 2 ms for an article's chart) and are serialised process-wide by ``Graphviz``; `dot` and `json`
/// never touch Graphviz and run in parallel freely. Every format is byte-stable for the same graph.
public enum Chart {
    /// The bytes of `graph` in `format`; `title`, when given, is shown above the chart.
    /// - Throws: ``RenderError`` when Graphviz fails or the JSON cannot be encoded.
    public static func render(_ graph: RoleGraph, format: ChartFormat, title: String? = nil) throws(RenderError) -> [UInt8] {
        try render(graph, format: format, options: ChartOptions(title: title)).bytes
    }

    /// The bytes of `graph` in `format`, with the notes on what was done to keep a large chart readable.
    ///
    /// The HTML page made here has the chart and the graph's roles; ``HTMLPage`` adds the articles.
    /// - Throws: ``RenderError`` when Graphviz fails or the JSON cannot be encoded.
    public static func render(_ graph: RoleGraph, format: ChartFormat, options: ChartOptions) throws(RenderError) -> RenderedChart {
        switch format {
        case .json:
            return RenderedChart(bytes: try json(graph), notes: [])
        case .dot:
            let chart = DOTWriter.chart(for: graph, options: options)
            return RenderedChart(bytes: Array(chart.text.utf8), notes: chart.notes)
        case .svg, .png:
            let chart = DOTWriter.chart(for: graph, options: options)
            return RenderedChart(bytes: try Graphviz.render(dot: chart.text, format: format.rawValue), notes: chart.notes)
        case .html:
            return try HTMLPage(graph: graph, articles: [], options: options).render()
        }
    }

    /// `graph.export()` as pretty JSON with sorted keys and unescaped slashes, newline-terminated.
    static func json(_ graph: RoleGraph) throws(RenderError) -> [UInt8] {
        do {
            var data = try graph.export().jsonData()
            data.append(0x0A)
            return Array(data)
        } catch {
            throw RenderError("JSON encoding failed: \(error)")
        }
    }
}

/// A rendered chart and what was done to it (``DOTChart/notes``), for the user's information.
public struct RenderedChart: Sendable, Equatable {
    public var bytes: [UInt8]
    public var notes: [String]
}

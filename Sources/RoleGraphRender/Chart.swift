import Foundation
import RoleGraphGraph

/// A role graph as a file: SVG or PNG through Graphviz, the DOT text, or the JSON graph.
///
/// The one entry point the CLI needs. SVG and PNG cost one in-process Graphviz layout (about 2 ms for
/// an article's chart) and are serialised process-wide by ``Graphviz``; `dot` and `json` never touch
/// Graphviz and run in parallel freely. Every format is byte-stable for the same graph.
public enum Chart {
    /// The bytes of `graph` in `format`; `title`, when given, is shown above SVG/PNG/DOT charts.
    /// - Throws: ``RenderError`` when Graphviz fails (SVG/PNG) or the JSON cannot be encoded.
    public static func render(_ graph: RoleGraph, format: ChartFormat, title: String? = nil) throws(RenderError) -> [UInt8] {
        switch format {
        case .json:
            return try json(graph)
        case .dot:
            return Array(DOTWriter.dot(for: graph, title: title).utf8)
        case .svg, .png:
            return try Graphviz.render(dot: DOTWriter.dot(for: graph, title: title), format: format.rawValue)
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

import CGraphviz
import Foundation

/// In-process Graphviz (libgvc 2.42 and later): DOT text in, SVG / PNG / laid-out DOT bytes out.
///
/// Why in-process: one org chart takes about 2 ms here, spawning `dot` about 14 ms per graph.
/// What it costs: Graphviz is not thread-safe (cgraph(3)), and concurrent renders crash even with one
/// context per thread, so there is one `GVC_t` per process and one lock around every Graphviz call —
/// renders from many threads are correct but run one at a time. The dot layout plugin leaks about
/// 3.6 KB per graph with clusters; a long-running server should account for that.
///
/// Warnings and errors never reach stderr: they are captured per call; errors become a
/// ``RenderError``, warnings alone do not fail a render.
///
/// Output is byte-stable: the text is read with `rg_memread` (see `shim.h`), which numbers names in
/// order of appearance. Plain `agmemread` orders clusters by the addresses of their names, so a second
/// render of the same text in one process can lay out differently from the first.
public enum Graphviz {
    /// Formats `render(dot:format:)` accepts; others are rejected before Graphviz sees them.
    public static let formats: Set<String> = ["svg", "png", "dot"]

    /// A chart's file: the DOT text itself for `dot` (no layout), else ``render(dot:format:)``.
    public static func chart(dot: String, format: String) throws(RenderError) -> [UInt8] {
        format == "dot" ? Array(dot.utf8) : try render(dot: dot, format: format)
    }

    /// Lays out `dot` with the `dot` engine and renders it.
    ///
    /// - Parameter format: `svg`, `png` or `dot` (the laid-out graph, with positions).
    /// - Throws: ``RenderError`` with Graphviz's message when the text does not parse, the layout
    ///   fails or the format is unknown.
    /// - Complexity: the dot layout — roughly quadratic in the number of nodes in the worst case;
    ///   about 2 ms for an article's chart. Serialised with every other render in the process.
    public static func render(dot: String, format: String) throws(RenderError) -> [UInt8] {
        guard formats.contains(format) else {
            throw RenderError("unsupported format \"\(format)\" (use one of: \(formats.sorted().joined(separator: ", ")))")
        }
        return try GraphvizContext.shared.withContext { gvc throws(RenderError) -> [UInt8] in
            CGraphviz.rg_capture_begin()
            guard let graph = dot.withCString({ CGraphviz.rg_memread($0) }) else {
                throw RenderError(captured(or: "the DOT text could not be parsed"))
            }
            defer { CGraphviz.agclose(graph) }
            if hasErrors() { throw RenderError(captured(or: "the DOT text could not be parsed")) }

            guard CGraphviz.gvLayout(gvc, graph, "dot") == 0 else {
                throw RenderError(captured(or: "layout failed"))
            }
            defer { CGraphviz.gvFreeLayout(gvc, graph) }

            var data: UnsafeMutablePointer<CChar>? = nil
            var length = 0
            let rc = format.withCString { CGraphviz.rg_render_data(gvc, graph, $0, &data, &length) }
            defer { if let data { CGraphviz.gvFreeRenderData(data) } }
            guard rc == 0, let data else {
                throw RenderError(captured(or: "rendering \(format) failed"))
            }
            if hasErrors() { throw RenderError(captured(or: "rendering \(format) failed")) }
            return data.withMemoryRebound(to: UInt8.self, capacity: length) {
                Array(UnsafeBufferPointer(start: $0, count: length))
            }
        }
    }

    /// Graphviz's captured messages, joined into one trimmed line set; `fallback` when it said nothing.
    private static func captured(or fallback: String) -> String {
        let text = String(cString: CGraphviz.rg_captured()).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? fallback : text
    }

    /// Whether anything at error level (not just a warning) was reported since capture began.
    private static func hasErrors() -> Bool {
        CGraphviz.rg_max_error_level() >= Int32(CGraphviz.AGERR.rawValue)
    }
}

/// The one Graphviz context of the process and the lock that serialises every Graphviz call.
///
/// `@unchecked Sendable` because the pointer is only touched while `lock` is held.
private final class GraphvizContext: @unchecked Sendable {
    static let shared = GraphvizContext()

    private let lock = NSLock()
    private var context: OpaquePointer?

    /// Runs `body` with the context, holding the lock; creates the context (loads plugins) on first use.
    func withContext<T>(_ body: (OpaquePointer) throws(RenderError) -> T) throws(RenderError) -> T {
        lock.lock()
        defer { lock.unlock() }
        if context == nil {
            CGraphviz.rg_capture_begin()
            context = CGraphviz.gvContext()
        }
        guard let context else { throw RenderError("Graphviz context could not be created") }
        return try body(context)
    }
}

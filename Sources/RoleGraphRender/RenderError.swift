/// Why a chart could not be rendered: Graphviz's own messages (parse errors with their line,
/// unknown formats, layout failures), captured instead of being printed to stderr.
///
/// Graphviz reports through a process-wide callback; ``Graphviz`` collects every fragment of one
/// call under its lock, so the message belongs to exactly this render.
public struct RenderError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What failed, in Graphviz's words where it said anything (`Error: syntax error in line 1 near 'x'`).
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { "render failed: \(message)" }
}

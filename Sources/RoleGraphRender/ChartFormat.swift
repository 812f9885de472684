/// What `rolegraph graph -o FILE` can write.
public enum ChartFormat: String, CaseIterable, Sendable {
    /// Scalable chart through Graphviz; text stays selectable and searchable.
    case svg
    /// Bitmap chart through Graphviz (cairo), for pasting where SVG is not accepted.
    case png
    /// The DOT text from ``DOTWriter`` before layout, for editing or running `dot` by hand.
    case dot
    /// The role graph itself (`rolegraph.graph/1`), no Graphviz involved.
    case json
    /// One self-contained page (``HTMLPage``): the articles with their mentions highlighted, the roles
    /// as tables and the SVG chart inline.
    case html

    /// The format for a file extension, case-insensitive, with or without the dot:
    /// `svg`, `png`, `dot` or `gv`, `json`, `html` or `htm`; `nil` for anything else.
    public init?(pathExtension: String) {
        var ext = pathExtension.lowercased()
        if ext.hasPrefix(".") { ext.removeFirst() }
        if ext == "gv" { ext = "dot" }
        if ext == "htm" { ext = "html" }
        self.init(rawValue: ext)
    }

    /// Whether rendering needs Graphviz (and so takes the process-wide Graphviz lock).
    public var usesGraphviz: Bool { self == .svg || self == .png || self == .html }
}

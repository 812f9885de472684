/// How a chart is drawn: its title and what happens when the graph is large.
public struct ChartOptions: Sendable, Equatable {
    /// Shown above the chart (SVG, PNG, DOT) and as the HTML page's heading.
    public var title: String?
    /// When the chart would hold more organisation boxes than this, every organisation without
    /// sub-organisations is drawn as one box listing its posts instead of a cluster of post nodes
    /// (see ``DOTWriter``). `nil` never collapses.
    ///
    /// Why: dot lays clusters out recursively and draws each as a frame with a label, so a merged
    /// graph of 50 articles (about 130 organisations) becomes a tall strip of nested frames; one box
    /// per leaf organisation keeps every post and every edge but roughly halves the height and the
    /// layout time.
    public var collapseLeavesAbove: Int?

    /// Clusters beyond which leaf organisations collapse by default: an article's chart (up to a
    /// few dozen organisations) is drawn in full, a merged archive is not.
    public static let defaultCollapseLeavesAbove = 40

    public init(title: String? = nil, collapseLeavesAbove: Int? = ChartOptions.defaultCollapseLeavesAbove) {
        self.title = title
        self.collapseLeavesAbove = collapseLeavesAbove
    }
}

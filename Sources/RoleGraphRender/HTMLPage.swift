import RoleGraphDocument
import RoleGraphGraph

/// One self-contained HTML page (`rolegraph graph --format html`): the organisation chart as inline
/// SVG, then one section per article with its roles as a table and its text with every mention
/// highlighted by type — persons, titles, organisations, locations in four colours; hovering a mention
/// shows its canonical entity and the rule that found it.
///
/// Self-contained: styles are inline, the SVG is embedded, nothing is fetched, so the page can be
/// mailed or archived as one file. Byte-stable: no dates or random ids, sections in the order given.
/// Cost: one Graphviz render for the chart plus O(n) per article text; the page holds every text,
/// so it is meant for a handful of articles, not an archive.
public struct HTMLPage: Sendable {
    /// An article: its document and, when available, its text exactly as read (the offsets point
    /// into it). Without text, the section shows the roles only.
    public struct Article: Sendable {
        public var document: Document
        public var text: String?
        public init(document: Document, text: String?) {
            self.document = document
            self.text = text
        }
    }

    public var graph: RoleGraph
    public var articles: [Article]
    public var options: ChartOptions

    public init(graph: RoleGraph, articles: [Article], options: ChartOptions = ChartOptions()) {
        self.graph = graph
        self.articles = articles
        self.options = options
    }

    /// The page as UTF-8, with the chart's notes (collapsed organisations) and one note per article
    /// whose text is missing or does not match its mentions.
    /// - Throws: ``RenderError`` when Graphviz fails.
    public func render() throws(RenderError) -> RenderedChart {
        let title = options.title ?? defaultTitle
        var chartOptions = options
        chartOptions.title = nil
        let chart = DOTWriter.chart(for: graph, options: chartOptions)
        let svg = String(decoding: try Graphviz.render(dot: chart.text, format: "svg"), as: UTF8.self)
        var notes = chart.notes

        var out = "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"generator\" content=\"rolegraph\">\n"
        out += "<title>\(HTMLEscape.escape(title))</title>\n<style>\n\(Self.style)</style>\n</head>\n<body>\n"
        out += "<h1>\(HTMLEscape.escape(title))</h1>\n"
        out += "<p class=\"legend\">Mentions: <mark class=\"mention person\">person</mark> "
        out += "<mark class=\"mention title\">title</mark> <mark class=\"mention organization\">organisation</mark> "
        out += "<mark class=\"mention location\">location</mark> — hover a mention for its entity and rule, "
        out += "a chart element for its sources (document, date, span in Unicode scalars).</p>\n"

        out += "<section id=\"chart\">\n<h2>Organisation chart</h2>\n"
        out += "<p class=\"summary\">\(chart.persons) persons, \(chart.organizations) organisations, \(chart.memberships) roles.</p>\n"
        for note in chart.notes { out += "<p class=\"note\">\(HTMLEscape.escape(note)).</p>\n" }
        out += "<figure class=\"chart\">\n\(Self.inlineSVG(svg))</figure>\n</section>\n"

        if articles.isEmpty {
            out += "<section id=\"roles\">\n<h2>Roles</h2>\n\(Self.membershipTable(graph.export()))</section>\n"
        }
        for article in articles {
            let (section, note) = Self.section(article)
            out += section
            if let note { notes.append(note) }
        }
        out += "</body>\n</html>\n"
        return RenderedChart(bytes: Array(out.utf8), notes: notes)
    }

    private var defaultTitle: String {
        switch articles.count {
        case 0: "rolegraph — role graph"
        case 1: "rolegraph — \(articles[0].document.id)"
        default: "rolegraph — \(articles.count) articles"
        }
    }

    /// The SVG element alone: the XML declaration, doctype and comments before `<svg` are dropped.
    static func inlineSVG(_ svg: String) -> String {
        guard let start = svg.range(of: "<svg") else { return svg }
        return String(svg[start.lowerBound...])
    }

    /// One article: heading, meta line, roles table, highlighted text; the note says what is missing.
    static func section(_ article: Article) -> (String, String?) {
        let document = article.document
        var out = "<section class=\"document\" id=\"doc-\(HTMLEscape.identifier(document.id))\">\n"
        out += "<h2>\(HTMLEscape.escape(document.id))</h2>\n"
        var meta: [String] = []
        if let source = document.source { meta.append("source \(source)") }
        if let date = document.date { meta.append("date \(date)") }
        meta.append("\(document.mentions.count) mentions, \(document.persons.count) persons, "
            + "\(document.organizations.count) organisations, \(document.roles.count) roles")
        out += "<p class=\"meta\">\(HTMLEscape.escape(meta.joined(separator: " · ")))</p>\n"
        out += "<h3>Roles</h3>\n\(roleTable(document))"
        out += "<h3>Text</h3>\n"
        var note: String?
        if let text = article.text {
            let markup = MentionMarkup(text: text, document: document)
            out += "<div class=\"text\">\(markup.html)</div>\n"
            if markup.skipped > 0 {
                note = "\(document.id): \(markup.skipped) mention(s) do not match the text and are not highlighted"
                out += "<p class=\"note\">\(HTMLEscape.escape(note!)).</p>\n"
            }
        } else {
            note = "\(document.id): the article text is not available (no readable source), only its roles are shown"
            out += "<p class=\"note\">The article text is not available.</p>\n"
        }
        out += "</section>\n"
        return (out, note)
    }

    /// The document's roles in document order: person, title, organisation, status, evidence, span, rules.
    static func roleTable(_ document: Document) -> String {
        let names = Dictionary(document.persons.map { ($0.id, $0.name) } + document.organizations.map { ($0.id, $0.name) },
                               uniquingKeysWith: { a, _ in a })
        let spans = Dictionary(document.mentions.map { ($0.id, ($0.start, $0.end)) }, uniquingKeysWith: { a, _ in a })
        var out = "<table class=\"roles\">\n<thead><tr><th>Person</th><th>Title</th><th>Organisation</th>"
        out += "<th>Status</th><th>Evidence</th><th>Span</th><th>Rules</th></tr></thead>\n<tbody>\n"
        for role in document.roles {
            let roleSpans = role.mentions.compactMap { spans[$0] }
            let span = roleSpans.isEmpty ? "" : "\(roleSpans.map(\.0).min()!)–\(roleSpans.map(\.1).max()!)"
            let cells = [names[role.person] ?? role.person, role.title, names[role.organization] ?? role.organization,
                         role.status.rawValue, role.evidence, span, role.rules.joined(separator: ", ")]
            out += "<tr class=\"\(role.status.rawValue)\">"
            out += cells.map { "<td>\(HTMLEscape.escape($0))</td>" }.joined()
            out += "</tr>\n"
        }
        out += "</tbody>\n</table>\n"
        return out
    }

    /// The graph's memberships (for a page without articles): person, title, organisation, status, sources.
    static func membershipTable(_ export: RoleGraphExport) -> String {
        let persons = Dictionary(export.persons.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let orgs = Dictionary(export.organizations.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        var out = "<table class=\"roles\">\n<thead><tr><th>Person</th><th>Title</th><th>Organisation</th>"
        out += "<th>Status</th><th>Sources</th></tr></thead>\n<tbody>\n"
        for membership in export.memberships {
            let cells = [persons[membership.person_id] ?? membership.person_id, membership.role,
                         orgs[membership.organization_id] ?? membership.organization_id, membership.status,
                         Provenance.lines(membership.sources).joined(separator: "; ")]
            out += "<tr class=\"\(HTMLEscape.attribute(membership.status))\">"
            out += cells.map { "<td>\(HTMLEscape.escape($0))</td>" }.joined()
            out += "</tr>\n"
        }
        out += "</tbody>\n</table>\n"
        return out
    }

    /// Four distinct mention colours (also legible when printed in grey: the borders differ too).
    static let style = """
    body { font-family: "DejaVu Sans", system-ui, sans-serif; margin: 1.5em auto; max-width: 70em; padding: 0 1em; color: #222; }
    h1 { font-size: 1.4em; } h2 { font-size: 1.2em; border-bottom: 1px solid #ddd; } h3 { font-size: 1em; }
    .legend, .meta, .summary { color: #555; font-size: 0.9em; }
    .note { color: #8a5a00; font-size: 0.9em; }
    figure.chart { margin: 0; overflow: auto; border: 1px solid #eee; }
    figure.chart svg { max-width: none; height: auto; }
    .text { white-space: pre-wrap; line-height: 1.7; }
    mark.mention { padding: 0 1px; border-radius: 2px; cursor: help; }
    mark.person { background: #ffe08a; border-bottom: 2px solid #d4a800; }
    mark.title { background: #cfe5ff; border-bottom: 2px dotted #2f6fc0; }
    mark.organization { background: #d3f2cc; border-bottom: 2px solid #3f9a3a; }
    mark.location { background: #f7d0e6; border-bottom: 2px dashed #b0417d; }
    mark.mention mark.mention { padding: 0; }
    table.roles { border-collapse: collapse; font-size: 0.9em; margin-bottom: 1em; }
    table.roles th, table.roles td { border: 1px solid #ddd; padding: 0.2em 0.5em; text-align: left; vertical-align: top; }
    table.roles tr.appointed td { background: #f1fbef; } table.roles tr.ended td, table.roles tr.former td { color: #777; }

    """
}

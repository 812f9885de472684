import RoleGraphGraph

/// Writes a ``RoleGraph`` as Graphviz DOT: an organisation chart.
///
/// Layout of the chart (`rankdir=LR`, persons on the left, organisations on the right):
/// - every organisation is a `subgraph cluster_…`, nested inside its parent's cluster
///   (`Ban Tổ chức Tỉnh ủy Nghệ An` inside `Tỉnh ủy Nghệ An`);
/// - every post is a node inside its organisation's cluster, labelled with the title (`Bí thư`);
/// - every person who holds a post is a node whose HTML-like label shows the name in bold and, below
///   it, each post held (`Bí thư Đảng ủy Khối các cơ quan Trung ương`);
/// - an edge person → post per membership, styled by status: `current` solid, `appointed` bold,
///   `former` dashed, `ended` dotted.
///
/// Node ids are the export slugs (`person:huynh-tan-viet`), so a chart links up with the JSON graph.
/// Every list is sorted by id and the graph is named, so the text — and Graphviz's SVG of it — is
/// byte-stable from run to run. Vietnamese text is written as UTF-8, unchanged. Organisations that hold
/// no post, directly or through a sub-organisation, and persons without a post are left out: a chart
/// shows who holds which post, and empty boxes only add noise.
///
/// Elements carry `class` (`person`, `post`, `organization`, `membership <status>`) for styling the SVG
/// and a `tooltip` naming the documents each fact comes from.
public enum DOTWriter {
    /// The font set on graph, nodes and edges: without an explicit, installed font every glyph
    /// measures the same and Vietnamese labels overflow their boxes.
    public static let fontName = "DejaVu Sans"

    /// The DOT text of `graph`; `title`, when given, is shown above the chart.
    /// - Complexity: O(n log n) in the size of the graph (sorting dominates).
    public static func dot(for graph: RoleGraph, title: String?) -> String {
        let export = graph.export()
        let tree = OrganizationTree(export)
        var out = DOTBuffer()

        out.line("digraph \(DOTEscape.quoted("rolegraph")) {")
        out.indent += 1
        var graphAttributes = [
            ("fontname", DOTEscape.quoted(fontName)), ("fontsize", "12"), ("rankdir", "LR"),
            ("nodesep", "0.25"), ("ranksep", "0.8"), ("newrank", "true"),
        ]
        if let title {
            graphAttributes += [("label", DOTEscape.quoted(title)), ("labelloc", "t")]
        }
        out.line("graph [\(attributes(graphAttributes))];")
        out.line("node [\(attributes([("fontname", DOTEscape.quoted(fontName)), ("fontsize", "10"), ("shape", "box"), ("style", DOTEscape.quoted("rounded"))]))];")
        out.line("edge [\(attributes([("fontname", DOTEscape.quoted(fontName)), ("fontsize", "9"), ("color", DOTEscape.quoted("#555555")), ("arrowsize", "0.6")]))];")

        // Organisations, outermost first, each with its posts and then its sub-organisations.
        for root in tree.roots { writeCluster(root, tree: tree, into: &out) }

        // Persons: name in bold, then every post they hold.
        let postsByID = Dictionary(export.posts.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let membershipsByPerson = Dictionary(grouping: export.memberships, by: \.person_id)
        for person in export.persons {
            guard let memberships = membershipsByPerson[person.id]?.sorted(by: { $0.id < $1.id }) else { continue }
            var label = "<<b>\(DOTEscape.html(person.name))</b>"
            if !memberships.isEmpty {
                label += "<br/><font point-size=\"9\">"
                for membership in memberships {
                    let post = postsByID[membership.post_id]?.label ?? membership.role
                    label += "\(DOTEscape.html(post))<br align=\"left\"/>"
                }
                label += "</font>"
            }
            label += ">"
            let documents = Set(memberships.flatMap { $0.sources.map(\.document) }).sorted()
            let tooltip = "\(person.name) (\(documents.joined(separator: ", ")))"
            out.line("\(DOTEscape.quoted(person.id)) [\(attributes([("label", label), ("class", DOTEscape.quoted("person")), ("style", DOTEscape.quoted("rounded,filled")), ("fillcolor", DOTEscape.quoted("#fff8e1")), ("tooltip", DOTEscape.quoted(tooltip))]))];")
        }

        // Memberships: person → post, styled by status.
        let namesByPerson = Dictionary(export.persons.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        for membership in export.memberships {
            let sources = membership.sources.map { source in
                source.date.map { "\(source.document) \($0)" } ?? source.document
            }
            let post = postsByID[membership.post_id]?.label ?? membership.role
            let person = namesByPerson[membership.person_id] ?? membership.person_id
            let tooltip = "\(person) — \(post) — \(membership.status) — \(sources.joined(separator: ", "))"
            out.line("\(DOTEscape.quoted(membership.person_id)) -> \(DOTEscape.quoted(membership.post_id)) [\(attributes([("style", edgeStyle(membership.status)), ("class", DOTEscape.quoted("membership \(membership.status)")), ("tooltip", DOTEscape.quoted(tooltip))]))];")
        }

        out.indent -= 1
        out.line("}")
        return out.text
    }

    /// `current` solid, `appointed` bold, `former` dashed, `ended` dotted; unknown statuses solid.
    static func edgeStyle(_ status: String) -> String {
        switch status {
        case "appointed": "bold"
        case "former": "dashed"
        case "ended": "dotted"
        default: "solid"
        }
    }

    private static func writeCluster(_ id: String, tree: OrganizationTree, into out: inout DOTBuffer) {
        guard let organization = tree.organizations[id] else { return }
        out.line("subgraph \(DOTEscape.quoted("cluster_\(id)")) {")
        out.indent += 1
        let posts = tree.posts[id] ?? []
        let documents = tree.documents[id] ?? []
        let tooltip = documents.isEmpty ? organization.name : "\(organization.name) (\(documents.joined(separator: ", ")))"
        out.line("graph [\(attributes([("label", DOTEscape.quoted(organization.name)), ("class", DOTEscape.quoted("organization")), ("style", DOTEscape.quoted("rounded")), ("color", DOTEscape.quoted("#8c8c8c")), ("tooltip", DOTEscape.quoted(tooltip))]))];")
        for post in posts {
            let postDocuments = tree.postDocuments[post.id] ?? []
            let postTooltip = "\(post.label) (\(postDocuments.joined(separator: ", ")))"
            out.line("\(DOTEscape.quoted(post.id)) [\(attributes([("label", DOTEscape.quoted(post.role)), ("class", DOTEscape.quoted("post")), ("style", DOTEscape.quoted("rounded,filled")), ("fillcolor", DOTEscape.quoted("#eef3fb")), ("tooltip", DOTEscape.quoted(postTooltip))]))];")
        }
        for child in tree.children[id] ?? [] { writeCluster(child, tree: tree, into: &out) }
        out.indent -= 1
        out.line("}")
    }

    /// `name=value, …` in the given order (values are already quoted or HTML-like).
    private static func attributes(_ pairs: [(String, String)]) -> String {
        pairs.map { "\($0.0)=\($0.1)" }.joined(separator: ", ")
    }
}

/// Accumulates indented lines.
struct DOTBuffer {
    var text = ""
    var indent = 0
    mutating func line(_ s: String) {
        text += String(repeating: "  ", count: indent)
        text += s
        text += "\n"
    }
}

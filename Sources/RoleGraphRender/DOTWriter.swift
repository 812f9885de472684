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
/// Large graphs: when there would be more organisation clusters than
/// ``ChartOptions/collapseLeavesAbove``, each organisation without sub-organisations becomes one node
/// (class `organization collapsed`) whose label is a table — the name, then one row per post — and
/// membership edges end at the post's row (a port). Nothing is dropped; ``DOTChart/notes`` says what
/// was done so the CLI can report it.
///
/// Node names are the export slugs (`person:huynh-tan-viet`), so a chart links up with the JSON graph;
/// SVG element ids are the same slugs made CSS-friendly (``ChartID``). Elements carry `class`
/// (`person`, `post`, `organization`, `membership <status>`) for styling and a `tooltip` with the
/// provenance of each fact (document, date, span). Every list is sorted by id and the graph is named,
/// so the text — and Graphviz's SVG of it — is byte-stable from run to run. Organisations that hold no
/// post, directly or through a sub-organisation, and persons without a post are left out: a chart shows
/// who holds which post, and empty boxes only add noise.
public enum DOTWriter {
    /// The font set on graph, nodes and edges: without an explicit, installed font every glyph
    /// measures the same and Vietnamese labels overflow their boxes.
    public static let fontName = "DejaVu Sans"

    /// The DOT text of `graph` with default options; `title`, when given, is shown above the chart.
    /// - Complexity: O(n log n) in the size of the graph (sorting dominates).
    public static func dot(for graph: RoleGraph, title: String?) -> String {
        chart(for: graph, options: ChartOptions(title: title)).text
    }

    /// The DOT text of `graph` and what was done to keep it readable.
    /// - Complexity: O(n log n) in the size of the graph (sorting dominates).
    public static func chart(for graph: RoleGraph, options: ChartOptions) -> DOTChart {
        let export = graph.export()
        let tree = OrganizationTree(export)
        let clusterCount = tree.organizations.count
        let collapse = options.collapseLeavesAbove.map { clusterCount > $0 } ?? false
        let collapsed: Set<String> = collapse
            ? Set(tree.organizations.keys.filter { (tree.children[$0] ?? []).isEmpty })
            : []
        var context = Context(export: export, tree: tree, collapsed: collapsed)

        context.out.line("digraph \(DOTEscape.quoted("rolegraph")) {")
        context.out.indent += 1
        var graphAttributes = [
            ("fontname", DOTEscape.quoted(fontName)), ("fontsize", "12"), ("rankdir", "LR"),
            ("nodesep", "0.25"), ("ranksep", "0.8"), ("newrank", "true"),
        ]
        if let title = options.title {
            graphAttributes += [("label", DOTEscape.quoted(title)), ("labelloc", "t")]
        }
        context.out.line("graph [\(attributes(graphAttributes))];")
        context.out.line("node [\(attributes([("fontname", DOTEscape.quoted(fontName)), ("fontsize", "10"), ("shape", "box"), ("style", DOTEscape.quoted("rounded"))]))];")
        context.out.line("edge [\(attributes([("fontname", DOTEscape.quoted(fontName)), ("fontsize", "9"), ("color", DOTEscape.quoted("#555555")), ("arrowsize", "0.6")]))];")

        // Organisations, outermost first, each with its posts and then its sub-organisations.
        for root in tree.roots { context.writeOrganization(root) }
        context.writePersons()
        context.writeMemberships()

        context.out.indent -= 1
        context.out.line("}")

        var notes: [String] = []
        if collapse {
            notes.append("the chart has \(clusterCount) organisations (more than \(options.collapseLeavesAbove!)): "
                + "the \(collapsed.count) without sub-organisations are each drawn as one box listing their posts")
        }
        return DOTChart(text: context.out.text, organizations: clusterCount, collapsedOrganizations: collapsed.count,
                        persons: context.personCount, memberships: export.memberships.count, notes: notes)
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

    /// `name=value, …` in the given order (values are already quoted or HTML-like).
    static func attributes(_ pairs: [(String, String)]) -> String {
        pairs.map { "\($0.0)=\($0.1)" }.joined(separator: ", ")
    }

    /// The lookups one chart needs, built once, and the text being written.
    private struct Context {
        let export: RoleGraphExport
        let tree: OrganizationTree
        /// Organisation ids drawn as one table node instead of a cluster.
        let collapsed: Set<String>
        let postsByID: [String: RoleGraphExport.Post]
        let membershipsByPost: [String: [RoleGraphExport.Membership]]
        /// Post id → port name in its collapsed organisation's table (`p0`, `p1`, …).
        var ports: [String: String] = [:]
        var personCount = 0
        var out = DOTBuffer()

        init(export: RoleGraphExport, tree: OrganizationTree, collapsed: Set<String>) {
            self.export = export
            self.tree = tree
            self.collapsed = collapsed
            postsByID = Dictionary(export.posts.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            membershipsByPost = Dictionary(grouping: export.memberships, by: \.post_id)
            for id in collapsed {
                for (index, post) in (tree.posts[id] ?? []).enumerated() { ports[post.id] = "p\(index)" }
            }
        }

        func postTooltip(_ post: RoleGraphExport.Post) -> String {
            let sources = (membershipsByPost[post.id] ?? []).flatMap(\.sources)
            return ([post.label] + Provenance.lines(sources)).joined(separator: "\n")
        }

        func organizationTooltip(_ id: String, name: String) -> String {
            let documents = tree.documents[id] ?? []
            return documents.isEmpty ? name : "\(name)\n\(Provenance.documents(documents))"
        }

        mutating func writeOrganization(_ id: String) {
            guard let organization = tree.organizations[id] else { return }
            if collapsed.contains(id) {
                writeCollapsed(id, organization)
                return
            }
            out.line("subgraph \(DOTEscape.quoted("cluster_\(id)")) {")
            out.indent += 1
            out.line("graph [\(attributes([("id", DOTEscape.quoted(ChartID.cluster(id))), ("label", DOTEscape.quoted(organization.name)), ("class", DOTEscape.quoted("organization")), ("style", DOTEscape.quoted("rounded")), ("color", DOTEscape.quoted("#8c8c8c")), ("tooltip", DOTEscape.quoted(organizationTooltip(id, name: organization.name)))]))];")
            for post in tree.posts[id] ?? [] {
                out.line("\(DOTEscape.quoted(post.id)) [\(attributes([("id", DOTEscape.quoted(ChartID.element(post.id))), ("label", DOTEscape.quoted(post.role)), ("class", DOTEscape.quoted("post")), ("style", DOTEscape.quoted("rounded,filled")), ("fillcolor", DOTEscape.quoted("#eef3fb")), ("tooltip", DOTEscape.quoted(postTooltip(post)))]))];")
            }
            for child in tree.children[id] ?? [] { writeOrganization(child) }
            out.indent -= 1
            out.line("}")
        }

        /// One node: a table with the organisation's name on top and a row (port) per post.
        mutating func writeCollapsed(_ id: String, _ organization: RoleGraphExport.Organization) {
            var label = "<<table border=\"1\" cellborder=\"0\" cellspacing=\"2\" cellpadding=\"3\" style=\"rounded\" color=\"#8c8c8c\">"
            label += "<tr><td><font point-size=\"12\">\(DOTEscape.html(organization.name))</font></td></tr>"
            for post in tree.posts[id] ?? [] {
                label += "<tr><td port=\"\(ports[post.id]!)\" bgcolor=\"#eef3fb\">\(DOTEscape.html(post.role))</td></tr>"
            }
            label += "</table>>"
            let postLines = (tree.posts[id] ?? []).map { post in
                let documents = Set((membershipsByPost[post.id] ?? []).flatMap { $0.sources.map(\.document) }).sorted()
                return "\(post.role): \(Provenance.documents(documents))"
            }
            let tooltip = ([organization.name] + postLines).joined(separator: "\n")
            out.line("\(DOTEscape.quoted(id)) [\(attributes([("id", DOTEscape.quoted(ChartID.element(id))), ("label", label), ("class", DOTEscape.quoted("organization collapsed")), ("shape", "none"), ("margin", "0"), ("tooltip", DOTEscape.quoted(tooltip))]))];")
        }

        /// Persons: name in bold, then every post they hold.
        mutating func writePersons() {
            let membershipsByPerson = Dictionary(grouping: export.memberships, by: \.person_id)
            for person in export.persons {
                guard let memberships = membershipsByPerson[person.id]?.sorted(by: { $0.id < $1.id }) else { continue }
                personCount += 1
                var label = "<<b>\(DOTEscape.html(person.name))</b><br/><font point-size=\"9\">"
                var tooltip = [person.name]
                for membership in memberships {
                    let post = postsByID[membership.post_id]?.label ?? membership.role
                    label += "\(DOTEscape.html(post))<br align=\"left\"/>"
                    let sources = Provenance.lines(membership.sources, limit: 3)
                    tooltip.append("\(post) (\(membership.status)): \(sources.joined(separator: "; "))")
                }
                label += "</font>>"
                out.line("\(DOTEscape.quoted(person.id)) [\(attributes([("id", DOTEscape.quoted(ChartID.element(person.id))), ("label", label), ("class", DOTEscape.quoted("person")), ("style", DOTEscape.quoted("rounded,filled")), ("fillcolor", DOTEscape.quoted("#fff8e1")), ("tooltip", DOTEscape.quoted(tooltip.joined(separator: "\n")))]))];")
            }
        }

        /// Memberships: person → post (or the post's row in a collapsed organisation), styled by status.
        mutating func writeMemberships() {
            let namesByPerson = Dictionary(export.persons.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
            for membership in export.memberships {
                let post = postsByID[membership.post_id]?.label ?? membership.role
                let person = namesByPerson[membership.person_id] ?? membership.person_id
                let tooltip = (["\(person) — \(post) — \(membership.status)"] + Provenance.lines(membership.sources))
                    .joined(separator: "\n")
                let target = ports[membership.post_id].map {
                    "\(DOTEscape.quoted(membership.organization_id)):\(DOTEscape.quoted($0))"
                } ?? DOTEscape.quoted(membership.post_id)
                out.line("\(DOTEscape.quoted(membership.person_id)) -> \(target) [\(attributes([("id", DOTEscape.quoted(ChartID.element(membership.id))), ("style", edgeStyle(membership.status)), ("class", DOTEscape.quoted("membership \(membership.status)")), ("tooltip", DOTEscape.quoted(tooltip))]))];")
            }
        }
    }
}

/// A chart's DOT text with what it holds and how it was made readable.
public struct DOTChart: Sendable, Equatable {
    public var text: String
    /// Organisations drawn (clusters plus collapsed boxes).
    public var organizations: Int
    /// Organisations drawn as one box listing their posts (0 unless the graph is large).
    public var collapsedOrganizations: Int
    public var persons: Int
    public var memberships: Int
    /// One line per measure taken for readability, for the user (the CLI prints them on stderr).
    public var notes: [String]
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

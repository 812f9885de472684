import Foundation
import RoleGraphDocument
import RoleGraphRender

/// The three forms of a ``Timeline``: text (default), JSON (`rolegraph.timeline/1`) and a chart.
extension Timeline {
    /// ```
    /// Đinh La Thăng
    ///   2017-05-07  Bí thư, Thành ủy Thành phố Hồ Chí Minh  current  baomoi-22211163
    /// ```
    public func text() -> String {
        if persons.isEmpty { return "no dated roles\n" }
        var out = ""
        for (index, person) in persons.enumerated() {
            if index > 0 { out += "\n" }
            out += person.name + "\n"
            for entry in person.entries {
                out += "  \(entry.date)  \(entry.title), \(entry.organization)  \(entry.status.rawValue)  \(entry.document)\n"
            }
            if person.undated > 0 { out += "  (\(person.undated) undated statement\(person.undated == 1 ? "" : "s") left out)\n" }
        }
        return out
    }

    /// Sorted keys; `evidence` only where the graph kept the phrase.
    public func jsonData(pretty: Bool = true) throws -> Data {
        var data = try Document.encoder(pretty: pretty).encode(JSONForm(self))
        data.append(0x0A)
        return data
    }

    struct JSONForm: Encodable {
        var schema = Timeline.schema
        var persons: [PersonForm]
        init(_ timeline: Timeline) { persons = timeline.persons.map(PersonForm.init) }

        struct PersonForm: Encodable {
            var name: String
            var entries: [EntryForm]
            var undated: Int
            init(_ person: Person) {
                name = person.name; entries = person.entries.map(EntryForm.init); undated = person.undated
            }
        }
        struct EntryForm: Encodable {
            var date, title, organization, document: String
            var status: Document.Status
            var evidence: String?
            init(_ entry: Entry) {
                date = entry.date; title = entry.title; organization = entry.organization
                document = entry.document; status = entry.status; evidence = entry.evidence
            }
        }
    }

    /// One row per person, left to right in date order; each entry a box `date / title / organisation /
    /// status · document` outlined in its status's colour (appointed green, ended red, former grey).
    /// - Complexity: O(number of entries), plus Graphviz's layout for SVG/PNG.
    public func dot(title: String? = nil) -> String {
        var lines: [String] = []
        lines.append("digraph \(DOTEscape.quoted("rolegraph-timeline")) {")
        var graph = "fontname=\(DOTEscape.quoted(DiffPalette.font)), fontsize=12, rankdir=LR, nodesep=0.3, ranksep=0.3"
        if let title { graph += ", label=\(DOTEscape.quoted(title)), labelloc=t" }
        lines.append("  graph [\(graph)];")
        lines.append("  node [fontname=\(DOTEscape.quoted(DiffPalette.font)), fontsize=9, shape=box, style=rounded];")
        lines.append("  edge [color=\"#999999\", arrowsize=0.5];")
        for (p, person) in persons.enumerated() {
            lines.append("  subgraph cluster_\(p) {")
            lines.append("    label=\(DOTEscape.quoted(person.name)); labeljust=l; fontsize=11; color=\"#bbbbbb\";")
            var previous: String?
            for (e, entry) in person.entries.enumerated() {
                let id = "e\(p)_\(e)"
                let label = "\(entry.date)\n\(entry.title)\n\(entry.organization)\n\(entry.status.rawValue) · \(entry.document)"
                let color = DiffPalette.color(entry.status)
                lines.append("    \(id) [label=\(DOTEscape.quoted(label)), color=\(DOTEscape.quoted(color)), class=\(DOTEscape.quoted(entry.status.rawValue))];")
                if let previous { lines.append("    \(previous) -> \(id);") }
                previous = id
            }
            lines.append("  }")
        }
        if persons.isEmpty { lines.append("  none [label=\"no dated roles\", shape=plaintext];") }
        let legend = DiffPalette.legend([(DiffPalette.neutral, "current"), (DiffPalette.added, "appointed"),
                                         (DiffPalette.ended, "ended"), (DiffPalette.notObserved, "former")])
        lines.append("  legend [shape=plaintext, style=\"\", label=\(legend)];")
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The timeline rendered by Graphviz (`svg` or `png`); `dot` gives the DOT text itself.
    public func chart(format: String, title: String? = nil) throws(RenderError) -> [UInt8] {
        try Graphviz.chart(dot: dot(title: title), format: format)
    }
}

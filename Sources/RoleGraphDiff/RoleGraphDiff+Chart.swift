import RoleGraphRender

/// The diff as a chart: DOT text, or SVG/PNG rendered in-process by Graphviz.
///
/// Persons on the left, posts (`title` over `organisation`) on the right, one edge per role change
/// coloured by ``DiffPalette`` (added green, ended red, not observed grey and dashed, status changed
/// orange) and labelled with the status; persons first seen are outlined green, persons not observed
/// grey. Organisation changes sit in their own cluster. A legend explains the colours. Node ids are
/// positions in the sorted change list, so the text is byte-stable for the same diff.
extension RoleGraphDiff {
    /// - Complexity: O(number of changes), plus Graphviz's layout for SVG/PNG.
    public func dot(title: String? = nil) -> String {
        var lines: [String] = []
        let heading = title ?? "\(Self.describe(from)) → \(Self.describe(to))"
        lines.append("digraph \(DOTEscape.quoted("rolegraph-diff")) {")
        lines.append("  graph [fontname=\(DOTEscape.quoted(DiffPalette.font)), fontsize=12, rankdir=LR, nodesep=0.25, ranksep=0.9, label=\(DOTEscape.quoted(heading)), labelloc=t];")
        lines.append("  node [fontname=\(DOTEscape.quoted(DiffPalette.font)), fontsize=10, shape=box, style=rounded];")
        lines.append("  edge [fontname=\(DOTEscape.quoted(DiffPalette.font)), fontsize=9, arrowsize=0.6];")

        var personIDs: [String: String] = [:]
        var postIDs: [String: String] = [:]
        var personStyle: [String: RoleChange.Op] = [:]
        for change in changes where change.op == .personAdded || change.op == .personNotObserved {
            if let person = change.person { personStyle[person] = change.op }
        }
        var orgLines: [String] = []
        var edgeLines: [String] = []
        for change in changes {
            switch change.op {
            case .orgAdded, .orgNotObserved, .orgReparented:
                var label = change.organization ?? ""
                if change.op == .orgReparented { label += "\n\(change.previousParent ?? "") → \(change.parent ?? "")" }
                if !change.renamedFrom.isEmpty { label += "\n(renamed from \(change.renamedFrom.joined(separator: ", ")))" }
                orgLines.append("    o\(orgLines.count) [label=\(DOTEscape.quoted(label)), color=\(DOTEscape.quoted(DiffPalette.color(change.op)))\(change.op == .orgNotObserved ? ", style=\"rounded,dashed\"" : ""), class=\(DOTEscape.quoted(change.op.rawValue))];")
            case .personAdded, .personNotObserved:
                if let person = change.person, personIDs[person] == nil { personIDs[person] = "p\(personIDs.count)" }
            case .roleAdded, .roleEnded, .roleNotObserved, .roleStatusChanged:
                guard let person = change.person else { continue }
                if personIDs[person] == nil { personIDs[person] = "p\(personIDs.count)" }
                let post = "\(change.title ?? "")\n\(change.organization ?? "")"
                if postIDs[post] == nil { postIDs[post] = "r\(postIDs.count)" }
                let color = DiffPalette.color(change.op)
                var label: String
                switch change.op {
                case .roleNotObserved: label = "not observed"
                case .roleStatusChanged, .roleEnded:
                    label = (change.previousStatus.map { "\($0.rawValue) → " } ?? "") + (change.status?.rawValue ?? "")
                default: label = change.status?.rawValue ?? ""
                }
                if !change.renamedFrom.isEmpty { label += "\n(was \(change.renamedFrom.joined(separator: ", ")))" }
                var attributes = "color=\(DOTEscape.quoted(color)), fontcolor=\(DOTEscape.quoted(color)), label=\(DOTEscape.quoted(label)), class=\(DOTEscape.quoted(change.op.rawValue))"
                if change.op == .roleNotObserved { attributes += ", style=dashed" }
                if change.op == .roleAdded || change.op == .roleEnded { attributes += ", penwidth=1.6" }
                if let evidence = change.evidence { attributes += ", tooltip=\(DOTEscape.quoted(evidence.document))" }
                edgeLines.append("  \(personIDs[person]!) -> \(postIDs[post]!) [\(attributes)];")
            }
        }
        for (person, id) in personIDs.sorted(by: { $0.value.count != $1.value.count ? $0.value.count < $1.value.count : $0.value < $1.value }) {
            var attributes = "label=\(DOTEscape.quoted(person)), class=\"person\""
            if let op = personStyle[person] {
                attributes += ", color=\(DOTEscape.quoted(DiffPalette.color(op))), penwidth=1.6"
                if op == .personNotObserved { attributes += ", style=\"rounded,dashed\"" }
            }
            lines.append("  \(id) [\(attributes)];")
        }
        for (post, id) in postIDs.sorted(by: { $0.value.count != $1.value.count ? $0.value.count < $1.value.count : $0.value < $1.value }) {
            lines.append("  \(id) [label=\(DOTEscape.quoted(post)), class=\"post\"];")
        }
        lines += edgeLines
        if !orgLines.isEmpty {
            lines.append("  subgraph cluster_organizations {")
            lines.append("    label=\"Organisations\"; style=dashed; color=\"#bbbbbb\";")
            lines += orgLines
            lines.append("  }")
        }
        if changes.isEmpty { lines.append("  none [label=\"no changes\", shape=plaintext];") }
        let legend = DiffPalette.legend([(DiffPalette.added, "added"), (DiffPalette.ended, "ended"),
                                         (DiffPalette.notObserved, "not observed"), (DiffPalette.changed, "status changed")])
        lines.append("  legend [shape=plaintext, style=\"\", label=\(legend)];")
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The chart rendered by Graphviz (`svg` or `png`); `dot` gives the DOT text itself.
    public func chart(format: String, title: String? = nil) throws(RenderError) -> [UInt8] {
        try Graphviz.chart(dot: dot(title: title), format: format)
    }
}

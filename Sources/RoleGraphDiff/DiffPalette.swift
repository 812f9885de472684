import RoleGraphDocument

/// The colours of the diff and timeline charts, one per kind of change or status, so that the legend
/// and the elements cannot disagree: added green, ended red, not observed grey, status changed orange.
enum DiffPalette {
    static let added = "#2e7d32"
    static let ended = "#c62828"
    static let notObserved = "#9e9e9e"
    static let changed = "#ef6c00"
    static let neutral = "#555555"
    static let font = "DejaVu Sans"

    static func color(_ op: RoleChange.Op) -> String {
        switch op {
        case .personAdded, .roleAdded, .orgAdded: added
        case .roleEnded: ended
        case .personNotObserved, .roleNotObserved, .orgNotObserved: notObserved
        case .roleStatusChanged, .orgReparented: changed
        }
    }

    static func color(_ status: Document.Status) -> String {
        switch status {
        case .appointed: added
        case .ended: ended
        case .former: notObserved
        case .current: neutral
        }
    }

    /// An HTML-like legend table: a coloured swatch and a word per row.
    static func legend(_ rows: [(color: String, label: String)]) -> String {
        var html = "<<table border=\"0\" cellborder=\"0\" cellspacing=\"2\"><tr><td colspan=\"2\"><b>Legend</b></td></tr>"
        for row in rows {
            html += "<tr><td width=\"18\" bgcolor=\"\(row.color)\"> </td><td align=\"left\">\(row.label)</td></tr>"
        }
        return html + "</table>>"
    }
}

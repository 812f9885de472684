import RoleGraphGraph

/// Tooltip text saying where each fact of a chart comes from: document id, date and span.
///
/// A span is `start–end` in Unicode scalars of the document's input as read (the contract's offsets),
/// so `text[start:end]` in Python shows the words that stated the role. Lists are capped (`limit`)
/// with a count of the rest, because a person named in hundreds of articles must not get a tooltip
/// longer than the screen.
enum Provenance {
    /// Sources shown in full before `… and N more`.
    static let limit = 6

    /// `000_5c63e9f1b32982bc (2021-04-24) 288–330`.
    static func describe(_ source: RoleGraphExport.Source) -> String {
        let date = source.date.map { " (\($0))" } ?? ""
        return "\(source.document)\(date) \(source.start)–\(source.end)"
    }

    /// One line per source, sorted by document and span, capped at `limit`.
    /// - Complexity: O(n log n) in the number of sources.
    static func lines(_ sources: [RoleGraphExport.Source], limit: Int = Provenance.limit) -> [String] {
        let sorted = sources.sorted { ($0.document, $0.start, $0.end) < ($1.document, $1.start, $1.end) }
        var lines = sorted.prefix(limit).map(describe)
        if sorted.count > limit { lines.append("… and \(sorted.count - limit) more") }
        return lines
    }

    /// `a, b, c` (sorted, capped at `limit`, then `and N more`).
    static func documents(_ ids: [String], limit: Int = Provenance.limit) -> String {
        var shown = ids.prefix(limit).joined(separator: ", ")
        if ids.count > limit { shown += " and \(ids.count - limit) more" }
        return shown
    }
}

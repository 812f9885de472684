import Foundation
import RoleGraphDiff
import RoleGraphDocument
import RoleGraphGraph
import RoleGraphKnowledge

/// Builders for small graphs written as readable statements, and the dev articles from `../shared`.
enum Support {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let articles = root.deletingLastPathComponent().appendingPathComponent("shared/data/dev/articles")
    static var haveArticles: Bool { FileManager.default.fileExists(atPath: articles.path) }
    static let lineage = OrganizationLineage(knowledge: .bundled)

    /// One statement: `person | title | organisation | status` in `document` at `date`.
    struct Statement {
        var person, title, organization: String
        var status: Document.Status
        var document = "a"
        var date: String? = nil
    }

    static func graph(_ statements: [Statement]) -> RoleGraph {
        var graph = RoleGraph()
        for (i, s) in statements.enumerated() {
            graph.add(.init(person: s.person, title: s.title, organization: s.organization),
                      source: .init(document: s.document, date: s.date, start: i * 10, end: i * 10 + 5, status: s.status))
        }
        return graph
    }

    /// The graph of dev articles (`baomoi-22246202`), extracted with the bundled knowledge.
    static func article(_ ids: String...) throws -> RoleGraph {
        var graph = RoleGraph()
        for id in ids {
            let document = try Extractor.shared.extract(path: articles.appendingPathComponent("\(id).txt").path)
            graph.merge(RoleGraph(document: document))
        }
        return graph
    }

    /// `op | title | organization | status` of one person's changes, for comparing with a hand-written list.
    static func lines(_ diff: RoleGraphDiff, person: String) -> [String] {
        diff.changes.filter { $0.person == person }.map(line)
    }

    static func line(_ change: RoleChange) -> String {
        "\(change.op.rawValue) | \(change.title ?? "-") | \(change.organization ?? "-") | \(change.status?.rawValue ?? "-")"
    }
}

extension Support.Statement {
    init(_ person: String, _ title: String, _ organization: String, _ status: Document.Status,
         document: String = "a", date: String? = nil) {
        self.init(person: person, title: title, organization: organization, status: status, document: document, date: date)
    }
}

import RoleGraphDocument
import RoleGraphGraph
import RoleGraphText

/// Per person, the posts stated across dated documents, oldest first (`rolegraph timeline`):
/// `2017-05-10 Bí thư, Thành ủy Thành phố Hồ Chí Minh (appointed) baomoi-22229320`.
///
/// Every statement (membership source) with a date is one entry, so a post stated in five articles
/// shows five times with what each said; statements without a date cannot be placed and are only
/// counted. Persons are chosen by canonical name, exactly (``Timeline/init(graph:persons:)``).
public struct Timeline: Sendable, Equatable {
    public static let schema = "rolegraph.timeline/1"

    public struct Entry: Sendable, Equatable, Hashable {
        public var date: String
        public var title: String
        public var organization: String
        public var status: Document.Status
        public var document: String
        public var evidence: String?
    }

    public struct Person: Sendable, Equatable {
        public var name: String
        /// Sorted by date, then document, organisation, title, status.
        public var entries: [Entry]
        /// Statements of this person's roles in documents without a date.
        public var undated: Int
    }

    /// Sorted by name; persons with no dated statement are left out.
    public var persons: [Person]

    /// The timeline of every person, or only of `persons` (canonical names) when given.
    /// - Complexity: O(s log s) in the number of statements s of the chosen persons.
    public init(graph: RoleGraph, persons chosen: Set<String>? = nil) {
        var entries: [String: [Entry]] = [:]
        var undated: [String: Int] = [:]
        for (key, membership) in graph.memberships {
            if let chosen, !chosen.contains(key.person) { continue }
            for source in membership.sources {
                guard let date = source.date else { undated[key.person, default: 0] += 1; continue }
                entries[key.person, default: []].append(Entry(
                    date: date, title: key.title, organization: key.organization, status: source.status,
                    document: source.document, evidence: source.evidence))
            }
        }
        persons = entries.keys.sorted().map { name in
            let sorted = entries[name]!.sorted {
                ($0.date, $0.document, $0.organization, $0.title, $0.status.rawValue)
                    < ($1.date, $1.document, $1.organization, $1.title, $1.status.rawValue)
            }
            return Person(name: name, entries: sorted, undated: undated[name] ?? 0)
        }
    }

    public init(persons: [Person]) { self.persons = persons }

    /// Names in `graph` whose folded key equals `name`'s (`Dinh La Thang` → `Đinh La Thăng`): proposals
    /// to show a user whose name matched nothing exactly, never used as a match.
    public static func candidates(for name: String, in graph: RoleGraph) -> [String] {
        let key = VietnameseFolding.key(name)
        return graph.persons.filter { VietnameseFolding.key($0) == key }.sorted()
    }
}

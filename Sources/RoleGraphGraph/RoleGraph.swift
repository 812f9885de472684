import RoleGraphDocument

/// The Popolo-shaped role graph (`docs/output-contract.md`, schema `rolegraph.graph/1`):
/// persons, organisations with their parents, posts, and memberships with their sources.
///
/// Entities are keyed by canonical name, never by folded key (`Việt` ≠ `Viết`); the public slug ids are
/// derived when the graph is exported (``RoleGraph/export()``), so merging is a plain union of keyed
/// values and is associative and commutative: `merge(merge(a, b), c) == merge(a, merge(b, c))`.
public struct RoleGraph: Sendable, Equatable {
    /// Canonical person names.
    public internal(set) var persons: Set<String> = []
    /// Canonical organisation name → canonical parent name (`nil`: top level or unknown).
    public internal(set) var organizations: [String: String?] = [:]
    /// One membership per (person, title, organisation).
    public internal(set) var memberships: [MembershipKey: Membership] = [:]

    public init() {}

    public struct MembershipKey: Hashable, Sendable, Comparable {
        public var person: String
        public var title: String
        public var organization: String
        public init(person: String, title: String, organization: String) {
            self.person = person; self.title = title; self.organization = organization
        }
        public static func < (a: Self, b: Self) -> Bool {
            (a.person, a.organization, a.title) < (b.person, b.organization, b.title)
        }
    }

    public struct Source: Hashable, Sendable, Comparable, Codable {
        public var document: String
        public var date: String?
        public var start: Int
        public var end: Int
        public var status: Document.Status
        public static func < (a: Self, b: Self) -> Bool {
            (a.document, a.start, a.end, a.status.rawValue) < (b.document, b.start, b.end, b.status.rawValue)
        }
    }

    public struct Membership: Sendable, Equatable {
        public var sources: Set<Source>

        /// The status of the newest dated statement; on a tie, the strongest (`appointed`/`ended`),
        /// then the smallest document id, so the result never depends on merge order.
        public var status: Document.Status {
            sources.max { a, b in
                ((a.date ?? ""), a.status.strength, b.document) < ((b.date ?? ""), b.status.strength, a.document)
            }?.status ?? .current
        }
    }
}

extension RoleGraph {
    /// The graph of one document: every person, every organisation (with its parent), every role.
    public init(document: Document) {
        let orgByID = Dictionary(document.organizations.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let personByID = Dictionary(document.persons.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let mentionByID = Dictionary(document.mentions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for person in document.persons { persons.insert(person.name) }
        for org in document.organizations {
            let parent = org.parent.flatMap { orgByID[$0]?.name }
            insert(organization: org.name, parent: parent)
        }
        for role in document.roles {
            guard let person = personByID[role.person], let org = orgByID[role.organization]?.name else { continue }
            let spans = role.mentions.compactMap { mentionByID[$0] }
            let start = spans.map(\.start).min() ?? 0
            let end = spans.map(\.end).max() ?? 0
            let source = Source(document: document.id, date: document.date, start: start, end: end, status: role.status)
            let key = MembershipKey(person: person, title: role.title, organization: org)
            memberships[key, default: Membership(sources: [])].sources.insert(source)
        }
    }

    /// Adds an organisation; a known parent is never replaced by `nil`, and of two different parents
    /// the smaller name wins, which keeps merging order-independent.
    mutating func insert(organization name: String, parent: String?) {
        switch organizations[name] {
        case .none:
            organizations[name] = .some(parent)
        case .some(let existing):
            if let parent, existing == nil || parent < existing! {
                organizations[name] = .some(parent)
            }
        }
    }

    /// The union of two graphs. - Complexity: O(size of `other`).
    public mutating func merge(_ other: RoleGraph) {
        persons.formUnion(other.persons)
        for (name, parent) in other.organizations { insert(organization: name, parent: parent) }
        for (key, membership) in other.memberships {
            memberships[key, default: Membership(sources: [])].sources.formUnion(membership.sources)
        }
    }

    public func merging(_ other: RoleGraph) -> RoleGraph {
        var copy = self
        copy.merge(other)
        return copy
    }

    public static func merged<S: Sequence>(_ graphs: S) -> RoleGraph where S.Element == RoleGraph {
        graphs.reduce(into: RoleGraph()) { $0.merge($1) }
    }

    /// Every document id that contributed a membership, sorted.
    public var documents: [String] {
        Array(Set(memberships.values.flatMap { $0.sources.map(\.document) })).sorted()
    }
}

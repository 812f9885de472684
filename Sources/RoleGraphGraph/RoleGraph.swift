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

    /// One statement of a role: where it was read and what it said.
    public struct Source: Hashable, Sendable, Comparable, Codable {
        public var document: String
        public var date: String?
        public var start: Int
        public var end: Int
        public var status: Document.Status
        /// The phrase of the document that states the role (`Phó ban Kinh tế Trung ương`), so that a diff or a
        /// timeline can quote its evidence without the document. Costs one short string per statement;
        /// `nil` for graphs written before the key existed.
        public var evidence: String?
        public init(document: String, date: String?, start: Int, end: Int, status: Document.Status, evidence: String? = nil) {
            self.document = document; self.date = date; self.start = start; self.end = end
            self.status = status; self.evidence = evidence
        }
        public static func < (a: Self, b: Self) -> Bool {
            (a.document, a.start, a.end, a.status.rawValue) < (b.document, b.start, b.end, b.status.rawValue)
        }
    }

    public struct Membership: Sendable, Equatable {
        public var sources: Set<Source>

        /// The status of the newest dated statement; on a tie, the strongest (`appointed`/`ended`),
        /// then the smallest document id, so the result never depends on merge order.
        public var status: Document.Status { newestSource?.status ?? .current }

        /// The statement that decides ``status``: the newest dated one; on a tie the strongest, then the
        /// smallest document id, then the earliest span. Its document and span are the evidence of a change.
        /// - Complexity: O(number of sources).
        public var newestSource: Source? {
            sources.max { a, b in
                ((a.date ?? ""), a.status.strength, b.document, b.start, b.end)
                    < ((b.date ?? ""), b.status.strength, a.document, a.start, a.end)
            }
        }

        public init(sources: Set<Source>) { self.sources = sources }
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
            let source = Source(document: document.id, date: document.date, start: start, end: end, status: role.status,
                                evidence: role.evidence.isEmpty ? nil : role.evidence)
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

    /// Adds a person (canonical name); a person already there is kept. - Complexity: O(1).
    public mutating func add(person name: String) { persons.insert(name) }

    /// Adds an organisation and its parent, with the same order-independent rule as merging.
    public mutating func add(organization name: String, parent: String? = nil) { insert(organization: name, parent: parent) }

    /// Adds one statement of a role, with its person and organisation: what a builder of synthetic or
    /// imported graphs needs without going through a ``Document``. - Complexity: O(1) amortised.
    public mutating func add(_ key: MembershipKey, source: Source) {
        persons.insert(key.person)
        if organizations[key.organization] == nil { organizations[key.organization] = .some(nil) }
        memberships[key, default: Membership(sources: [])].sources.insert(source)
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

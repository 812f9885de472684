import RoleGraphDocument
import RoleGraphGraph

/// One change between two role graphs (`docs/output-contract.md`, `rolegraph diff`).
///
/// A flat value with optional fields rather than an enum with payloads: it maps one-to-one onto the
/// contract's JSON object, sorts with one key, and the text and chart writers switch on ``op``.
public struct RoleChange: Sendable, Equatable, Hashable {
    /// The contract's `op` values. The raw values are the JSON strings.
    public enum Op: String, Sendable, CaseIterable, Comparable {
        case personAdded = "person_added"
        case personNotObserved = "person_not_observed"
        case roleAdded = "role_added"
        case roleEnded = "role_ended"
        case roleNotObserved = "role_not_observed"
        case roleStatusChanged = "role_status_changed"
        case orgAdded = "org_added"
        case orgNotObserved = "org_not_observed"
        case orgReparented = "org_reparented"

        public static func < (a: Op, b: Op) -> Bool { a.rawValue < b.rawValue }
    }

    /// Where a statement was read: the source that decides the membership's status.
    public struct Evidence: Sendable, Equatable, Hashable {
        public var document: String
        public var date: String?
        public var start: Int
        public var end: Int
        public var status: Document.Status
        /// The phrase that states the role, when the graph kept it.
        public var text: String?

        public init(_ source: RoleGraph.Source) {
            document = source.document; date = source.date; start = source.start; end = source.end
            status = source.status; text = source.evidence
        }
    }

    public var op: Op
    public var person: String?
    public var title: String?
    public var organization: String?
    /// NEW's status of the role (`role_added`, `role_ended`, `role_status_changed`).
    public var status: Document.Status?
    /// OLD's status of the role (`role_ended`, `role_not_observed`, `role_status_changed`).
    public var previousStatus: Document.Status?
    /// NEW's statement for added, ended and changed roles; OLD's last statement for a role not observed.
    public var evidence: Evidence?
    /// `org_reparented`: the parents in OLD and NEW.
    public var parent: String?
    public var previousParent: String?
    /// The organisation of OLD that this one replaced by a rename or merger (knowledge base): for a role
    /// matched across the rename, and for an `org_added` that is a successor.
    public var renamedFrom: [String] = []
    /// Names on the other side whose folded key is the same (`Việt`/`Viết`): proposed, never matched.
    public var candidates: [String] = []

    public init(op: Op, person: String? = nil, title: String? = nil, organization: String? = nil,
                status: Document.Status? = nil, previousStatus: Document.Status? = nil, evidence: Evidence? = nil) {
        self.op = op; self.person = person; self.title = title; self.organization = organization
        self.status = status; self.previousStatus = previousStatus; self.evidence = evidence
    }

    /// The contract's order: person, organisation, title, op (absent fields first).
    public static func inContractOrder(_ a: RoleChange, _ b: RoleChange) -> Bool {
        let ka = (a.person ?? "", a.organization ?? "", a.title ?? "", a.op.rawValue)
        let kb = (b.person ?? "", b.organization ?? "", b.title ?? "", b.op.rawValue)
        return ka < kb
    }
}

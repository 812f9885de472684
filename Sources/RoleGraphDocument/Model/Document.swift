/// The extraction result for one article: the JSON object of `rolegraph extract`
/// (`docs/output-contract.md`, schema `rolegraph.document/1`).
///
/// A value type built once by ``Extractor`` and never mutated afterwards; ids (`m1`, `p1`, `o1`, `l1`)
/// are assigned in order of first appearance, so two runs over the same text give byte-equal JSON.
public struct Document: Codable, Sendable, Equatable {
    public static let schemaVersion = "rolegraph.document/1"

    public var schema: String = Document.schemaVersion
    public var id: String
    public var source: String?
    /// ISO date, year-month or year when the text or the input record states one.
    public var date: String?
    public var mentions: [Mention]
    public var persons: [Person]
    public var organizations: [Organization]
    public var locations: [Location]
    public var roles: [Role]

    public init(id: String, source: String?, date: String?, mentions: [Mention], persons: [Person],
                organizations: [Organization], locations: [Location], roles: [Role]) {
        self.id = id
        self.source = source
        self.date = date
        self.mentions = mentions
        self.persons = persons
        self.organizations = organizations
        self.locations = locations
        self.roles = roles
    }

    // `date` and `source` are written as JSON null when absent: the contract lists both keys.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(schema, forKey: .schema)
        try c.encode(id, forKey: .id)
        try c.encode(source, forKey: .source)
        try c.encode(date, forKey: .date)
        try c.encode(mentions, forKey: .mentions)
        try c.encode(persons, forKey: .persons)
        try c.encode(organizations, forKey: .organizations)
        try c.encode(locations, forKey: .locations)
        try c.encode(roles, forKey: .roles)
    }

    /// One span of the input. `start`/`end` count Unicode scalars into the input as read,
    /// `utf8Start`/`utf8End` count its bytes; both are end-exclusive.
    public struct Mention: Codable, Sendable, Equatable {
        public enum Kind: String, Codable, Sendable, Comparable {
            case person, organization, title, location
            public static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }
        }
        public var id: String
        public var type: Kind
        public var start: Int
        public var end: Int
        public var utf8Start: Int
        public var utf8End: Int
        /// The text of the span as read (not normalised).
        public var text: String
        /// The entity (`p…`, `o…`, `l…`) this mention refers to; `nil` for titles.
        public var entity: String?
        /// Which rule made the mention, e.g. `gazetteer:organization` or `pattern:person-surname`.
        public var rule: String

        public init(id: String, type: Kind, start: Int, end: Int, utf8Start: Int, utf8End: Int,
                    text: String, entity: String?, rule: String) {
            self.id = id; self.type = type; self.start = start; self.end = end
            self.utf8Start = utf8Start; self.utf8End = utf8End
            self.text = text; self.entity = entity; self.rule = rule
        }
    }

    public struct Person: Codable, Sendable, Equatable {
        public var id: String
        public var name: String
        public var mentions: [String]
        public init(id: String, name: String, mentions: [String]) {
            self.id = id; self.name = name; self.mentions = mentions
        }
    }

    public struct Organization: Codable, Sendable, Equatable {
        public var id: String
        /// Canonical: NFC, new-style tones, abbreviations expanded, relative bodies with their parent.
        public var name: String
        /// Other surface forms of this organisation in the article, normalised.
        public var aliases: [String]
        /// The id of the organisation this one is part of (`Ban Tổ chức Tỉnh ủy Nghệ An` → `Tỉnh ủy Nghệ An`).
        public var parent: String?
        public var mentions: [String]
        public init(id: String, name: String, aliases: [String], parent: String?, mentions: [String]) {
            self.id = id; self.name = name; self.aliases = aliases; self.parent = parent; self.mentions = mentions
        }
        // `parent` is written as JSON null when absent, as the contract shows.
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(name, forKey: .name)
            try c.encode(aliases, forKey: .aliases)
            try c.encode(parent, forKey: .parent)
            try c.encode(mentions, forKey: .mentions)
        }
    }

    public struct Location: Codable, Sendable, Equatable {
        public var id: String
        public var name: String
        public var mentions: [String]
        public init(id: String, name: String, mentions: [String]) {
            self.id = id; self.name = name; self.mentions = mentions
        }
    }

    /// What the article says of a role at its own date (`annotation-guide.md`, Roles).
    public enum Status: String, Codable, Sendable, CaseIterable {
        case current, appointed, ended, former

        /// `appointed` and `ended` are statements about this article's event and win over
        /// `current` and `former` when one role is stated several times.
        public var strength: Int {
            switch self {
            case .current: 0
            case .former: 1
            case .ended: 2
            case .appointed: 3
            }
        }
    }

    public struct Role: Codable, Sendable, Equatable {
        public var person: String        // person id
        public var title: String         // canonical title
        public var organization: String  // organisation id
        public var status: Status
        public var mentions: [String]
        public var evidence: String
        /// The rules that stated the role (`role:apposition`, `role:biography`, …), sorted.
        public var rules: [String]
        public init(person: String, title: String, organization: String, status: Status,
                    mentions: [String], evidence: String, rules: [String] = []) {
            self.person = person; self.title = title; self.organization = organization
            self.status = status; self.mentions = mentions; self.evidence = evidence; self.rules = rules
        }
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            person = try c.decode(String.self, forKey: .person)
            title = try c.decode(String.self, forKey: .title)
            organization = try c.decode(String.self, forKey: .organization)
            status = try c.decode(Status.self, forKey: .status)
            mentions = try c.decodeIfPresent([String].self, forKey: .mentions) ?? []
            evidence = try c.decodeIfPresent(String.self, forKey: .evidence) ?? ""
            rules = try c.decodeIfPresent([String].self, forKey: .rules) ?? []
        }
    }
}

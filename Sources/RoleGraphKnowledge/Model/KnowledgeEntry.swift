/// One line of a knowledge file: an organisation, a title, a place, a surname, a cue word…
///
/// Knowledge files are TSV with the columns `id`, `type`, `name`, `variants` (` | `-separated) and
/// `attributes` (`key=value` pairs separated by `; `); `Resources/knowledge/README.md` documents them.
public struct KnowledgeEntry: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case organization, location, surname, person, title
        /// `đồng chí`, `ông`, `bà`, `GS.TS`: words before a name that are not part of it.
        case honorific
        /// First words of organisation names built by shape: `Ban`, `Bộ`, `Sở`, `Tỉnh ủy` + name.
        case organizationHead = "organization-head"
        /// Bodies named relative to another: `Ban Thường vụ`, `Ban Tổ chức`, `Văn phòng`.
        case relativeBody = "relative-body"
        /// Words that state a role's status: `nguyên` (former), `bổ nhiệm` (appointed).
        case statusCue = "status-cue"
        /// Lower-case words that end a name (`phát biểu`, `tổ chức`, `tại`).
        case stopWord = "stop-word"
        /// Heads of events and documents, which are not organisations (`Hội nghị`, `Quyết định`).
        case eventHead = "event-head"
        /// Words before a colon and a credited name: `Ảnh: Phạm Bằng`, `Bài và ảnh: …`.
        case byline
        /// A term of the Party or the National Assembly (`XII` with `body=party; from=2016; to=2021`).
        case term
        /// Lower-case words that may go on inside an organisation name built by shape (`quan hệ quốc tế`).
        case nameWord = "name-word"
        /// Expansions for canonical names: `TW` → `Trung ương`, `UBND` → `Ủy ban nhân dân`.
        case abbreviation
        /// Closed-class words the parsers read by what they do (`và` joins name parts, `sáng` is a time
        /// of day, `khóa` heads a term): attribute `role`, see ``FunctionWordRoles``.
        case functionWord = "function-word"
    }

    public var id: String
    public var kind: Kind
    public var name: String
    public var variants: [String]
    public var attributes: [String: String]
    /// Where the entry was read, for error messages and provenance.
    public var file: String
    public var line: Int

    public init(id: String, kind: Kind, name: String, variants: [String] = [], attributes: [String: String] = [:],
                file: String = "", line: Int = 0) {
        self.id = id; self.kind = kind; self.name = name; self.variants = variants
        self.attributes = attributes; self.file = file; self.line = line
    }

    /// The name and every variant: the surface forms the matcher looks for.
    public var surfaces: [String] { [name] + variants }

    /// Matching priority: higher wins between matches of equal length (attribute `priority`, default 0).
    public var priority: Int { attributes["priority"].flatMap(Int.init) ?? 0 }

    /// Validity interval as ISO date prefixes; `nil` = open.
    public var validFrom: String? { attributes["from"] }
    public var validTo: String? { attributes["to"] }

    /// Whether the entry is valid at an ISO date, year-month or year (compared on the common prefix).
    /// With no date, every entry is valid: the current name wins by priority and the others stay aliases.
    public func isValid(at date: String?) -> Bool {
        guard let date else { return true }
        if let from = validFrom, date.prefix(from.count) < from.prefix(date.count) { return false }
        if let to = validTo, date.prefix(to.count) > to.prefix(date.count) { return false }
        return true
    }
}

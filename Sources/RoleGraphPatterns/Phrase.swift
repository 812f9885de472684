/// A span of tokens that the patterns recognised: a person, an organisation, a title or a place.
///
/// Phrases are the patterns' output and the document resolver's input. They hold token ranges, not
/// text offsets; the resolver maps them back to the input as read.
public struct Phrase: Sendable, Equatable {
    public enum Kind: String, Sendable { case person, organization, title, location }

    public var kind: Kind
    public var tokens: Range<Int>
    /// The rule that made the phrase (`gazetteer:organization`, `shape:organization-head`, …).
    public var rule: String
    /// Canonical form as far as the phrase alone can tell (abbreviations expanded, KB names used).
    public var name: String
    /// Organisations: the phrase of the organisation this one is part of, when the text names it
    /// right after (`Ban Tổ chức` + `Tỉnh ủy Nghệ An`).
    public var parent: Int?
    /// Organisations: a body named relative to another whose parent must come from context
    /// (`Ban Thường vụ` alone); the value says which kind of parent (`committee`, `party`, `organization`).
    public var relativeTo: String? {
        get { details?.relativeTo }
        set { changeDetails(to: newValue) { $0.relativeTo = newValue } }
    }
    /// Organisations: the name of the relative body before its parent is attached.
    public var relativeName: String? {
        get { details?.relativeName }
        set { changeDetails(to: newValue) { $0.relativeName = newValue } }
    }
    /// Organisations from the knowledge base, with their entry id.
    public var knowledgeID: String? {
        get { details?.knowledgeID }
        set { changeDetails(to: newValue) { $0.knowledgeID = newValue } }
    }
    /// Organisations from the knowledge base: the phrase's own text when it has no abbreviation
    /// (`Tập đoàn Dầu khí Quốc gia Việt Nam` where the entry's name is `Tập đoàn Dầu khí Việt Nam`).
    public var surface: String? {
        get { details?.surface }
        set { changeDetails(to: newValue) { $0.surface = newValue } }
    }
    /// Organisations named without what makes them unique (`HĐND tỉnh`, `Tỉnh ủy`): when the article
    /// has no fuller name to join them to, they keep their text as written.
    public var isIncomplete: Bool = false
    /// Organisations the text names only by coordination (`Tỉnh ủy Điện Biên, Yên Bái` names `Tỉnh ủy Yên Bái`
    /// through the place alone): an entity with no span of its own when another phrase covers its tokens.
    public var isImplicit: Bool = false
    /// Persons: `ông Thăng`, a back-reference to a full name elsewhere in the article.
    public var isShortReference: Bool = false
    /// The four optional texts only some organisations have, in one shared box (nil: all four nil). The
    /// parsers copy phrases many times while they try alternatives, and a copy retains each string it
    /// holds: boxed, a copy retains three references instead of six.
    private var details: Details?

    public init(kind: Kind, tokens: Range<Int>, rule: String, name: String) {
        self.kind = kind; self.tokens = tokens; self.rule = rule; self.name = name
    }

    public static func == (a: Phrase, b: Phrase) -> Bool {
        a.kind == b.kind && a.tokens == b.tokens && a.rule == b.rule && a.name == b.name && a.parent == b.parent
            && a.relativeTo == b.relativeTo && a.relativeName == b.relativeName && a.knowledgeID == b.knowledgeID
            && a.surface == b.surface && a.isIncomplete == b.isIncomplete && a.isImplicit == b.isImplicit
            && a.isShortReference == b.isShortReference
    }

    /// Copy on write: a box is changed only while this phrase alone holds it. A nil set on a phrase
    /// without a box makes none.
    private mutating func changeDetails(to value: String?, _ change: (Details) -> Void) {
        if details == nil {
            guard value != nil else { return }
            details = Details()
        } else if !isKnownUniquelyReferenced(&details) {
            details = Details(details!)
        }
        change(details!)
    }

    /// Never changed once two phrases share it (``changeDetails(to:_:)``), hence sendable.
    private final class Details: @unchecked Sendable {
        var relativeTo: String?
        var relativeName: String?
        var knowledgeID: String?
        var surface: String?

        init() {}

        init(_ other: Details) {
            relativeTo = other.relativeTo; relativeName = other.relativeName
            knowledgeID = other.knowledgeID; surface = other.surface
        }
    }
}

/// A title with the organisation it names, found by ``PositionParser``.
public struct Position: Sendable, Equatable {
    public enum Organization: Sendable, Equatable {
        /// An organisation phrase in the text.
        case phrase(Int)
        /// An organisation that the title implies (`Thủ tướng` → `Chính phủ`).
        case implied(String)
        /// None named: may borrow one from a neighbouring position (`Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ`).
        case none
    }
    /// Index of the title phrase.
    public var title: Int
    public var organization: Organization
    /// Further organisations the title names (`Bí thư Trung ương Đảng` also names the Central Committee).
    public var alsoNames: [String]
    /// All tokens of the position: title and organisation.
    public var tokens: Range<Int>
    /// The head word the title shares with its organisation (`ban` for `Phó Trưởng ban`), from `titles.tsv`.
    public var head: String? = nil
    /// Terms that qualify the position (`khóa X, XI, XII` → `["X", "XI", "XII"]`).
    public var terms: [String] = []
}

/// One role the text states: a person, a position, a status, and the evidence.
public struct RoleStatement: Sendable, Equatable {
    public enum Status: String, Sendable { case current, appointed, ended, former }
    public var person: Int
    public var position: Int
    public var status: Status
    public var rule: String
}

/// Everything the patterns found in one document.
public struct PatternResult: Sendable {
    public var phrases: [Phrase] = []
    public var positions: [Position] = []
    public var roles: [RoleStatement] = []
}

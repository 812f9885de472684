import RoleGraphDocument
import RoleGraphGraph
import Testing

/// `--person`, `--organization`, `--depth`: names matched to canonical names, neighbourhoods.
@Suite struct SelectionTests {
    /// The seed plus a synthetic person whose name folds like Huỳnh Tấn Việt's (`Viết`).
    static let graph: RoleGraph = {
        let viet = Document(
            id: "synthetic_viet", source: nil, date: nil, mentions: [],
            persons: [.init(id: "p1", name: "Huỳnh Tấn Viết", mentions: [])],
            organizations: [.init(id: "o1", name: "Ban Kinh tế Trung ương", aliases: [], parent: nil, mentions: [])],
            locations: [],
            roles: [.init(person: "p1", title: "Ủy viên", organization: "o1", status: .current, mentions: [], evidence: "")])
        return RoleGraph.merged([Fixtures.seed, Fixtures.nested, viet].map(RoleGraph.init(document:)))
    }()

    @Test(arguments: [
        ("Phạm Minh Chính", "Phạm Minh Chính", RoleGraph.NameMatch.Kind.exact),
        ("  Phạm   Minh Chính ", "Phạm Minh Chính", .exact),
        ("Pha\u{0323}m Minh Chi\u{0301}nh", "Phạm Minh Chính", .exact),        // NFD input
        ("phạm minh chính", "Phạm Minh Chính", .caseInsensitive),
        ("PHAM MINH CHINH", "Phạm Minh Chính", .withoutDiacritics),
        ("Huỳnh Tấn Việt", "Huỳnh Tấn Việt", .exact),
        ("Huỳnh Tấn Viết", "Huỳnh Tấn Viết", .exact),
    ])
    func personNames(query: String, name: String, kind: RoleGraph.NameMatch.Kind) throws {
        #expect(try Self.graph.lookup(query, kind: .person) == .init(name: name, kind: kind))
    }

    @Test(arguments: [
        ("ban to chuc tinh uy nghe an", "Ban Tổ chức Tỉnh ủy Nghệ An"),
        ("Ban Tổ chức Tỉnh uỷ Nghệ An", "Ban Tổ chức Tỉnh ủy Nghệ An"),  // old-style tone mark
        ("Bộ Chính trị", "Bộ Chính trị"),
    ])
    func organizationNames(query: String, name: String) throws {
        #expect(try Self.graph.lookup(query, kind: .organization).name == name)
    }

    @Test(arguments: [
        // Without diacritics, two names fold alike: ambiguous, both proposed.
        ("Huynh Tan Viet", RoleGraph.NameLookupError.Reason.ambiguous, ["Huỳnh Tấn Viết", "Huỳnh Tấn Việt"]),
        // With other diacritics: never taken for the folded match, only proposed.
        ("Huỳnh Tấn Viêt", .absent, ["Huỳnh Tấn Viết", "Huỳnh Tấn Việt"]),
        // Part of a name: the names containing it are proposed.
        ("Nguyễn", .absent, ["Nguyễn Hữu Nghĩa", "Nguyễn Mạnh Cường", "Nguyễn Văn A"]),
        ("Trần Quốc Vượng", .absent, []),
    ])
    func unmatchedNamesListCandidates(query: String, reason: RoleGraph.NameLookupError.Reason, candidates: [String]) {
        #expect(throws: RoleGraph.NameLookupError(kind: .person, query: query, reason: reason, candidates: candidates)) {
            try Self.graph.lookup(query, kind: .person)
        }
    }

    @Test func errorMessageListsTheCandidates() {
        let error = RoleGraph.NameLookupError(kind: .person, query: "Huynh Tan Viet", reason: .ambiguous,
                                              candidates: ["Huỳnh Tấn Viết", "Huỳnh Tấn Việt"])
        #expect(error.description == "\"Huynh Tan Viet\" could be several persons; give one of:\n  Huỳnh Tấn Viết\n  Huỳnh Tấn Việt")
    }

    @Test func personAtDepthOneKeepsOnlyTheirPosts() {
        let part = Self.graph.neighbourhood(persons: ["Huỳnh Tấn Việt"], organizations: [], depth: 1)
        #expect(part.persons == ["Huỳnh Tấn Việt"])
        #expect(part.memberships.keys.map(\.title).sorted() == ["Bí thư", "Ủy viên"])
        #expect(Set(part.organizations.keys) == ["Ban Chấp hành Trung ương Đảng", "Đảng ủy Khối các cơ quan Trung ương"])
    }

    @Test func personAtDepthTwoAddsTheOthersInTheirOrganisations() {
        let part = Self.graph.neighbourhood(persons: ["Huỳnh Tấn Việt"], organizations: [], depth: 2)
        // Nguyễn Hữu Nghĩa and Nguyễn Mạnh Cường are also Ủy viên of the Central Committee; only that
        // membership of theirs is kept (their Ban is two steps further).
        #expect(part.persons == ["Huỳnh Tấn Việt", "Nguyễn Hữu Nghĩa", "Nguyễn Mạnh Cường"])
        #expect(part.memberships.count == 4)
        let three = Self.graph.neighbourhood(persons: ["Huỳnh Tấn Việt"], organizations: [], depth: 3)
        #expect(three.memberships.keys.contains { $0.organization == "Ban Kinh tế Trung ương" && $0.person == "Huỳnh Tấn Viết" } == false)
        #expect(three.memberships.keys.contains { $0.organization == "Ban Kinh tế Trung ương" && $0.person == "Nguyễn Hữu Nghĩa" })
    }

    @Test func organisationIncludesItsUnitsAndKeepsItsParents() {
        let part = Self.graph.neighbourhood(persons: [], organizations: ["Tỉnh ủy Nghệ An"], depth: 1)
        #expect(part.persons == ["Lê Văn C", "Nguyễn Văn A", "Trần Thị B"])
        #expect(part.memberships.count == 4)
        let unit = Self.graph.neighbourhood(persons: [], organizations: ["Ban Tổ chức Tỉnh ủy Nghệ An"], depth: 1)
        #expect(unit.persons == ["Nguyễn Văn A", "Trần Thị B"])
        #expect(unit.memberships.count == 2)
        // The parent stays, for nesting, without its own posts.
        #expect(unit.organizations["Ban Tổ chức Tỉnh ủy Nghệ An"] == .some("Tỉnh ủy Nghệ An"))
        #expect(unit.organizations["Tỉnh ủy Nghệ An"] != nil)
    }

    @Test func unknownNamesSelectNothing() {
        let part = Self.graph.neighbourhood(persons: ["Không Có Ai"], organizations: ["Ban Không Có"], depth: 3)
        #expect(part == RoleGraph())
    }
}

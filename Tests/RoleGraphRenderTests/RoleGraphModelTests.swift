import RoleGraphDocument
import RoleGraphGraph
import Testing

/// The properties of the model the charts rely on: associative merging and stable slug ids.
@Suite struct RoleGraphModelTests {
    static let a = RoleGraph(document: Fixtures.seed)
    static let b = RoleGraph(document: Fixtures.nested)
    static let c = RoleGraph(document: Fixtures.later)

    @Test func mergeIsAssociative() {
        let left = Self.a.merging(Self.b).merging(Self.c)
        let right = Self.a.merging(Self.b.merging(Self.c))
        #expect(left == right)
        #expect(left.export() == right.export())
    }

    @Test func mergeIsCommutativeAndIdempotent() {
        #expect(Self.a.merging(Self.c) == Self.c.merging(Self.a))
        #expect(Self.a.merging(Self.a) == Self.a)
    }

    @Test func laterDatedStatementDecidesTheStatus() throws {
        let merged = Self.a.merging(Self.c).export()
        let membership = try #require(merged.memberships.first {
            $0.person_id == "person:huynh-tan-viet" && $0.role == "Bí thư"
        })
        #expect(membership.status == "former")
        #expect(membership.sources.map(\.document) == ["000_5c63e9f1b32982bc", "synthetic_later"])
        let org = try #require(merged.organizations.first { $0.id == "org:dang-uy-khoi-cac-co-quan-trung-uong" })
        #expect(org.parent_id == "org:ban-chap-hanh-trung-uong-dang")
    }

    @Test func exportIDsAreStableSlugs() throws {
        let export = Self.a.export()
        #expect(export.persons.map(\.id) == [
            "person:huynh-tan-viet", "person:nguyen-huu-nghia", "person:nguyen-manh-cuong", "person:pham-minh-chinh",
        ])
        #expect(export.organizations.contains { $0.id == "org:dang-uy-khoi-cac-co-quan-trung-uong" })
        #expect(export.organizations.contains {
            $0.id == "org:ban-to-chuc-tinh-uy-nghe-an" && $0.parent_id == "org:tinh-uy-nghe-an"
        })
        #expect(export.posts.contains { $0.id == "post:pho-truong-ban@ban-kinh-te-trung-uong" && $0.role == "Phó Trưởng ban" })
        let viet = try #require(export.memberships.first { $0.post_id == "post:bi-thu@dang-uy-khoi-cac-co-quan-trung-uong" })
        #expect(viet.person_id == "person:huynh-tan-viet")
        #expect(viet.sources.first?.start == 288)
        // The same person in another article gets the same id.
        #expect(Self.c.export().persons.map(\.id) == ["person:huynh-tan-viet"])
    }
}

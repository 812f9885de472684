import RoleGraphText

/// The JSON form of a ``RoleGraph`` with stable slug ids (`person:huynh-tan-viet`).
///
/// Slugs come from folded names; two different names that fold alike (`Việt`, `Viết`) both get a short
/// hash of their exact name appended, so they never share an id.
public struct RoleGraphExport: Codable, Sendable, Equatable {
    public var schema = "rolegraph.graph/1"
    public var persons: [Person]
    public var organizations: [Organization]
    public var posts: [Post]
    public var memberships: [Membership]

    public struct Person: Codable, Sendable, Equatable { public var id, name: String }
    public struct Organization: Codable, Sendable, Equatable {
        public var id, name: String
        public var parent_id: String?
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(name, forKey: .name)
            try c.encode(parent_id, forKey: .parent_id)
        }
    }
    public struct Post: Codable, Sendable, Equatable { public var id, label, role, organization_id: String }
    public struct Source: Codable, Sendable, Equatable {
        public var document: String
        public var date: String?
        public var start, end: Int
        public var status: String
        /// The phrase that states the role; absent in graphs written before it was kept.
        public var evidence: String?
    }
    public struct Membership: Codable, Sendable, Equatable {
        public var id, person_id, organization_id, post_id, role, status: String
        public var sources: [Source]
    }
}

extension RoleGraph {
    /// Slug ids for a set of names: `prefix:folded-name`, disambiguated where two names fold alike.
    static func slugIDs(_ names: some Sequence<String>, prefix: String) -> [String: String] {
        let byslug = Dictionary(grouping: Set(names), by: { Slug.make($0) })
        var ids: [String: String] = [:]
        for (slug, group) in byslug {
            for name in group {
                ids[name] = group.count == 1 ? "\(prefix):\(slug)" : "\(prefix):\(slug)-\(Slug.hash(name))"
            }
        }
        return ids
    }

    /// The graph with ids, every list sorted by id.
    public func export() -> RoleGraphExport {
        var orgNames = Set(organizations.keys)
        for key in memberships.keys { orgNames.insert(key.organization) }
        for case let parent? in organizations.values { orgNames.insert(parent) }
        let orgIDs = Self.slugIDs(orgNames, prefix: "org")
        let allPersons = persons.union(memberships.keys.map(\.person))
        let personIDsAll = Self.slugIDs(allPersons, prefix: "person")

        var posts: [String: RoleGraphExport.Post] = [:]
        var exportedMemberships: [RoleGraphExport.Membership] = []
        for (key, membership) in memberships {
            let orgID = orgIDs[key.organization]!
            let postID = "post:\(Slug.make(key.title))@\(orgID.dropFirst(4))"
            posts[postID] = .init(id: postID, label: "\(key.title) \(key.organization)", role: key.title,
                                  organization_id: orgID)
            let personID = personIDsAll[key.person]!
            exportedMemberships.append(.init(
                id: "membership:\(personID.dropFirst(7))@\(postID.dropFirst(5))",
                person_id: personID, organization_id: orgID, post_id: postID, role: key.title,
                status: membership.status.rawValue,
                sources: membership.sources.sorted().map {
                    .init(document: $0.document, date: $0.date, start: $0.start, end: $0.end, status: $0.status.rawValue,
                          evidence: $0.evidence)
                }))
        }
        return RoleGraphExport(
            persons: allPersons.map { .init(id: personIDsAll[$0]!, name: $0) }.sorted { $0.id < $1.id },
            organizations: orgNames.map { name in
                .init(id: orgIDs[name]!, name: name, parent_id: (organizations[name] ?? nil).flatMap { orgIDs[$0] })
            }.sorted { $0.id < $1.id },
            posts: posts.values.sorted { $0.id < $1.id },
            memberships: exportedMemberships.sorted { $0.id < $1.id })
    }
}

/// URL-safe ASCII slugs of Vietnamese names.
enum Slug {
    /// `Huỳnh Tấn Việt` → `huynh-tan-viet`.
    static func make(_ name: String) -> String {
        var out = ""
        var dash = false
        for scalar in VietnameseFolding.key(name).unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if dash, !out.isEmpty { out.append("-") }
                dash = false
                out.unicodeScalars.append(scalar)
            } else {
                dash = true
            }
        }
        return out.isEmpty ? "x" : out
    }

    /// Six hex digits of the FNV-1a hash of the exact name's UTF-8: stable across runs and machines.
    static func hash(_ name: String) -> String {
        var h: UInt32 = 2_166_136_261
        for byte in name.utf8 { h = (h ^ UInt32(byte)) &* 16_777_619 }
        let hex = String(h, radix: 16)
        let padded = String(repeating: "0", count: max(0, 8 - hex.count)) + hex
        return String(padded.prefix(6))
    }
}

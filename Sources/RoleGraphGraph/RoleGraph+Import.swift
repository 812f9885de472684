import Foundation
import RoleGraphDocument

extension RoleGraph {
    /// The graph read back from its JSON form (schema `rolegraph.graph/1`), so that a graph written by
    /// `rolegraph graph --format json` can be merged with, or diffed against, others. Ids are dropped and
    /// recomputed on export; a membership whose person, organisation or status cannot be resolved is an
    /// error rather than silently lost.
    public init(export: RoleGraphExport) throws {
        let personNames = Dictionary(export.persons.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let orgNames = Dictionary(export.organizations.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        for person in export.persons { persons.insert(person.name) }
        for org in export.organizations {
            insert(organization: org.name, parent: org.parent_id.flatMap { orgNames[$0] })
        }
        for membership in export.memberships {
            guard let person = personNames[membership.person_id] else {
                throw ImportError(message: "membership \(membership.id): unknown person \(membership.person_id)")
            }
            guard let org = orgNames[membership.organization_id] else {
                throw ImportError(message: "membership \(membership.id): unknown organization \(membership.organization_id)")
            }
            let key = MembershipKey(person: person, title: membership.role, organization: org)
            for source in membership.sources {
                guard let status = Document.Status(rawValue: source.status) else {
                    throw ImportError(message: "membership \(membership.id): unknown status \(source.status)")
                }
                memberships[key, default: Membership(sources: [])].sources.insert(
                    Source(document: source.document, date: source.date, start: source.start, end: source.end, status: status,
                           evidence: source.evidence))
            }
        }
    }

    /// The graph JSON could be decoded but does not hold together.
    public struct ImportError: Error, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }
}

extension RoleGraphExport {
    public init(jsonData: Data) throws {
        self = try JSONDecoder().decode(RoleGraphExport.self, from: jsonData)
    }

    /// Sorted keys, pretty, slashes unescaped: the same bytes for the same graph.
    public func jsonData() throws -> Data {
        try Document.encoder(pretty: true).encode(self)
    }
}

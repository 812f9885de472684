import RoleGraphDocument
import RoleGraphGraph
import RoleGraphText

/// What changed between an older and a newer role graph (`rolegraph diff OLD NEW`).
///
/// The news is an open world: a role that NEW does not mention is `role_not_observed`, never ended; it
/// is `role_ended` only when NEW says so (`thôi giữ chức`, `miễn nhiệm`, `cách chức` → status `ended`,
/// or `nguyên` → `former`). Persons and organisations are matched by canonical name, exactly; a name
/// whose folded key equals one on the other side is only proposed as a candidate (`Việt` ≠ `Viết`).
/// Organisations renamed or merged by the knowledge base's dates are matched with their successor and
/// are not reported as removed.
///
/// A pure function of its inputs: the same graphs give the same changes, in the contract's order.
public struct RoleGraphDiff: Sendable, Equatable {
    public static let schema = "rolegraph.diff/1"

    /// One side of the diff: the documents that stated a role and the newest date among them.
    public struct Side: Sendable, Equatable {
        public var documents: [String]
        public var date: String?

        /// - Complexity: O(number of sources).
        public init(_ graph: RoleGraph) {
            var documents: Set<String> = []
            var newest: String? = nil
            for membership in graph.memberships.values {
                for source in membership.sources {
                    documents.insert(source.document)
                    if let date = source.date, newest.map({ date > $0 }) ?? true { newest = date }
                }
            }
            self.documents = documents.sorted()
            self.date = newest
        }

        public init(documents: [String], date: String?) { self.documents = documents; self.date = date }
    }

    public var from: Side
    public var to: Side
    /// Sorted by person, organisation, title, op (``RoleChange/inContractOrder(_:_:)``).
    public var changes: [RoleChange]

    public var isEmpty: Bool { changes.isEmpty }

    /// The changes from `old` to `new`.
    /// - Complexity: O((m + p + o) log(m + p + o)) for m memberships, p persons and o organisations on both
    ///   sides: one hash look-up per membership, then one sort of the changes.
    public init(old: RoleGraph, new: RoleGraph, lineage: OrganizationLineage = .none) {
        from = Side(old)
        to = Side(new)
        var changes: [RoleChange] = []
        Self.diffPersons(old: old, new: new, into: &changes)
        Self.diffOrganizations(old: old, new: new, newDate: to.date, lineage: lineage, into: &changes)
        Self.diffRoles(old: old, new: new, newDate: to.date, lineage: lineage, into: &changes)
        changes.sort(by: RoleChange.inContractOrder)
        self.changes = changes
    }

    public init(from: Side, to: Side, changes: [RoleChange]) {
        self.from = from; self.to = to; self.changes = changes
    }

    // MARK: - Persons

    static func diffPersons(old: RoleGraph, new: RoleGraph, into changes: inout [RoleChange]) {
        let added = new.persons.subtracting(old.persons)
        let missing = old.persons.subtracting(new.persons)
        let addedByKey = foldedIndex(added), missingByKey = foldedIndex(missing)
        for name in added {
            var change = RoleChange(op: .personAdded, person: name)
            change.candidates = missingByKey[VietnameseFolding.key(name)] ?? []
            changes.append(change)
        }
        for name in missing {
            var change = RoleChange(op: .personNotObserved, person: name)
            change.candidates = addedByKey[VietnameseFolding.key(name)] ?? []
            changes.append(change)
        }
    }

    // MARK: - Organisations

    static func diffOrganizations(old: RoleGraph, new: RoleGraph, newDate: String?, lineage: OrganizationLineage,
                                  into changes: inout [RoleChange]) {
        let oldNames = organizationNames(old), newNames = organizationNames(new)
        let added = newNames.subtracting(oldNames)
        let missing = oldNames.subtracting(newNames)
        let addedByKey = foldedIndex(added), missingByKey = foldedIndex(missing)
        for name in added {
            var change = RoleChange(op: .orgAdded, organization: name)
            change.renamedFrom = (lineage.predecessors[name] ?? []).filter { oldNames.contains($0) }
            change.candidates = missingByKey[VietnameseFolding.key(name)] ?? []
            changes.append(change)
        }
        for name in missing {
            // Renamed or merged away: its successor stands for it, or it no longer existed at NEW's date.
            let successors = lineage.successors(of: name, at: newDate)
            if successors.contains(where: newNames.contains) || lineage.isRetired(name, at: newDate) { continue }
            var change = RoleChange(op: .orgNotObserved, organization: name)
            change.candidates = addedByKey[VietnameseFolding.key(name)] ?? []
            changes.append(change)
        }
        // A parent known on both sides and different; an unknown parent is not a change (open world).
        for (name, parent) in new.organizations {
            guard let parent, let oldEntry = old.organizations[name], let oldParent = oldEntry,
                  oldParent != parent else { continue }
            var change = RoleChange(op: .orgReparented, organization: name)
            change.parent = parent
            change.previousParent = oldParent
            changes.append(change)
        }
    }

    /// Every organisation of a graph: listed ones and those only named by a membership.
    static func organizationNames(_ graph: RoleGraph) -> Set<String> {
        var names = Set(graph.organizations.keys)
        for key in graph.memberships.keys { names.insert(key.organization) }
        return names
    }

    // MARK: - Roles

    static func diffRoles(old: RoleGraph, new: RoleGraph, newDate: String?, lineage: OrganizationLineage,
                          into changes: inout [RoleChange]) {
        var matchedAcrossRename: Set<RoleGraph.MembershipKey> = []
        for (key, membership) in old.memberships {
            if let newMembership = new.memberships[key] {
                if let change = compare(key, old: membership, new: newMembership) { changes.append(change) }
                continue
            }
            // The same post in a successor of the organisation: a rename, not a removal and an addition.
            var renamed = false
            for successor in lineage.successors(of: key.organization, at: newDate) {
                var successorKey = key
                successorKey.organization = successor
                guard old.memberships[successorKey] == nil, let newMembership = new.memberships[successorKey] else { continue }
                matchedAcrossRename.insert(successorKey)
                if var change = compare(successorKey, old: membership, new: newMembership) {
                    change.renamedFrom = [key.organization]
                    changes.append(change)
                }
                renamed = true
                break
            }
            if renamed { continue }
            // A role OLD already called ended or former says nothing when NEW is silent about it.
            let status = membership.status
            guard status.isHeld else { continue }
            changes.append(RoleChange(op: .roleNotObserved, person: key.person, title: key.title,
                                      organization: key.organization, previousStatus: status,
                                      evidence: membership.newestSource.map(RoleChange.Evidence.init)))
        }
        for (key, membership) in new.memberships where old.memberships[key] == nil && !matchedAcrossRename.contains(key) {
            guard let source = membership.newestSource else { continue }
            switch source.status {
            case .current, .appointed:
                changes.append(RoleChange(op: .roleAdded, person: key.person, title: key.title, organization: key.organization,
                                          status: source.status, evidence: .init(source)))
            case .ended:
                changes.append(RoleChange(op: .roleEnded, person: key.person, title: key.title, organization: key.organization,
                                          status: .ended, evidence: .init(source)))
            case .former:
                // `nguyên Bộ trưởng` with no earlier statement: it ended at some unknown time, perhaps long
                // before OLD, so it is history (see `timeline`), not a change between the two sides.
                break
            }
        }
    }

    /// The change, if any, between OLD's and NEW's statements of one role.
    static func compare(_ key: RoleGraph.MembershipKey, old: RoleGraph.Membership, new: RoleGraph.Membership) -> RoleChange? {
        let before = old.status
        guard let source = new.newestSource, source.status != before else { return nil }
        let after = source.status
        if !before.isHeld && !after.isHeld { return nil }  // `ended` and `former` both say: not held
        let op: RoleChange.Op = before.isHeld && !after.isHeld ? .roleEnded : .roleStatusChanged
        return RoleChange(op: op, person: key.person, title: key.title, organization: key.organization,
                          status: after, previousStatus: before, evidence: .init(source))
    }

    /// Folded key → names, sorted: the candidates of a name on the other side.
    static func foldedIndex(_ names: Set<String>) -> [String: [String]] {
        Dictionary(grouping: names, by: { VietnameseFolding.key($0) }).mapValues { $0.sorted() }
    }
}

extension Document.Status {
    /// `current` or `appointed`: the statement says the person holds the post at the text's date.
    public var isHeld: Bool { self == .current || self == .appointed }
}

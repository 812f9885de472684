extension RoleGraph {
    /// The part of the graph within `depth` membership steps of some persons and organisations:
    /// what `rolegraph graph --person NAME --organization NAME --depth N` draws.
    ///
    /// One step goes from a person to an organisation where they hold a post, or back. An organisation
    /// stands for itself and every organisation inside it (its units by `parent`), so
    /// `--organization "Mặt trận Tổ quốc Việt Nam" --depth 1` shows everyone holding a post in the Front
    /// or one of its bodies; a person at depth 1 shows their own posts, at depth 2 also the others who
    /// hold posts in those organisations. Memberships are kept when both ends are reached; the
    /// ancestors of every kept organisation are kept too (without their other posts), so the chart
    /// still nests each organisation in its parents.
    ///
    /// Names must be canonical (see ``lookup(_:kind:)``); unknown names select nothing.
    /// - Complexity: O(V + E) for the graph's persons, organisations and memberships.
    public func neighbourhood(persons startPersons: [String], organizations startOrganizations: [String],
                              depth: Int) -> RoleGraph {
        var orgsOfPerson: [String: [String]] = [:]
        var personsOfOrg: [String: [String]] = [:]
        var children: [String: [String]] = [:]
        for key in memberships.keys {
            orgsOfPerson[key.person, default: []].append(key.organization)
            personsOfOrg[key.organization, default: []].append(key.person)
        }
        for (name, parent) in organizations {
            if let parent { children[parent, default: []].append(name) }
        }

        var reachedPersons = Set(startPersons.filter { persons.contains($0) || orgsOfPerson[$0] != nil })
        var reachedOrgs: Set<String> = []
        // Start organisations with everything inside them (the seen set guards against parent cycles).
        var stack = startOrganizations.filter { organizations[$0] != nil || personsOfOrg[$0] != nil }
        while let org = stack.popLast() {
            if reachedOrgs.insert(org).inserted { stack += children[org] ?? [] }
        }

        var personFrontier = reachedPersons
        var orgFrontier = reachedOrgs
        for _ in 0..<max(0, depth) {
            var nextPersons: Set<String> = []
            var nextOrgs: Set<String> = []
            for person in personFrontier {
                for org in orgsOfPerson[person] ?? [] where !reachedOrgs.contains(org) { nextOrgs.insert(org) }
            }
            for org in orgFrontier {
                for person in personsOfOrg[org] ?? [] where !reachedPersons.contains(person) { nextPersons.insert(person) }
            }
            reachedPersons.formUnion(nextPersons)
            reachedOrgs.formUnion(nextOrgs)
            personFrontier = nextPersons
            orgFrontier = nextOrgs
            if nextPersons.isEmpty, nextOrgs.isEmpty { break }
        }

        var result = RoleGraph()
        result.persons = reachedPersons
        for org in reachedOrgs {
            var cursor: String? = org
            var seen: Set<String> = []
            while let current = cursor, seen.insert(current).inserted {
                let parent = organizations[current] ?? nil
                result.organizations[current] = .some(parent)
                cursor = parent
            }
        }
        for (key, membership) in memberships
        where reachedPersons.contains(key.person) && reachedOrgs.contains(key.organization) {
            result.memberships[key] = membership
        }
        return result
    }
}

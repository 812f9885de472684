import RoleGraphGraph

/// The organisations of an exported graph arranged as a forest for nested clusters, keeping only
/// those that hold a post themselves or through a sub-organisation.
///
/// Parents come from many articles and may disagree, so `parent_id` links can form a cycle
/// (A in B, B in A). An organisation keeps its parent only if following parents from there never
/// comes back to it; otherwise it becomes a root. The result is always a forest, independent of
/// input order.
struct OrganizationTree {
    /// Kept organisations by id.
    var organizations: [String: RoleGraphExport.Organization] = [:]
    /// Kept top-level organisation ids, sorted.
    var roots: [String] = []
    /// Kept child ids per organisation id, sorted.
    var children: [String: [String]] = [:]
    /// Posts per organisation id, sorted by id.
    var posts: [String: [RoleGraphExport.Post]] = [:]
    /// Source document ids per organisation id (of its own posts), sorted.
    var documents: [String: [String]] = [:]
    /// Source document ids per post id, sorted.
    var postDocuments: [String: [String]] = [:]

    /// - Complexity: O(n · d) for n organisations of depth d, plus sorting.
    init(_ export: RoleGraphExport) {
        let all = Dictionary(export.organizations.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for post in export.posts { posts[post.organization_id, default: []].append(post) }
        for key in posts.keys { posts[key]!.sort { $0.id < $1.id } }
        var docsByPost: [String: Set<String>] = [:]
        var docsByOrg: [String: Set<String>] = [:]
        for membership in export.memberships {
            let docs = membership.sources.map(\.document)
            docsByPost[membership.post_id, default: []].formUnion(docs)
            docsByOrg[membership.organization_id, default: []].formUnion(docs)
        }
        postDocuments = docsByPost.mapValues { $0.sorted() }
        documents = docsByOrg.mapValues { $0.sorted() }

        // Effective parent: the stated parent unless that leads back round to the organisation.
        var parent: [String: String] = [:]
        for (id, org) in all {
            guard let candidate = org.parent_id, all[candidate] != nil else { continue }
            var seen: Set<String> = []
            var cursor: String? = candidate
            var cyclic = false
            while let current = cursor, seen.insert(current).inserted {
                if current == id { cyclic = true; break }
                cursor = all[current]?.parent_id
            }
            if !cyclic { parent[id] = candidate }
        }

        // Keep an organisation when it or any descendant holds a post: mark upwards from each.
        var kept: Set<String> = []
        for id in posts.keys where all[id] != nil {
            var cursor: String? = id
            while let current = cursor, kept.insert(current).inserted { cursor = parent[current] }
        }
        for id in kept {
            organizations[id] = all[id]
            if let p = parent[id] { children[p, default: []].append(id) } else { roots.append(id) }
        }
        for key in children.keys { children[key]!.sort() }
        roots.sort()
    }
}

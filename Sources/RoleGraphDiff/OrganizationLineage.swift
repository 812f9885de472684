import RoleGraphKnowledge

/// Which organisations were renamed or merged into which, and when: read from the knowledge base's
/// `successor` and `to` attributes (`Ban Kinh tế Trung ương` → `Ban Chính sách, chiến lược Trung ương`
/// from 2025-02; `Bộ Kế hoạch và Đầu tư` → `Bộ Tài chính` from 2025-02-28).
///
/// A diff uses it so that a body that changed its name is not reported as removed, and a post held in
/// the old body is matched with the same post in its successor. Names are canonical names (exact); the
/// lineage never guesses from folded keys.
public struct OrganizationLineage: Sendable, Equatable {
    /// Canonical name → the name of its successor and the last date (ISO prefix) of the old name.
    public struct Step: Sendable, Equatable {
        public var successor: String
        public var until: String?
    }

    public private(set) var steps: [String: Step] = [:]
    /// Successor name → the names it replaced, sorted.
    public private(set) var predecessors: [String: [String]] = [:]

    /// No renames: every organisation is only itself.
    public static let none = OrganizationLineage(steps: [:])

    public init(steps: [String: Step]) {
        self.steps = steps
        var before: [String: [String]] = [:]
        for (name, step) in steps { before[step.successor, default: []].append(name) }
        predecessors = before.mapValues { $0.sorted() }
    }

    /// The organisation entries with a `successor` that names another organisation entry.
    /// - Complexity: O(number of organisation entries), once per process.
    public init(knowledge: KnowledgeBase) {
        var steps: [String: Step] = [:]
        for entry in knowledge.entries(of: .organization) {
            guard let id = entry.attributes["successor"], let next = knowledge.entry(id: id),
                  next.kind == .organization, next.name != entry.name else { continue }
            steps[entry.name] = Step(successor: next.name, until: entry.validTo)
        }
        self.init(steps: steps)
    }

    /// The successors of `name`, nearest first, that had replaced it by `date` (every successor when the
    /// date is unknown). A cycle in the data ends the chain rather than looping.
    /// - Complexity: O(length of the chain).
    public func successors(of name: String, at date: String?) -> [String] {
        var chain: [String] = []
        var seen: Set<String> = [name]
        var current = name
        while let step = steps[current], !seen.contains(step.successor) {
            if let date, let until = step.until, !Self.isOnOrAfter(date, until) { break }
            chain.append(step.successor)
            seen.insert(step.successor)
            current = step.successor
        }
        return chain
    }

    /// Whether `name` had stopped existing under that name by `date`.
    public func isRetired(_ name: String, at date: String?) -> Bool {
        guard let date, let until = steps[name]?.until else { return false }
        return date.prefix(until.count) > until.prefix(date.count)
    }

    /// `date` is not before `bound`, comparing ISO prefixes on their common length (`2025` is on or after
    /// `2025-02`: the year alone cannot tell them apart, so it does not rule the rename out).
    static func isOnOrAfter(_ date: String, _ bound: String) -> Bool {
        date.prefix(bound.count) >= bound.prefix(date.count)
    }
}

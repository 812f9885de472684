import RoleGraphKnowledge
import RoleGraphPatterns
import RoleGraphText

/// Gives every organisation phrase of a document its canonical name and parent.
///
/// 1. Names from the knowledge base or the phrase's own expanded text.
/// 2. Short forms: a name that is a leading part of a longer name in the same article is that
///    organisation (`Đảng ủy Khối` → `Đảng ủy Khối các cơ quan Trung ương`).
/// 3. Relative bodies with a parent in the text take the parent's canonical name
///    (`Ban Tuyên giáo Đảng bộ Khối` → `Ban Tuyên giáo Đảng bộ Khối các cơ quan Trung ương`); without one,
///    the nearest Party committee (`Ban Thường vụ`), Party organisation (`Ban Chấp hành`) or organisation
///    before them, else after them; with none in the article they keep their bare name.
struct OrganizationResolver {
    let phrases: [Phrase]
    let knowledge: KnowledgeBase

    struct Resolved {
        /// Canonical name per phrase index (organisation phrases only).
        var names: [Int: String] = [:]
        /// Canonical parent name per canonical name.
        var parents: [String: String] = [:]
    }

    func resolve() -> Resolved {
        var resolved = Resolved()
        let organizations = phrases.indices.filter { phrases[$0].kind == .organization }
        for index in organizations where phrases[index].relativeName == nil {
            resolved.names[index] = phrases[index].name
        }
        expandShortForms(&resolved, among: organizations.filter { phrases[$0].relativeName == nil })
        // Relative bodies, parents first (a parent phrase always comes before its child in `phrases`).
        for index in organizations where phrases[index].relativeName != nil {
            let phrase = phrases[index]
            let parentName: String?
            if let parent = phrase.parent {
                parentName = resolved.names[parent]
            } else {
                parentName = contextParent(for: index, kind: phrase.relativeTo ?? "organization", resolved: resolved)
            }
            if let parentName {
                let name = phrase.relativeName! + " " + parentName
                resolved.names[index] = name
                resolved.parents[name] = parentName
            } else {
                resolved.names[index] = phrase.relativeName!
            }
        }
        for index in organizations where phrases[index].relativeName == nil {
            if let parent = phrases[index].parent, let parentName = resolved.names[parent], let name = resolved.names[index],
               parentName != name {
                resolved.parents[name] = parentName
            }
        }
        return resolved
    }

    private func expandShortForms(_ resolved: inout Resolved, among indices: [Int]) {
        let names = Set(indices.compactMap { resolved.names[$0] })
        let known = Set(knowledge.entries(of: .organization).map(\.name))
        for index in indices {
            guard let name = resolved.names[index], !known.contains(name) else { continue }
            let longer = names.filter { $0.count > name.count && $0.hasPrefix(name + " ") }
            // Only an unambiguous expansion: one longer name, or one that all others extend.
            if let full = longer.min(by: { $0.count < $1.count }), longer.allSatisfy({ $0.hasPrefix(full) }) {
                resolved.names[index] = full
            }
        }
    }

    private func contextParent(for index: Int, kind: String, resolved: Resolved) -> String? {
        func fits(_ candidate: Int) -> Bool {
            guard phrases[candidate].relativeName == nil, let name = resolved.names[candidate] else { return false }
            switch kind {
            case "committee": return startsWithHead(name, attribute: "committee")
            case "party": return startsWithHead(name, attribute: "party")
            default: return true
            }
        }
        let before = phrases.indices.filter { $0 < index && phrases[$0].kind == .organization && phrases[$0].tokens.lowerBound < phrases[index].tokens.lowerBound }
        if let nearest = before.last(where: fits) { return resolved.names[nearest] }
        let after = phrases.indices.filter { phrases[$0].kind == .organization && phrases[$0].tokens.lowerBound > phrases[index].tokens.lowerBound }
        if let nearest = after.first(where: fits) { return resolved.names[nearest] }
        return nil
    }

    /// Whether a name starts with an organisation head that has `attribute=yes` (`Đảng ủy …`, `Tỉnh ủy …`).
    private func startsWithHead(_ name: String, attribute: String) -> Bool {
        knowledge.entries(of: .organizationHead).contains { entry in
            entry.attributes[attribute] == "yes" && entry.surfaces.contains { name.hasPrefix($0 + " ") }
        }
    }
}

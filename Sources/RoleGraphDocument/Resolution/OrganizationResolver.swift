import RoleGraphKnowledge
import RoleGraphPatterns
import RoleGraphText

/// Gives every organisation phrase of a document its canonical name and parent.
///
/// 1. Names from the phrase's own expanded text; for a known organisation, the fullest form the article
///    writes out (`Tập đoàn Dầu khí Quốc gia Việt Nam`, `Công an nhân dân`) unless every form holds an
///    abbreviation (`Ủy ban MTTQ Việt Nam`, `PVN`: the knowledge base's name), or the entry's name is fixed
///    (`Trung ương Đảng` is `Ban Chấp hành Trung ương Đảng`). A news site keeps its written form (`Zing News`).
/// 2. Short forms: a name that is a leading part of a longer name in the same article is that
///    organisation (`Đảng ủy Khối` → `Đảng ủy Khối các cơ quan Trung ương`).
/// 3. Relative bodies with a parent in the text take the parent's canonical name
///    (`Ban Tuyên giáo Đảng bộ Khối` → `Ban Tuyên giáo Đảng bộ Khối các cơ quan Trung ương`); without one,
///    the nearest Party committee (`Ban Thường vụ`), Party organisation (`Ban Chấp hành`) or organisation
///    before them, else after them — a body of a state body or company first looks a few words ahead, as
///    in `Bí thư Ban cán sự đảng, Bộ trưởng Bộ Giao thông vận tải`; with none in the article they keep
///    their text as written.
/// 4. An incomplete name (`HĐND tỉnh`) that no fuller name in the article completes keeps its text.
struct OrganizationResolver {
    let phrases: [Phrase]
    let tokens: [Token]
    let knowledge: KnowledgeBase
    /// Surface forms (with a trailing space) of heads that name a Party committee or a Party organisation,
    /// worked out on first use (most documents never ask).
    private let heads: Heads

    private final class Heads {
        let knowledge: KnowledgeBase
        init(knowledge: KnowledgeBase) { self.knowledge = knowledge }
        lazy var committee: [String] = knowledge.entries(of: .organizationHead)
            .filter { $0.attributes["committee"] == "yes" }.flatMap(\.surfaces).map { $0 + " " }
        lazy var party: [String] = knowledge.entries(of: .organizationHead)
            .filter { $0.attributes["party"] == "yes" }.flatMap(\.surfaces).map { $0 + " " }
    }

    var committeeHeads: [String] { heads.committee }
    var partyHeads: [String] { heads.party }

    init(phrases: [Phrase], tokens: [Token], knowledge: KnowledgeBase) {
        self.phrases = phrases
        self.tokens = tokens
        self.knowledge = knowledge
        self.heads = Heads(knowledge: knowledge)
    }

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
        nameKnownOrganizations(&resolved, among: organizations)
        expandShortForms(&resolved, among: organizations.filter { phrases[$0].relativeName == nil })
        // An incomplete name that no fuller one completed keeps its text (`HĐND tỉnh`).
        for index in organizations where phrases[index].isIncomplete && phrases[index].relativeName == nil
            && resolved.names[index] == phrases[index].name {
            resolved.names[index] = phrases[index].surface ?? phrases[index].name
        }
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
                resolved.names[index] = phrase.surface ?? phrase.relativeName!
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

    private func nameKnownOrganizations(_ resolved: inout Resolved, among indices: [Int]) {
        let byEntry = Dictionary(grouping: indices.filter { phrases[$0].knowledgeID != nil && phrases[$0].relativeName == nil },
                                 by: { phrases[$0].knowledgeID! })
        for (id, group) in byEntry {
            guard let entry = knowledge.entry(id: id), entry.attributes["canonical"] != "fixed" else { continue }
            let media = entry.attributes["kind"] == "media"
            let forms = group.compactMap { phrases[$0].surface }.filter { form in
                media || (Self.containsSpace(form) && !Self.hasAcronym(form, notIn: entry.name))
            }
            // The longest form; among equally long ones, the first in the article.
            guard let best = forms.enumerated().max(by: { ($0.element.count, -$0.offset) < ($1.element.count, -$1.offset) })?.element
            else { continue }
            for index in group { resolved.names[index] = best }
        }
    }

    /// `form.contains(" ")` (Foundation's search), without the search when the answer is certain: no
    /// U+0020 byte means no match; a space in a text with no combining mark (only scalars below U+0300
    /// and Latin Extended Additional, U+1E00–U+1EFF, as Vietnamese is written) means a match.
    static func containsSpace(_ form: String) -> Bool {
        guard form.utf8.contains(0x20) else { return false }
        var bytes = form.utf8.makeIterator()
        while let byte = bytes.next() {
            if byte < 0x80 { continue }
            if byte >= 0xC2 && byte <= 0xCB { _ = bytes.next(); continue }
            if byte == 0xE1, let second = bytes.next(), second >= 0xB8 && second <= 0xBB { _ = bytes.next(); continue }
            return form.contains(" ")
        }
        return true
    }

    /// Whether a form holds a word in capitals of two letters or more that the name does not
    /// (`HTX An Phát` for `Hợp tác xã An Phát`): such a form is not written out.
    static func hasAcronym(_ form: String, notIn name: String) -> Bool {
        // The name's words are split only when the form has a word in capitals at all (rarely).
        var nameWords: Set<Substring>? = nil
        return form.split(separator: " ").contains { word in
            guard word.count >= 2 && word.allSatisfy({ !$0.isLetter || $0.isUppercase }) && word.contains(where: \.isLetter)
            else { return false }
            if nameWords == nil { nameWords = Set(name.split(separator: " ")) }
            return !nameWords!.contains(word)
        }
    }

    /// - Complexity: O(names × words per name): every proper word prefix of every name is indexed once.
    private func expandShortForms(_ resolved: inout Resolved, among indices: [Int]) {
        // Only the names of phrases with no knowledge entry are looked up: the prefixes that are none of them
        // need no list.
        let wanted = Set(indices.compactMap { phrases[$0].knowledgeID == nil ? resolved.names[$0].map { Substring($0) } : nil })
        guard !wanted.isEmpty else { return }
        var extensions: [Substring: [String]] = [:]   // word prefix → the longer names that start with it
        for name in Set(indices.compactMap { resolved.names[$0] }) {
            var position = name.startIndex
            while let space = name[position...].firstIndex(of: " ") {
                let prefix = name[..<space]
                if wanted.contains(prefix) { extensions[prefix, default: []].append(name) }
                position = name.index(after: space)
            }
        }
        for index in indices {
            guard let name = resolved.names[index], phrases[index].knowledgeID == nil,
                  let longer = extensions[Substring(name)] else { continue }
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
            // A state body, mass organisation or company (`Ban cán sự đảng` → `… Bộ Giao thông vận tải`),
            // never a Party organ or a newspaper.
            default:
                let kind = phrases[candidate].knowledgeID.flatMap { knowledge.entry(id: $0)?.attributes["kind"] }
                return !["party", "media", "foreign"].contains(kind ?? "")
                    && !startsWithHead(name, attribute: "committee") && !startsWithHead(name, attribute: "party")
            }
        }
        let start = phrases[index].tokens.lowerBound
        let organizations = phrases.indices.filter { phrases[$0].kind == .organization && !phrases[$0].isImplicit }
        if kind == "organization", let next = organizations.first(where: {
            phrases[$0].tokens.lowerBound > start && phrases[$0].tokens.lowerBound - start <= Self.listReach && fits($0)
        }), sameClause(start, phrases[next].tokens.lowerBound) {
            // In a list of posts the body's organisation usually follows it:
            // `Bí thư Ban cán sự đảng, Bộ trưởng Bộ Giao thông vận tải`.
            return resolved.names[next]
        }
        if let nearest = organizations.last(where: { phrases[$0].tokens.lowerBound < start && fits($0) }) {
            return resolved.names[nearest]
        }
        if let nearest = organizations.first(where: { phrases[$0].tokens.lowerBound > start && fits($0) }) {
            return resolved.names[nearest]
        }
        return nil
    }

    /// How far (in tokens) a list of posts may reach for the organisation of a relative body.
    static let listReach = 12

    /// Whether two tokens are in the same sentence and line.
    private func sameClause(_ a: Int, _ b: Int) -> Bool {
        for index in (a + 1)...b where tokens[index].gap == .newline || tokens[index - 1].text == "." { return false }
        return true
    }

    /// Whether a name starts with an organisation head that has `attribute=yes` (`Đảng ủy …`, `Tỉnh ủy …`).
    private func startsWithHead(_ name: String, attribute: String) -> Bool {
        let heads = attribute == "committee" ? committeeHeads : partyHeads
        return heads.contains { name.hasPrefix($0) }
    }
}

import Foundation
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
    /// Surface forms (with a trailing space) of heads that name a Party committee or a Party organisation, and
    /// what the resolver reads of the organisation entries.
    private let heads: Heads

    /// The heads of one knowledge base, and what the resolver reads of its organisation entries, worked out
    /// once per ``Extractor``.
    struct Heads: Sendable {
        typealias Head = (text: String, bytes: [UInt8], simple: Bool)
        let committee: [Head]
        let party: [Head]
        /// Heads of units that belong to a ministry-level body (`parent=ministry`: `Vụ`).
        let ministryUnits: [Head]
        /// Relative body name → the heads it sees past in its parent's name (`parent-skips`): a Party
        /// delegation is of the Front, not of its committee (`Bí thư Đảng đoàn, Chủ tịch Ủy ban Trung ương MTTQ
        /// Việt Nam` → `Đảng đoàn Mặt trận Tổ quốc Việt Nam`).
        let parentSkips: ParentSkips

        /// `parent-skips` by relative body name: a `[String: [String]]` cost some 1 300 instructions a look-up
        /// (hashing a Vietnamese name normalises it).
        struct ParentSkips: Sendable {
            var names = ByteIDs()
            /// Per name id: the heads, longest first.
            var heads: [[String]] = []

            subscript(name: String) -> [String] { names.id(of: name).map { heads[$0] } ?? [] }
        }

        /// What the resolver reads of an organisation entry: `KnowledgeBase.entry(id:)` (a copy of the entry) and
        /// two attribute look-ups cost some 1 500 instructions a known organisation a document.
        struct Entry: Sendable {
            let name: String
            /// `canonical=fixed`: the entry's name is the canonical name, whatever the article writes.
            let fixedName: Bool
            /// Attribute `kind` (`party`, `media`, `ministry`, …), empty when none.
            let kind: String

            init(_ entry: KnowledgeEntry) {
                name = entry.name
                fixedName = entry.attributes["canonical"] == "fixed"
                kind = entry.attributes["kind"] ?? ""
            }
        }
        /// The entries of the organisations, by id; ``entries`` holds each id's.
        let entryIDs: ByteIDs
        let entries: [Entry]

        init(knowledge: KnowledgeBase) {
            var entryIDs = ByteIDs()
            var entries: [Entry] = []
            for organization in knowledge.entries(of: .organization) {
                // The entry the id names, as `entry(id:)` finds it.
                guard entryIDs.id(of: organization.id) == nil, let entry = knowledge.entry(id: organization.id) else { continue }
                entryIDs.insert(organization.id)
                entries.append(Entry(entry))
            }
            self.entryIDs = entryIDs
            self.entries = entries
            func heads(_ attribute: String, _ value: String = "yes") -> [Head] {
                knowledge.entries(of: .organizationHead).filter { $0.attributes[attribute] == value }.flatMap(\.surfaces)
                    .map { surface in
                        let head = surface + " "
                        return (head, Array(head.utf8), OrganizationResolver.isSimple(head))
                    }
            }
            committee = heads("committee")
            party = heads("party")
            ministryUnits = heads("parent", "ministry")
            var skips = ParentSkips()
            for entry in knowledge.entries(of: .relativeBody) {
                guard let value = entry.attributes["parent-skips"] else { continue }
                let heads = value.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) + " " }
                for surface in entry.surfaces {
                    let (id, new) = skips.names.insert(surface)
                    let sorted = heads.sorted { $0.count > $1.count }
                    if new { skips.heads.append(sorted) } else { skips.heads[id] = sorted }
                }
            }
            parentSkips = skips
        }

        /// The organisation a relative body belongs to when its parent is named: the parent, or what the
        /// parent is the committee of. Only a capitalised remainder counts (`Ủy ban nhân dân` stays).
        func owner(of relativeName: String, parent: String) -> String {
            for head in parentSkips[relativeName] where parent.hasPrefix(head) {
                let rest = parent.dropFirst(head.count)
                if let first = rest.first, first.isUppercase { return String(rest) }
            }
            return parent
        }
    }

    init(phrases: [Phrase], tokens: [Token], knowledge: KnowledgeBase, heads: Heads) {
        self.phrases = phrases
        self.tokens = tokens
        self.knowledge = knowledge
        self.heads = heads
    }

    /// What the resolver reads of the knowledge entry with this id (an organisation's, from the table built once;
    /// any other from the knowledge base).
    func entry(id: String) -> Heads.Entry? {
        if let known = heads.entryIDs.id(of: id) { return heads.entries[known] }
        return knowledge.entry(id: id).map(Heads.Entry.init)
    }

    struct Resolved {
        /// Per phrase index: the position of its canonical name in `canonical`, -1 for none (organisation phrases
        /// only; empty when there are none). Positions, not a `[String?]`: an array of optional strings is made and
        /// destroyed element by element through the generic `Optional` witness (0.26 M instructions over dev+seed).
        private var positions: [Int32]
        private var canonical: [String] = []
        /// Canonical names that have a parent, by their bytes; `parentNames` holds the parent per id. Made with the
        /// first parent: a document that gives none allocates no table.
        private var named: ByteIDs? = nil
        private var parentNames: [String] = []

        /// No canonical name yet for any of `count` phrases.
        init(count: Int) {
            guard count > 0 else { positions = []; return }
            positions = [Int32](repeating: -1, count: count)
            canonical.reserveCapacity(count)
        }

        /// The canonical name of the phrase at `index` (organisation phrases only; `nil` elsewhere).
        subscript(index: Int) -> String? {
            get { positions[index] < 0 ? nil : canonical[Int(positions[index])] }
            set {
                guard let newValue else { positions[index] = -1; return }
                positions[index] = Int32(truncatingIfNeeded: canonical.count)
                canonical.append(newValue)
            }
        }

        var hasParents: Bool { !parentNames.isEmpty }

        /// The canonical parent name of a canonical name.
        func parent(of name: String) -> String? { named?.id(of: name).map { parentNames[$0] } }

        /// Gives a name its parent (the last one given wins).
        mutating func setParent(_ parent: String, of name: String) {
            if named == nil { named = ByteIDs() }
            let (id, inserted) = named!.insert(name)
            if inserted { parentNames.append(parent) } else { parentNames[id] = parent }
        }
    }

    /// The canonical names of a document's organisations. A document with no organisation gets an empty table
    /// without a resolver: making one copies the knowledge base and the heads, and its tables and lists cost some
    /// 8 000 instructions a document, whatever its size.
    static func resolve(phrases: [Phrase], tokens: [Token], knowledge: KnowledgeBase, heads: Heads) -> Resolved {
        guard phrases.indices.contains(where: { phrases[$0].kind == .organization }) else { return Resolved(count: 0) }
        return OrganizationResolver(phrases: phrases, tokens: tokens, knowledge: knowledge, heads: heads).resolve()
    }

    private func resolve() -> Resolved {
        var resolved = Resolved(count: phrases.count)
        var organizations: [Int] = []
        var plain: [Int] = []        // organisations with no relative name
        var relative: [Int] = []
        organizations.reserveCapacity(phrases.count)
        plain.reserveCapacity(phrases.count)
        relative.reserveCapacity(phrases.count)
        for index in phrases.indices where phrases[index].kind == .organization {
            organizations.append(index)
            if phrases[index].relativeName == nil {
                plain.append(index)
                resolved[index] = phrases[index].name
            } else {
                relative.append(index)
            }
        }
        nameKnownOrganizations(&resolved, among: plain)
        expandShortForms(&resolved, among: plain)
        // An incomplete name that no fuller one completed keeps its text (`HĐND tỉnh`).
        for index in plain where phrases[index].isIncomplete && resolved[index] == phrases[index].name {
            resolved[index] = phrases[index].surface ?? phrases[index].name
        }
        var context: ParentContext? = nil
        attachMinistryUnits(&resolved, among: plain, context: &context, organizations: organizations)
        // Relative bodies, parents first (a parent phrase always comes before its child in `phrases`).
        for index in relative {
            let parentName: String?
            if let parent = phrases[index].parent {
                parentName = resolved[parent]
            } else {
                if context == nil { context = ParentContext(resolver: self, organizations: organizations) }
                parentName = contextParent(for: index, kind: phrases[index].relativeTo ?? "organization",
                                           resolved: resolved, context: context!)
            }
            let relativeName = phrases[index].relativeName!
            if let parentName = parentName.map({ heads.owner(of: relativeName, parent: $0) }) {
                let name = relativeName + " " + parentName
                resolved[index] = name
                resolved.setParent(parentName, of: name)
            } else {
                resolved[index] = phrases[index].surface ?? relativeName
            }
        }
        for index in plain {
            if let parent = phrases[index].parent, let parentName = resolved[parent], let name = resolved[index],
               parentName != name {
                resolved.setParent(parentName, of: name)
            }
        }
        return resolved
    }

    /// `indices`: organisation phrases with no relative name.
    private func nameKnownOrganizations(_ resolved: inout Resolved, among indices: [Int]) {
        var groupOf = ByteIDs(capacity: indices.count, bytes: indices.count * 16)   // group per knowledge id
        var members: [(group: Int, index: Int)] = []
        for index in indices {
            guard let id = phrases[index].knowledgeID else { continue }
            members.append((groupOf.insert(id).id, index))
        }
        // The members of a group next to each other, in article order: one array, not an array per group (its
        // allocation, growth and release).
        members.sort { $0.group != $1.group ? $0.group < $1.group : $0.index < $1.index }
        var end = 0
        while end < members.count {
            let start = end
            end += 1
            while end < members.count && members[end].group == members[start].group { end += 1 }
            let group = members[start..<end]
            guard let entry = entry(id: phrases[members[start].index].knowledgeID!), !entry.fixedName else { continue }
            let media = entry.kind == "media"
            // The longest form; among equally long ones, the first in the article.
            var best: String? = nil
            var bestCount = 0
            for (_, index) in group {
                guard let form = phrases[index].surface else { continue }
                let count = Self.characterCount(form)
                // Only a longer form can win, so the costlier tests wait for one (a group repeats its forms).
                guard best == nil || count > bestCount,
                      media || (Self.containsSpace(form) && !Self.hasAcronym(form, notIn: entry.name)) else { continue }
                best = form
                bestCount = count
            }
            guard let best else { continue }
            for (_, index) in group { resolved[index] = best }
        }
    }

    /// Whether every scalar of the text is a character of its own, in NFC (``PlainLatin`` and no CR, which
    /// joins a following LF): then characters compare, count and prefix as the bytes do.
    static func isSimple(_ text: String) -> Bool { ByteKey.withBytes(of: text) { isSimple($0) } }

    /// ``isSimple(_:)`` of UTF-8 bytes.
    static func isSimple(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool { PlainLatin.isPlain(bytes: bytes) && !bytes.contains(0x0D) }

    /// `text.hasPrefix(prefix)`, by the bytes when both are ``isSimple(_:)`` (a byte prefix is then a character
    /// prefix, and equal characters are equal bytes); `String`'s comparison, which normalises each character,
    /// costs some 14 000 instructions on a Vietnamese name.
    static func hasPrefix(_ text: String, _ prefix: String) -> Bool {
        guard isSimple(text), isSimple(prefix) else { return text.hasPrefix(prefix) }
        return ByteKey.withBytes(of: text) { t in ByteKey.withBytes(of: prefix) { p in startsWith(t, p) } }
    }

    /// Whether `bytes` begin with `prefix`: one `memcmp`.
    static func startsWith(_ bytes: UnsafeBufferPointer<UInt8>, _ prefix: UnsafeBufferPointer<UInt8>) -> Bool {
        prefix.count <= bytes.count && (prefix.isEmpty || memcmp(bytes.baseAddress!, prefix.baseAddress!, prefix.count) == 0)
    }

    /// `text.count`, counted from the bytes when every scalar is a character.
    static func characterCount(_ text: String) -> Int {
        let count: Int? = ByteKey.withBytes(of: text) { bytes in
            guard isSimple(bytes) else { return nil }
            var count = 0
            for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
            return count
        }
        return count ?? text.count
    }

    /// `form.contains(" ")` (Foundation's search), without the search when the answer is certain: no
    /// U+0020 byte means no match; a space in a text with no combining mark (only scalars below U+0300
    /// and Latin Extended Additional, U+1E00–U+1EFF, as Vietnamese is written) means a match.
    static func containsSpace(_ form: String) -> Bool {
        guard form.utf8.contains(0x20) else { return false }
        return PlainLatin.isPlain(form) ? true : form.contains(" ")
    }

    /// Whether a form holds a word in capitals of two letters or more that the name does not
    /// (`HTX An Phát` for `Hợp tác xã An Phát`): such a form is not written out.
    static func hasAcronym(_ form: String, notIn name: String) -> Bool {
        func isAcronym(_ word: Substring) -> Bool {
            guard word.count >= 2 && word.allSatisfy({ !$0.isLetter || $0.isUppercase }) && word.contains(where: \.isLetter)
            else { return false }
            return !containsWord(name, word)
        }
        let found: Bool? = ByteKey.withBytes(of: form) { bytes in
            guard isSimple(bytes) else { return nil }
            // Every scalar is a character: words split at U+0020 bytes, and a word with a lower-case ASCII
            // letter (a letter not in capitals) is no acronym.
            var start = 0
            var lowercase = false
            var index = 0
            while true {
                let end = index == bytes.count
                let byte: UInt8 = end ? 0x20 : bytes[index]
                if byte == 0x20 {
                    if index > start && !lowercase {
                        let utf8 = form.utf8
                        let word = form[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: index)]
                        if isAcronym(word) { return true }
                    }
                    if end { return false }
                    lowercase = false
                    index += 1
                    start = index
                    continue
                }
                if byte >= 0x61 && byte <= 0x7A {
                    lowercase = true
                } else if byte >= 0xC3 && !lowercase {
                    // A Vietnamese lower-case letter (`ộ`, `đ`, `ư`) also rules the word out, without the
                    // Character properties `isAcronym` reads (some 2 000 instructions a word).
                    let second = bytes[index + 1]
                    let scalar: UInt32
                    if byte < 0xE0 {
                        scalar = UInt32(byte & 0x1F) << 6 | UInt32(second & 0x3F)
                    } else {
                        scalar = UInt32(byte & 0x0F) << 12 | UInt32(second & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                    }
                    if isVietnameseLowercase(scalar) { lowercase = true }
                }
                index += 1
            }
        }
        return found ?? form.split(separator: " ").contains(where: isAcronym)
    }

    /// `text.split(separator: " ").contains(word)`, by the bytes when the text is ``isSimple(_:)`` (both are NFC:
    /// equal words are equal bytes), without a `Set` or an array of the words.
    static func containsWord(_ text: String, _ word: Substring) -> Bool {
        let found: Bool? = ByteKey.withBytes(of: text) { t in
            guard isSimple(t) else { return nil }
            return ByteKey.withBytes(of: word) { w in
                var start = 0
                for end in 0...t.count where end == t.count || t[end] == 0x20 {
                    if end - start == w.count && !w.isEmpty && memcmp(t.baseAddress! + start, w.baseAddress!, w.count) == 0 {
                        return true
                    }
                    start = end + 1
                }
                return false
            }
        }
        return found ?? text.split(separator: " ").contains(word)
    }

    /// Whether a scalar is one of the lower-case letters Vietnamese writes beyond ASCII: `à`–`ÿ` (not `÷`), `ă`, `đ`,
    /// `ĩ`, `ũ`, `ơ`, `ư`, and the odd code points of U+1EA0–U+1EF9 (`ạ` … `ỹ`, each after its capital). Each is a
    /// letter and not upper-case, as `Character.isLetter` and `isUppercase` say.
    static func isVietnameseLowercase(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0xE0...0xFF: scalar != 0xF7
        case 0x103, 0x111, 0x129, 0x169, 0x1A1, 0x1B0: true
        case 0x1EA0...0x1EF9: scalar & 1 == 1
        default: false
        }
    }

    /// - Complexity: O(names × words per name): every proper word prefix of every name is indexed once.
    private func expandShortForms(_ resolved: inout Resolved, among indices: [Int]) {
        // Only the names of phrases with no knowledge entry are looked up: the prefixes that are none of them
        // need no list.
        var wanted = ByteIDs(capacity: indices.count, bytes: indices.count * 32)
        for index in indices where phrases[index].knowledgeID == nil {
            if let name = resolved[index] { wanted.insert(name) }
        }
        guard !wanted.isEmpty else { return }
        // Per wanted name id: the longer names that start with it and a space.
        var extensions = [[String]](repeating: [], count: wanted.count)
        var extended = false
        var seen = ByteIDs(capacity: indices.count, bytes: indices.count * 32)
        for index in indices {
            guard let name = resolved[index], seen.insert(name).inserted else { continue }
            let simple: Bool = ByteKey.withBytes(of: name) { bytes in
                guard Self.isSimple(bytes) else { return false }
                for position in bytes.indices where bytes[position] == 0x20 {
                    if let id = wanted.id(of: UnsafeBufferPointer(rebasing: bytes[..<position])) {
                        extensions[id].append(name)
                        extended = true
                    }
                }
                return true
            }
            if simple { continue }
            var position = name.startIndex
            while let space = name[position...].firstIndex(of: " ") {
                if let id = wanted.id(of: name[..<space]) {
                    extensions[id].append(name)
                    extended = true
                }
                position = name.index(after: space)
            }
        }
        guard extended else { return }
        for index in indices {
            guard let name = resolved[index], phrases[index].knowledgeID == nil,
                  let id = wanted.id(of: name), !extensions[id].isEmpty else { continue }
            let longer = extensions[id]
            // Only an unambiguous expansion: one longer name, or one that all others extend.
            if let full = longer.min(by: { Self.characterCount($0) < Self.characterCount($1) }),
               longer.allSatisfy({ Self.hasPrefix($0, full) }) {
                resolved[index] = full
            }
        }
    }

    /// `Phó Vụ trưởng Vụ Tổ chức cán bộ` in an article about a ministry's appointments: a unit named by a head
    /// with `parent=ministry`, with no parent in the text and no fuller name in the article, belongs to the
    /// nearest ministry-level body (`kind=ministry`) before it, else after it: `Vụ Tổ chức cán bộ Văn phòng
    /// Chính phủ`. With none in the article it keeps its name.
    private func attachMinistryUnits(_ resolved: inout Resolved, among indices: [Int], context: inout ParentContext?,
                                     organizations: [Int]) {
        for index in indices where phrases[index].parent == nil && phrases[index].knowledgeID == nil {
            guard let name = resolved[index], name == phrases[index].name,
                  startsWithHead(name, heads: heads.ministryUnits) else { continue }
            if context == nil { context = ParentContext(resolver: self, organizations: organizations) }
            guard let parent = contextParent(for: index, kind: "ministry", resolved: resolved, context: context!) else { continue }
            let full = name + " " + parent
            resolved[index] = full
            resolved.setParent(parent, of: full)
        }
    }

    /// What ``contextParent(for:kind:resolved:context:)`` asks of every organisation, worked out once per document.
    private struct ParentContext {
        /// Organisation phrases with a span of their own, in order.
        let organizations: [Int]
        /// Per phrase index: the organisation is a Party organ, a newspaper or a foreign body by its entry.
        let excluded: [Bool]
        /// Per phrase index: the organisation is a ministry or ministry-level body by its entry (`kind=ministry`).
        let ministry: [Bool]

        init(resolver: OrganizationResolver, organizations all: [Int]) {
            let phrases = resolver.phrases
            organizations = all.filter { !phrases[$0].isImplicit }
            var excluded = [Bool](repeating: false, count: phrases.count)
            var ministry = [Bool](repeating: false, count: phrases.count)
            for index in organizations {
                guard let id = phrases[index].knowledgeID else { continue }
                switch resolver.entry(id: id)?.kind ?? "" {
                case "party", "media", "foreign": excluded[index] = true
                case "ministry": ministry[index] = true
                default: break
                }
            }
            self.excluded = excluded
            self.ministry = ministry
        }
    }

    private func contextParent(for index: Int, kind: String, resolved: Resolved, context: ParentContext) -> String? {
        func fits(_ candidate: Int) -> Bool {
            guard phrases[candidate].relativeName == nil, let name = resolved[candidate] else { return false }
            switch kind {
            case "committee": return startsWithHead(name, attribute: "committee")
            case "party": return startsWithHead(name, attribute: "party")
            case "ministry": return context.ministry[candidate]
            // A state body, mass organisation or company (`Ban cán sự đảng` → `… Bộ Giao thông vận tải`),
            // never a Party organ or a newspaper.
            default:
                return !context.excluded[candidate]
                    && !startsWithHead(name, attribute: "committee") && !startsWithHead(name, attribute: "party")
            }
        }
        let start = phrases[index].tokens.lowerBound
        let organizations = context.organizations
        if kind == "organization", let next = organizations.first(where: {
            phrases[$0].tokens.lowerBound > start && phrases[$0].tokens.lowerBound - start <= Self.listReach && fits($0)
        }), sameClause(start, phrases[next].tokens.lowerBound) {
            // In a list of posts the body's organisation usually follows it:
            // `Bí thư Ban cán sự đảng, Bộ trưởng Bộ Giao thông vận tải`.
            return resolved[next]
        }
        if let nearest = organizations.last(where: { phrases[$0].tokens.lowerBound < start && fits($0) }) {
            return resolved[nearest]
        }
        if let nearest = organizations.first(where: { phrases[$0].tokens.lowerBound > start && fits($0) }) {
            return resolved[nearest]
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
        startsWithHead(name, heads: attribute == "committee" ? heads.committee : heads.party)
    }

    private func startsWithHead(_ name: String, heads: [Heads.Head]) -> Bool {
        ByteKey.withBytes(of: name) { bytes in
            let simple = Self.isSimple(bytes)
            // Where every scalar of both is a character (and both are NFC), a prefix of bytes is a prefix of characters.
            return heads.contains { head in
                simple && head.simple
                    ? head.bytes.withUnsafeBufferPointer { Self.startsWith(bytes, $0) }
                    : name.hasPrefix(head.text)
            }
        }
    }
}

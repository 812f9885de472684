#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import RoleGraphKnowledge
import RoleGraphPatterns
import RoleGraphText

/// Turns the patterns' phrases and role statements into a ``Document``: entities with ids, mentions
/// with offsets into the input as read, and one role per (person, title, organisation).
struct DocumentBuilder {
    let text: SourceText
    let tokens: [Token]
    let result: PatternResult
    let knowledge: KnowledgeBase
    let heads: OrganizationResolver.Heads

    func build(id: String, source: String?, date: String?) -> Document {
        let phrases = result.phrases
        let personPhrase = PersonResolver(phrases: phrases).resolve()
        let organizations = OrganizationResolver.resolve(phrases: phrases, tokens: tokens, knowledge: knowledge, heads: heads)

        // Mentions: every phrase but an organisation inside a longer one (its parent keeps no span of its own).
        let covered = Self.coveredOrganizationSpans(phrases)
        var mentionPhrases: [Int] = []
        mentionPhrases.reserveCapacity(phrases.count)
        // Mentions per kind: an entity table for a kind the document does not mention is never made (an array
        // costs some 700 instructions to make and free, whatever its size).
        var (personCount, organizationCount, locationCount) = (0, 0, 0)
        for index in phrases.indices {
            if phrases[index].isImplicit { continue }
            switch phrases[index].kind {
            case .person:
                if personPhrase[index] < 0 { continue }
                personCount += 1
            case .organization:
                if !covered.isEmpty && covered[index] { continue }
                organizationCount += 1
            case .location: locationCount += 1
            case .title: break
            }
            mentionPhrases.append(index)
        }
        mentionPhrases.sort { a, b in
            let (x, y) = (phrases[a].tokens, phrases[b].tokens)
            if x.lowerBound != y.lowerBound { return x.lowerBound < y.lowerBound }
            let (p, q) = (Self.kindOrder(phrases[a].kind), Self.kindOrder(phrases[b].kind))
            if p != q { return p < q }
            return x.upperBound < y.upperBound
        }
        var numbers = [PhraseNumbers](repeating: PhraseNumbers(), count: phrases.count)
        for (number, index) in mentionPhrases.enumerated() { numbers[index].mention = number + 1 }
        let mentionIDs = NumberedIDs.mention

        // Names as dense ids: organisation names, person names, places and titles share one table.
        var names = NameIDs(capacity: phrases.count)
        for index in phrases.indices where phrases[index].kind == .organization {
            numbers[index].organizationName = names.id(organizations[index] ?? phrases[index].name)
        }

        // Entities, numbered in order of first mention.
        var persons = EntityTable(ids: .person, capacity: personCount, names: phrases.count)
        var orgs = EntityTable(ids: .organization, capacity: organizationCount, names: phrases.count)
        var locations = EntityTable(ids: .location, capacity: locationCount, names: phrases.count)
        var aliases: [[String]] = []   // per organisation entity: surfaces unlike the name, each run of bytes once
        for index in mentionPhrases {
            switch phrases[index].kind {
            case .person:
                let name = phrases[personPhrase[index]].name
                numbers[index].entity = persons.add(names.id(name), name: name)
            case .location:
                let name = phrases[index].name
                numbers[index].entity = locations.add(names.id(name), name: name)
            case .organization:
                let nameID = numbers[index].organizationName
                let name = names.names[nameID]
                let entity = orgs.add(nameID, name: name)
                numbers[index].entity = entity
                let range = byteRange(phrases[index].tokens)
                let clamped = range.clamped(to: 0..<text.bytes.count)
                // A surface seen before is not decoded again (some 850 instructions with the compare).
                if !Self.bytes(text.bytes, clamped, equal: name)
                    && !(entity < aliases.count && aliases[entity].contains { Self.bytes(text.bytes, clamped, equal: $0) }) {
                    let surface = text.slice(range)
                    if surface != name {
                        if entity >= aliases.count { aliases.append(contentsOf: repeatElement([], count: entity + 1 - aliases.count)) }
                        aliases[entity].append(surface)
                    }
                }
            case .title: break
            }
        }
        var parents = ParentIDs()
        // Organisations named only through a coordinated place, and parents of organisations that are only
        // named inside another name, still appear.
        for index in phrases.indices where phrases[index].isImplicit && phrases[index].kind == .organization {
            let nameID = numbers[index].organizationName
            orgs.ensure(nameID, name: names.names[nameID])
        }
        parents.ensureParents(of: &orgs, resolved: organizations, names: &names)

        // Roles: one per (person, title, organisation), with the strongest status.
        var roles: [Document.Role] = []
        var roleMentions: [[Int]] = []
        // Per role: its title name id and organisation name id; per person entity: its roles (a person has few).
        var roleKeys: [(title: Int, organization: Int)] = []
        var rolesOfPerson = result.roles.isEmpty ? [] : [[Int]](repeating: [], count: persons.entities.count)
        for statement in result.roles {
            guard !personPhrase.isEmpty, personPhrase[statement.person] >= 0 else { continue }
            let personName = phrases[personPhrase[statement.person]].name
            // The person of that name (the phrase itself need not be a mention).
            let person: Int
            if numbers[statement.person].entity >= 0 {
                person = numbers[statement.person].entity
            } else if let nameID = names.existing(personName), let entity = persons.entity(of: nameID) {
                person = entity
            } else {
                continue
            }
            let position = result.positions[statement.position]
            // The statement's mention numbers (0: none), kept out of an array: most statements add no role.
            var mentions = (numbers[statement.person].mention, numbers[position.title].mention, 0)
            let organization: Int
            switch position.organization {
            case .phrase(let index):
                organization = numbers[index].organizationName
                mentions.2 = numbers[index].mention
            case .implied(let name):
                organization = names.id(name)
            case .none:
                continue
            }
            let orgEntity = orgs.ensure(organization, name: names.names[organization])
            for name in position.alsoNames {
                let nameID = names.id(name)
                orgs.ensure(nameID, name: name)
            }
            let status = Self.status(statement.status)
            let titleName = phrases[position.title].name
            let title = names.id(titleName)
            if let existing = rolesOfPerson[person].first(where: { roleKeys[$0] == (title, organization) }) {
                if status.strength > roles[existing].status.strength { roles[existing].status = status }
                if !roles[existing].rules.contains(statement.rule) {
                    roles[existing].rules.append(statement.rule)
                    roles[existing].rules.sort()
                }
                for mention in [mentions.0, mentions.1, mentions.2] where mention > 0 && !roleMentions[existing].contains(mention) {
                    roleMentions[existing].append(mention)
                }
                roleMentions[existing].sort()
            } else {
                rolesOfPerson[person].append(roles.count)
                roleKeys.append((title, organization))
                roles.append(Document.Role(person: persons.entities[person].id, title: titleName, organization: orgs.entities[orgEntity].id,
                                           status: status, mentions: [], evidence: text.slice(byteRange(position.tokens)),
                                           rules: [statement.rule]))
                roleMentions.append(Self.sortedNumbers(mentions))
            }
        }
        for role in roles.indices { roles[role].mentions = roleMentions[role].map { mentionIDs[$0] } }
        parents.ensureParents(of: &orgs, resolved: organizations, names: &names)

        let mentions: [Document.Mention] = mentionPhrases.map { index in
            // The phrase's fields are read in place: a copy of a `Phrase` retains and releases its six strings.
            let kind = phrases[index].kind
            let span = text.originalSpan(byteRange(phrases[index].tokens))
            let entity: String? = switch kind {
            case .person: persons.entities[numbers[index].entity].id
            case .organization: orgs.entities[numbers[index].entity].id
            case .location: locations.entities[numbers[index].entity].id
            case .title: nil
            }
            // Most spans are written as their phrase's name: then the name is the text, without decoding a copy
            // of the bytes (some 500 instructions a mention).
            let name = phrases[index].name
            let written = Self.bytes(text.original, span.utf8, equal: name)
                ? name : String(decoding: text.original[span.utf8], as: UTF8.self)
            return Document.Mention(
                id: mentionIDs[numbers[index].mention], type: Self.mentionKind(kind),
                start: span.scalars.lowerBound, end: span.scalars.upperBound,
                utf8Start: span.utf8.lowerBound, utf8End: span.utf8.upperBound,
                text: written, entity: entity, rule: phrases[index].rule)
        }

        var personList = persons.entities.map {
            Document.Person(id: $0.id, name: $0.name, mentions: Self.room($0.mentionCount))
        }
        var locationList = locations.entities.map {
            Document.Location(id: $0.id, name: $0.name, mentions: Self.room($0.mentionCount))
        }
        var organizationList: [Document.Organization] = orgs.entities.indices.map { index in
                let entity = orgs.entities[index]
                var surfaces = index < aliases.count ? aliases[index] : []
                if surfaces.count > 1 {
                    surfaces.sort()
                    var unique: [String] = [surfaces[0]]
                    for surface in surfaces.dropFirst() where surface != unique[unique.count - 1] { unique.append(surface) }
                    surfaces = unique
                }
                return Document.Organization(id: entity.id, name: entity.name, aliases: surfaces,
                                             parent: parents.parent(of: entity.nameID, resolved: organizations, names: &names)
                                                .flatMap { orgs.entity(of: $0) }.map { orgs.entities[$0].id },
                                             mentions: Self.room(entity.mentionCount))
        }
        // Each entity's mention ids, in mention order, into room made for them: no list of mention numbers
        // per entity grows and dies on the way (0.9 M instructions over dev+seed).
        for (position, index) in mentionPhrases.enumerated() {
            let mention = mentionIDs[position + 1]
            switch phrases[index].kind {
            case .person: personList[numbers[index].entity].mentions.append(mention)
            case .organization: organizationList[numbers[index].entity].mentions.append(mention)
            case .location: locationList[numbers[index].entity].mentions.append(mention)
            case .title: break
            }
        }

        return Document(
            id: id, source: source, date: date, mentions: mentions, persons: personList,
            organizations: organizationList, locations: locationList, roles: roles)
    }

    /// The non-zero numbers of a triple in increasing order, in one allocation.
    private static func sortedNumbers(_ numbers: (Int, Int, Int)) -> [Int] {
        var (a, b, c) = numbers
        if a > b { swap(&a, &b) }
        if b > c { swap(&b, &c) }
        if a > b { swap(&a, &b) }
        var list: [Int] = []
        list.reserveCapacity(3)
        if a > 0 { list.append(a) }
        if b > 0 { list.append(b) }
        if c > 0 { list.append(c) }
        return list
    }

    /// An empty list with room for `count` mention ids.
    private static func room(_ count: Int) -> [String] {
        var list: [String] = []
        list.reserveCapacity(count)
        return list
    }

    /// The order of `Phrase.Kind` raw values (`location` < `organization` < `person` < `title`).
    private static func kindOrder(_ kind: Phrase.Kind) -> Int {
        switch kind {
        case .location: 0
        case .organization: 1
        case .person: 2
        case .title: 3
        }
    }

    private static func mentionKind(_ kind: Phrase.Kind) -> Document.Mention.Kind {
        switch kind {
        case .person: .person
        case .organization: .organization
        case .title: .title
        case .location: .location
        }
    }

    private static func status(_ status: RoleStatement.Status) -> Document.Status {
        switch status {
        case .current: .current
        case .appointed: .appointed
        case .ended: .ended
        case .former: .former
        }
    }

    /// Per phrase index: an organisation whose span lies inside a longer organisation span; empty when there are
    /// fewer than two organisation spans (none is covered), and then nothing is allocated.
    /// - Complexity: O(n log n): spans sorted by start, longest first, against the furthest end seen so far.
    static func coveredOrganizationSpans(_ phrases: [Phrase]) -> [Bool] {
        let count = phrases.indices.count { phrases[$0].kind == .organization && !phrases[$0].isImplicit }
        guard count > 1 else { return [] }
        var spans: [Int] = []
        spans.reserveCapacity(count)
        for index in phrases.indices where phrases[index].kind == .organization && !phrases[index].isImplicit {
            spans.append(index)
        }
        var covered = [Bool](repeating: false, count: phrases.count)
        spans.sort { a, b in
            let (x, y) = (phrases[a].tokens, phrases[b].tokens)
            return x.lowerBound != y.lowerBound ? x.lowerBound < y.lowerBound : x.upperBound > y.upperBound
        }
        var furthest = Int.min
        var previous: Range<Int>? = nil
        for (position, index) in spans.enumerated() {
            let span = phrases[index].tokens
            if span == previous {
                // The same span again: as the first of them.
                covered[index] = covered[spans[position - 1]]
                continue
            }
            if span.upperBound <= furthest { covered[index] = true }
            furthest = max(furthest, span.upperBound)
            previous = span
        }
        return covered
    }

    /// Whether the bytes in `range` are the name's UTF-8 bytes: one `memcmp` (the generic `elementsEqual` of an
    /// array slice and a `String.UTF8View` cost about 1 000 instructions a name).
    private static func bytes(_ bytes: [UInt8], _ range: Range<Int>, equal name: String) -> Bool {
        ByteKey.withBytes(of: name) { utf8 in
            utf8.count == range.count && bytes.withUnsafeBufferPointer { all in
                range.isEmpty || memcmp(all.baseAddress! + range.lowerBound, utf8.baseAddress!, range.count) == 0
            }
        }
    }

    private func byteRange(_ tokens: Range<Int>) -> Range<Int> {
        self.tokens[tokens.lowerBound].range.lowerBound..<self.tokens[tokens.upperBound - 1].range.upperBound
    }

}

/// What the builder numbers per phrase, in one array rather than three (an array costs some 700 instructions to
/// make and free).
private struct PhraseNumbers {
    /// The mention number (1-based; `m<number>` only in the output), 0 for none.
    var mention = 0
    /// The canonical name id (organisations only), -1 for none.
    var organizationName = -1
    /// The entity index (mentioned phrases only), -1 for none.
    var entity = -1
}

/// Entities of one kind, numbered in order of first appearance (`p1`, `p2`, …), by name id.
struct EntityTable {
    struct Entity {
        var id: String
        var name: String
        var nameID: Int
        var mentionCount: Int
    }
    let ids: NumberedIDs
    private(set) var entities: [Entity] = []
    /// Entity index per name id (-1: none).
    private var index: [Int] = []

    /// A table with room for `count` entities and `names` name ids: grown from empty, its two arrays doubled some
    /// six times a document (0.17 M instructions over dev+seed). With no room asked for, nothing is allocated
    /// until an entity comes.
    init(ids: NumberedIDs, capacity count: Int, names: Int) {
        self.ids = ids
        guard count > 0 else { return }
        entities.reserveCapacity(count)
        index = [Int](repeating: -1, count: names)
    }

    func entity(of nameID: Int) -> Int? {
        nameID < index.count && index[nameID] >= 0 ? index[nameID] : nil
    }

    /// The entity of a name, added when new.
    @discardableResult
    mutating func ensure(_ nameID: Int, name: String) -> Int {
        // Grown by doubling: an `append(contentsOf:)` of a repeated element costs some 200 instructions a call.
        if nameID >= index.count { index.append(contentsOf: repeatElement(-1, count: Swift.max(nameID + 1 - index.count, index.count, 16))) }
        if index[nameID] >= 0 { return index[nameID] }
        index[nameID] = entities.count
        entities.append(Entity(id: ids[entities.count + 1], name: name, nameID: nameID, mentionCount: 0))
        return entities.count - 1
    }

    /// The entity of a mentioned name, counting the mention.
    mutating func add(_ nameID: Int, name: String) -> Int {
        let entity = ensure(nameID, name: name)
        entities[entity].mentionCount += 1
        return entity
    }
}

/// The parent name id of each organisation name id, worked out when first asked. A plain type, not a nested
/// function: a local function's captured variables (the name and entity tables) live in boxes whose every
/// access is checked for exclusivity at run time.
struct ParentIDs {
    /// Parent name id + 1 per name id (0: not yet asked; -1: none).
    private var known: [Int32] = []

    mutating func parent(of nameID: Int, resolved: OrganizationResolver.Resolved, names: inout NameIDs) -> Int? {
        guard resolved.hasParents else { return nil }
        if nameID < known.count, known[nameID] != 0 { return known[nameID] < 0 ? nil : Int(known[nameID]) - 1 }
        let parent = resolved.parent(of: names.names[nameID]).map { names.id($0) }
        if nameID >= known.count { known.append(contentsOf: repeatElement(0, count: Swift.max(nameID + 1 - known.count, known.count, 16))) }
        known[nameID] = parent.map { Int32(truncatingIfNeeded: $0 + 1) } ?? -1
        return parent
    }

    /// Gives the parent of every organisation in the table an entity of its own.
    mutating func ensureParents(of orgs: inout EntityTable, resolved: OrganizationResolver.Resolved, names: inout NameIDs) {
        guard resolved.hasParents else { return }
        for entity in 0..<orgs.entities.count {
            if let parent = parent(of: orgs.entities[entity].nameID, resolved: resolved, names: &names) {
                orgs.ensure(parent, name: names.names[parent])
            }
        }
    }
}

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

    func build(id: String, source: String?, date: String?) -> Document {
        let phrases = result.phrases
        let personNames = PersonResolver(phrases: phrases).resolve()
        let organizations = OrganizationResolver(phrases: phrases, tokens: tokens, knowledge: knowledge).resolve()

        // Mentions: every phrase but an organisation inside a longer one (its parent keeps no span of its own).
        let covered = Self.coveredOrganizationSpans(phrases)
        var mentionPhrases: [Int] = []
        for (index, phrase) in phrases.enumerated() {
            if phrase.isImplicit { continue }
            switch phrase.kind {
            case .person: if personNames[index] == nil { continue }
            case .organization: if covered.contains(phrase.tokens) { continue }
            default: break
            }
            mentionPhrases.append(index)
        }
        mentionPhrases.sort { a, b in
            let (x, y) = (phrases[a], phrases[b])
            return (x.tokens.lowerBound, x.kind.rawValue, x.tokens.upperBound) < (y.tokens.lowerBound, y.kind.rawValue, y.tokens.upperBound)
        }
        var mentionID: [Int: String] = [:]
        for (number, index) in mentionPhrases.enumerated() { mentionID[index] = "m\(number + 1)" }

        // Entities, numbered in order of first mention.
        var persons = EntityTable(prefix: "p")
        var orgs = EntityTable(prefix: "o")
        var locations = EntityTable(prefix: "l")
        var aliases: [String: Set<String>] = [:]
        for index in mentionPhrases {
            let phrase = phrases[index]
            let mention = mentionID[index]!
            switch phrase.kind {
            case .person: persons.add(personNames[index]!, mention: mention)
            case .location: locations.add(phrase.name, mention: mention)
            case .organization:
                let name = organizations.names[index] ?? phrase.name
                orgs.add(name, mention: mention)
                let surface = text.slice(byteRange(phrase.tokens))
                if surface != name { aliases[name, default: []].insert(surface) }
            case .title: break
            }
        }
        // Organisations named only through a coordinated place, and parents of organisations that are only
        // named inside another name, still appear.
        for (index, phrase) in phrases.enumerated() where phrase.isImplicit && phrase.kind == .organization {
            orgs.ensure(organizations.names[index] ?? phrase.name)
        }
        for name in orgs.names { if let parent = organizations.parents[name] { orgs.ensure(parent) } }

        // Roles: one per (person, title, organisation), with the strongest status.
        var roles: [String: Document.Role] = [:]
        var roleOrder: [String] = []
        for statement in result.roles {
            guard let person = personNames[statement.person], let personID = persons.id(of: person) else { continue }
            let position = result.positions[statement.position]
            let title = phrases[position.title]
            var roleMentions = [mentionID[statement.person], mentionID[position.title]].compactMap { $0 }
            let organization: String
            switch position.organization {
            case .phrase(let index):
                organization = organizations.names[index] ?? phrases[index].name
                if let mention = mentionID[index] { roleMentions.append(mention) }
            case .implied(let name):
                organization = name
            case .none:
                continue
            }
            orgs.ensure(organization)
            for name in position.alsoNames { orgs.ensure(name) }
            let status = Document.Status(rawValue: statement.status.rawValue) ?? .current
            let key = "\(personID)\u{1}\(title.name)\u{1}\(organization)"
            let evidence = text.slice(byteRange(position.tokens))
            if var existing = roles[key] {
                if status.strength > existing.status.strength { existing.status = status }
                existing.rules = Array(Set(existing.rules + [statement.rule])).sorted()
                existing.mentions = Array(Set(existing.mentions + roleMentions)).sorted(by: Self.mentionOrder)
                roles[key] = existing
            } else {
                roleOrder.append(key)
                roles[key] = Document.Role(person: personID, title: title.name, organization: orgs.id(of: organization)!,
                                           status: status, mentions: roleMentions.sorted(by: Self.mentionOrder), evidence: evidence,
                                           rules: [statement.rule])
            }
        }
        for name in orgs.names { if let parent = organizations.parents[name] { orgs.ensure(parent) } }

        let mentions: [Document.Mention] = mentionPhrases.map { index in
            let phrase = phrases[index]
            let span = text.originalSpan(byteRange(phrase.tokens))
            let entity: String? = switch phrase.kind {
            case .person: persons.id(of: personNames[index]!)
            case .organization: orgs.id(of: organizations.names[index] ?? phrase.name)
            case .location: locations.id(of: phrase.name)
            case .title: nil
            }
            return Document.Mention(
                id: mentionID[index]!, type: Document.Mention.Kind(rawValue: phrase.kind.rawValue)!,
                start: span.scalars.lowerBound, end: span.scalars.upperBound,
                utf8Start: span.utf8.lowerBound, utf8End: span.utf8.upperBound,
                text: String(decoding: text.original[span.utf8], as: UTF8.self), entity: entity, rule: phrase.rule)
        }

        return Document(
            id: id, source: source, date: date, mentions: mentions,
            persons: persons.entities.map { Document.Person(id: $0.id, name: $0.name, mentions: $0.mentions) },
            organizations: orgs.entities.map {
                Document.Organization(id: $0.id, name: $0.name, aliases: (aliases[$0.name] ?? []).sorted(),
                                      parent: organizations.parents[$0.name].flatMap { orgs.id(of: $0) }, mentions: $0.mentions)
            },
            locations: locations.entities.map { Document.Location(id: $0.id, name: $0.name, mentions: $0.mentions) },
            roles: roleOrder.map { roles[$0]! })
    }

    /// Organisation spans that lie inside a longer organisation span.
    /// - Complexity: O(n log n): spans sorted by start, longest first, against the furthest end seen so far.
    static func coveredOrganizationSpans(_ phrases: [Phrase]) -> Set<Range<Int>> {
        let spans = Set(phrases.filter { $0.kind == .organization && !$0.isImplicit }.map(\.tokens))
            .sorted { ($0.lowerBound, -$0.upperBound) < ($1.lowerBound, -$1.upperBound) }
        var covered: Set<Range<Int>> = []
        var furthest = Int.min
        for span in spans {
            if span.upperBound <= furthest { covered.insert(span) }
            furthest = max(furthest, span.upperBound)
        }
        return covered
    }

    private func byteRange(_ tokens: Range<Int>) -> Range<Int> {
        self.tokens[tokens.lowerBound].range.lowerBound..<self.tokens[tokens.upperBound - 1].range.upperBound
    }

    static func mentionOrder(_ a: String, _ b: String) -> Bool {
        (Int(a.dropFirst()) ?? 0) < (Int(b.dropFirst()) ?? 0)
    }
}

/// Entities of one kind, numbered in order of first appearance (`p1`, `p2`, …).
struct EntityTable {
    struct Entity {
        var id: String
        var name: String
        var mentions: [String]
    }
    let prefix: String
    private(set) var entities: [Entity] = []
    private var index: [String: Int] = [:]

    init(prefix: String) { self.prefix = prefix }

    var names: [String] { entities.map(\.name) }

    func id(of name: String) -> String? { index[name].map { entities[$0].id } }

    mutating func ensure(_ name: String) {
        guard index[name] == nil else { return }
        index[name] = entities.count
        entities.append(Entity(id: "\(prefix)\(entities.count + 1)", name: name, mentions: []))
    }

    mutating func add(_ name: String, mention: String) {
        ensure(name)
        entities[index[name]!].mentions.append(mention)
    }
}

import RoleGraphKnowledge
import RoleGraphText

/// Runs the parsers over a document's tokens, left to right; at each token the first parser that
/// applies wins and the scan resumes after its phrase:
/// credit and its name (`Ảnh: Phạm Bằng`, `Hiền Hạnh (TTXVN)`) → event or document head (skipped:
/// `Hội nghị`, `Quyết định`) → honorific and the name after it → status cue (skipped: `giữ chức vụ`) →
/// title and its organisation (a position) → person → organisation → place.
public struct PhraseScanner: Sendable {
    public let knowledge: KnowledgeBase

    public init(knowledge: KnowledgeBase) {
        self.knowledge = knowledge
    }

    /// `syllables`: the tokens' syllable ids, when the caller has them (``GazetteerMatcher/syllableIDs(for:)``).
    /// - Complexity: O(tokens × longest knowledge entry) for the scan, plus the role rules' linear pass.
    public func scan(_ tokens: [Token], syllables: [Int32]? = nil, date: String?) -> PatternResult {
        let context = PatternContext(tokens: tokens, syllables: syllables, knowledge: knowledge, date: date)
        let persons = PersonParser(context: context)
        let positions = PositionParser(context: context)
        let organizations = OrganizationParser(context: context)
        var result = PatternResult()
        var index = 0
        while index < tokens.count {
            guard context.mayStartPhrase(index) else {
                index += 1
                continue
            }
            if let credit = context.longest(Kinds.byline, at: index), context.isPunctuation(credit.tokens.upperBound, ":"),
               let person = persons.parseCredit(at: credit.tokens.upperBound + 1) {
                result.phrases.append(person)
                index = person.tokens.upperBound
                continue
            }
            if let credited = persons.closingCredit(at: index) {
                result.phrases += credited
                index = credited[credited.count - 1].tokens.upperBound
                continue
            }
            if let event = context.longest(Kinds.eventHead, at: index) {
                index = event.tokens.upperBound
                continue
            }
            if let honorific = context.longest(Kinds.honorific, at: index),
               let person = persons.parse(at: honorific.tokens.upperBound)
                ?? persons.parseAfterHonorific(at: honorific.tokens.upperBound) {
                result.phrases.append(person)
                index = person.tokens.upperBound
                continue
            }
            if let cue = context.longest(Kinds.statusCue, at: index), context.longest(Kinds.title, at: index) == nil {
                // `giữ chức vụ Phó trưởng Ban …`: a cue's words start nothing (`vụ Phó` is no title here).
                index = cue.tokens.upperBound
                continue
            }
            if context.mayStart(Kinds.title.mask, at: index), let position = positions.parse(at: index) {
                result.add(position)
                index = position.end
                continue
            }
            if let place = PlaceParser(context: context).parseWithPrefix(at: index), context.isCapitalised(place.end - 1) {
                // `TP. Hồ Chí Minh`, `tỉnh Yên Bái`: a place, whatever else its name could be.
                result.phrases.append(Phrase(kind: .location, tokens: index..<place.end, rule: "gazetteer:location", name: place.name))
                index = place.end
                continue
            }
            if let person = persons.parse(at: index) {
                result.phrases.append(person)
                index = person.tokens.upperBound
                continue
            }
            if let organization = organizations.parse(at: index) {
                result.add(organization.phrases)
                index = organization.end
                for coordinated in coordinatedPlaces(after: organization, context: context) {
                    result.add(coordinated.phrases)
                    index = coordinated.end
                }
                continue
            }
            if let place = context.longest(Kinds.location, at: index) {
                result.phrases.append(Phrase(kind: .location, tokens: place.tokens, rule: "gazetteer:location",
                                             name: context.name(place)))
                index = place.tokens.upperBound
                continue
            }
            index += 1
        }
        RoleRules(context: context).apply(to: &result)
        return result
    }
}

extension PhraseScanner {
    /// `Ban Thường vụ Tỉnh ủy Điện Biên, Yên Bái và Thái Bình`: an organisation named by a place, followed by
    /// more places joined by `,` or `và`, names the same organisation of each place. Each gets a copy of
    /// the phrases with the place's name in place of the first one's; the last copy spans the place.
    func coordinatedPlaces(after organization: OrganizationParser.Parse, context: PatternContext) -> [OrganizationParser.Parse] {
        guard let placeName = organization.place else { return [] }
        var result: [OrganizationParser.Parse] = []
        var cursor = organization.end
        while cursor + 1 < context.tokens.count, context.continuesLine(cursor),
              context.isPunctuation(cursor, ",") || context.is(cursor, .conjunction),
              let place = context.longest(Kinds.location, at: cursor + 1) {
            let name = context.name(place)
            // Not a place list if the place starts something longer (`Hà Nội, Bộ …`) or a new clause.
            let end = place.tokens.upperBound
            if end < context.tokens.count, context.continuesLine(end), context.tokens[end].kind == .word,
               context.tokens[end].shape != .lower { break }
            var phrases = organization.phrases.map { phrase -> Phrase in
                var copy = phrase
                if copy.name.hasSuffix(placeName) { copy.name = String(copy.name.dropLast(placeName.count)) + name }
                copy.tokens = place.tokens
                copy.isImplicit = true
                copy.knowledgeID = nil
                copy.surface = nil
                return copy
            }
            phrases[phrases.count - 1].isImplicit = false
            result.append(OrganizationParser.Parse(phrases: phrases, end: end, place: name))
            cursor = end
        }
        return result
    }
}

extension PatternResult {
    /// Appends organisation phrases (parents first), linking each to the one before it as its parent.
    /// Returns the index of the last (the outermost-named) organisation.
    @discardableResult
    mutating func add(_ organizations: [Phrase]) -> Int? {
        var previous: Int? = nil
        for var phrase in organizations {
            if let previous { phrase.parent = previous }
            phrases.append(phrase)
            previous = phrases.count - 1
        }
        return previous
    }

    mutating func add(_ position: PositionParser.Parse) {
        phrases.append(position.title)
        let title = phrases.count - 1
        let organization: Position.Organization
        if let index = add(position.organizations) {
            organization = .phrase(index)
        } else if let implied = position.implied {
            organization = .implied(implied)
        } else {
            organization = .none
        }
        positions.append(Position(title: title, organization: organization, alsoNames: position.alsoNames,
                                  tokens: position.title.tokens.lowerBound..<position.end, head: position.head,
                                  terms: position.terms))
    }
}

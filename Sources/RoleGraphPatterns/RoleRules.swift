import RoleGraphKnowledge
import RoleGraphText

/// Links persons to positions. The shapes are data: the rules of `Resources/roles.rules`
/// (`role:title-before-name`, `role:apposition`, `role:predicate`, `role:pronoun-predicate`, `role:group`,
/// `role:biography`; see `Rules/README.md`). This type adds what is not shape:
///
/// - whom a biography is about: the person the article names most before it;
/// - a position with no organisation in a list borrows the next one's (`Bộ trưởng, Chủ nhiệm Văn phòng
///   Chính phủ`), else, when its title shares a head word with organisations, the nearest one before it
///   with that head (`Phó ban` → `Ban Kinh tế Trung ương`);
/// - the status: the strongest cue before the title in the same clause (`bổ nhiệm` → appointed,
///   `thôi giữ chức` → ended, `nguyên` → former), carried over the rest of its list; a dated past period in
///   the sentence or terms that all ended before the article's date make it `former`; else the rule's
///   default (`former` for biographies, `current` otherwise).
struct RoleRules {
    let context: PatternContext
    /// The year of the article's date, which the past tests compare with (`nil`: no date).
    private let year: Int?

    init(context: PatternContext) {
        self.context = context
        year = context.date.flatMap { Int($0.prefix(4)) }
    }

    /// Punctuation that ends the clause in which a status cue speaks of a title: a one-byte (ASCII) token,
    /// compared by its byte (no other text is canonically equal to an ASCII one).
    static func isClauseBoundary(_ text: String) -> Bool {
        text.utf8.count == 1 && ",;.:()-!?".utf8.contains(text.utf8.first!)
    }

    /// Reads the role rules' matches (`Resources/roles.rules`) and records a role statement for each
    /// person and position they give, with the rule's id.
    func apply(to result: inout PatternResult) {
        let items = RuleItems.stream(context: context, result: result, rules: RuleSet.bundled)
        for match in RoleRuleMatch.read(RuleSet.bundled.matches(in: items), items: items, result: result) {
            switch match.subject {
            case .persons(let persons):
                for person in persons { add(match.positions, to: person, rule: match.rule, default: match.defaultStatus, in: &result) }
            case .articleMainPerson(let start):
                guard let subject = biographySubject(before: start, in: result) else { continue }
                add(match.positions, to: subject, rule: match.rule, default: match.defaultStatus, in: &result)
            }
        }
        bodiesFromUnheldPositions(in: &result)
    }

    /// Whom a biography is about: of the names before it, the one the article names most often
    /// (credits such as `Ảnh: Hà Khánh` never), the last of them on a tie.
    private func biographySubject(before start: Int, in result: PatternResult) -> Int? {
        var counts: [String: (count: Int, last: Int)] = [:]
        // Read in place: a copied `Phrase` retains and releases its six strings.
        result.phrases.withUnsafeBufferPointer { phrases in
            for index in phrases.indices where phrases[index].kind == .person && phrases[index].tokens.upperBound <= start
                && phrases[index].rule != "person:byline" {
                counts[phrases[index].name, default: (0, index)].count += 1
                counts[phrases[index].name]!.last = index
            }
        }
        return counts.values.max { ($0.count, $0.last) < ($1.count, $1.last) }?.last
    }

    /// Records roles for a list; a position with no organisation takes the next one's.
    private func add(_ list: [Int], to person: Int, rule: String, default fallback: RoleStatement.Status,
                     in result: inout PatternResult) {
        for (offset, index) in list.enumerated() where Self.hasNoOrganization(index, in: result) {
            if let next = list.dropFirst(offset + 1).first(where: { !Self.hasNoOrganization($0, in: result) }) {
                result.positions[index].organization = result.positions[next].organization
            } else if let named = organizationByHead(for: index, in: result) {
                result.positions[index].organization = .phrase(named)
            }
        }
        // A decision that opens a list of persons decides for each of them (`bổ nhiệm có thời hạn các ông:
        // - Nguyễn Hoàng Tuấn, …, giữ chức Phó Vụ trưởng …; - Đào Quang Tuynh, …`).
        let decided = decision(before: result.phrases.withUnsafeBufferPointer { $0[person].tokens.lowerBound })
        // A cue carries over the rest of the list: `nguyên Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh` ends both.
        var carried = fallback
        for index in list {
            if let stated = cueStatus(before: Self.titleStart(of: index, in: result)) {
                carried = stated == .current ? fallback : stated
            }
            var status = carried
            if status == .current, let decided { status = decided }
            if status == .current, termsEnded(index, in: result) { status = .former }
            result.roles.append(RoleStatement(person: person, position: index, status: status, rule: rule))
        }
    }

    /// Whether a position has no organisation, read in place (a copied `Position` retains its strings).
    private static func hasNoOrganization(_ position: Int, in result: PatternResult) -> Bool {
        result.positions.withUnsafeBufferPointer { positions in
            if case .none = positions[position].organization { return true }
            return false
        }
    }

    /// The first token of a position's title, read in place.
    private static func titleStart(of position: Int, in result: PatternResult) -> Int {
        let title = result.positions.withUnsafeBufferPointer { $0[position].title }
        return result.phrases.withUnsafeBufferPointer { $0[title].tokens.lowerBound }
    }

    /// The status of an appointing or ending cue that closes, with a colon, the list a person stands in:
    /// back from the person within the sentence to a colon, and a cue at most eight tokens before it.
    func decision(before personStart: Int) -> RoleStatement.Status? {
        var index = personStart - 1
        while index > 0, personStart - index < 120, !context.isSentenceEnd(index) {
            if context.isPunctuation(index, ":") {
                for start in max(0, index - 8)..<index {
                    guard let cue = context.longest(Kinds.statusCue, at: start), cue.tokens.upperBound <= index,
                          let status = status(of: cue),
                          status == .appointed || status == .ended else { continue }
                    return status
                }
                return nil
            }
            index -= 1
        }
        return nil
    }

    /// A title that shares its head with its organisation but names none (`Phó ban` in `Ba Phó ban kiêm
    /// nhiệm gồm: …`) belongs to the nearest organisation before it with that head (`Ban Kinh tế Trung ương`).
    private func organizationByHead(for position: Int, in result: PatternResult) -> Int? {
        guard let head = result.positions[position].head else { return nil }
        let start = result.positions[position].tokens.lowerBound
        let headWord = head.split(separator: " ").first.map(String.init)
        let prefix = head + " "
        // Written with the head (`Ban Kinh tế Trung ương`, not `Trung ương Đảng` for the Central Committee),
        // and never one of the fixed top bodies (`Bộ Chính trị` has no Bộ trưởng). Phrases and tokens are read in place.
        return result.phrases.withUnsafeBufferPointer { phrases in
            context.tokens.withUnsafeBufferPointer { tokens in
            phrases.indices.last { index in
                guard phrases[index].kind == .organization, phrases[index].tokens.upperBound <= start, !phrases[index].isImplicit,
                      phrases[index].relativeName == nil, tokens[phrases[index].tokens.lowerBound].lower == headWord,
                      phrases[index].name.lowercased().hasPrefix(prefix) else { return false }
                let fixed = phrases[index].knowledgeID.flatMap { context.knowledge.entry(id: $0)?.attributes["canonical"] } == "fixed"
                return !fixed
            }
            }
        }
    }

    /// `Ủy viên Bộ Chính trị khóa XI` in a 2017 article: every listed term ended before the article's date.
    private func termsEnded(_ index: Int, in result: PatternResult) -> Bool {
        guard result.positions.withUnsafeBufferPointer({ !$0[index].terms.isEmpty }) else { return false }
        let position = result.positions[index]
        // Whose terms count comes from the organisation's entry (`terms=assembly` for Quốc hội); else the Party's.
        let entry: KnowledgeEntry? = switch position.organization {
        case .phrase(let index): result.phrases[index].knowledgeID.flatMap { context.knowledge.entry(id: $0) }
        case .implied(let name): context.knowledge.entries(of: .organization).first { $0.name == name }
        case .none: nil
        }
        let body = entry?.attributes["terms"] ?? "party"
        return TermQualifier(context: context).allEnded(position.terms, body: body, before: context.date)
    }

    /// The status of the nearest cue before the title in the same clause, if there is one.
    func cueStatus(before titleStart: Int) -> RoleStatement.Status? {
        var start = titleStart
        context.tokens.withUnsafeBufferPointer { tokens in
            while start > 0, titleStart - start < 8 {
                if tokens[start].gap == .newline || (tokens[start - 1].kind != .word && Self.isClauseBoundary(tokens[start - 1].text)) { break }
                start -= 1
            }
        }
        // Every cue in the clause; the strongest wins (`thôi giữ chức` over `giữ chức`), then the nearest.
        var best: (rank: Int, end: Int, status: RoleStatement.Status, start: Int)? = nil
        for index in start..<titleStart {
            guard let cue = context.longest(Kinds.statusCue, at: index), cue.tokens.upperBound <= titleStart,
                  let status = status(of: cue)
            else { continue }
            let rank = Self.cueRank(status)
            if best == nil || (rank, cue.tokens.upperBound) > (best!.rank, best!.end) {
                best = (rank, cue.tokens.upperBound, status, cue.tokens.lowerBound)
            }
        }
        if best?.status != .ended, pastPeriod(before: titleStart) { return .former }
        // Only a copula (`là`) is put in the past: an apposition still names the post held now (`Trước đó, tại
        // trụ sở Bộ Quốc phòng, Đại tướng Ngô Xuân Lịch, Bộ trưởng Bộ Quốc phòng, …`), and `giữ chức` after a
        // decision is that decision's event (`Trước đó, Bộ Chính trị đã quyết định … giữ chức Phó Trưởng Ban …`).
        if let best, best.status == .current, best.end - best.start == 1, context.is(best.start, .copula),
           sentenceOpensInThePast(before: titleStart) { return .former }
        // `Đầu tháng 2/2016, ông được Bộ Chính trị phân công làm Bí thư …`: an appointment or a departure dated
        // before the article is the role's history, not this article's event.
        if let status = best?.status, status == .appointed || status == .ended, pastDate(before: titleStart) { return .former }
        return best?.status
    }

    /// The status a cue states (its `status` attribute in `lexicon.tsv`).
    private func status(of cue: GazetteerMatch) -> RoleStatement.Status? {
        context.entry(cue).attributes["status"].flatMap(RoleStatement.Status.init(rawValue:))
    }

    /// Statements about the article's own event outrank descriptions of a role.
    static func cueRank(_ status: RoleStatement.Status) -> Int {
        switch status {
        case .ended, .appointed: 2
        case .former: 1
        case .current: 0
        }
    }

    /// A dated past period earlier in the sentence (`Từ tháng 7/2010 đến 5/2013, ông … làm`, `Giai đoạn
    /// 2006-2011`): a range whose years all precede the article's year makes the role `former`.
    func pastPeriod(before titleStart: Int) -> Bool {
        guard let year else { return false }
        let now = FunctionWordRoles.now
        return context.tokens.withUnsafeBufferPointer { tokens in
            var years = 0
            var index = titleStart - 1
            while index >= 0, titleStart - index < 30 {
                if context.isSentenceEnd(index) { break }
                // An ongoing period (`đến nay`) or a year not before the article's: not past, whatever lies before.
                if context.roles(index).contains(now) { return false }
                if tokens[index].kind == .number, let value = Self.year(tokens[index].text) {
                    if value >= year { return false }
                    years += 1
                }
                if tokens[index].gap == .newline { break }
                index -= 1
            }
            return years >= 2
        }
    }

    /// `Trước đó, bà Trà là Chủ tịch UBND tỉnh`: a sentence that opens with a past adverb (a function word) and
    /// a comma puts its copulas in the past.
    func sentenceOpensInThePast(before titleStart: Int) -> Bool {
        var start = titleStart
        while start > 0, titleStart - start < 40, !context.isSentenceEnd(start - 1), context.tokens[start].gap != .newline {
            start -= 1
        }
        let length = start < titleStart ? context.functionWordLength(at: start, .pastAdverb) : 0
        return length > 0 && start + length < titleStart && context.isPunctuation(start + length, ",")
    }

    /// A date with a month earlier in the sentence (`tháng 2/2016`, `ngày 7/5/2013`, `7.2.2013`) whose year
    /// precedes the article's. A bare year is not enough: `sinh năm 1960` dates the person, not the event.
    func pastDate(before titleStart: Int) -> Bool {
        guard let year else { return false }
        var index = titleStart - 1
        while index >= 1, titleStart - index < 30 {
            if context.tokens[index].gap == .newline { break }
            if context.isSentenceEnd(index) { break }
            if context.tokens[index].kind == .number, let value = Self.year(context.tokens[index].text),
               context.tokens[index].text.contains(".") || (context.isPunctuation(index - 1, "/") && context.tokens[index].gap == .none) {
                if value < year { return true }
            }
            index -= 1
        }
        return false
    }

    /// The year a number token ends with (`2016`, `7.2.2013`), if it is a plausible one.
    private static func year(_ text: String) -> Int? {
        guard text.utf8.count >= 4, let value = Int(text.suffix(4)), (1945...2100).contains(value) else { return nil }
        return value
    }

    /// A position that no person holds and whose title also names a body (`trình Thường trực Đảng ủy Khối`)
    /// is that body of its organisation: `Thường trực Đảng ủy Khối`.
    private func bodiesFromUnheldPositions(in result: inout PatternResult) {
        // Flags by position, the roles read in place (a copied statement retains its rule).
        var held = [Bool](repeating: false, count: result.positions.count)
        result.roles.withUnsafeBufferPointer { roles in
            for role in roles.indices where held.indices.contains(roles[role].position) { held[roles[role].position] = true }
        }
        for index in result.positions.indices where !held[index] {
            // Read in place: most positions are held or name no body, and a copied `Position` or `Phrase`
            // retains and releases its strings.
            let found: (organization: Int, tokens: Range<Int>, body: GazetteerMatch)? = result.positions.withUnsafeBufferPointer { positions in
                guard case .phrase(let organization) = positions[index].organization else { return nil }
                let title = result.phrases.withUnsafeBufferPointer { $0[positions[index].title].tokens }
                guard let body = context.longest(Kinds.relativeBody, at: title.lowerBound), body.tokens == title else { return nil }
                return (organization, positions[index].tokens, body)
            }
            guard let (organization, tokens, body) = found else { continue }
            let name = context.entry(body).name
            var phrase = Phrase(kind: .organization, tokens: tokens, rule: "shape:relative-body",
                                name: name + " " + result.phrases[organization].name)
            phrase.relativeName = name
            phrase.parent = organization
            result.phrases.append(phrase)
        }
    }
}

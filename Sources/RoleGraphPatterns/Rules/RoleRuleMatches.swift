/// The role rules' matches read as what `RoleRules` acts on: a subject, a list of positions, a default
/// status, in the order the rules want them applied.
///
/// This is the bridge from shapes (the rule file) to semantics (Swift): it reads the attributes the
/// rules carry and the claim of `claims=position` rules, and leaves to `RoleRules` what needs the
/// article (whom a biography is about, each position's status, borrowed organisations).
///
/// - `subject=person` / `subject=persons`: the phrase(s) captured as `person` / `persons`.
/// - `subject=pronoun`: the `subject` capture is a lone `ông`/`bà`; it stands for the last full
///   (not short) person phrase that ends before it, as `RoleRules.pronounSubjects` has it.
/// - `subject=article-main-person`: the caller picks the person (`RoleRules.biographySubject(before:)`)
///   from ``Subject/articleMainPerson(before:)``.
/// - `default-status`, and `ongoing-status` when the captured `period` is ongoing (`2006 - nay:`).
/// - `claims=position`: the captured `position` (and the `positions` stacked before it) belong to this
///   match alone. Matches are taken by
///   priority (then start); a later match's position list ends before the first claimed position, as
///   `RoleRules.positionList` does, and a group whose position is claimed yields nothing.
///
/// - Complexity: O(matches × positions each + persons) for pronoun subjects.
struct RoleRuleMatch: Equatable {
    enum Subject: Equatable {
        case persons([Int])
        /// Token index where the biography's period starts: the subject is named before it.
        case articleMainPerson(before: Int)
    }

    var rule: String
    var subject: Subject
    /// Position indices, in list order.
    var positions: [Int]
    var defaultStatus: RoleStatement.Status

    static func read(_ matches: [RuleMatch], items: RuleStream, result: PatternResult) -> [RoleRuleMatch] {
        let ordered = matches.indices.sorted { a, b in (-matches[a].priority, a) < (-matches[b].priority, b) }
        // Claimed positions by index (grown on demand: a capture may hold any item's index).
        var claimed: [Bool] = []
        var read: [RoleRuleMatch] = []
        var readings: [Reading] = []
        for match in ordered.lazy.map({ matches[$0] }) {
            let reading: Reading
            if let known = readings.first(where: { $0.rule == match.rule }) {
                reading = known
            } else {
                reading = Reading(match)
                readings.append(reading)
            }
            var single: Int? = nil
            for item in match.capture("position") ?? [] where items.indices[item] >= 0 {
                single = Int(items.indices[item])
                break
            }
            var positions: [Int] = []
            if reading.claims {
                // The positions stacked before a name (`Ủy viên Bộ Chính trị, Chủ tịch Quốc hội Nguyễn Thị Kim
                // Ngân`) belong to it; a stack is cut after a position another match claimed.
                guard let single, single >= claimed.count || !claimed[single] else { continue }
                match.appendIndices("positions", in: items, to: &positions)
                if let cut = positions.lastIndex(where: { $0 < claimed.count && claimed[$0] }) { positions.removeSubrange(...cut) }
                positions.append(single)
                for index in positions {
                    if index >= claimed.count { claimed += repeatElement(false, count: index + 1 - claimed.count) }
                    claimed[index] = true
                }
            } else {
                if let single {
                    if single < claimed.count && claimed[single] { continue }
                    positions.append(single)
                }
                match.appendIndices("positions", in: items, to: &positions)
                if let cut = positions.firstIndex(where: { $0 < claimed.count && claimed[$0] }) { positions.removeSubrange(cut...) }
            }
            guard !positions.isEmpty else { continue }
            let subject: Subject
            switch reading.subject {
            case .persons: subject = .persons(match.indices("persons", in: items))
            case .pronoun:
                guard let item = match.capture("subject")?.first,
                      let person = lastFullPerson(before: items.tokens[item].lowerBound, in: result) else { continue }
                subject = .persons([person])
            case .articleMainPerson:
                let start = match.capture("period")?.first.map { items.tokens[$0].lowerBound } ?? items.tokens[match.items.lowerBound].lowerBound
                subject = .articleMainPerson(before: start)
            case .person: subject = .persons(match.indices("person", in: items))
            }
            let ongoing = match.capture("period")?.first.map { items.ongoing[$0] } ?? false
            read.append(RoleRuleMatch(rule: match.rule, subject: subject, positions: positions,
                                      defaultStatus: ongoing ? reading.ongoingStatus : reading.defaultStatus))
        }
        return read
    }

    /// What a rule's attributes say, read once per rule and call: a dictionary look-up per attribute and
    /// match cost more than the rest of the reading.
    private struct Reading {
        enum SubjectKind { case person, persons, pronoun, articleMainPerson }
        let rule: String
        /// `claims=position`.
        let claims: Bool
        let subject: SubjectKind
        /// The status of a match whose captured period is ongoing (`ongoing-status`, else `default-status`),
        /// and of the rest (`default-status`); `current` when the attribute names no status.
        let ongoingStatus: RoleStatement.Status
        let defaultStatus: RoleStatement.Status

        init(_ match: RuleMatch) {
            let attributes = match.attributes
            rule = match.rule
            claims = attributes["claims"] == "position"
            subject = switch attributes["subject"] {
            case "persons"?: .persons
            case "pronoun"?: .pronoun
            case "article-main-person"?: .articleMainPerson
            default: .person
            }
            ongoingStatus = (attributes["ongoing-status"] ?? attributes["default-status"]).flatMap(RoleStatement.Status.init(rawValue:)) ?? .current
            defaultStatus = attributes["default-status"].flatMap(RoleStatement.Status.init(rawValue:)) ?? .current
        }
    }

    /// The last person phrase, not a short reference, that ends at or before a token.
    private static func lastFullPerson(before token: Int, in result: PatternResult) -> Int? {
        // Read in place: a copied `Phrase` retains and releases its six strings.
        result.phrases.withUnsafeBufferPointer { phrases in
            phrases.indices.last { phrases[$0].kind == .person && !phrases[$0].isShortReference && phrases[$0].tokens.upperBound <= token }
        }
    }
}

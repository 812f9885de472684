import RoleGraphDocument

/// An article's text as HTML with every mention wrapped in `<mark class="mention TYPE">`, whose
/// `title` (the hover text) names the canonical entity and the rule that found the mention.
///
/// Offsets are the contract's: Unicode scalars into the text exactly as read, so the text handed in
/// must be the input bytes decoded, not a normalised copy. A mention whose span does not hold its own
/// `text` (the wrong file, or a text edited since) is not marked and is counted in ``skipped``, so a
/// mismatch shows instead of highlighting the wrong words.
///
/// Mentions of different types may overlap or cross (`Phó trưởng Ban` as a title, `Ban Kinh tế Trung
/// ương` as an organisation). Marks are kept properly nested: at each boundary the open marks that end
/// or no longer lead are closed and the rest reopened, so a crossing mention becomes two adjacent marks
/// with the same title.
struct MentionMarkup {
    var html = ""
    /// Mentions not marked because their span does not hold their text.
    var skipped = 0

    /// - Complexity: O(n + b · k) for n scalars, b span boundaries and at most k overlapping mentions.
    init(text: String, document: Document) {
        let scalars = Array(text.unicodeScalars)
        let hover = Self.hoverTexts(document)
        var mentions: [Document.Mention] = []
        for mention in document.mentions {
            guard mention.start >= 0, mention.start < mention.end, mention.end <= scalars.count,
                  String(String.UnicodeScalarView(scalars[mention.start..<mention.end])) == mention.text else {
                skipped += 1
                continue
            }
            mentions.append(mention)
        }
        // Outer first: earlier start, then longer span; type and id break ties deterministically.
        mentions.sort { ($0.start, -$0.end, $0.type.rawValue, $0.id) < ($1.start, -$1.end, $1.type.rawValue, $1.id) }
        var boundaries = Set([0, scalars.count])
        for mention in mentions { boundaries.insert(mention.start); boundaries.insert(mention.end) }
        let cuts = boundaries.sorted()

        var open: [Int] = []   // indices into `mentions`, outermost first
        var first = 0          // mentions before this index end at or before the current segment
        for (lower, upper) in zip(cuts, cuts.dropFirst()) {
            while first < mentions.count, mentions[first].end <= lower { first += 1 }
            var active: [Int] = []
            var i = first
            while i < mentions.count, mentions[i].start <= lower {
                if mentions[i].end >= upper { active.append(i) }
                i += 1
            }
            var common = 0
            while common < open.count, common < active.count, open[common] == active[common] { common += 1 }
            for _ in common..<open.count { html += "</mark>" }
            for index in active[common...] {
                let mention = mentions[index]
                html += "<mark class=\"mention \(mention.type.rawValue)\" data-mention=\"\(HTMLEscape.attribute(mention.id))\""
                html += " title=\"\(HTMLEscape.attribute(hover[mention.id] ?? mention.type.rawValue))\">"
            }
            open = active
            html += HTMLEscape.escape(String(String.UnicodeScalarView(scalars[lower..<upper])))
        }
        for _ in open { html += "</mark>" }
    }

    /// Per mention id: `person → Huỳnh Tấn Việt`, the rule and the span, one per line.
    /// A title's canonical form comes from the role that cites it (`Phó trưởng` → `Phó Trưởng ban`).
    static func hoverTexts(_ document: Document) -> [String: String] {
        var names: [String: String] = [:]
        for person in document.persons { names[person.id] = person.name }
        for org in document.organizations { names[org.id] = org.name }
        for location in document.locations { names[location.id] = location.name }
        var titles: [String: String] = [:]
        for role in document.roles {
            for id in role.mentions where titles[id] == nil { titles[id] = role.title }
        }
        var result: [String: String] = [:]
        for mention in document.mentions {
            let canonical = mention.entity.flatMap { names[$0] } ?? (mention.type == .title ? titles[mention.id] : nil)
            let head = canonical.map { "\(mention.type.rawValue) → \($0)" } ?? mention.type.rawValue
            let entity = mention.entity.map { " (\($0))" } ?? ""
            result[mention.id] = "\(head)\(entity)\nrule: \(mention.rule)\n\(mention.id) \(mention.start)–\(mention.end)"
        }
        return result
    }
}

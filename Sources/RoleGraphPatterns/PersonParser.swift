import RoleGraphKnowledge
import RoleGraphText

/// Recognises person names.
///
/// - `person:surname`: a known surname and one to three capitalised syllables on the same line
///   (`Huỳnh Tấn Việt`, `Phạm Thị Thanh Trà`), unless a place or organisation of the knowledge base
///   covers at least as many tokens (`Hà Nội` is a place, though `Hà` is a surname).
/// - `gazetteer:person`: a known office holder from the knowledge base.
/// - `person:honorific`: after an honorific (`ông`, `bà`, `đồng chí`), capitalised syllables without a
///   known surname: two or more make a name (`ông Donald Trump`), one is a back-reference
///   (`ông Thăng`) that the document resolver joins to a full name.
struct PersonParser {
    let context: PatternContext

    /// The least frequency for a surname to start a name on its own (the source list is noisy in its tail).
    static let minimumSurnameCount = 2

    func isSurname(_ index: Int) -> Bool {
        guard context.isCapitalised(index), context.tokens[index].shape == .capitalized else { return false }
        return (context.knowledge.surnames[context.tokens[index].lower] ?? -1) >= Self.minimumSurnameCount
    }

    /// Whether a name by surname starts at `index` (used by other parsers to stop before a name).
    func startsName(at index: Int) -> Bool {
        parse(at: index) != nil
    }

    func parse(at start: Int) -> Phrase? {
        let known = context.longest([.person], at: start)
        var shaped: Range<Int>? = nil
        if isSurname(start) {
            var end = start + 1
            while end < context.tokens.count, end - start < 4, givenNameSyllable(end) { end += 1 }
            if end - start >= 2 { shaped = start..<end }
        }
        let bestLength = max(known?.tokens.count ?? 0, shaped?.count ?? 0)
        guard bestLength > 0 else { return nil }
        if let other = context.longest([.location, .organization, .organizationHead, .relativeBody, .title, .eventHead], at: start),
           other.tokens.count >= bestLength {
            return nil
        }
        if let known, known.tokens.count >= shaped?.count ?? 0 {
            return Phrase(kind: .person, tokens: known.tokens, rule: "gazetteer:person", name: context.entry(known).name)
        }
        return Phrase(kind: .person, tokens: shaped!, rule: "person:surname", name: context.canonicalText(shaped!))
    }

    /// After an honorific: a name without a known surname, or a one-syllable back-reference.
    func parseAfterHonorific(at start: Int) -> Phrase? {
        guard context.continuesLine(start), context.isCapitalised(start), context.tokens[start].shape == .capitalized else { return nil }
        if let other = context.longest([.location, .organization, .organizationHead, .relativeBody, .title, .eventHead], at: start),
           other.tokens.count >= 1 {
            return nil
        }
        var end = start + 1
        while end < context.tokens.count, end - start < 4, givenNameSyllable(end) { end += 1 }
        var phrase = Phrase(kind: .person, tokens: start..<end, rule: "person:honorific",
                            name: context.canonicalText(start..<end))
        phrase.isShortReference = end - start == 1
        return phrase
    }

    private func givenNameSyllable(_ index: Int) -> Bool {
        guard context.isCapitalised(index), context.tokens[index].shape == .capitalized,
              context.tokens[index].gap == .space else { return false }
        // A title or organisation head ends the name: `Đinh Tiến Dũng Bộ trưởng` is rare, `Phạm Minh Chính Ủy viên` never a name.
        return context.longest([.title, .organizationHead, .relativeBody, .eventHead], at: index) == nil
    }
}

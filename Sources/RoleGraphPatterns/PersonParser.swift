import RoleGraphKnowledge
import RoleGraphText

/// Recognises person names.
///
/// - `person:surname`: a known surname and one to three capitalised syllables on the same line
///   (`Huỳnh Tấn Việt`, `Phạm Thị Thanh Trà`), unless a place or organisation of the knowledge base
///   covers at least as many tokens (`Hà Nội` is a place, though `Hà` is a surname).
/// - `gazetteer:person`: a known office holder from the knowledge base.
/// - `person:byline`: after a credit (`Ảnh: Trí Dũng/TTXVN`), or signing the article before its source
///   (`Hiền Hạnh (TTXVN)`), capitalised syllables with or without a known surname.
/// - `person:honorific`: after an honorific (`ông`, `bà`, `đồng chí`), capitalised syllables without a
///   known surname: two or more make a name (`ông Donald Trump`), one is a back-reference
///   (`ông Thăng`) that the document resolver joins to a full name.
struct PersonParser {
    let context: PatternContext

    /// The least frequency for a surname to start a name on its own (the source list is noisy in its tail).
    static let minimumSurnameCount = 2

    func isSurname(_ index: Int) -> Bool {
        guard context.isCapitalised(index), context.tokens[index].shape == .capitalized else { return false }
        return context.surnameCount(index) >= Self.minimumSurnameCount
    }

    /// Whether a name by surname starts at `index` (used by other parsers to stop before a name).
    func startsName(at index: Int) -> Bool {
        // Read from the per-document memo, without copying the phrase out.
        if index < context.tokens.count, let found = context.personFound(at: index) { return found }
        return parse(at: index) != nil
    }

    /// - Complexity: O(1) when asked before for this token (the result is a pure function of it).
    func parse(at start: Int) -> Phrase? {
        // A name is a known person's or starts with a surname: most tokens start neither, and are answered
        // without the memo (whose look-up copies a phrase).
        guard context.mayStart(Kinds.person.mask, at: start) || isSurname(start) else { return nil }
        if let known = context.person(at: start) { return known }
        let parsed = parseUncached(at: start)
        context.store(parsed, at: start)
        return parsed
    }

    private func parseUncached(at start: Int) -> Phrase? {
        let known = context.longest(Kinds.person, at: start)
        var shaped: Range<Int>? = nil
        if isSurname(start) {
            var end = start + 1
            while end < context.tokens.count, end - start < 4, givenNameSyllable(end) { end += 1 }
            if end - start >= 2 { shaped = start..<end }
        }
        let bestLength = max(known?.tokens.count ?? 0, shaped?.count ?? 0)
        guard bestLength > 0, !followsPlacePrefix(start) else { return nil }
        // A known person beats a place of the same length (`Hồ Chí Minh`); a name by shape does not (`Hà Nội`).
        if let other = context.longest(Kinds.outranksName, at: start),
           other.tokens.count >= bestLength {
            return nil
        }
        if let known, known.tokens.count >= shaped?.count ?? 0 {
            return Phrase(kind: .person, tokens: known.tokens, rule: "gazetteer:person", name: context.name(known))
        }
        if let place = context.longest(Kinds.location, at: start), place.tokens.count >= bestLength { return nil }
        return Phrase(kind: .person, tokens: shaped!, rule: "person:surname", name: context.canonicalText(shaped!))
    }

    /// A credited name after `Ảnh:`: capitalised syllables up to a slash, bracket or lower-case word.
    func parseCredit(at start: Int) -> Phrase? {
        if let person = parse(at: start) { return person }
        guard context.continuesLine(start), context.isCapitalised(start), context.tokens[start].shape == .capitalized,
              context.longest(Kinds.organizationOrPlace, at: start) == nil else { return nil }
        var end = start + 1
        while end < context.tokens.count, end - start < 4, givenNameSyllable(end) { end += 1 }
        guard end - start >= 2 else { return nil }
        return Phrase(kind: .person, tokens: start..<end, rule: "person:byline", name: context.canonicalText(start..<end))
    }

    /// Names that sign an article at a sentence start, before a bracketed source:
    /// `Hiền Hạnh (TTXVN)`, `Kim Tân - Phương Thảo (Theo Dân Trí)`.
    func closingCredit(at start: Int) -> [Phrase]? {
        // The first name is a person's (a known one or by surname) or capitalised (``parseCredit(at:)``).
        guard context.isCapitalised(start) || context.mayStart(Kinds.person.mask, at: start) else { return nil }
        let sentenceStart = start == 0 || context.tokens[start].gap == .newline || context.isSentenceEnd(start - 1)
        guard sentenceStart else { return nil }
        var names: [Phrase] = []
        var index = start
        while let name = parseCredit(at: index) {
            names.append(name)
            index = name.tokens.upperBound
            guard context.isPunctuation(index, "-") || context.isPunctuation(index, ",") else { break }
            index += 1
        }
        guard !names.isEmpty, context.isPunctuation(index, "("), index + 1 < context.tokens.count else { return nil }
        let source = index + 1
        let isSource = context.is(source, .sourceCue)
            || context.longest(Kinds.organization, at: source).map { context.has($0, .media) } == true
        guard isSource else { return nil }
        return names.map { var credit = $0; credit.rule = "person:byline"; return credit }
    }

    /// `huyện Thái Thụy`, `đường Nguyễn Huệ`: a place named after a person is not that person.
    private func followsPlacePrefix(_ start: Int) -> Bool {
        guard start > 0, context.tokens[start].gap == .space else { return false }
        for length in 1...2 where start - length >= 0 {
            if let match = context.longest(Kinds.abbreviation, at: start - length), match.tokens.upperBound == start,
               context.has(match, .placePrefix), context.tokens[start - length].shape == .lower {
                return true
            }
        }
        return false
    }

    /// After an honorific: a name without a known surname, or a one-syllable back-reference.
    func parseAfterHonorific(at start: Int) -> Phrase? {
        guard context.continuesLine(start), context.isCapitalised(start), context.tokens[start].shape == .capitalized else { return nil }
        if let other = context.longest(Kinds.outranksCredit, at: start),
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
        // A title, an organisation head or a sentence-opening word ends the name
        // (`Phạm Minh Chính Ủy viên`, `Nguyễn Văn Thiện Chiều 6/2`, `Hà Khánh Sinh ngày`).
        // A head that is also a given name (`Trường` in `Nguyễn Trường Tộ`) ends the name only when a
        // longer organisation word starts with it (`Trường Đại học`).
        if let end = context.longest(Kinds.endsGivenName, at: index),
           !context.has(end, .givenName) || end.tokens.count > 1 { return false }
        if let stop = context.longest(Kinds.stopWord, at: index), context.has(stop, .endsName) { return false }
        if let honorific = context.longest(Kinds.honorific, at: index), !context.has(honorific, .givenName) {
            return false
        }
        return true
    }
}

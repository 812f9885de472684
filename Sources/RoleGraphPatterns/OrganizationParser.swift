import RoleGraphKnowledge
import RoleGraphText

/// Recognises organisation names, from the knowledge base or by their shape.
///
/// Order of preference at a token, first that applies:
/// 1. a relative body longer than any knowledge-base match, with the organisation right after it as its
///    parent (`Ban Tổ chức` + `Tỉnh ủy Nghệ An`);
/// 2. a knowledge-base organisation (`Ban Kinh tế Trung ương`, `Trung ương Đảng`), longest first;
/// 3. a bare relative body whose parent the document resolver finds (`Ban Thường vụ`);
/// 4. a head that takes a place and the place (`Tỉnh ủy Nghệ An`, `UBND tỉnh Yên Bái`, `Thành ủy TP HCM`,
///    `Đoàn đại biểu Quốc hội khóa XIV TP.HCM`), or the head alone for the resolver to complete (`Tỉnh ủy`);
/// 5. a head and its name (`Vụ Nông nghiệp`, `Sở Khoa học, Công nghệ và Môi trường`), with the organisation
///    right after it, or after `của`, as its parent (`Cục Quản trị Văn phòng Chính phủ`,
///    `Đoàn Kiểm tra số 471 của Bộ Chính trị`);
/// 6. after a title whose head word the text leaves out or shares, that head and what follows
///    (`Bộ trưởng Công Thương` → `Bộ Công Thương`, `Chánh Văn phòng UBND tỉnh` → `Văn phòng UBND tỉnh`).
struct OrganizationParser {
    let context: PatternContext

    struct Parse {
        var phrases: [Phrase]   // the organisation last, its parents before it
        var end: Int
        /// The place that ends the name, when a place does (`Tỉnh ủy Nghệ An` → `Nghệ An`).
        var place: String? = nil
        var root: Phrase { phrases[phrases.count - 1] }
    }

    /// Parses an organisation starting at `start`; `prefix` supplies head syllables the text leaves out
    /// (`Bộ trưởng Công Thương`: prefix `bộ` before `Công Thương`).
    func parse(at start: Int, prefix: [String] = [], depth: Int = 0) -> Parse? {
        guard start < context.tokens.count, depth < 4 else { return nil }
        guard prefix.isEmpty else { return parse(at: start, prefix: prefix, depth: depth, memo: ()) }
        if !context.isCapitalised(start) { return nil }
        // Without a prefix, an organisation starts with a knowledge match of one of these kinds.
        guard context.mayStart(Kinds.organization.mask | Kinds.relativeBody.mask | Kinds.organizationHead.mask, at: start)
        else { return nil }
        // Without a prefix the result depends on the start and depth only: parsed once per document.
        if let known = context.organization(at: start, depth: depth) { return known }
        let parsed = parse(at: start, prefix: prefix, depth: depth, memo: ())
        context.store(parsed, at: start, depth: depth)
        return parsed
    }

    private func parse(at start: Int, prefix: [String], depth: Int, memo: Void) -> Parse? {
        // Entries named only through a title (`Nhà nước` for `Chủ tịch nước`) are not matched in text.
        let known = context.longest(Kinds.organization, at: start, prefix: prefix)
            .flatMap { context.has($0, .impliedOnly) ? nil : $0 }
        let relative = context.longest(Kinds.relativeBody, at: start, prefix: prefix)
        let head = context.longest(Kinds.organizationHead, at: start, prefix: prefix)
        let knownLength = known?.tokens.count ?? -1
        let relativeWins = relative.map { $0.tokens.count > knownLength } ?? false
        if let relative, relativeWins, let parsed = relativeBody(relative, depth: depth, requireParent: true) {
            return parsed
        }
        if let known, prefix.isEmpty, let local = localBody(known) {
            return local
        }
        if let known {
            var phrase = Phrase(kind: .organization, tokens: known.tokens, rule: "gazetteer:organization",
                                name: context.name(known))
            phrase.knowledgeID = context.id(known)
            if prefix.isEmpty {
                // The text as written is the surface when it is also the canonical text: certainly so
                // when no abbreviation is expanded, without building the canonical text.
                let plain = context.plainText(known.tokens, sharing: phrase.name)
                if !context.abbreviates(known.tokens) || context.canonicalText(known.tokens) == plain { phrase.surface = plain }
            }
            return Parse(phrases: [phrase], end: known.tokens.upperBound)
        }
        // A bare relative body (`Ban Thường vụ`) before a head of the same start (`Ban` + `Thường vụ`),
        // unless the head is the whole relative body and takes a place (`Đảng ủy` + `phường 5`).
        let headFirst = head != nil && relative != nil && head!.tokens == relative!.tokens
        if let relative, relativeWins, !headFirst, let parsed = relativeBody(relative, depth: depth, requireParent: false) {
            return parsed
        }
        if let head, knownPerson(at: start) == nil {
            let name = prefix.isEmpty ? context.canonicalText(head.tokens) : context.name(head)
            if let parsed = headed(start: start, nameStart: head.tokens.upperBound, headName: name,
                                   takesPlace: context.has(head, .takesPlace), bare: prefix.isEmpty ? context.facts[head.entry].bare : nil,
                                   unit: context.has(head, .unit), depth: depth) {
                return parsed
            }
        }
        if let relative, relativeWins, headFirst, let parsed = relativeBody(relative, depth: depth, requireParent: false) {
            return parsed
        }
        if !prefix.isEmpty, context.tokens[start].lower != prefix[0] {
            // The head is all in the prefix (`Trưởng ban` + `Nội chính Tỉnh ủy`): the name starts here, or
            // an organisation starts here that the head belongs to (`Chánh Văn phòng` + `UBND tỉnh`).
            let words = prefix.joined(separator: " ")
            let name = words.prefix(1).uppercased() + words.dropFirst()
            if let parent = parse(at: start, depth: depth + 1), parent.root.relativeTo == nil {
                var phrase = Phrase(kind: .organization, tokens: start..<parent.end, rule: "shape:relative-body",
                                    name: name + " " + parent.root.name)
                phrase.relativeName = name
                return Parse(phrases: parent.phrases + [phrase], end: parent.end, place: parent.place)
            }
            return headed(start: start, nameStart: start, headName: name, takesPlace: false, depth: depth)
        }
        return nil
    }

    /// `Ủy ban MTTQ Việt Nam tỉnh Quảng Trị`: a body with a counterpart in every province (`local=yes`),
    /// followed by a place, is the province's body, named as written with abbreviations expanded.
    private func localBody(_ known: GazetteerMatch) -> Parse? {
        guard context.has(known, .local), context.continuesLine(known.tokens.upperBound),
              let place = PlaceParser(context: context).parseWithPrefix(at: known.tokens.upperBound) else { return nil }
        let phrase = Phrase(kind: .organization, tokens: known.tokens.lowerBound..<place.end, rule: "shape:organization-place",
                            name: context.canonicalText(known.tokens) + " " + place.name)
        return Parse(phrases: [phrase], end: place.end, place: place.name)
    }

    /// A known person's name is never an organisation built by shape (`Trường Chinh`, `Trường` being a head).
    private func knownPerson(at start: Int) -> GazetteerMatch? {
        context.longest(Kinds.person, at: start)
    }

    private func relativeBody(_ match: GazetteerMatch, depth: Int, requireParent: Bool) -> Parse? {
        let entryName = context.name(match)
        let end = match.tokens.upperBound
        if context.continuesLine(end), !context.isPunctuation(end, ","),
           let parent = parse(at: end, depth: depth + 1) {
            var phrase = Phrase(kind: .organization, tokens: match.tokens.lowerBound..<parent.end,
                                rule: "shape:relative-body", name: entryName + " " + parent.root.name)
            phrase.relativeName = entryName
            return Parse(phrases: parent.phrases + [phrase], end: parent.end, place: parent.place)
        }
        if requireParent || context.has(match, .needsParent) { return nil }
        var phrase = Phrase(kind: .organization, tokens: match.tokens, rule: "shape:relative-body", name: entryName)
        phrase.relativeName = entryName
        phrase.isIncomplete = true
        phrase.surface = context.plainText(match.tokens)
        phrase.relativeTo = context.facts[match.entry].parent ?? "organization"
        return Parse(phrases: [phrase], end: end)
    }

    /// - Parameter unit: the head names units of another body (`unit=yes`: `Vụ`, `Cục`).
    private func headed(start: Int, nameStart: Int, headName: String, takesPlace: Bool, bare: String? = nil,
                        unit: Bool = false, depth: Int) -> Parse? {
        var end = nameStart
        // A term may stand between the head and its place (`Đoàn đại biểu Quốc hội khóa XIV TP.HCM`); the
        // body is the same in every term, so the name leaves it out.
        let afterTerm = takesPlace ? TermQualifier(context: context).end(after: end) : end
        if takesPlace, let place = PlaceParser(context: context).parse(at: afterTerm) {
            let name = headName + " " + place.name
            return Parse(phrases: [Phrase(kind: .organization, tokens: start..<place.end, rule: "shape:organization-place", name: name)],
                         end: place.end, place: place.name)
        }
        if let bare, !context.isCapitalised(end) || !context.continuesLine(end) {
            // `Tỉnh ủy`, `UBND tỉnh`, `Đảng bộ tỉnh` without the place: the document resolver joins it to the
            // full name when the article has one (`Tỉnh ủy Yên Bái`). Some heads need the place word
            // (`UBND tỉnh`, not `UBND` alone, which names no particular body).
            var last = end
            if context.continuesLine(end), let prefix = context.longest(Kinds.abbreviation, at: end),
               context.has(prefix, .placePrefix) {
                last = prefix.tokens.upperBound
            }
            guard bare == "yes" || last > end else { return nil }
            var phrase = Phrase(kind: .organization, tokens: start..<last, rule: "shape:organization-place",
                                name: context.canonicalText(start..<last))
            phrase.isIncomplete = true
            phrase.surface = context.plainText(start..<last)
            return Parse(phrases: [phrase], end: last)
        }
        // A head and its name: capitalised words; a lower-case word right after one (`Quan hệ`, `Bách khoa`);
        // further lower-case words that occur in organisation and office names (`quốc tế`); a comma list
        // closed by `và` (`Sở Khoa học, Công nghệ và Môi trường`). Stop words, cues, titles and events end it.
        var nameEnd = end
        var sawCapital = false
        while context.continuesLine(end) {
            let token = context.tokens[end]
            if end > nameStart, parse(at: end, depth: depth + 1) != nil { break }
            if end > nameStart, PlaceParser(context: context).parseWithPrefix(at: end) != nil { break }
            if context.longest(Kinds.endsOrganizationName, at: end) != nil { break }
            if sawCapital, let abbreviation = context.longest(Kinds.abbreviation, at: end), abbreviation.tokens.count > 1,
               context.tokens[end].shape != .lower {
                // `Ban Tuyên truyền T.Ư`: an abbreviation written with dots is one part of the name.
                end = abbreviation.tokens.upperBound
                nameEnd = end
                continue
            }
            if sawCapital, context.is(end, .numberSign), end + 1 < context.tokens.count, context.tokens[end + 1].kind == .number,
               context.tokens[end + 1].gap == .space {
                // `Đoàn Kiểm tra số 471`
                end += 2
                nameEnd = end
                continue
            }
            if token.kind == .word, token.shape != .lower {
                if PersonParser(context: context).startsName(at: end) { break }
                sawCapital = true
            } else if token.kind == .word {
                guard sawCapital, context.longest(Kinds.stopWord, at: end) == nil else { break }
                let afterCapital = context.tokens[end - 1].kind == .word && context.tokens[end - 1].shape != .lower
                guard afterCapital || context.isNameWord(end)
                        || endsAtCountry(lowerCaseRunFrom: end) else { break }
                // `và` joins only a capitalised part (`Giáo dục và Đào tạo`), `các` a name word (`các cơ quan`).
                if context.is(end, .conjunction) {
                    guard context.continuesLine(end + 1), context.isCapitalised(end + 1) else { break }
                } else if context.is(end, .plural) {
                    guard context.continuesLine(end + 1), context.isWord(end + 1),
                          context.isNameWord(end + 1) else { break }
                }
            } else if (token.text == "-" || token.text == "&"), sawCapital, context.isCapitalised(end + 1) {
                // `Khoa giáo-Văn xã`, `TT&TT`, `Ban Khoa học - Kỹ thuật`
            } else if token.text == ",", sawCapital, closesCommaList(after: end) {
                // `Sở Khoa học, Công nghệ và Môi trường`
            } else {
                break
            }
            end += 1
            if token.kind == .word { nameEnd = end }
        }
        guard sawCapital else { return nil }
        end = nameEnd
        // Trailing connectors (`và`, `các`) are not part of a name.
        while end > nameStart, !context.roles(end - 1).isDisjoint(with: [.conjunction, .plural]) { end -= 1 }
        var phrase = Phrase(kind: .organization, tokens: start..<end, rule: "shape:organization-head",
                            name: headName + " " + context.canonicalText(nameStart..<end))
        if context.continuesLine(end), !context.isPunctuation(end, ","),
           let place = PlaceParser(context: context).parseWithPrefix(at: end) {
            phrase.tokens = start..<place.end
            phrase.name += " " + place.name
            return Parse(phrases: [phrase], end: place.end)
        }
        if context.continuesLine(end), context.is(end, .possessive), context.continuesLine(end + 1),
           let parent = parse(at: end + 1, depth: depth + 1), parent.root.relativeTo == nil {
            // `Đoàn Kiểm tra số 471 của Bộ Chính trị`: the body and whose it is.
            phrase.tokens = start..<parent.end
            phrase.name += " " + context.tokens[end].lower + " " + parent.root.name
            return Parse(phrases: parent.phrases + [phrase], end: parent.end)
        }
        if context.continuesLine(end), let parent = parse(at: end, depth: depth + 1), parent.root.relativeTo == nil {
            phrase.tokens = start..<parent.end
            phrase.name += " " + parent.root.name
            return Parse(phrases: parent.phrases + [phrase], end: parent.end)
        }
        if unit, context.isPunctuation(end, ","), context.continuesLine(end + 1),
           let parent = parse(at: end + 1, depth: depth + 1), parent.phrases.count == 1, parent.root.knowledgeID != nil {
            // `Cục Quản trị, Văn phòng Chính phủ`: a unit and, after a comma, the known body it belongs to.
            phrase.tokens = start..<parent.end
            phrase.name += " " + parent.root.name
            return Parse(phrases: parent.phrases + [phrase], end: parent.end)
        }
        return Parse(phrases: [phrase], end: end)
    }
}

extension OrganizationParser {
    /// Whether a short run of lower-case words from `start` leads to a country's name that closes an
    /// organisation name (`Trung tâm Ứng cứu khẩn cấp máy tính Việt Nam`).
    func endsAtCountry(lowerCaseRunFrom start: Int) -> Bool {
        var index = start
        while index < min(context.tokens.count, start + 5), context.continuesLine(index), context.isWord(index),
              context.tokens[index].shape == .lower, context.longest(Kinds.stopWord, at: index) == nil {
            index += 1
        }
        guard index > start, context.continuesLine(index), let place = context.longest(Kinds.location, at: index) else { return false }
        return context.has(place, .country)
    }

    /// Whether a comma inside a name starts a list of capitalised words closed by `và` + a capitalised word
    /// within a few tokens (`Khoa học, Công nghệ và Môi trường`), not a new clause.
    func closesCommaList(after comma: Int) -> Bool {
        guard context.isCapitalised(comma + 1) else { return false }
        var index = comma + 1
        while index < min(context.tokens.count - 1, comma + 8), context.continuesLine(index) {
            let token = context.tokens[index]
            if context.is(index, .conjunction) { return context.isCapitalised(index + 1) }
            if token.kind != .word, token.text != "," { return false }
            index += 1
        }
        return false
    }
}

/// A place after an organisation head: optional `tỉnh`/`thành phố`/`TP` and a known place
/// (`tỉnh Yên Bái`, `TP HCM`, `Nghệ An`).
struct PlaceParser {
    let context: PatternContext

    struct Place {
        var name: String
        var end: Int
        var hasPrefix: Bool
    }

    /// A place with its prefix (`tỉnh Yên Bái`, `TP.HCM`): ``parse(at:)`` only where the abbreviation at
    /// `start` is a place prefix or a whole place, the only starts where the place it finds has a prefix.
    func parseWithPrefix(at start: Int) -> Place? {
        guard let abbreviation = context.longest(Kinds.abbreviation, at: start),
              context.has(abbreviation, .takesPlace) || context.has(abbreviation, .placePrefix),
              let place = parse(at: start), place.hasPrefix else { return nil }
        return place
    }

    func parse(at start: Int) -> Place? {
        guard context.continuesLine(start) else { return nil }
        // A place given whole by an abbreviation: `TP.HCM` → `Thành phố Hồ Chí Minh`.
        if let whole = context.longest(Kinds.abbreviation, at: start), context.has(whole, .takesPlace) {
            return Place(name: context.name(whole), end: whole.tokens.upperBound, hasPrefix: true)
        }
        var index = start
        var prefix = ""
        if let match = context.longest(Kinds.abbreviation, at: index), context.has(match, .placePrefix) {
            prefix = context.canonicalText(match.tokens) + " "
            index = match.tokens.upperBound
        }
        guard context.continuesLine(index) else { return nil }
        if let place = context.longest(Kinds.location, at: index) {
            return Place(name: prefix + context.name(place), end: place.tokens.upperBound, hasPrefix: !prefix.isEmpty)
        }
        // After `huyện`, `xã`, `phường`…, a place the knowledge base does not list: capitalised syllables or a
        // number (`huyện Thạch Thành`, `phường 5`).
        guard !prefix.isEmpty else { return nil }
        if context.tokens[index].kind == .number {
            return Place(name: prefix + context.tokens[index].text, end: index + 1, hasPrefix: true)
        }
        var end = index
        while end < min(context.tokens.count, index + 3), context.isCapitalised(end), context.tokens[end].shape == .capitalized,
              end == index || context.tokens[end].gap == .space,
              !PersonParser(context: context).startsName(at: end) || end > index,
              context.longest(Kinds.endsGivenName, at: end) == nil {
            end += 1
        }
        guard end > index else { return nil }
        return Place(name: prefix + context.plainText(index..<end), end: end, hasPrefix: true)
    }
}

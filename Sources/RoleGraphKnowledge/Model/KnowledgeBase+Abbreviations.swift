extension KnowledgeBase {
    /// Organisation and title entries with their abbreviated surface forms added: every way of writing a name
    /// with the abbreviations of `lexicon.tsv` and the abbreviated function words (`&` for `và`: attribute
    /// `abbreviation`) (`Ủy ban Kiểm tra Trung ương` → `Ủy ban Kiểm tra T.Ư`,
    /// `Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam` → `UBTƯ MTTQ Việt Nam`, `Bí thư Trung ương Đảng` →
    /// `Bí thư T.Ư Đảng`), at most two replacements deep.
    ///
    /// The knowledge files then list each name once, and news spellings still match it whole instead of
    /// falling apart into a relative body and an unknown tail.
    /// - Complexity: O(organisations × abbreviations × surfaces), once at load (about 1 ms).
    static func addingAbbreviatedSurfaces(to entries: [KnowledgeEntry]) -> [KnowledgeEntry] {
        let abbreviations: [(expansion: String, forms: [String])] = entries.compactMap { entry in
            if entry.kind == .functionWord, let form = entry.attributes["abbreviation"] { return (entry.name, [form]) }
            guard entry.kind == .abbreviation, entry.attributes["place-prefix"] != "yes",
                  entry.name.first?.isUppercase == true, !entry.variants.isEmpty else { return nil }
            return (entry.name, entry.variants)
        }
        return entries.map { entry in
            guard entry.kind == .organization || entry.kind == .title else { return entry }
            var surfaces = entry.surfaces
            var seen = Set(surfaces)
            var frontier = surfaces
            for _ in 0..<2 {
                var next: [String] = []
                for surface in frontier {
                    for (expansion, forms) in abbreviations {
                        guard let range = wholeWordRange(of: expansion, in: surface) else { continue }
                        for form in forms {
                            let abbreviated = surface.replacingCharacters(in: range, with: form)
                            if seen.insert(abbreviated).inserted { next.append(abbreviated) }
                        }
                    }
                }
                surfaces += next
                frontier = next
            }
            var copy = entry
            copy.variants = Array(surfaces.dropFirst())
            return copy
        }
    }

    /// The first occurrence of `words` in `text` that starts and ends at a space or the text's ends.
    private static func wholeWordRange(of words: String, in text: String) -> Range<String.Index>? {
        var searchStart = text.startIndex
        while let range = text.range(of: words, range: searchStart..<text.endIndex) {
            let startsWord = range.lowerBound == text.startIndex || text[text.index(before: range.lowerBound)] == " "
            let endsWord = range.upperBound == text.endIndex || text[range.upperBound] == " "
            if startsWord && endsWord { return range }
            searchStart = text.index(after: range.lowerBound)
        }
        return nil
    }
}

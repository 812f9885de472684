extension KnowledgeBase {
    /// Organisation and title entries with their abbreviated surface forms added: every way of writing a name
    /// with the abbreviations of `lexicon.tsv` and the abbreviated function words (`&` for `và`: attribute
    /// `abbreviation`) (`Ủy ban Kiểm tra Trung ương` → `Ủy ban Kiểm tra T.Ư`,
    /// `Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam` → `UBTƯ MTTQ Việt Nam`, `Bí thư Trung ương Đảng` →
    /// `Bí thư T.Ư Đảng`), at most two replacements deep.
    ///
    /// The knowledge files then list each name once, and news spellings still match it whole instead of
    /// falling apart into a relative body and an unknown tail.
    /// - Complexity: O(organisations × abbreviations × surface bytes), once at load.
    static func addingAbbreviatedSurfaces(to entries: [KnowledgeEntry]) -> [KnowledgeEntry] {
        let abbreviations: [(expansion: [UInt8], forms: [[UInt8]])] = entries.compactMap { entry in
            if entry.kind == .functionWord, let form = entry.attributes["abbreviation"] {
                return (Array(entry.name.utf8), [Array(form.utf8)])
            }
            guard entry.kind == .abbreviation, entry.attributes["place-prefix"] != "yes",
                  entry.name.first?.isUppercase == true, !entry.variants.isEmpty else { return nil }
            return (Array(entry.name.utf8), entry.variants.map { Array($0.utf8) })
        }
        return entries.map { entry in
            guard entry.kind == .organization || entry.kind == .title else { return entry }
            var surfaces = entry.surfaces
            var seen = Set(surfaces)
            var frontier = surfaces
            for _ in 0..<2 {
                var next: [String] = []
                for surface in frontier {
                    let bytes = Array(surface.utf8)
                    for (expansion, forms) in abbreviations {
                        guard let range = wholeWordRange(of: expansion, in: bytes) else { continue }
                        for form in forms {
                            let abbreviated = String(decoding: bytes[..<range.lowerBound] + form + bytes[range.upperBound...], as: UTF8.self)
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

    /// The first occurrence of `words` in `text` that starts and ends at a space or the text's ends, on
    /// UTF-8 bytes: knowledge text is normalised (NFC), so equal bytes are equal text, and a match after a
    /// space starts a character. (Foundation's `range(of:)` here cost 350 M instructions, most of the CLI's
    /// start-up.)
    private static func wholeWordRange(of words: [UInt8], in text: [UInt8]) -> Range<Int>? {
        let space = UInt8(ascii: " ")
        guard !words.isEmpty, words.count <= text.count else { return nil }
        for start in 0...(text.count - words.count) where start == 0 || text[start - 1] == space {
            let end = start + words.count
            if (end == text.count || text[end] == space) && text[start..<end].elementsEqual(words) { return start..<end }
        }
        return nil
    }
}

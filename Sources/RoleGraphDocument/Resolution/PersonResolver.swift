import RoleGraphPatterns

/// Joins person phrases into persons: one per full name; a back-reference (`ông Thăng`) joins the
/// nearest full name before it that ends with the same syllables, else the first one after it, and
/// is dropped when there is none (a lone given name is not a person by the annotation guide).
struct PersonResolver {
    let phrases: [Phrase]

    /// Canonical person name per phrase index (`nil` for other kinds and unresolved back-references).
    func resolve() -> [String?] {
        var names = [String?](repeating: nil, count: phrases.count)
        var full: [Int] = []
        var shortReferences: [Int] = []
        for index in phrases.indices where phrases[index].kind == .person {
            if phrases[index].isShortReference { shortReferences.append(index) } else { full.append(index) }
        }
        for index in full { names[index] = phrases[index].name }
        for index in shortReferences {
            let suffix = " " + phrases[index].name
            let start = phrases[index].tokens.lowerBound
            // The last match before the reference, else the first match.
            var before: Int? = nil
            var first: Int? = nil
            for candidate in full where Self.hasSuffix(phrases[candidate].name, suffix) {
                if first == nil { first = candidate }
                if phrases[candidate].tokens.lowerBound < start { before = candidate }
            }
            if let target = before ?? first { names[index] = phrases[target].name }
        }
        return names
    }

    /// `text.hasSuffix(suffix)`, by the bytes when both are ``OrganizationResolver/isSimple(_:)`` (every scalar a
    /// character of its own, in NFC): a byte suffix is then a character suffix and equal characters are equal
    /// bytes. `String.hasSuffix` normalises character by character, some 1 900 instructions on a name.
    static func hasSuffix(_ text: String, _ suffix: String) -> Bool {
        guard OrganizationResolver.isSimple(text), OrganizationResolver.isSimple(suffix) else { return text.hasSuffix(suffix) }
        let (t, s) = (text.utf8, suffix.utf8)
        return t.count >= s.count && t.suffix(s.count).elementsEqual(s)
    }
}

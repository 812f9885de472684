import RoleGraphPatterns

/// Joins person phrases into persons: one per full name; a back-reference (`ông Thăng`) joins the
/// nearest full name before it that ends with the same syllables, else the first one after it, and
/// is dropped when there is none (a lone given name is not a person by the annotation guide).
struct PersonResolver {
    let phrases: [Phrase]

    /// Canonical person name per person phrase index; unresolved back-references are absent.
    func resolve() -> [Int: String] {
        var names: [Int: String] = [:]
        let persons = phrases.indices.filter { phrases[$0].kind == .person }
        let full = persons.filter { !phrases[$0].isShortReference }
        for index in full { names[index] = phrases[index].name }
        for index in persons where phrases[index].isShortReference {
            let short = phrases[index].name
            let matches = full.filter { phrases[$0].name.hasSuffix(" " + short) }
            let before = matches.last { phrases[$0].tokens.lowerBound < phrases[index].tokens.lowerBound }
            if let target = before ?? matches.first { names[index] = phrases[target].name }
        }
        return names
    }
}

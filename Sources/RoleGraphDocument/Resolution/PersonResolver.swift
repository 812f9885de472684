import Foundation
import RoleGraphPatterns

/// Joins person phrases into persons: one per full name; a back-reference (`ông Thăng`) joins the
/// nearest full name before it that ends with the same syllables, else the first one after it, and
/// is dropped when there is none (a lone given name is not a person by the annotation guide).
struct PersonResolver {
    let phrases: [Phrase]

    /// Per phrase index: the full-name phrase whose name is the person's canonical name (-1 for other kinds and
    /// unresolved back-references); empty when there is no person phrase. Indices, not names: an array of optional
    /// strings is destroyed element by element through the generic `Optional` witness (some 70 instructions a
    /// phrase). The lists of full names and back-references are made only when there is a back-reference (an array
    /// costs some 700 instructions to make and free, whatever its size).
    func resolve() -> [Int] {
        var names: [Int] = []
        var hasShortReference = false
        for index in phrases.indices where phrases[index].kind == .person {
            if names.isEmpty { names = [Int](repeating: -1, count: phrases.count) }
            if phrases[index].isShortReference { hasShortReference = true } else { names[index] = index }
        }
        guard hasShortReference else { return names }
        var full: [Int] = []
        var shortReferences: [Int] = []
        full.reserveCapacity(phrases.count)
        shortReferences.reserveCapacity(phrases.count)
        for index in phrases.indices where phrases[index].kind == .person {
            if phrases[index].isShortReference { shortReferences.append(index) } else { full.append(index) }
        }
        // Whether each full name is ``OrganizationResolver/isSimple(_:)``, worked out once, not per reference.
        let simple = full.map { OrganizationResolver.isSimple(phrases[$0].name) }
        for index in shortReferences {
            let name = phrases[index].name
            let nameIsSimple = OrganizationResolver.isSimple(name)
            let start = phrases[index].tokens.lowerBound
            // The last match before the reference, else the first match.
            var before: Int? = nil
            var first: Int? = nil
            for (position, candidate) in full.enumerated()
            where Self.endsWithWord(phrases[candidate].name, name, bytewise: simple[position] && nameIsSimple) {
                if first == nil { first = candidate }
                if phrases[candidate].tokens.lowerBound < start { before = candidate }
            }
            if let target = before ?? first { names[index] = target }
        }
        return names
    }

    /// `text.hasSuffix(" " + word)`; by the bytes when both are ``OrganizationResolver/isSimple(_:)`` (every
    /// scalar a character of its own, in NFC): a byte suffix is then a character suffix and equal characters are
    /// equal bytes. `String.hasSuffix` normalises character by character, some 1 900 instructions on a name.
    static func endsWithWord(_ text: String, _ word: String, bytewise: Bool) -> Bool {
        guard bytewise else { return text.hasSuffix(" " + word) }
        return ByteKey.withBytes(of: text) { t in
            ByteKey.withBytes(of: word) { w in
                let start = t.count - w.count
                return start >= 1 && t[start - 1] == 0x20 && (w.isEmpty || memcmp(t.baseAddress! + start, w.baseAddress!, w.count) == 0)
            }
        }
    }
}

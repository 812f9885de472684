import Foundation
import RoleGraphKnowledge

/// What a rule set's item features (``ItemFeatures``) are of one knowledge base's words and entries, worked
/// out once per knowledge base instead of once per stream: the literal classes of its syllables
/// (``SyllableLiterals``: one syllable id look-up per literal), and per cue or honorific entry the
/// constraint bits and `ongoing` of its items (an item's attributes are its entry's: some 1 000
/// instructions per entry a stream met).
final class KnowledgeFeatures: Sendable {
    let syllableLiterals: SyllableLiterals
    /// By entry number (``RuleItem/Facts/entry(_:id:number:)``): the constraint bits and `ongoing` of the
    /// items of a cue or honorific entry; `nil` for entries of other kinds.
    private let entries: [(bits: UInt64, ongoing: Bool)?]

    /// No knowledge base: tokens carry no syllable ids and items no entry numbers.
    init() {
        syllableLiterals = SyllableLiterals()
        entries = []
    }

    init(_ features: ItemFeatures, knowledge: KnowledgeBase) {
        let matcher = knowledge.matcher
        syllableLiterals = features.literals.syllableClasses { matcher.syllableID($0) }
        // Read in place: a copied entry retains and releases its strings, and most entries are of other kinds.
        entries = knowledge.entries.withUnsafeBufferPointer { entries in
            entries.indices.map { number in
                guard entries[number].kind == .statusCue || entries[number].kind == .honorific else { return nil }
                let facts = RuleItem.Facts.entry(entries[number].attributes, id: entries[number].id, number: Int32(number))
                return (features.constraintBits(facts), facts.attribute(RuleItem.AttributeKey.ongoing) == "yes")
            }
        }
    }

    /// The constraint bits and `ongoing` of an entry's items, if worked out.
    @inline(__always)
    func entry(_ number: Int32) -> (bits: UInt64, ongoing: Bool)? {
        let number = Int(number)
        return number < entries.count ? entries[number] : nil
    }
}

/// A rule set's ``KnowledgeFeatures`` of the knowledge base it read last, shared by every copy of the rule
/// set and every thread. A knowledge base is known by its entries' storage, which the memo holds (so no
/// other array can take its address); a process extracts with one knowledge base, and a stream of another
/// replaces it.
final class KnowledgeFeaturesMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [KnowledgeEntry] = []
    private var features: KnowledgeFeatures?

    /// The features of this knowledge base's words and entries: a lock and a comparison of two addresses
    /// once the memo has them.
    func features(_ itemFeatures: ItemFeatures, of knowledge: KnowledgeBase) -> KnowledgeFeatures {
        lock.lock()
        defer { lock.unlock() }
        let known = entries.withUnsafeBufferPointer { $0.baseAddress }
        if let features, knowledge.entries.withUnsafeBufferPointer({ $0.baseAddress == known }) { return features }
        let made = KnowledgeFeatures(itemFeatures, knowledge: knowledge)
        entries = knowledge.entries
        features = made
        return made
    }
}

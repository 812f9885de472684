import RoleGraphDocument
import RoleGraphText

/// rolegraph's output seen as NER spans: the bridge between ``Extractor`` and ``NERScorer``.
public enum NERPrediction {
    /// The NER type of a mention kind: person → PER, organization → ORG, location → LOC.
    /// Titles (`Bộ trưởng`) are not named entities in VLSP (its guidelines leave them unannotated),
    /// so they map to `nil` and are never scored.
    public static func type(of kind: Document.Mention.Kind) -> NERType? {
        switch kind {
        case .person: .person
        case .organization: .organization
        case .location: .location
        case .title: nil
        }
    }

    /// The typed spans of a document's mentions, sorted and without duplicates. Mention offsets
    /// already count Unicode scalars of the text as given, the unit of the benchmark offsets.
    public static func spans(of document: Document) -> [NERSpan] {
        var seen = Set<NERSpan>()
        for m in document.mentions {
            if let t = type(of: m.type) { seen.insert(NERSpan(start: m.start, end: m.end, type: t)) }
        }
        return seen.sorted()
    }

    /// Extracts `text` and returns its spans: the whole pipeline a user runs with `rolegraph extract`.
    /// - Complexity: one extraction, O(text length); a 5,000-character article takes about a
    ///   millisecond in a release build.
    public static func spans(extracting document: NERDocument, with extractor: Extractor = .shared) -> [NERSpan] {
        spans(of: extractor.extract(SourceText(document.text), id: document.id, source: nil, date: nil))
    }
}

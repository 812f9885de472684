/// The entity types of the public Vietnamese NER benchmarks (VLSP 2016, VLSP 2018).
///
/// rolegraph has no `MISC` mentions; the type exists so that gold `MISC` spans are read, counted and
/// shown rather than silently dropped (see ``NERScorer`` for how they are scored).
public enum NERType: String, Codable, Sendable, CaseIterable, Comparable {
    case person = "PER"
    case organization = "ORG"
    case location = "LOC"
    case miscellaneous = "MISC"

    /// The types rolegraph predicts; the micro average named `micro` is taken over these.
    public static let predicted: [NERType] = [.person, .organization, .location]

    /// Report order: PER, ORG, LOC, MISC.
    public static func < (a: NERType, b: NERType) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// One typed span of a benchmark text: `start`/`end` count Unicode scalars (code points, Python
/// `str` indices), end-exclusive, the same unit as ``Document/Mention`` offsets.
public struct NERSpan: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var start: Int
    public var end: Int
    public var type: NERType

    public init(start: Int, end: Int, type: NERType) {
        self.start = start; self.end = end; self.type = type
    }

    public static func < (a: NERSpan, b: NERSpan) -> Bool {
        (a.start, a.end, a.type) < (b.start, b.end, b.type)
    }

    public var description: String { "\(type.rawValue)[\(start),\(end))" }
}

/// One benchmark document as scored: the text given to the extractor and the gold spans in it.
///
/// Both readers (``SpanJSONLReader``, ``CoNLLReader``) produce this, so the scorer sees one shape
/// whatever the file format; the whole text is held in memory (the VLSP files are 1–2 MB).
public struct NERDocument: Sendable, Equatable {
    /// The document id (`doc` in span JSONL, the `-DOCSTART-` id in CoNLL).
    public var id: String
    public var text: String
    /// Gold spans, sorted by start.
    public var entities: [NERSpan]

    public init(id: String, text: String, entities: [NERSpan]) {
        self.id = id; self.text = text; self.entities = entities
    }

    /// The text a span covers (for messages and tests).
    /// - Complexity: O(n) in the text length.
    public func text(of span: NERSpan) -> String {
        let scalars = text.unicodeScalars
        let from = scalars.index(scalars.startIndex, offsetBy: span.start)
        let to = scalars.index(from, offsetBy: span.end - span.start)
        return String(scalars[from..<to])
    }
}

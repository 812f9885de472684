import Foundation
import RoleGraphText

/// Everything the extractor knows: entries from the bundled knowledge files plus any user files,
/// compiled once into a ``GazetteerMatcher``. Immutable and `Sendable`: load it once per process and
/// share it between threads; extraction is a pure function of one document and this value.
public struct KnowledgeBase: Sendable {
    public let entries: [KnowledgeEntry]
    public let matcher: GazetteerMatcher
    /// Surname (lower-case) → frequency in the source list.
    public let surnames: [String: Int]
    /// Lower-case syllables that occur inside known organisation names: a lower-case word may
    /// continue an organisation name built by shape only if it is one of these.
    public let organizationVocabulary: Set<String>
    let indexByID: [String: Int]
    /// `entries` split by kind (indexed by the kind's position in `allCases`), in entry order.
    let entriesByKind: [[KnowledgeEntry]]

    /// Later entries with an id already seen replace the earlier one (user files override).
    public init(entries: [KnowledgeEntry]) {
        var merged: [KnowledgeEntry] = []
        merged.reserveCapacity(entries.count)
        var indexByID: [String: Int] = [:]
        indexByID.reserveCapacity(entries.count)
        for entry in entries {
            if let index = indexByID[entry.id] {
                merged[index] = entry
            } else {
                indexByID[entry.id] = merged.count
                merged.append(entry)
            }
        }
        merged = Self.addingAbbreviatedSurfaces(to: merged)
        self.entries = merged
        self.indexByID = indexByID
        let matcher = GazetteerMatcher(entries: merged)
        self.matcher = matcher
        var byKind = [[KnowledgeEntry]](repeating: [], count: KnowledgeEntry.Kind.allCases.count)
        var surnames: [String: Int] = [:]
        var vocabulary: Set<String> = []
        for entry in merged {
            byKind[entry.kind.ordinal].append(entry)
            switch entry.kind {
            case .surname:
                surnames[VietnameseFolding.lowercased(entry.name)] = Int(entry.attributes["count"] ?? "") ?? 0
            case .nameWord:
                vocabulary.insert(VietnameseFolding.lowercased(entry.name))
            default:
                break
            }
        }
        // Lower-case words of organisation surfaces, collected while the matcher tokenised them.
        for word in matcher.organizationWords {
            if let word { vocabulary.insert(word) }
        }
        self.entriesByKind = byKind
        self.surnames = surnames
        self.organizationVocabulary = vocabulary
    }

    /// Loads knowledge files; errors name the file, line and column.
    public static func load(paths: [String]) throws -> KnowledgeBase {
        var entries: [KnowledgeEntry] = []
        for path in paths {
            entries += try loadFile(path: path)
        }
        return KnowledgeBase(entries: entries)
    }

    public static func loadFile(path: String) throws -> [KnowledgeEntry] {
        let bytes = try InputReader.read(path: path)
        let text = try SourceText(bytes: bytes, file: path)
        // The text is normalised as a whole, so its fields need no second normalisation.
        return try KnowledgeFile.parse(normalized: text.bytes, file: path)
    }

    /// The knowledge files shipped with rolegraph, in load order.
    public static var bundledPaths: [String] {
        guard let folder = Bundle.module.url(forResource: "Resources/knowledge", withExtension: nil)
                ?? Bundle.module.url(forResource: "knowledge", withExtension: nil) else { return [] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".tsv") }.sorted().map { folder.appendingPathComponent($0).path }
    }

    /// The bundled knowledge base, loaded once per process.
    public static let bundled: KnowledgeBase = {
        do {
            return try load(paths: bundledPaths)
        } catch {
            fatalError("rolegraph's bundled knowledge files are broken: \(error)")
        }
    }()

    public func entry(_ match: GazetteerMatch) -> KnowledgeEntry { entries[match.entry] }

    /// The entry with an id, if any. - Complexity: O(1).
    public func entry(id: String) -> KnowledgeEntry? { indexByID[id].map { entries[$0] } }

    /// Entries of one kind, e.g. every status cue, in entry order.
    /// - Complexity: O(1): the arrays are built once, at load.
    public func entries(of kind: KnowledgeEntry.Kind) -> [KnowledgeEntry] { entriesByKind[kind.ordinal] }
}

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
    /// The attributes the phrase parsers read, per entry (same index as `entries`), worked out once so
    /// that a hot loop neither copies an entry nor hashes an attribute name.
    public let facts: [EntryFacts]
    /// Syllable id (``GazetteerMatcher/syllableIDs(for:)``) → the kind bits (``GazetteerMatcher/kindMask(_:)``)
    /// of the entries with a surface form that starts with that syllable: a kind whose bit is missing
    /// has no match at a token with that syllable.
    public let firstSyllableKinds: [UInt32]
    /// ``firstSyllableKinds`` of a token written in lower case: without the kinds whose surfaces starting
    /// with that syllable all need a capital there (`Ban Kinh tế Trung ương` starts no organisation at `ban`).
    public let firstSyllableKindsInLowerCase: [UInt32]
    /// Lower-case surface of every `function-word` entry → its roles (`nhiệm kỳ` → term head).
    public let functionWords: [String: FunctionWordRoles]
    /// Syllable id → the roles of the one-syllable function word with that syllable (empty: none), so a
    /// parser tests a token's role with one array read instead of hashing its text.
    public let functionWordRolesBySyllable: [FunctionWordRoles]
    /// Syllable id → the roles of the function words of any length whose first syllable it is
    /// (`nhiệm` → term head, for `nhiệm kỳ`). A parser that looks a run of words up in ``functionWords``
    /// for one role skips the joining and hashing at a token whose entry here lacks that role.
    public let functionWordFirstRoles: [FunctionWordRoles]
    /// The same for first syllables outside the matcher's vocabulary: what a token without a syllable
    /// id may start.
    public let functionWordFirstRolesOfUnknown: FunctionWordRoles
    /// Syllable id → the surname's frequency (``surnames``), -1 for no surname: a token's surname
    /// frequency in one array read. A surname outside the vocabulary is only in ``surnames``.
    public let surnameCountsBySyllable: [Int]
    /// The one-syllable surnames without a syllable id: all a token without an id can be (usually none,
    /// and ``surnameCount(outsideVocabulary:)`` hashes nothing).
    let surnamesOutsideVocabulary: [String: Int]

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
        var functionWords: [String: FunctionWordRoles] = [:]
        for entry in merged {
            byKind[entry.kind.ordinal].append(entry)
            switch entry.kind {
            case .surname:
                surnames[VietnameseFolding.lowercased(entry.name)] = Int(entry.attributes["count"] ?? "") ?? 0
            case .nameWord:
                vocabulary.insert(VietnameseFolding.lowercased(entry.name))
            case .functionWord:
                let roles = FunctionWordRoles(attribute: entry.attributes["role"] ?? "")
                for surface in entry.surfaces { functionWords[VietnameseFolding.lowercased(surface), default: []].formUnion(roles) }
            default:
                break
            }
        }
        // Lower-case words of organisation surfaces, collected while the matcher tokenised them.
        for word in matcher.organizationWords {
            if let word { vocabulary.insert(word) }
        }
        self.entriesByKind = byKind
        self.facts = merged.map(EntryFacts.init)
        (self.firstSyllableKinds, self.firstSyllableKindsInLowerCase) = Self.firstSyllableKinds(of: merged, matcher: matcher)
        self.surnames = surnames
        self.organizationVocabulary = vocabulary
        self.functionWords = functionWords
        var bySyllable: [FunctionWordRoles] = []
        for (word, roles) in functionWords where !word.contains(" ") {
            let id = Int(matcher.syllableID(word))
            guard id >= 0 else { continue }
            if id >= bySyllable.count { bySyllable += repeatElement([], count: id + 1 - bySyllable.count) }
            bySyllable[id].formUnion(roles)
        }
        self.functionWordRolesBySyllable = bySyllable
        var firstRoles: [FunctionWordRoles] = []
        var firstRolesOfUnknown: FunctionWordRoles = []
        for (words, roles) in functionWords {
            let first = words.utf8.firstIndex(of: 0x20).map { String(words[..<$0]) } ?? words
            let id = Int(matcher.syllableID(first))
            guard id >= 0 else { firstRolesOfUnknown.formUnion(roles); continue }
            if id >= firstRoles.count { firstRoles += repeatElement([], count: id + 1 - firstRoles.count) }
            firstRoles[id].formUnion(roles)
        }
        self.functionWordFirstRoles = firstRoles
        self.functionWordFirstRolesOfUnknown = firstRolesOfUnknown
        var surnameCounts: [Int] = []
        var outside: [String: Int] = [:]
        for (surname, count) in surnames {
            let id = Int(matcher.syllableID(surname))
            guard id >= 0 else {
                if !surname.contains(" ") { outside[surname] = count }
                continue
            }
            if id >= surnameCounts.count { surnameCounts += repeatElement(-1, count: id + 1 - surnameCounts.count) }
            surnameCounts[id] = count
        }
        self.surnameCountsBySyllable = surnameCounts
        self.surnamesOutsideVocabulary = outside
    }

    /// The surname frequency of a token's lower-case text that has no syllable id, -1 for none.
    public func surnameCount(outsideVocabulary lower: String) -> Int {
        surnamesOutsideVocabulary.isEmpty ? -1 : surnamesOutsideVocabulary[lower] ?? -1
    }

    /// The roles of a function word given in lower case (`và`, `nhiệm kỳ`); empty when it is none.
    public func functionWordRoles(of lower: String) -> FunctionWordRoles { functionWords[lower] ?? [] }

    /// Every function word with a role, lower case.
    public func words(_ role: FunctionWordRoles) -> Set<String> {
        Set(functionWords.filter { $0.value.contains(role) }.keys)
    }

    /// ``firstSyllableKinds`` and ``firstSyllableKindsInLowerCase``: the first word of every surface of a
    /// kind, one a line, tokenised as one text (far cheaper than a text per surface). No token spans a space
    /// or a line break, so the first token of every line is the first token the matcher finds in that
    /// surface, and needs a capital in the text as the matcher says (a capitalised word of a case-sensitive kind).
    static func firstSyllableKinds(of entries: [KnowledgeEntry], matcher: GazetteerMatcher)
        -> (any: [UInt32], lowerCase: [UInt32]) {
        var textByKind = [String](repeating: "", count: KnowledgeEntry.Kind.allCases.count)
        for entry in entries {
            for surface in entry.surfaces {
                let utf8 = surface.utf8
                let start = utf8.firstIndex { $0 != 0x20 } ?? utf8.endIndex
                let end = utf8[start...].firstIndex(of: 0x20) ?? utf8.endIndex
                textByKind[entry.kind.ordinal] += surface[start..<end]
                textByKind[entry.kind.ordinal] += "\n"
            }
        }
        var firstKinds: [UInt32] = []
        var lowerCase: [UInt32] = []
        for kind in KnowledgeEntry.Kind.allCases {
            let bit = GazetteerMatcher.kindMask([kind])
            let tokens = Tokenizer.tokens(of: SourceText(textByKind[kind.ordinal]))
            for (i, token) in tokens.enumerated() where i == 0 || token.gap == .newline {
                let id = Int(matcher.syllableID(token.lower))
                guard id >= 0 else { continue }
                if id >= firstKinds.count {
                    firstKinds += repeatElement(0, count: id + 1 - firstKinds.count)
                    lowerCase += repeatElement(0, count: id + 1 - lowerCase.count)
                }
                firstKinds[id] |= bit
                if !(kind.isCaseSensitive && token.kind == .word && token.shape != .lower) { lowerCase[id] |= bit }
            }
        }
        return (firstKinds, lowerCase)
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
        let entries = try KnowledgeFile.parse(normalized: text.bytes, file: path)
        try KnowledgeFile.checkFunctionWordRoles(entries, text: text.string, file: path)
        return entries
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

/// What the phrase parsers read of one entry, precomputed (see ``KnowledgeBase/facts``).
public struct EntryFacts: Sendable {
    /// Inlinable constants, as ``FunctionWordRoles``' roles are (a `static let` read from another module
    /// calls `swift_once`).
    public struct Flags: OptionSet, Sendable {
        public let rawValue: UInt32
        @inlinable public init(rawValue: UInt32) { self.rawValue = rawValue }
        /// `match=implied-only`
        @inlinable public static var impliedOnly: Flags { Flags(rawValue: 1 << 0) }
        /// `place=yes`
        @inlinable public static var takesPlace: Flags { Flags(rawValue: 1 << 1) }
        /// `needs=parent`
        @inlinable public static var needsParent: Flags { Flags(rawValue: 1 << 2) }
        /// `place-prefix=yes`
        @inlinable public static var placePrefix: Flags { Flags(rawValue: 1 << 3) }
        /// `kind=country`
        @inlinable public static var country: Flags { Flags(rawValue: 1 << 4) }
        /// `kind=media`
        @inlinable public static var media: Flags { Flags(rawValue: 1 << 5) }
        /// `given-name=yes`
        @inlinable public static var givenName: Flags { Flags(rawValue: 1 << 6) }
        /// `ends-name=yes`
        @inlinable public static var endsName: Flags { Flags(rawValue: 1 << 7) }
        /// `local=yes`: a body with a counterpart in every province
        @inlinable public static var local: Flags { Flags(rawValue: 1 << 8) }
        /// `unit=yes`: an organisation head whose bodies are units of another (`Vụ`, `Cục`): an
        /// organisation right after a comma is their parent (`Cục Quản trị, Văn phòng Chính phủ`)
        @inlinable public static var unit: Flags { Flags(rawValue: 1 << 9) }
    }

    public let flags: Flags
    /// `bare`, `parent`, `title`, `implies`, `also` and `head` as written.
    public let bare: String?
    public let parent: String?
    public let title: String?
    public let implies: String?
    public let also: String?
    public let head: String?
    /// `head` tokenised, lower case (`Chánh Văn phòng` → `["văn", "phòng"]`); empty without a head.
    public let headSyllables: [String]
    /// `name.lowercased()` for an abbreviation; empty for other kinds.
    public let lowercasedName: String

    public init(_ entry: KnowledgeEntry) {
        var flags: Flags = []
        var bare: String? = nil, parent: String? = nil, title: String? = nil
        var implies: String? = nil, also: String? = nil, head: String? = nil
        for (key, value) in entry.attributes {
            switch key {
            case "match": if value == "implied-only" { flags.insert(.impliedOnly) }
            case "place": if value == "yes" { flags.insert(.takesPlace) }
            case "needs": if value == "parent" { flags.insert(.needsParent) }
            case "place-prefix": if value == "yes" { flags.insert(.placePrefix) }
            case "kind":
                if value == "country" { flags.insert(.country) }
                if value == "media" { flags.insert(.media) }
            case "given-name": if value == "yes" { flags.insert(.givenName) }
            case "ends-name": if value == "yes" { flags.insert(.endsName) }
            case "local": if value == "yes" { flags.insert(.local) }
            case "unit": if value == "yes" { flags.insert(.unit) }
            case "bare": bare = value
            case "parent": parent = value
            case "title": title = value
            case "implies": implies = value
            case "also": also = value
            case "head": head = value
            default: break
            }
        }
        self.flags = flags
        self.bare = bare
        self.parent = parent
        self.title = title
        self.implies = implies
        self.also = also
        self.head = head
        self.headSyllables = head.map { Tokenizer.tokens(of: SourceText($0)).map(\.lower) } ?? []
        // Read only of abbreviations (``KnowledgeEntry/Kind/abbreviation``).
        self.lowercasedName = entry.kind == .abbreviation ? entry.name.lowercased() : ""
    }
}

import RoleGraphText

extension RoleGraph {
    /// What a name given by a user (`--person`, `--organization`) can stand for.
    public enum EntityKind: String, Sendable, CaseIterable {
        case person, organization
    }

    /// A user's name matched to one canonical name of the graph, and how.
    public struct NameMatch: Sendable, Equatable {
        /// How the query met the canonical name, from strictest to loosest.
        public enum Kind: String, Sendable, Equatable {
            /// The same text once both are normalised (NFC, new-style tones).
            case exact
            /// The same letters and diacritics, other capitals (`phạm minh chính`).
            case caseInsensitive
            /// The query has no diacritics at all (`Pham Minh Chinh`) and one name folds to it.
            case withoutDiacritics
        }
        public var name: String
        public var kind: Kind
        public init(name: String, kind: Kind) { self.name = name; self.kind = kind }
    }

    /// Why a name could not be matched, with the names the user may have meant (at most ten, sorted).
    public struct NameLookupError: Error, Sendable, Equatable, CustomStringConvertible {
        public enum Reason: String, Sendable, Equatable { case absent, ambiguous }
        public var kind: EntityKind
        public var query: String
        public var reason: Reason
        public var candidates: [String]

        public init(kind: EntityKind, query: String, reason: Reason, candidates: [String]) {
            self.kind = kind; self.query = query; self.reason = reason; self.candidates = candidates
        }

        public var description: String {
            let list = candidates.map { "  \($0)" }.joined(separator: "\n")
            switch reason {
            case .ambiguous:
                return "\"\(query)\" could be several \(kind.rawValue)s; give one of:\n\(list)"
            case .absent where candidates.isEmpty:
                return "no \(kind.rawValue) named \"\(query)\" in the graph"
            case .absent:
                return "no \(kind.rawValue) named \"\(query)\" in the graph; did you mean:\n\(list)"
            }
        }
    }

    /// The canonical names of one kind.
    public func names(of kind: EntityKind) -> Set<String> {
        switch kind {
        case .person: persons.union(memberships.keys.map(\.person))
        case .organization: Set(organizations.keys).union(memberships.keys.map(\.organization))
        }
    }

    /// The canonical name a user meant by `query`.
    ///
    /// The exact name is preferred; then the same name in other capitals. The folded key (`pham minh
    /// chinh`) only proposes candidates: it decides alone only when the query carries no diacritics at all
    /// and exactly one name folds to it. A query with diacritics is taken as written, so `Huỳnh Tấn Viết`
    /// never finds `Huỳnh Tấn Việt` (it is proposed as a candidate instead).
    ///
    /// - Throws: ``NameLookupError`` listing the candidates when none or several names fit.
    /// - Complexity: O(n) in the number of names of that kind (each folded once).
    public func lookup(_ query: String, kind: EntityKind) throws(NameLookupError) -> NameMatch {
        let wanted = Self.normalizedQuery(query)
        let all = names(of: kind)
        if all.contains(wanted) { return NameMatch(name: wanted, kind: .exact) }

        let lower = VietnameseFolding.lowercased(wanted)
        let sameLetters = all.filter { VietnameseFolding.lowercased($0) == lower }.sorted()
        if sameLetters.count == 1 { return NameMatch(name: sameLetters[0], kind: .caseInsensitive) }
        if sameLetters.count > 1 {
            throw NameLookupError(kind: kind, query: query, reason: .ambiguous, candidates: Array(sameLetters.prefix(10)))
        }

        let key = VietnameseFolding.key(wanted)
        let foldAlike = all.filter { VietnameseFolding.key($0) == key }.sorted()
        let hasDiacritics = key != lower
        if foldAlike.count == 1, !hasDiacritics { return NameMatch(name: foldAlike[0], kind: .withoutDiacritics) }
        if foldAlike.count > 1, !hasDiacritics {
            throw NameLookupError(kind: kind, query: query, reason: .ambiguous, candidates: Array(foldAlike.prefix(10)))
        }
        if !foldAlike.isEmpty {
            throw NameLookupError(kind: kind, query: query, reason: .absent, candidates: Array(foldAlike.prefix(10)))
        }
        // Nothing folds alike: propose names that contain the query's words (`Chính` → `Phạm Minh Chính`).
        let words = " \(key) "
        let containing = all.filter { " \(VietnameseFolding.key($0)) ".contains(words) }.sorted()
        throw NameLookupError(kind: kind, query: query, reason: .absent, candidates: Array(containing.prefix(10)))
    }

    /// NFC, new-style tones, inner runs of spaces as one space, no outer spaces.
    static func normalizedQuery(_ query: String) -> String {
        VietnameseFolding.normalize(query)
            .split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
            .joined(separator: " ")
    }
}

import Foundation
import RoleGraphKnowledge
import RoleGraphText

/// A set of knowledge kinds the parsers look up, as the matcher's mask, with a small number that names
/// it in the per-document cache of ``PatternContext/longest(_:at:)``.
struct KindSet: Sendable {
    let tag: Int
    /// The kinds' bits (``KnowledgeEntry/Kind/bit``).
    let mask: UInt32
}

/// The kind sets the parsers use: two integers each, built from inlinable ``KnowledgeEntry/Kind/bit``s,
/// so they fold to constants where they are read (no `swift_once` per read, as a set built at run time costs).
enum Kinds {
    private typealias Kind = KnowledgeEntry.Kind
    static let abbreviation = KindSet(tag: 0, mask: Kind.abbreviation.bit)
    static let location = KindSet(tag: 1, mask: Kind.location.bit)
    static let honorific = KindSet(tag: 2, mask: Kind.honorific.bit)
    static let title = KindSet(tag: 3, mask: Kind.title.bit)
    static let stopWord = KindSet(tag: 4, mask: Kind.stopWord.bit)
    static let statusCue = KindSet(tag: 5, mask: Kind.statusCue.bit)
    static let relativeBody = KindSet(tag: 6, mask: Kind.relativeBody.bit)
    static let person = KindSet(tag: 7, mask: Kind.person.bit)
    static let organization = KindSet(tag: 8, mask: Kind.organization.bit)
    static let organizationHead = KindSet(tag: 9, mask: Kind.organizationHead.bit)
    static let eventHead = KindSet(tag: 10, mask: Kind.eventHead.bit)
    static let byline = KindSet(tag: 11, mask: Kind.byline.bit)
    static let endsGivenName = KindSet(tag: 12, mask: Kind.title.bit | Kind.organizationHead.bit | Kind.relativeBody.bit
                                                        | Kind.eventHead.bit)
    static let outranksName = KindSet(tag: 13, mask: Kind.organization.bit | Kind.organizationHead.bit | Kind.relativeBody.bit
                                                       | Kind.title.bit | Kind.eventHead.bit | Kind.honorific.bit)
    static let organizationOrPlace = KindSet(tag: 14, mask: Kind.organization.bit | Kind.location.bit)
    static let outranksCredit = KindSet(tag: 15, mask: Kind.location.bit | Kind.organization.bit | Kind.organizationHead.bit
                                                         | Kind.relativeBody.bit | Kind.title.bit | Kind.eventHead.bit)
    static let endsOrganizationName = KindSet(tag: 16, mask: Kind.eventHead.bit | Kind.title.bit | Kind.statusCue.bit)
    static let count = 17
    /// Kinds whose match can start a phrase at a lower-case token (a byline, an event, an honorific, a
    /// cue, a title, a place with its prefix, a known person). Not a cache slot: only its mask is read.
    static let startsLowerCasePhrase = KindSet(tag: -1, mask: Kind.byline.bit | Kind.eventHead.bit | Kind.honorific.bit
                                                    | Kind.statusCue.bit | Kind.title.bit | Kind.abbreviation.bit
                                                    | Kind.location.bit | Kind.person.bit)
}

/// Parse results of one parser for one document, by code: 0 = not parsed yet; 1 = parsed, nothing found;
/// n ≥ 2 = `values[n - 2]`. The codes live in the context's per-token rows (``PatternContext/organization(at:depth:)``).
/// Look-up and store are separate calls, so a parse may recurse into the same memo between them.
struct ParseMemo<Value> {
    private var values: [Value] = []

    /// `nil` when the code says not parsed yet; `.some(nil)` when it was parsed and found nothing.
    func lookup(_ code: UInt32) -> Value?? {
        switch code {
        case 0: nil
        case 1: .some(nil)
        case let code: .some(values[Int(code) - 2])
        }
    }

    /// Keeps a result; returns its code.
    mutating func code(storing value: Value?) -> UInt32 {
        guard let value else { return 1 }
        values.append(value)
        return UInt32(values.count + 1)
    }
}

/// The tokens of one document with the knowledge base and the lookups the parsers share.
/// Built once per document; the parsers read it and never change it. A class, so that the many small
/// parser values that hold it share one instance instead of copying four arrays each.
final class PatternContext {
    let tokens: [Token]
    /// The matcher's id of every token's syllable, looked up once per document.
    let syllables: [Int32]
    let knowledge: KnowledgeBase
    let date: String?

    /// Per token that the parsers asked about, a row: the longest matches already looked up per kind set
    /// (the parsers ask the same questions many times while they try alternatives), then the codes of
    /// ``organizationMemo`` per depth and of ``personMemo``. A look-up is packed in 32 bits: 0 = not asked
    /// yet; else the high 24 bits are the entry + 2 (1: no match) and the low 8 bits the match's length in
    /// tokens (a match that does not fit is looked up again each time). Room for a row at every token is
    /// allocated with the context, and a row is zeroed when the token is first asked about (``row(_:)``):
    /// zeroing a row for every token cost more (some 5 M instructions of `memset` over dev+seed) than the
    /// look-ups it saved. Raw memory, not an array: a write to an array property checks that the array is
    /// not shared (some 20 instructions a call) and every access checks its bounds; the parsers test that
    /// a token exists before they ask about it. One context serves one extraction on one thread and no
    /// access overlaps another, so the run-time exclusivity checks of the memos are switched off too.
    private let rows: UnsafeMutablePointer<UInt32>
    /// The rows in use: ``rows`` beyond it are not initialised.
    private var rowsEnd = 0
    /// Per token: in the low 16 bits, the kind bits of the entries whose surfaces may match from it (start
    /// with its syllable, and with a capital only where it has one: ``KnowledgeBase/firstSyllableKindsInLowerCase``)
    /// (0: none, and ``longest(_:at:)`` answers without the cache; ``KnowledgeEntry/Kind/bit`` is below
    /// `1 << 16`); in the next 16, its syllable's function-word roles (``roles(_:)``); in the high 32 bits,
    /// where its row starts in ``rows`` + 1 (0: none yet). Raw memory like ``rows``: it is read at nearly
    /// every question the parsers ask.
    private let starts: UnsafeMutablePointer<UInt64>
    /// ``KnowledgeBase/facts``: what the parsers read of an entry, without copying the entry.
    let facts: [EntryFacts]

    /// Organisations already parsed without a prefix, per token and depth. Parsing is a pure function of
    /// the context, and the parsers ask for the same starts many times (a name's end test parses at every
    /// name token).
    @exclusivity(unchecked) private var organizationMemo = ParseMemo<OrganizationParser.Parse>()
    /// Persons by surname or from the knowledge base already parsed, per token.
    @exclusivity(unchecked) private var personMemo = ParseMemo<Phrase>()
    static let organizationDepths = 4
    /// A row: ``Kinds/count`` look-ups, ``organizationDepths`` organisation codes, one person code.
    private static let rowWidth = Kinds.count + organizationDepths + 1

    /// `syllables`: the tokens' syllable ids if the caller has them, else looked up.
    init(tokens: [Token], syllables: [Int32]? = nil, knowledge: KnowledgeBase, date: String?) {
        self.tokens = tokens
        let syllables = syllables ?? knowledge.matcher.syllableIDs(for: tokens)
        self.syllables = syllables
        self.knowledge = knowledge
        self.date = date
        self.facts = knowledge.facts
        let firstKinds = knowledge.firstSyllableKinds, lowerCaseKinds = knowledge.firstSyllableKindsInLowerCase
        let roles = knowledge.functionWordRolesBySyllable
        self.starts = .allocate(capacity: tokens.count)
        for index in tokens.indices {
            let id = Int(syllables[index])
            let table = tokens[index].shape == .lower ? lowerCaseKinds : firstKinds
            let kinds = id >= 0 && id < table.count ? UInt64(table[id]) : 0
            (starts + index).initialize(to: id >= 0 && id < roles.count ? kinds | UInt64(roles[id].rawValue) << 16 : kinds)
        }
        // Room for a row at every token; only the rows made are written.
        self.rows = .allocate(capacity: tokens.count * Self.rowWidth)
    }

    deinit {
        rows.deallocate()
        starts.deallocate()
    }

    /// The longest knowledge match of these kinds at a token, after the words of `prefix` (a virtual
    /// prefix the text does not have). - Complexity: O(1) when asked before without a prefix.
    ///
    /// Inlined: most calls have no prefix, and are then a call of ``longest(_:at:)``.
    @inline(__always)
    func longest(_ kinds: KindSet, at index: Int, prefix: [String]) -> GazetteerMatch? {
        prefix.isEmpty ? longest(kinds, at: index) : walked(kinds, at: index, prefix: prefix)
    }

    /// ``longest(_:at:prefix:)`` with a prefix: walked each time (the parsers seldom ask it twice).
    @inline(never)
    private func walked(_ kinds: KindSet, at index: Int, prefix: [String]) -> GazetteerMatch? {
        guard index < tokens.count else { return nil }
        let found = tokens.withUnsafeBufferPointer { tokens in
            syllables.withUnsafeBufferPointer { ids in
                knowledge.matcher.longest(in: tokens, syllables: ids, at: index, mask: kinds.mask, date: date, prefix: prefix)
            }
        }
        return found.map { GazetteerMatch(entry: Int($0.entry), tokens: index..<$0.end) }
    }

    /// The longest knowledge match of these kinds at a token. - Complexity: O(1) when asked before.
    ///
    /// Inlined up to the mask test, which answers most calls (the parsers ask a dozen kind sets at every
    /// capitalised token): such a call then costs a load and a mask.
    @inline(__always)
    func longest(_ kinds: KindSet, at index: Int) -> GazetteerMatch? {
        // No surface of these kinds starts with this token's syllable: no walk needed.
        guard mayStart(kinds.mask, at: index) else { return nil }
        return cachedLongest(tag: kinds.tag, mask: kinds.mask, at: index)
    }

    /// The memo code at this offset of the token's row; 0 (not parsed yet) when it has no row yet.
    private func memoCode(at index: Int, _ offset: Int) -> UInt32 {
        let stored = Int(truncatingIfNeeded: starts[index] >> 32)
        return stored == 0 ? 0 : rows[stored - 1 + offset]
    }

    /// Where the token's row starts in ``rows``, made on first use (``newRow(_:)``, not inlined).
    @inline(__always)
    private func row(_ index: Int) -> Int {
        let stored = Int(truncatingIfNeeded: starts[index] >> 32)
        return stored != 0 ? stored - 1 : newRow(index)
    }

    @inline(never)
    private func newRow(_ index: Int) -> Int {
        let row = rowsEnd
        (rows + row).initialize(repeating: 0, count: Self.rowWidth)
        rowsEnd += Self.rowWidth
        starts[index] |= UInt64(row + 1) << 32
        return row
    }

    /// ``longest(_:at:)`` once a surface of the kinds may start at `index`: from the cache, or walked.
    private func cachedLongest(tag: Int, mask: UInt32, at index: Int) -> GazetteerMatch? {
        let slot = row(index) + tag
        let known = rows[slot]
        if known != 0 {
            let entry = Int(known >> 8) - 2
            return entry < 0 ? nil : GazetteerMatch(entry: entry, tokens: index..<(index + Int(known & 0xFF)))
        }
        let found = tokens.withUnsafeBufferPointer { tokens in
            syllables.withUnsafeBufferPointer { ids in
                knowledge.matcher.longest(in: tokens, syllables: ids, at: index, mask: mask, date: date)
            }
        }
        guard let found else {
            rows[slot] = 1 << 8
            return nil
        }
        let length = found.end - index
        if Int(found.entry) + 2 < 1 << 24 && length < 1 << 8 {
            rows[slot] = UInt32(Int(found.entry) + 2) << 8 | UInt32(length)
        }
        return GazetteerMatch(entry: Int(found.entry), tokens: index..<found.end)
    }

    /// The organisation parsed without a prefix at a token and depth: `nil` when not parsed yet, `.some(nil)`
    /// when it was and found nothing.
    func organization(at start: Int, depth: Int) -> OrganizationParser.Parse?? {
        organizationMemo.lookup(memoCode(at: start, Kinds.count + depth))
    }

    func store(_ organization: OrganizationParser.Parse?, at start: Int, depth: Int) {
        let code = organizationMemo.code(storing: organization)
        let slot = row(start) + Kinds.count + depth
        rows[slot] = code
    }

    /// The person parsed at a token: `nil` when not parsed yet, `.some(nil)` when it was and found nothing.
    func person(at start: Int) -> Phrase?? {
        personMemo.lookup(memoCode(at: start, Kinds.count + Self.organizationDepths))
    }

    /// Whether a person was parsed at the token and found (`nil`: not parsed yet), without copying the phrase.
    func personFound(at start: Int) -> Bool? {
        switch memoCode(at: start, Kinds.count + Self.organizationDepths) {
        case 0: nil
        case 1: false
        default: true
        }
    }

    func store(_ person: Phrase?, at start: Int) {
        let code = personMemo.code(storing: person)
        let slot = row(start) + Kinds.count + Self.organizationDepths
        rows[slot] = code
    }

    /// Whether a surface of some kind in `mask` (``KindSet/mask`` bits, or several sets' together) may match
    /// from this token (starts with its syllable, needing no capital there if it has none): when not, ``longest(_:at:)`` of those kinds finds nothing, and a
    /// caller that would ask it for several kind sets at every token asks one mask test instead.
    @inline(__always)
    func mayStart(_ mask: UInt32, at index: Int) -> Bool {
        index >= 0 && index < tokens.count && starts[index] & UInt64(mask) != 0
    }

    /// Whether any parser of ``PhraseScanner`` can start a phrase at this token: a capitalised word, or a
    /// syllable that starts a surface of ``Kinds/startsLowerCasePhrase``. Most tokens of news are neither
    /// (`và`, `của`, `đã`, numbers, punctuation), and one mask test skips the whole chain of parsers.
    func mayStartPhrase(_ index: Int) -> Bool {
        isCapitalised(index) || starts[index] & UInt64(Kinds.startsLowerCasePhrase.mask) != 0
    }

    /// The function-word roles of a token's syllable (`và` → conjunction): one read of ``starts``.
    @inline(__always)
    func roles(_ index: Int) -> FunctionWordRoles {
        guard index < tokens.count else { return [] }
        return FunctionWordRoles(rawValue: UInt16(truncatingIfNeeded: starts[index] >> 16))
    }

    /// Whether a function word with this role may start at the token (``KnowledgeBase/functionWordFirstRoles``):
    /// when not, looking up the words from it in ``KnowledgeBase/functionWords`` finds nothing with the role.
    func mayStartFunctionWord(_ index: Int, _ role: FunctionWordRoles) -> Bool {
        guard index < tokens.count else { return false }
        let id = Int(syllables[index])
        guard id >= 0 else { return knowledge.functionWordFirstRolesOfUnknown.contains(role) }
        let table = knowledge.functionWordFirstRoles
        return id < table.count && table[id].contains(role)
    }

    /// The number of tokens of the longest function word with this role that starts at the token (at
    /// most three: `khóa`, `nhiệm kỳ`, `các nhiệm kỳ`), 0 when none does.
    ///
    /// One token is its syllable's roles (``roles(_:)``). Longer runs are looked up by their text (a join and
    /// a hash of non-ASCII text, some 1 000 instructions each), and only as far as function-word surfaces
    /// run from the token in the matcher's trie (a surface's words are its syllables there): most term
    /// heads (`khóa`) are followed by none. From a token without a syllable id, or with a line break in the
    /// next two tokens (a trie walk stops at one, the text does not), all runs up to three are looked up.
    func functionWordLength(at index: Int, _ role: FunctionWordRoles) -> Int {
        guard mayStartFunctionWord(index, role) else { return 0 }
        let known = syllables[index] >= 0
        var length = (known ? roles(index) : knowledge.functionWordRoles(of: tokens[index].lower)).contains(role) ? 1 : 0
        var end = min(index + 3, tokens.count)
        if known, !tokens[(index + 1)..<end].contains(where: { $0.gap == .newline }) {
            let functionWords = KindSet(tag: -1, mask: KnowledgeEntry.Kind.functionWord.bit)
            end = min(end, walked(functionWords, at: index, prefix: [])?.tokens.upperBound ?? index + 1)
        }
        guard index + 2 <= end else { return length }
        var words = tokens[index].lower
        for count in 2...(end - index) {
            words += " "
            words += tokens[index + count - 1].lower
            if knowledge.functionWordRoles(of: words).contains(role) { length = count }
        }
        return length
    }

    /// The surname frequency of the token's lower-case text (``KnowledgeBase/surnames``), -1 for none.
    func surnameCount(_ index: Int) -> Int {
        let id = Int(syllables[index])
        guard id >= 0 else { return knowledge.surnameCount(outsideVocabulary: tokens[index].lower) }
        let table = knowledge.surnameCountsBySyllable
        return id < table.count ? table[id] : -1
    }

    /// Whether the token plays a function-word role (`is(index, .conjunction)` for `và`).
    func `is`(_ index: Int, _ role: FunctionWordRoles) -> Bool { roles(index).contains(role) }

    /// Whether the token's syllable occurs in known organisation and office names.
    func isNameWord(_ index: Int) -> Bool {
        index < tokens.count && knowledge.organizationVocabulary.contains(tokens[index].lower)
    }

    func entry(_ match: GazetteerMatch) -> KnowledgeEntry { knowledge.entry(match) }

    /// The matched entry's name, without copying the entry.
    func name(_ match: GazetteerMatch) -> String { knowledge.entries[match.entry].name }

    /// The matched entry's id.
    func id(_ match: GazetteerMatch) -> String { knowledge.entries[match.entry].id }

    /// Whether the matched entry has all these precomputed attribute flags.
    func has(_ match: GazetteerMatch, _ flags: EntryFacts.Flags) -> Bool { facts[match.entry].flags.contains(flags) }

    /// Whether token `index` follows the previous token on the same line (a phrase may continue).
    @inline(__always)
    func continuesLine(_ index: Int) -> Bool {
        index < tokens.count && tokens[index].gap != .newline
    }

    func isWord(_ index: Int) -> Bool { index < tokens.count && tokens[index].kind == .word }

    @inline(__always)
    func isCapitalised(_ index: Int) -> Bool {
        index < tokens.count && tokens[index].kind == .word
            && (tokens[index].shape == .capitalized || tokens[index].shape == .upper)
    }

    /// Whether the token is the punctuation or symbol `mark` (ASCII), compared by its byte: no other text
    /// is canonically equal to it, and a `String` comparison that fails costs some 25 instructions.
    @inline(__always)
    func isPunctuation(_ index: Int, _ mark: Unicode.Scalar) -> Bool {
        symbolByte(index) == UInt8(ascii: mark)
    }

    /// Whether the token is `.`, `!` or `?`.
    @inline(__always)
    func isSentenceEnd(_ index: Int) -> Bool {
        switch symbolByte(index) {
        case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"): true
        default: false
        }
    }

    /// The byte of a punctuation or symbol token written with one ASCII byte, else `nil`.
    @inline(__always)
    private func symbolByte(_ index: Int) -> UInt8? {
        guard index < tokens.count, tokens[index].kind != .word else { return nil }
        let utf8 = tokens[index].text.utf8
        guard utf8.count == 1, let byte = utf8.first, byte < 0x80 else { return nil }
        return byte
    }

    /// The text of a token range as written (normalised), tokens joined as they were spaced.
    func plainText(_ range: Range<Int>) -> String {
        if range.count == 1 { return tokens[range.lowerBound].text }
        return joined(range) { (tokens[$0].text, $0 + 1) }
    }

    /// The texts of the pieces of a range joined by a space where the text has white space before a piece.
    /// `piece(index)` is the text that stands for the tokens from `index` up to the end it returns; it is
    /// asked twice per piece, to size the string and to fill it.
    ///
    /// One allocation and one copy of the bytes into the string (some 1,700 instructions for seven
    /// syllables, a third less than appending them to a reused byte array and decoding that). The bytes are
    /// whole strings' bytes and ASCII spaces, so the string's check of its UTF-8 repairs nothing.
    private func joined(_ range: Range<Int>, _ piece: (Int) -> (text: String, end: Int)) -> String {
        var count = 0
        var index = range.lowerBound
        while index < range.upperBound {
            let (text, end) = piece(index)
            if index > range.lowerBound, tokens[index].gap != .none { count += 1 }
            count += text.utf8.count
            index = end
        }
        return String(unsafeUninitializedCapacity: count) { buffer in
            var offset = 0
            var index = range.lowerBound
            while index < range.upperBound {
                var (text, end) = piece(index)
                if index > range.lowerBound, tokens[index].gap != .none {
                    buffer[offset] = 0x20
                    offset += 1
                }
                text.withUTF8 { bytes in
                    guard let source = bytes.baseAddress, let target = buffer.baseAddress else { return }
                    (target + offset).update(from: source, count: bytes.count)
                    offset += bytes.count
                }
                index = end
            }
            return offset
        }
    }

    /// The abbreviation ``canonicalText(_:)`` replaces at a token of the range, if any. Only real abbreviations
    /// are replaced; an entry that equals the text (`tỉnh`) keeps its case.
    private func abbreviation(at index: Int, within range: Range<Int>) -> GazetteerMatch? {
        guard let match = longest(Kinds.abbreviation, at: index), match.tokens.upperBound <= range.upperBound,
              !spell(match.tokens, lower: true, facts[match.entry].lowercasedName)
        else { return nil }
        return match
    }

    /// Whether the tokens spell `text`, compared byte by byte without joining them: their lower-case texts
    /// joined by single spaces (`lower`), or their texts joined as they were spaced (``plainText(_:)``).
    /// Token texts and knowledge are both NFC, so equal bytes are equal strings.
    private func spell(_ range: Range<Int>, lower: Bool, _ text: String) -> Bool {
        if range.count == 1 { return (lower ? tokens[range.lowerBound].lower : tokens[range.lowerBound].text) == text }
        var text = text
        return text.withUTF8 { text in
            var offset = 0
            for index in range {
                if index > range.lowerBound, lower || tokens[index].gap != .none {
                    guard offset < text.count, text[offset] == 0x20 else { return false }
                    offset += 1
                }
                var piece = lower ? tokens[index].lower : tokens[index].text
                // `memcmp`: the generic `elementsEqual` of two buffers goes byte by byte (some 150 instructions a name).
                let matches = piece.withUTF8 { piece in
                    piece.count <= text.count - offset
                        && (piece.isEmpty || memcmp(text.baseAddress! + offset, piece.baseAddress!, piece.count) == 0)
                }
                guard matches else { return false }
                offset += piece.utf8.count
            }
            return offset == text.count
        }
    }

    /// ``plainText(_:)``, or `name` itself when the range is written exactly so: a knowledge-base name found
    /// as written (most organisations are) costs a comparison, not a new string.
    func plainText(_ range: Range<Int>, sharing name: String) -> String {
        spell(range, lower: false, name) ? name : plainText(range)
    }

    /// Whether ``canonicalText(_:)`` replaces an abbreviation in the range; when not, it equals ``plainText(_:)``.
    /// Up to the first replacement its walk goes token by token, as this one does, so both find the same first.
    func abbreviates(_ range: Range<Int>) -> Bool {
        range.contains { abbreviation(at: $0, within: range) != nil }
    }

    /// Canonical text of a token range: abbreviations expanded (`Ban Kinh tế TW` → `Ban Kinh tế Trung ương`,
    /// `UBND tỉnh Yên Bái` → `Ủy ban nhân dân tỉnh Yên Bái`), tokens joined as they were spaced.
    /// Most ranges abbreviate nothing, and their canonical text is their ``plainText(_:)``, byte for byte.
    func canonicalText(_ range: Range<Int>) -> String {
        guard abbreviates(range) else { return plainText(range) }
        return joined(range) { index in
            if let match = abbreviation(at: index, within: range) { return (name(match), match.tokens.upperBound) }
            return (tokens[index].text, index + 1)
        }
    }
}

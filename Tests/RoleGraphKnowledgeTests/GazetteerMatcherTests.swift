import Foundation
import Testing
import RoleGraphText
@testable import RoleGraphKnowledge

// Matcher semantics on real Vietnamese sentences, with small knowledge bases built from literals, and
// agreement of the fast matcher, loader and `entries(of:)` with straightforward reference versions.

private func tokens(_ text: String) -> [Token] { Tokenizer.tokens(of: SourceText(text)) }

/// The matched text of every match, joined by ` | `, with the entry id: `Ban Kinh tế Trung ương=org:bkttw`.
private func describe(_ matches: [GazetteerMatch], _ tokens: [Token], _ kb: KnowledgeBase) -> [String] {
    matches.map { m in tokens[m.tokens].map(\.text).joined(separator: " ") + "=" + kb.entries[m.entry].id }
}

private let all = Set(KnowledgeEntry.Kind.allCases)

private let small = KnowledgeBase(entries: [
    KnowledgeEntry(id: "org:bkttw", kind: .organization, name: "Ban Kinh tế Trung ương"),
    KnowledgeEntry(id: "org:tw", kind: .organization, name: "Trung ương"),
    KnowledgeEntry(id: "org:btctw", kind: .organization, name: "Ban Tổ chức Trung ương"),
    KnowledgeEntry(id: "org:btc", kind: .relativeBody, name: "Ban Tổ chức"),
    KnowledgeEntry(id: "org:bct", kind: .organization, name: "Bộ Chính trị"),
    KnowledgeEntry(id: "title:pho-truong", kind: .title, name: "phó trưởng"),
    KnowledgeEntry(id: "title:truong-ban", kind: .title, name: "trưởng ban"),
    KnowledgeEntry(id: "title:bi-thu", kind: .title, name: "bí thư"),
    KnowledgeEntry(id: "surname:tu", kind: .surname, name: "Tư"),
    KnowledgeEntry(id: "stop:phat-bieu", kind: .stopWord, name: "phát biểu"),
])

@Suite struct GazetteerMatcherSemantics {
    @Test func leftmostLongestPrefersTheLongerCompleteForm() {
        let t = tokens("Phó trưởng Ban Kinh tế Trung ương phát biểu")
        let found = small.matcher.leftmostLongest(in: t, kinds: all, date: nil)
        #expect(describe(found, t, small) == [
            "Phó trưởng=title:pho-truong", "Ban Kinh tế Trung ương=org:bkttw", "phát biểu=stop:phat-bieu",
        ])
        // `Trung ương` alone is a form, but never inside the longer match.
        #expect(!found.contains { small.entries[$0.entry].id == "org:tw" })
        // All matches at `Ban`, longest first; `Ban Kinh tế` is only a path, not a form.
        let at = small.matcher.matches(in: t, at: 2, kinds: all, date: nil)
        #expect(describe(at, t, small) == ["Ban Kinh tế Trung ương=org:bkttw"])
        let atTW = small.matcher.matches(in: t, at: 5, kinds: [.organization], date: nil)
        #expect(describe(atTW, t, small) == ["Trung ương=org:tw"])
        // Restricting the kinds changes what is found, not where the scan can go.
        let orgs = small.matcher.leftmostLongest(in: t, kinds: [.organization], date: nil)
        #expect(describe(orgs, t, small) == ["Ban Kinh tế Trung ương=org:bkttw"])
    }

    @Test func lowerCaseBanStartsNoOrganisation() {
        let t = tokens("Hội nghị do ban tổ chức trung ương công bố")
        #expect(small.matcher.longest(in: t, at: 3, kinds: [.organization, .relativeBody], date: nil) == nil)
        #expect(small.matcher.leftmostLongest(in: t, kinds: [.organization, .relativeBody], date: nil).isEmpty)
        let u = tokens("Ban Tổ chức Trung ương công bố")
        #expect(describe(small.matcher.leftmostLongest(in: u, kinds: all, date: nil), u, small)
            == ["Ban Tổ chức Trung ương=org:btctw"])
        // Lower-case syllables of an entry match in any case; capitals need a capital (upper counts).
        let v = tokens("BỘ CHÍNH TRỊ họp. Bộ Chính Trị họp. bộ chính trị họp.")
        #expect(describe(small.matcher.leftmostLongest(in: v, kinds: [.organization], date: nil), v, small)
            == ["BỘ CHÍNH TRỊ=org:bct", "Bộ Chính Trị=org:bct"])
        // Titles match in any case.
        let w = tokens("Bí thư và BÍ THƯ và bí thư")
        #expect(small.matcher.leftmostLongest(in: w, kinds: [.title], date: nil).count == 3)
    }

    @Test func matchesStartAndEndOnTokenBoundaries() {
        let t = tokens("Ông Nguyễn Văn Tưởng gặp ông Tư.")
        let found = small.matcher.leftmostLongest(in: t, kinds: [.surname], date: nil)
        #expect(describe(found, t, small) == ["Tư=surname:tu"])
        #expect(found.first?.tokens == 6..<7)
        // Never across a line break.
        let u = tokens("Ban Kinh tế\nTrung ương")
        #expect(describe(small.matcher.leftmostLongest(in: u, kinds: [.organization], date: nil), u, small)
            == ["Trung ương=org:tw"])
    }

    @Test func validityThenPriorityThenFileOrderChooseAmongEqualForms() {
        let kb = KnowledgeBase(entries: [
            KnowledgeEntry(id: "org:btgtw", kind: .organization, name: "Ban Tuyên giáo Trung ương",
                           variants: ["Ban Tuyên giáo"], attributes: ["to": "2025-02"]),
            KnowledgeEntry(id: "org:btgdvtw", kind: .organization, name: "Ban Tuyên giáo và Dân vận Trung ương",
                           variants: ["Ban Tuyên giáo"], attributes: ["from": "2025-02", "priority": "1"]),
            KnowledgeEntry(id: "loc:ha-tay", kind: .location, name: "Hà Tây", attributes: ["to": "2008-07"]),
            KnowledgeEntry(id: "loc:ha-tay-2", kind: .location, name: "Hà Tây"),
        ])
        let t = tokens("Ban Tuyên giáo tổ chức hội nghị ở Hà Tây")
        func ids(_ date: String?) -> [String] {
            kb.matcher.leftmostLongest(in: t, kinds: all, date: date).map { kb.entries[$0.entry].id }
        }
        // Valid at the date wins over priority …
        #expect(ids("2024-05-01") == ["org:btgtw", "loc:ha-tay-2"])
        #expect(ids("2025-08") == ["org:btgdvtw", "loc:ha-tay-2"])
        // … with no date the name still in use (no `to`) wins; the ended ones stay aliases.
        #expect(ids(nil) == ["org:btgdvtw", "loc:ha-tay-2"])
        #expect(ids("2005") == ["org:btgtw", "loc:ha-tay"])
    }

    @Test func validityDatesCompareAsFarAsBothGo() {
        let term = GazetteerMatcher.Interval(from: "2025-02", to: "2026")
        #expect(term.contains("2025"))
        #expect(term.contains("2026-05"))
        #expect(!term.contains("2024-12"))
        #expect(!term.contains("2027"))
        // Dates that are not ASCII compare by characters.
        let wide = GazetteerMatcher.Interval(from: "\u{FF12}\u{FF10}\u{FF12}\u{FF15}", to: nil)
        #expect(wide.contains("\u{FF12}\u{FF10}\u{FF12}\u{FF16}"))
        #expect(!wide.contains("\u{FF12}\u{FF10}\u{FF12}\u{FF14}"))
    }

    @Test func prefixSyllablesAreMatchedVirtually() {
        let t = tokens("Trưởng ban Tổ chức Trung ương Lê Minh Hưng phát biểu")
        // `Trưởng ban` is a title; from `Tổ`, the virtual `ban` completes `Ban Tổ chức Trung ương`.
        let title = small.matcher.longest(in: t, at: 0, kinds: [.title], date: nil)
        #expect(title?.tokens == 0..<2)
        let found = small.matcher.matches(in: t, at: 2, kinds: [.organization, .relativeBody], date: nil, prefix: ["ban"])
        #expect(describe(found, t, small) == ["Tổ chức Trung ương=org:btctw", "Tổ chức=org:btc"])
        let longest = small.matcher.longest(in: t, at: 2, kinds: [.organization], date: nil, prefix: ["ban"])
        #expect(longest == GazetteerMatch(entry: small.entries.firstIndex { $0.id == "org:btctw" }!, tokens: 2..<6))
        // The id overloads agree.
        let ids = small.matcher.syllableIDs(for: t)
        #expect(small.matcher.matches(in: t, syllables: ids, at: 2, kinds: [.organization, .relativeBody], date: nil,
                                      prefix: ["ban"]) == found)
        // Without the prefix nothing starts at `Tổ`; an unknown prefix syllable finds nothing.
        #expect(small.matcher.longest(in: t, at: 2, kinds: [.organization], date: nil) == nil)
        #expect(small.matcher.matches(in: t, at: 2, kinds: all, date: nil, prefix: ["bam"]).isEmpty)
    }

    @Test func syllableIDsAreSharedByEqualLowerCaseSyllables() {
        let t = tokens("Ban BAN ban Kinh xyzzy 😀 Tư Tưởng")
        let ids = small.matcher.syllableIDs(for: t)
        #expect(ids[0] == ids[1] && ids[1] == ids[2] && ids[0] >= 0)
        #expect(ids[4] == GazetteerMatcher.unknownSyllable)
        #expect(ids[5] == GazetteerMatcher.unknownSyllable)
        #expect(ids[6] >= 0 && ids[7] == GazetteerMatcher.unknownSyllable)
        #expect(small.matcher.syllableID("ban") == ids[0])
        // Canonically equal spellings (decomposed) are the same syllable, as with `String ==`.
        #expect(small.matcher.syllableID("t\u{1B0}") == ids[6])
        #expect(small.matcher.syllableID("tu\u{31B}") == ids[6])
    }

    @Test func syllableIDsOfTokensWithoutOneTokenisationsNumbers() {
        // Made by hand (no number) and cut from a longer tokenisation (a number above the count): each
        // token gets its own syllable's id, as if looked up alone.
        var byHand = tokens("Tư Ban kinh Ban xyzzy")
        for i in byHand.indices { byHand[i].word = -1 }
        for t in [byHand, Array(tokens("Ban Kinh Tư Ban kinh").suffix(2))] {
            #expect(small.matcher.syllableIDs(for: t) == t.map { small.matcher.syllableID($0.lower) })
        }
        #expect(small.matcher.syllableIDs(for: []).isEmpty)
    }

    /// Sentences with words of the table in every case, dash and quote variants, numbers, marks and
    /// words the knowledge base does not have.
    @Test("Tokens of the matcher's own word table carry their syllable ids", arguments: [
        "Ông Nguyễn Văn Bình, Ủy viên Bộ Chính trị, Trưởng ban Kinh tế Trung ương – BAN KINH TẾ TW",
        "Đồng chí Võ Văn Thưởng (1970) được bầu làm Bí thư Thành ủy TP.HCM nhiệm kỳ 2015–2020, “khóa X”",
        "Bộ trưởng Bộ TT&TT xyzzy 😀 1.099 tỷ đồng; Phó Thủ tướng Vương Đình Huệ",
    ])
    func syllableIDsFromTheWordTable(sentence: String) {
        let kb = KnowledgeBase.bundled
        let table = WordTable(words: kb.matcher.syllables)
        let tokens = Tokenizer.tokens(of: SourceText(sentence), words: table)
        #expect(kb.matcher.syllableIDs(for: tokens, tokenisedWith: table) == kb.matcher.syllableIDs(for: tokens))
        #expect(tokens.contains { $0.wordListIndex >= 0 && $0.kind != .word })  // numbers and marks are listed too
        // A table made from another list is not trusted: the ids are looked up.
        let other = WordTable(words: kb.matcher.syllables.map { $0 })  // equal, but another array
        #expect(kb.matcher.syllableIDs(for: tokens, tokenisedWith: other) == kb.matcher.syllableIDs(for: tokens))
    }
}

// MARK: - Agreement with reference implementations

/// The straightforward matcher: a trie of `[String: Int32]` children, `Set<Kind>` checks per terminal.
private struct ReferenceMatcher {
    struct Terminal {
        var entry: Int
        var needsCapital: [Bool]
    }
    struct Node {
        var children: [String: Int32] = [:]
        var terminals: [Terminal] = []
    }
    var nodes: [Node] = [Node()]
    let entries: [KnowledgeEntry]

    init(entries: [KnowledgeEntry]) {
        self.entries = entries
        for (index, entry) in entries.enumerated() {
            let sensitive = GazetteerMatcher.caseSensitive.contains(entry.kind)
            for surface in Set(entry.surfaces) {
                let tokens = Tokenizer.tokens(of: SourceText(surface))
                guard !tokens.isEmpty else { continue }
                var node = 0
                for token in tokens {
                    if let next = nodes[node].children[token.lower] {
                        node = Int(next)
                    } else {
                        nodes.append(Node())
                        nodes[node].children[token.lower] = Int32(nodes.count - 1)
                        node = nodes.count - 1
                    }
                }
                // An organisation needs only its first capital and its abbreviations in capitals.
                let needs = tokens.enumerated().map { i, token in
                    sensitive && token.shape != .lower && token.kind == .word
                        && (entry.kind != .organization || i == 0 || token.shape == .upper)
                }
                nodes[node].terminals.append(Terminal(entry: index, needsCapital: needs))
            }
        }
    }

    func matches(in tokens: [Token], at start: Int, kinds: Set<KnowledgeEntry.Kind>, date: String?,
                 prefix: [String] = []) -> [GazetteerMatch] {
        var node = 0
        for syllable in prefix {
            guard let next = nodes[node].children[syllable] else { return [] }
            node = Int(next)
        }
        var found: [GazetteerMatch] = []
        var index = start
        while index < tokens.count {
            if index > start, tokens[index].gap == .newline { break }
            guard let next = nodes[node].children[tokens[index].lower] else { break }
            node = Int(next)
            index += 1
            var best: (entry: Int, rank: (Int, Int, Int))? = nil
            for terminal in nodes[node].terminals where kinds.contains(entries[terminal.entry].kind) {
                let count = terminal.needsCapital.count - prefix.count
                let first = index - count
                var ok = true
                for i in 0..<count where terminal.needsCapital[prefix.count + i] && tokens[first + i].shape == .lower {
                    ok = false
                }
                guard ok else { continue }
                let entry = entries[terminal.entry]
                let rank = (entry.isValid(at: date) ? 1 : 0, entry.priority, -terminal.entry)
                if best == nil || rank > best!.rank { best = (terminal.entry, rank) }
            }
            if let best { found.append(GazetteerMatch(entry: best.entry, tokens: start..<index)) }
        }
        return found.reversed()
    }

    func leftmostLongest(in tokens: [Token], kinds: Set<KnowledgeEntry.Kind>, date: String?) -> [GazetteerMatch] {
        var result: [GazetteerMatch] = []
        var index = 0
        while index < tokens.count {
            if let match = matches(in: tokens, at: index, kinds: kinds, date: date).first {
                result.append(match)
                index = match.tokens.upperBound
            } else {
                index += 1
            }
        }
        return result
    }
}

/// The repository's seed article and, when `../shared` is checked out, a few dev articles.
private func realTexts() -> [String] {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    var texts: [String] = []
    let seeds = root.appendingPathComponent("seeds")
    let dev = root.deletingLastPathComponent().appendingPathComponent("shared/data/dev/articles")
    for folder in [seeds, dev] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".txt") }.sorted().prefix(12)
        for name in names {
            if let text = try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) { texts.append(text) }
        }
    }
    texts.append("""
        Sáng 24/4, đồng chí Nguyễn Văn A, Ủy viên Bộ Chính trị, Trưởng ban Tổ chức Trung ương, Bí thư Tỉnh ủy Nghệ An \
        phát biểu tại Hội nghị. Ông Tư, nguyên Phó Chủ tịch UBND tỉnh Hà Tây, Phó trưởng Ban Kinh tế TW; ban tổ chức \
        BAN TỔ CHỨC Ủy Ban Nhân Dân Thành phố Hồ Chí Minh… 😀 Đ Ð x\u{301} e\u{302}\u{301}
        """)
    return texts
}

@Suite struct GazetteerMatcherAgreement {
    static let kb = KnowledgeBase.bundled

    @Test func scanAndLookupsAgreeWithTheReferenceOnRealText() {
        let kb = Self.kb
        let reference = ReferenceMatcher(entries: kb.entries)
        let kindSets: [Set<KnowledgeEntry.Kind>] = [
            all, [.organization], [.title], [.organization, .relativeBody, .organizationHead], [.person, .surname],
            [.location], [.statusCue, .stopWord, .honorific], [.abbreviation], [.eventHead, .byline, .nameWord],
        ]
        let texts = realTexts()
        #expect(texts.count >= 2)
        for text in texts {
            let t = tokens(text)
            let ids = kb.matcher.syllableIDs(for: t)
            for date in [nil, "2020-01-15", "2025-08", "1999"] as [String?] {
                for kinds in kindSets {
                    let expected = reference.leftmostLongest(in: t, kinds: kinds, date: date)
                    #expect(kb.matcher.leftmostLongest(in: t, kinds: kinds, date: date) == expected)
                    #expect(kb.matcher.leftmostLongest(in: t, syllables: ids, kinds: kinds, date: date) == expected)
                }
            }
            for kinds in kindSets.prefix(4) {
                for index in t.indices {
                    for prefix in [[], ["ban"], ["ủy", "ban"]] as [[String]] {
                        let expected = reference.matches(in: t, at: index, kinds: kinds, date: "2025-08", prefix: prefix)
                        #expect(kb.matcher.matches(in: t, at: index, kinds: kinds, date: "2025-08", prefix: prefix) == expected)
                        #expect(kb.matcher.matches(in: t, syllables: ids, at: index, kinds: kinds, date: "2025-08",
                                                   prefix: prefix) == expected)
                        #expect(kb.matcher.longest(in: t, at: index, kinds: kinds, date: "2025-08", prefix: prefix)
                                == expected.first)
                        #expect(kb.matcher.longest(in: t, syllables: ids, at: index, kinds: kinds, date: "2025-08",
                                                   prefix: prefix) == expected.first)
                    }
                }
            }
        }
    }

    @Test func entriesOfKindAndVocabulariesAgreeWithFiltering() {
        let kb = Self.kb
        for kind in KnowledgeEntry.Kind.allCases {
            #expect(kb.entries(of: kind) == kb.entries.filter { $0.kind == kind })
        }
        var vocabulary: Set<String> = []
        for entry in kb.entries {
            switch entry.kind {
            case .nameWord:
                vocabulary.insert(VietnameseFolding.lowercased(entry.name))
            case .organization, .organizationHead, .relativeBody:
                for surface in entry.surfaces {
                    for token in tokens(surface) where token.kind == .word && token.shape == .lower {
                        vocabulary.insert(token.lower)
                    }
                }
            default:
                break
            }
        }
        #expect(kb.organizationVocabulary == vocabulary)
    }

    @Test func laterEntriesWithTheSameIDReplaceEarlierOnes() {
        let kb = KnowledgeBase(entries: [
            KnowledgeEntry(id: "a", kind: .organization, name: "Bộ Y tế"),
            KnowledgeEntry(id: "b", kind: .title, name: "bộ trưởng"),
            KnowledgeEntry(id: "a", kind: .organization, name: "Bộ Tài chính"),
        ])
        #expect(kb.entries.map(\.name) == ["Bộ Tài chính", "bộ trưởng"])
        #expect(kb.entry(id: "a")?.name == "Bộ Tài chính")
        let t = tokens("Bộ Y tế và Bộ Tài chính")
        #expect(describe(kb.matcher.leftmostLongest(in: t, kinds: all, date: nil), t, kb) == ["Bộ Tài chính=a"])
        #expect(kb.entries(of: .organization).map(\.name) == ["Bộ Tài chính"])
    }

    @Test func byteParserAgreesWithTheCharacterParser() throws {
        for path in KnowledgeBase.bundledPaths {
            let bytes = try InputReader.read(path: path)
            let text = try SourceText(bytes: bytes, file: path)
            let reference = try KnowledgeFile.parseCharacters(text.string, file: path)
            #expect(try KnowledgeFile.parse(text.string, file: path) == reference)
            #expect(try KnowledgeFile.parse(normalized: text.bytes, file: path) == reference)
            #expect(try KnowledgeBase.loadFile(path: path) == reference)
        }
        let header = KnowledgeFile.header.joined(separator: "\t")
        let odd = [
            "# comment\n\(header)\n  \t \norg:a\torganization\t Ủy ban  \tUB | | UBND|Ủy ban\tpriority=2; from=2020 ;\n",
            "\(header)\r\norg:a\torganization\tUỷ ban\tA\u{301}|B\tk=v=w\r\n",
            "\(header)\norg:a\torganization\tBan\tX|\u{301}Y\t\n#\u{301}x\tperson\tA\t\t\n",
            "\(header)\norg:a\torganization\tBan\t\tnovalue\n",
            "\(header)\norg:a\tnope\tBan\t\t\n",
            "\(header)\norg:a\torganization\t \t\t\n",
            "\(header)\n\torganization\tBan\t\t\n",
            "\(header)\norg:a\torganization\tBan\t\n",
            "id\ttype\n",
            "",
            "# only a comment",
        ]
        for text in odd {
            let expected = Result { () throws(KnowledgeError) in try KnowledgeFile.parseCharacters(text, file: "x.tsv") }
            let actual = Result { () throws(KnowledgeError) in try KnowledgeFile.parse(text, file: "x.tsv") }
            #expect(actual == expected, "\(text.debugDescription)")
            let normalized = SourceText(text)
            let fromBytes = Result { () throws(KnowledgeError) in try KnowledgeFile.parse(normalized: normalized.bytes, file: "x.tsv") }
            let fromString = Result { () throws(KnowledgeError) in try KnowledgeFile.parseCharacters(normalized.string, file: "x.tsv") }
            #expect(fromBytes == fromString, "\(text.debugDescription)")
        }
    }
}

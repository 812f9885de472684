import Testing
@testable import RoleGraphText

@Suite("WordCache: tokens of immortal strings are copied as bytes")
struct WordCacheTests {
    @Test("Small strings and literals are immortal, a long built string is not")
    func immortality() {
        #expect(WordCache.isImmortal(""))
        #expect(WordCache.isImmortal("a literal longer than fifteen bytes"))
        #expect(WordCache.isImmortal(String(decoding: Array("Nguyễn".utf8), as: UTF8.self)))
        #expect(!WordCache.isImmortal(String(decoding: Array("a built string longer than fifteen bytes".utf8), as: UTF8.self)))
    }

    @Test("Tokens of long and short words outlive the tokenisation, with their views")
    func longAndShortWords() {
        let long = "Đàmxyzxyzxyzxyzxyzxyz"  // its views are not small strings: copied with retains
        var tokens = Tokenizer.tokens(of: SourceText("\(long) bộ \(long) bộ"))
        tokens += Tokenizer.tokens(of: SourceText("\(long) bộ"), words: WordTable(words: ["bộ"]))
        #expect(tokens.map(\.text) == [long, "bộ", long, "bộ", long, "bộ"])
        #expect(tokens.map(\.lower) == [long.lowercased(), "bộ", long.lowercased(), "bộ", long.lowercased(), "bộ"])
    }
}

@Suite("WordCache: a cache that outlives its documents gives the tokens of a fresh one")
struct PersistentWordCacheTests {
    /// Real sentences, then sentences that share words with them (spans that end in a non-ASCII mark,
    /// numbers, punctuation) and long words whose first 16 bytes are the same but whose tails differ.
    static let documents = [
        "Bộ trưởng Bộ Tài chính Đinh Tiến Dũng; Phó Thủ tướng Vương Đình Huệ, “Việt” 1.099 tỷ",
        "Ông Huệ, Phó Thủ tướng, dự họp. “Việt” và Việt—Bộ TÀI CHÍNH 2020-2025",
        "Đàmxyzxyzxyzxyzxyzxyz Đàmxyzxyzxyzxyzxyzxyq Đàmxyzxyzxyzxyzxyzxyz bộ",
        "Đàmxyzxyzxyzxyzxyzxyq Tài chính Đàmxyzxyzxyzxyzxyzxyzz",
    ]

    static func fresh(_ text: String) -> [Token] { Tokenizer.tokens(of: SourceText(text)) }

    @Test("Each document's tokens and word numbers are a fresh tokenisation's", arguments: [false, true])
    func sameTokens(sharedTable: Bool) {
        let table = sharedTable ? WordTable(words: ["bộ", "tài", "chính", "việt", "thủ", "tướng"]) : nil
        var cache = WordCache(capacity: 8, shared: table)
        for text in Self.documents + Self.documents.reversed() {
            cache.beginDocument()
            let source = SourceText(text)
            let tokens = source.bytes.withUnsafeBufferPointer { Tokenizer.tokens(in: $0, cache: &cache) }
            #expect(tokens == Self.fresh(text))
            #expect(tokens.map(\.word) == Self.fresh(text).map(\.word))
        }
    }

    @Test("A cache past its limits starts over at the next document, with the same tokens")
    func startsOver() {
        var cache = WordCache(capacity: 8, limits: .init(entries: 5, bytes: 1 << 20))
        // The distinct tokens (byte strings) since the cache last started over.
        var held: Set<[UInt8]> = []
        for text in Self.documents {
            if held.count > 5 { held = [] }
            cache.beginDocument()
            let source = SourceText(text)
            let tokens = source.bytes.withUnsafeBufferPointer { Tokenizer.tokens(in: $0, cache: &cache) }
            #expect(tokens.map(\.word) == Self.fresh(text).map(\.word))
            held.formUnion(tokens.map { Array(source.bytes[$0.range]) })
            #expect(cache.count == held.count)
        }
    }

    @Test("The thread's cache serves one table: tokens are the same with another table in between")
    func switchingTables() {
        let a = WordTable(words: ["bộ", "tài"]), b = WordTable(words: ["chính"])
        for (text, table) in zip(Self.documents, [a, b, a, b]) {
            let tokens = Tokenizer.tokens(of: SourceText(text), words: table)
            #expect(tokens == Self.fresh(text))
            #expect(tokens.map(\.word) == Self.fresh(text).map(\.word))
        }
    }
}

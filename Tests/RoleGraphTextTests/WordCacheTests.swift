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

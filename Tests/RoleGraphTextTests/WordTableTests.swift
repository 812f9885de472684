import Testing
@testable import RoleGraphText

@Suite("WordTable: shared views of common words leave tokens unchanged")
struct WordTableTests {
    @Test("Tokens with and without a shared table are equal, word numbers included")
    func sameTokens() {
        let table = WordTable(words: ["bộ", "trưởng", "tài", "chính", "việt", "covid19", "quốc", "hội", "a.b", "thành phố"])
        // `a.b` and `thành phố` are not one word each: the table leaves them out.
        #expect(table.count == 16)
        let text = SourceText("Bộ trưởng Bộ Tài chính VIỆT Việt” Covid19-x bộ\nQuốc hội tài chính Đàmxyzxyzxyzxyzxyz a.b")
        let plain = Tokenizer.tokens(of: text)
        let shared = Tokenizer.tokens(of: text, words: table)
        #expect(plain == shared)
        #expect(plain.map(\.word) == shared.map(\.word))
    }
}

@Suite("WordTable: every token of a tokenisation with a table knows its place in the word list")
struct WordListIndexTests {
    @Test("wordListIndex is the index of the token's lower-case form in the list, or -1")
    func listIndices() {
        let words = ["bộ", "trưởng", "tài", "chính", "1.099", "-", "&", "\"", "covid19"]
        let table = WordTable(words: words)
        let text = SourceText("BỘ trưởng Bộ Tài CHÍNH – 1.099 TT&TT “Covid19” bộ xyzzy 2020")
        for token in Tokenizer.tokens(of: text, words: table) {
            #expect(token.wordListIndex == words.firstIndex(of: token.lower).map { Int32($0) } ?? -1, "\(token.text)")
        }
        #expect(table.isMade(from: words) && !table.isMade(from: words.map { $0 }))
    }
}

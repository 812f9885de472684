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

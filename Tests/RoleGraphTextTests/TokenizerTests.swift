import Testing
@testable import RoleGraphText

@Suite("Tokenizer: words, numbers, punctuation, shapes, gaps")
struct TokenizerTests {
    @Test("Splits abbreviations, document numbers, dates and sites",
          arguments: [
            ("TP.HCM", ["TP", ".", "HCM"]),
            ("98-QĐ/TW", ["98", "-", "QĐ", "/", "TW"]),
            ("1.099", ["1.099"]),
            ("81.196 đảng viên", ["81.196", "đảng", "viên"]),
            ("Baonghean.vn", ["Baonghean", ".", "vn"]),
            ("(Baonghean.vn) - Sáng 24/4", ["(", "Baonghean", ".", "vn", ")", "-", "Sáng", "24", "/", "4"]),
            ("Th.Dương", ["Th", ".", "Dương"]),
            ("2020-2025", ["2020", "-", "2025"]),
            ("năm 2020.", ["năm", "2020", "."]),
            ("dịch bệnh Covid-19", ["dịch", "bệnh", "Covid", "-", "19"]),
            ("Covid19 & F0", ["Covid19", "&", "F0"]),
            ("quý I/2021", ["quý", "I", "/", "2021"]),
            ("Đ/c Nguyễn Văn A: ", ["Đ", "/", "c", "Nguyễn", "Văn", "A", ":"]),
          ])
    func splits(input: String, expected: [String]) {
        #expect(texts(input) == expected)
    }

    @Test("Kinds")
    func kinds() {
        let tokens = Tokenizer.tokens(of: SourceText("Sáng 24/4, giá +5%"))
        #expect(tokens.map(\.kind) == [.word, .number, .punctuation, .number, .punctuation,
                                       .word, .symbol, .number, .punctuation])
    }

    @Test("Ranges point into the normalised bytes")
    func ranges() {
        let text = SourceText("Đồng chí Huỳnh Tấn Việt - Ủy viên")
        for token in Tokenizer.tokens(of: text) {
            #expect(text.slice(token.range) == token.text)
        }
    }

    @Test("Dash and quote variants become ASCII in text",
          arguments: [
            ("Việt – Ủy viên", "-"), ("Việt — Ủy viên", "-"), ("Việt ‐ Ủy viên", "-"), ("Việt − Ủy viên", "-"),
            ("Việt “Ủy viên", "\""), ("Việt ” Ủy viên", "\""), ("Việt „Ủy viên", "\""),
            ("Việt «Ủy viên", "\""), ("Việt » Ủy viên", "\""),
            ("Việt ‘Ủy viên", "'"), ("Việt ’ Ủy viên", "'"), ("Việt ‚ Ủy viên", "'"),
          ])
    func punctuationVariants(input: String, expected: String) {
        let tokens = Tokenizer.tokens(of: SourceText(input))
        #expect(tokens.count == 4)
        #expect(tokens[1].text == expected)
        #expect(tokens[1].kind == .punctuation)
    }

    @Test("Shapes",
          arguments: [
            ("Việt", Token.Shape.capitalized), ("TW", .upper), ("ban", .lower), ("UBND", .upper),
            ("HĐND", .upper), ("A", .capitalized), ("iPhone", .mixed), ("TPHCM", .upper),
            ("Đảng", .capitalized), ("ĐẢNG", .upper), ("ủy", .lower), ("Ủy", .capitalized),
            ("VnExpress", .mixed), ("Covid19", .capitalized), ("2020", .none), (",", .none),
          ])
    func shapes(word: String, shape: Token.Shape) {
        let tokens = Tokenizer.tokens(of: SourceText(word))
        #expect(tokens.count == 1)
        #expect(tokens.first?.shape == shape)
    }

    @Test("Gaps: start of text and line breaks are .newline, spaces .space, adjacency .none")
    func gaps() {
        let tokens = Tokenizer.tokens(of: SourceText("Hội nghị.\nẢnh: Phạm Bằng\r\n\r\n  Đảng bộ"))
        #expect(tokens.map(\.text) == ["Hội", "nghị", ".", "Ảnh", ":", "Phạm", "Bằng", "Đảng", "bộ"])
        #expect(tokens.map(\.gap) == [.newline, .space, .none, .newline, .none, .space, .space, .newline, .space])
    }

    @Test("NBSP separates words like a space")
    func nbspGap() {
        let tokens = Tokenizer.tokens(of: SourceText("Huỳnh\u{00A0}Tấn\u{00A0}Việt"))
        #expect(tokens.map(\.text) == ["Huỳnh", "Tấn", "Việt"])
        #expect(tokens.map(\.gap) == [.newline, .space, .space])
    }

    @Test("Lower and key views",
          arguments: [
            ("Huỳnh", "huỳnh", "huynh"), ("ĐẢNG", "đảng", "dang"), ("Ủy", "ủy", "uy"),
            ("Việt", "việt", "viet"), ("Viết", "viết", "viet"), ("Nguyễn", "nguyễn", "nguyen"),
            ("Dương", "dương", "duong"), ("UBND", "ubnd", "ubnd"), ("HĐND", "hđnd", "hdnd"),
          ])
    func views(word: String, lower: String, key: String) {
        let token = Tokenizer.tokens(of: SourceText(word))[0]
        #expect(token.lower == lower)
        #expect(token.key == key)
        #expect(token.key == VietnameseFolding.key(word))
        #expect(token.lower == VietnameseFolding.lowercased(word))
    }

    @Test("NFD input gives the same tokens as NFC input")
    func nfdTokens() {
        let sentence = "Đồng chí Huỳnh Tấn Việt - Ủy viên Trung ương Đảng, Bí thư Đảng ủy Khối"
        let a = Tokenizer.tokens(of: SourceText(sentence))
        let b = Tokenizer.tokens(of: SourceText(nfd(sentence)))
        #expect(a == b)
    }

    @Test("Empty and blank text has no tokens")
    func empty() {
        #expect(Tokenizer.tokens(of: SourceText("")).isEmpty)
        #expect(Tokenizer.tokens(of: SourceText(" \n\t ")).isEmpty)
    }
}

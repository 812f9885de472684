import Foundation
import Testing
@testable import RoleGraphText

@Suite("Normalisation: NFC, tone placement, Đ, spaces, line breaks")
struct NormalizationTests {
    static let nfcSentences = [
        "Đồng chí Huỳnh Tấn Việt - Ủy viên Trung ương Đảng, Bí thư Đảng ủy Khối các cơ quan Trung ương chủ trì Hội nghị.",
        "Sáng 24/4, tại thị xã Cửa Lò (Nghệ An), Đảng bộ Khối các cơ quan Trung ương tổ chức Hội nghị.",
        "Trong quý I/2021, Đảng ủy Khối và các cấp ủy trực thuộc tiếp tục bám sát sự lãnh đạo.",
        "Chủ tịch Ủy ban nhân dân tỉnh Yên Bái Trần Huy Tuấn; Phó Thủ tướng Phạm Bình Minh.",
        "Người dân phường Hưng Dũng, TP Vinh, ủng hộ Quỹ phòng chống dịch Covid-19.",
    ]

    @Test("NFD input normalises to the NFC text", arguments: nfcSentences)
    func nfdBecomesNFC(sentence: String) {
        let decomposed = nfd(sentence)
        #expect(decomposed.unicodeScalars.count > sentence.unicodeScalars.count)
        #expect(SourceText(decomposed).string == sentence)
        #expect(SourceText(sentence).string == sentence)
        #expect(SourceText(sentence).bytes == Array(sentence.utf8))
    }

    @Test("NFD spans map back exactly, by scalar and by byte",
          arguments: [
            ("Đồng chí Huỳnh Tấn Việt - Ủy viên Trung ương Đảng", "Huỳnh Tấn Việt"),
            ("Đồng chí Huỳnh Tấn Việt - Ủy viên Trung ương Đảng", "Ủy viên Trung ương Đảng"),
            ("Bí thư Đảng ủy Khối các cơ quan Trung ương chủ trì", "Đảng ủy Khối"),
            ("Ảnh: Phạm Bằng", "Phạm Bằng"),
          ])
    func nfdSpansMapBack(sentence: String, mention: String) throws {
        let input = nfd(sentence)
        let text = SourceText(input)
        let range = try #require(byteRange(of: mention, in: text))
        let span = text.originalSpan(range)
        #expect(scalarSlice(input, span.scalars) == nfd(mention))
        #expect(String(decoding: text.original[span.utf8], as: UTF8.self) == nfd(mention))
        #expect(text.originalSlice(range) == nfd(mention))
        #expect(text.slice(range) == mention)
    }

    @Test("Mixed NFC/NFD text: offsets count input scalars, as Python would")
    func offsetsCountInputScalars() throws {
        let input = "Sáng 24/4, " + nfd("Đồng chí Huỳnh Tấn Việt") + " - Ủy viên"
        let text = SourceText(input)
        let range = try #require(byteRange(of: "Ủy viên", in: text))
        let span = text.originalSpan(range)
        #expect(scalarSlice(input, span.scalars) == "Ủy viên")
        let prefix = "Sáng 24/4, " + nfd("Đồng chí Huỳnh Tấn Việt") + " - "
        #expect(span.scalars.lowerBound == prefix.unicodeScalars.count)
        #expect(span.utf8.lowerBound == prefix.utf8.count)
        #expect(text.originalScalarCount == input.unicodeScalars.count)
    }

    @Test("Old-style tones move to the first vowel in open syllables",
          arguments: [
            ("hoà", "hòa"), ("Thuỵ", "Thụy"), ("Uỷ ban", "Ủy ban"), ("khoẻ", "khỏe"),
            ("UỶ BAN", "ỦY BAN"), ("HOÀ", "HÒA"), ("Khánh Hoà.", "Khánh Hòa."),
            ("hoá học", "hóa học"), ("tuỳ", "tùy"), ("Thuý", "Thúy"), ("hoạ sĩ", "họa sĩ"),
            ("xoè", "xòe"), ("Hoà Bình", "Hòa Bình"), ("thuỷ điện", "thủy điện"),
          ])
    func oldStyleTones(old: String, new: String) {
        #expect(VietnameseFolding.newStyleTones(old) == new)
        #expect(VietnameseFolding.normalize(old) == new)
        #expect(SourceText(old).string == new)
        #expect(SourceText(nfd(old)).string == new)
    }

    @Test("New style, closed syllables and qu- are left alone",
          arguments: ["Hoàng", "quý", "Huỳnh", "Thủy", "hòa", "Ủy ban", "Quỳnh", "quỷ", "toán",
                      "hoàn thành", "khuyến", "Nguyễn", "Quý I/2021", "thuyền", "ngoài"])
    func unchangedTones(word: String) {
        #expect(VietnameseFolding.newStyleTones(word) == word)
        #expect(SourceText(word).string == word)
    }

    @Test("A re-toned pair maps back to the old-style input")
    func retonedSpanMapsBack() throws {
        let input = "Bí thư Tỉnh uỷ Khánh Hoà và Uỷ ban"
        let text = SourceText(input)
        #expect(text.string == "Bí thư Tỉnh ủy Khánh Hòa và Ủy ban")
        for (mention, original) in [("Khánh Hòa", "Khánh Hoà"), ("Tỉnh ủy", "Tỉnh uỷ"), ("Ủy ban", "Uỷ ban")] {
            let range = try #require(byteRange(of: mention, in: text))
            let span = text.originalSpan(range)
            #expect(scalarSlice(input, span.scalars) == original)
            #expect(String(decoding: text.original[span.utf8], as: UTF8.self) == original)
        }
    }

    @Test("Old-style tones in NFD input still map back to the input")
    func retonedNFDMapsBack() throws {
        let input = nfd("Ông Lê Văn Thuỵ, Phó Chủ tịch Uỷ ban")
        let text = SourceText(input)
        #expect(text.string == "Ông Lê Văn Thụy, Phó Chủ tịch Ủy ban")
        let range = try #require(byteRange(of: "Lê Văn Thụy", in: text))
        #expect(scalarSlice(input, text.originalSpan(range).scalars) == nfd("Lê Văn Thuỵ"))
    }

    @Test("U+00D0 and U+00F0 become Đ and đ",
          arguments: [("\u{00D0}ảng", "Đảng"), ("\u{00D0}ồng chí", "Đồng chí"), ("\u{00F0}ại biểu", "đại biểu")])
    func ethBecomesDStroke(input: String, expected: String) {
        #expect(SourceText(input).string == expected)
        #expect(VietnameseFolding.normalize(input) == expected)
    }

    @Test("NBSP and other Unicode spaces become a plain space; the map keeps input widths")
    func unicodeSpaces() throws {
        let input = "Huỳnh\u{00A0}Tấn\u{2009}Việt\u{202F}-\u{3000}Ủy viên"
        let text = SourceText(input)
        #expect(text.string == "Huỳnh Tấn Việt - Ủy viên")
        let range = try #require(byteRange(of: "Huỳnh Tấn Việt", in: text))
        let span = text.originalSpan(range)
        #expect(scalarSlice(input, span.scalars) == "Huỳnh\u{00A0}Tấn\u{2009}Việt")
        #expect(String(decoding: text.original[span.utf8], as: UTF8.self) == "Huỳnh\u{00A0}Tấn\u{2009}Việt")
    }

    @Test("CR LF and CR become LF; offsets after them count the input")
    func lineBreaks() throws {
        let input = "Nghệ An\r\nSáng 24/4\rĐảng bộ Khối"
        let text = SourceText(input)
        #expect(text.string == "Nghệ An\nSáng 24/4\nĐảng bộ Khối")
        let range = try #require(byteRange(of: "Đảng bộ Khối", in: text))
        let span = text.originalSpan(range)
        #expect(span.scalars.lowerBound == "Nghệ An\r\nSáng 24/4\r".unicodeScalars.count)
        #expect(scalarSlice(input, span.scalars) == "Đảng bộ Khối")
    }

    @Test("A leading BOM stays in original, not in bytes; offsets count it")
    func byteOrderMark() throws {
        let input = "\u{FEFF}Đảng ủy Khối"
        let text = SourceText(input)
        #expect(text.string == "Đảng ủy Khối")
        #expect(text.original.prefix(3) == [0xEF, 0xBB, 0xBF])
        let span = text.originalSpan(0..<text.bytes.count)
        #expect(span.scalars == 1..<input.unicodeScalars.count)
        #expect(span.utf8 == 3..<input.utf8.count)
    }

    @Test("A range cut inside a unit widens to the whole unit")
    func rangeInsideUnit() {
        let input = nfd("Việt")   // V i e ̣ ̂ t : "ệ" is one unit of three scalars
        let text = SourceText(input)
        #expect(text.string == "Việt")
        // "ệ" is bytes 2..<5 of "Việt"; cut after its first byte.
        let span = text.originalSpan(2..<3)
        #expect(span.scalars == 2..<5)
        #expect(text.originalSpan(0..<text.bytes.count).scalars == 0..<6)
    }

    @Test("Non-canonical mark order and other scripts still reach NFC",
          arguments: [
            "a\u{0306}\u{0323}",            // ặ with marks in non-canonical order
            "Cafe\u{0301} Nguye\u{0302}\u{0303}n",
            "Ko\u{0308}ln, Sa\u{0303}o Paulo, \u{212B}ngstro\u{0308}m",
            "\u{1100}\u{1161}\u{11A8} \u{0915}\u{093C}",  // Hangul jamo, Devanagari nukta
            "o\u{031B}\u{0301}",            // ớ as o + horn + acute
          ])
    func generalNFC(input: String) {
        #expect(SourceText(input).string == input.precomposedStringWithCanonicalMapping)
    }

    @Test("normalize equals SourceText.bytes")
    func normalizeMatchesSourceText() {
        let input = nfd("Uỷ ban\u{00A0}nhân dân tỉnh Khánh Hoà\r\n\u{00D0}ảng bộ")
        #expect(VietnameseFolding.normalize(input) == "Ủy ban nhân dân tỉnh Khánh Hòa\nĐảng bộ")
        #expect(Array(VietnameseFolding.normalize(input).utf8) == SourceText(input).bytes)
    }
}

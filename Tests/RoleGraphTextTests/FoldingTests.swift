import Testing
@testable import RoleGraphText

@Suite("VietnameseFolding")
struct FoldingTests {
    @Test("key: diacritics off, đ → d, lower-case",
          arguments: [
            ("Đảng ủy", "dang uy"), ("Huỳnh Tấn Việt", "huynh tan viet"),
            ("Ủy ban nhân dân tỉnh Yên Bái", "uy ban nhan dan tinh yen bai"),
            ("Bí thư Đảng ủy Khối", "bi thu dang uy khoi"), ("ĐỒNG CHÍ", "dong chi"),
            ("\u{00D0}ảng", "dang"), ("Quyết định số 98-QĐ/TW", "quyet dinh so 98-qd/tw"),
            ("Thủy – Thuỷ", "thuy - thuy"),
          ])
    func key(input: String, expected: String) {
        #expect(VietnameseFolding.key(input) == expected)
        #expect(VietnameseFolding.key(nfd(input)) == expected)
        #expect(VietnameseFolding.key(Substring(input)) == expected)
    }

    @Test("lowercased is Vietnamese-aware",
          arguments: [("Đảng", "đảng"), ("ỦY BAN", "ủy ban"), ("HUỲNH TẤN VIỆT", "huỳnh tấn việt"),
                      ("ƯƠNG", "ương"), ("Ơn", "ơn"), ("ABC", "abc")])
    func lowercased(input: String, expected: String) {
        #expect(VietnameseFolding.lowercased(input) == expected)
        #expect(VietnameseFolding.lowercased(input) == input.lowercased())
    }

    @Test("newStyleTones changes only the pairs")
    func newStyleTonesOnlyPairs() {
        #expect(VietnameseFolding.newStyleTones("Hoà\u{00A0}Bình\r\n") == "Hòa\u{00A0}Bình\r\n")
        #expect(VietnameseFolding.newStyleTones("") == "")
    }
}

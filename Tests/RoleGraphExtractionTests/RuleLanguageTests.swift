import Testing
import RoleGraphKnowledge
import RoleGraphText
@testable import RoleGraphPatterns

@Suite struct RuleLanguageTests {
    @Test func debugDump() throws {
        let texts = [
            "Đồng chí Huỳnh Tấn Việt - Ủy viên Trung ương Đảng, Bí thư Đảng ủy Khối các cơ quan Trung ương chủ trì Hội nghị.",
            "Phó trưởng ban Tổ chức Trung ương đã công bố quyết định của Bộ Chính trị, bổ nhiệm ông Đinh La Thăng giữ chức Phó ban Kinh tế Trung ương.",
            "Ông Đinh La Thăng 57 tuổi, quê Nam Định. Ông là Ủy viên Trung ương Đảng khóa X, XI, XII; đại biểu Quốc hội khóa XIV.",
            "Ba Phó ban Kinh tế Trung ương kiêm nhiệm gồm: ông Trần Tuấn Anh, Bộ trưởng Công Thương; ông Trần Văn Hiếu, Thứ trưởng Tài chính.",
            "Ông Nguyễn Thiện Nhân sinh năm 1953. 4/1985-7/1988: Ủy viên Ban Thường vụ Thành đoàn TP. Hồ Chí Minh. 2006-nay: Ủy viên Bộ Chính trị.",
            "điều chuyển ông Đinh La Thăng, Ủy viên Trung ương Đảng thôi giữ chức Bí thư Thành ủy TP HCM (nhiệm kỳ 2015 - 2020) để nhận nhiệm vụ mới.",
        ]
        let rules = RuleSet.bundled
        for text in texts {
            let tokens = Tokenizer.tokens(of: SourceText(text))
            let context = PatternContext(tokens: tokens, knowledge: .bundled, date: "2017-05-11")
            let result = PhraseScanner(knowledge: .bundled).scan(tokens, date: "2017-05-11")
            let items = RuleItems.build(context: context, result: result)
            print("== " + text)
            for (i, item) in items.enumerated() { print("  \(i) \(item.kind) '\(item.text)' \(item.startsLine ? "NL" : "") \(item.attributes)") }
            for m in rules.matches(in: items) { print("  MATCH \(m.rule) \(m.items) \(m.captures)") }
        }
    }
}

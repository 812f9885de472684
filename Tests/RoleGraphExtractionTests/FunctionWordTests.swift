import RoleGraphDocument
import RoleGraphKnowledge
import RoleGraphText
import Testing

/// Closed-class words come from `lexicon.tsv` (`function-word` entries), not from Swift: the bundled
/// roles are as documented, and a knowledge base without a word loses exactly what that word did.
@Suite struct FunctionWordTests {
    static let bundled: [(String, FunctionWordRoles)] = [
        ("và", .conjunction), ("các", .plural), ("của", .possessive), ("số", .numberSign),
        ("chiều", .timeOfDay), ("nay", [.now, .periodWord]), ("năm", [.periodOpener, .periodWord]),
        ("nhiệm kỳ", .termHead), ("các nhiệm kỳ", .termHead), ("theo", .sourceCue),
    ]

    @Test(arguments: bundled)
    func bundledRoles(word: String, roles: FunctionWordRoles) {
        #expect(KnowledgeBase.bundled.functionWordRoles(of: word).isSuperset(of: roles))
    }

    /// The same sentences with and without one function word in the knowledge base.
    static func extractor(without word: String) -> Extractor {
        let entries = KnowledgeBase.bundled.entries.filter { !($0.kind == .functionWord && $0.name == word) }
        return Extractor(knowledge: KnowledgeBase(entries: entries))
    }

    @Test func timeOfDayDatesTheEvent() {
        let text = "Ông Nguyễn Văn An nghỉ hưu từ 22/10/2007.\nChiều 6/2/2017, Tỉnh ủy Nghệ An họp."
        #expect(Extractor.shared.extract(SourceText(text), id: "t", source: nil, date: nil).date == "2017-02-06")
        // Without `chiều`, no time of day marks the event: the first full date is the article's.
        #expect(Self.extractor(without: "chiều").extract(SourceText(text), id: "t", source: nil, date: nil).date == "2007-10-22")
    }

    /// A term head of one, two or three words (`khóa`, `các khóa`, `các nhiệm kỳ`) qualifies the position
    /// with the terms after it: terms that all ended before the article's date make the membership `former`.
    @Test(arguments: [
        ("đại biểu Quốc hội khóa XIII", "former"), ("đại biểu Quốc hội các khóa XI, XII, XIII", "former"),
        ("đại biểu Quốc hội các nhiệm kỳ XI, XII, XIII", "former"), ("đại biểu Quốc hội khóa XIV", "current"),
    ])
    func termHeads(position: String, status: String) {
        let document = Fixtures.extract("Ông Nguyễn Sinh Hùng, \(position) phát biểu.", date: "2017-05-11")
        #expect(Fixtures.roles(document) == ["Nguyễn Sinh Hùng | Đại biểu Quốc hội | Quốc hội | \(status)"])
    }

    @Test func conjunctionJoinsNameParts() {
        let text = "Giám đốc Sở Khoa học, Công nghệ và Môi trường Hoàng Văn Nam phát biểu."
        let names = { (d: Document) in d.organizations.map(\.name) }
        #expect(names(Extractor.shared.extract(SourceText(text), id: "t", source: nil, date: nil))
            .contains("Sở Khoa học, Công nghệ và Môi trường"))
        #expect(!names(Self.extractor(without: "và").extract(SourceText(text), id: "t", source: nil, date: nil))
            .contains("Sở Khoa học, Công nghệ và Môi trường"))
    }
}

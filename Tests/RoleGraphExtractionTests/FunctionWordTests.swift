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

    @Test func conjunctionJoinsNameParts() {
        let text = "Giám đốc Sở Khoa học, Công nghệ và Môi trường Hoàng Văn Nam phát biểu."
        let names = { (d: Document) in d.organizations.map(\.name) }
        #expect(names(Extractor.shared.extract(SourceText(text), id: "t", source: nil, date: nil))
            .contains("Sở Khoa học, Công nghệ và Môi trường"))
        #expect(!names(Self.extractor(without: "và").extract(SourceText(text), id: "t", source: nil, date: nil))
            .contains("Sở Khoa học, Công nghệ và Môi trường"))
    }
}

import Testing
import RoleGraphKnowledge
import RoleGraphText
@testable import RoleGraphPatterns

/// The rule language (`Sources/RoleGraphPatterns/Rules/`): parse errors with their exact position, the
/// engine's match semantics on hand-built item streams, and the bundled `roles.rules` on real sentences
/// from the 2017 dev articles (or the seed) through the real scanner.
@Suite struct RuleLanguageTests {

    // MARK: Helpers

    /// A hand-built stream: space-separated items. `PERSON POSITION ORG LOC PERIOD HONORIFIC` are items
    /// of that kind, `CUE:former` a cue with a status, `HONORIFIC:pronoun` an honorific with `pronoun=yes`,
    /// `PERIOD:ongoing` an ongoing period; anything else is a token (word, number or punctuation, by its
    /// first character). A leading `^` makes the item start a line.
    static func stream(_ spec: String) -> [RuleItem] {
        spec.split(separator: " ").enumerated().map { offset, part in
            var word = String(part)
            let startsLine = word.hasPrefix("^")
            if startsLine { word.removeFirst() }
            let pieces = word.count > 1 ? word.split(separator: ":", maxSplits: 1).map(String.init) : [word]
            var item = RuleItem(kind: .token, tokens: offset..<(offset + 1), startsLine: startsLine, text: word.lowercased())
            let kinds: [String: RuleItem.Kind] = ["PERSON": .person, "POSITION": .position, "ORG": .organization, "LOC": .location,
                                                  "PERIOD": .period, "HONORIFIC": .honorific, "CUE": .cue]
            if let kind = kinds[pieces[0]] {
                item.kind = kind
                item.text = pieces[0].lowercased()
                if [.person, .position, .organization, .location].contains(kind) { item.index = offset }
                if pieces.count == 2 {
                    switch kind {
                    case .cue: item.attributes["status"] = pieces[1]
                    default: item.attributes[pieces[1]] = "yes"
                    }
                }
            } else {
                let first = word.unicodeScalars.first!
                let kind = first.properties.isAlphabetic ? "word" : first.properties.numericType != nil ? "number" : "punctuation"
                let shape = kind != "word" ? "none" : word.first!.isUppercase ? "capitalized" : "lower"
                item.attributes = ["kind": kind, "shape": shape]
            }
            return item
        }
    }

    /// A match as `start..<end name=i,j name=k`, captures sorted by name.
    static func describe(_ match: RuleMatch) -> String {
        ([ "\(match.items)" ] + match.captures.keys.sorted().map { "\($0)=" + match.captures[$0]!.map(String.init).joined(separator: ",") })
            .joined(separator: " ")
    }

    /// The matches of a one-rule file over a hand-built stream.
    static func run(_ pattern: String, _ spec: String, attributes: String = "") throws -> [String] {
        let rules = try RuleSet(parsing: "r\t1\t\(pattern)" + (attributes.isEmpty ? "" : "\t" + attributes), file: "test.rules")
        return rules.matches(in: stream(spec)).map(describe)
    }

    /// The bundled rules' matches of one rule on a real text, each as its captures' item texts:
    /// `person=huỳnh tấn việt; positions=ủy viên trung ương đảng | bí thư …`.
    static func bundled(_ rule: String, _ text: String) -> [String] {
        let tokens = Tokenizer.tokens(of: SourceText(text))
        let context = PatternContext(tokens: tokens, knowledge: .bundled, date: "2017-05-11")
        let result = PhraseScanner(knowledge: .bundled).scan(tokens, date: "2017-05-11")
        let items = RuleItems.build(context: context, result: result)
        return RuleSet.bundled.matches(in: items).filter { $0.rule == rule }.map { match in
            match.captures.keys.sorted().map { name in
                name + "=" + match.captures[name]!.map { items[$0].text }.joined(separator: " | ")
            }.joined(separator: "; ")
        }
    }

    // MARK: Parse errors

    @Test("parse errors point at line:column", arguments: [
        // Unknown class: the column of the class name (fields: `r` 1, `1` 3, pattern 5).
        ("r\t1\tPERSN", 1, 5, "unknown class 'PERSN'"),
        // Unterminated literal: the opening quote; columns count characters, not bytes (`đến` is 3).
        ("r\t1\t\"gồm\" \"đến", 1, 11, "unterminated literal"),
        ("r\t1\t(PERSON | ORG", 1, 5, "missing ')'"),
        ("r\t1\tPERSON )", 1, 12, "unexpected ')'"),
        ("r\t1\t*PERSON", 1, 5, "unexpected '*'"),
        ("r\t1\tPERSON{3,1}", 1, 11, "bad repetition {3,1}"),
        ("r\t1\tPERSON*+", 1, 12, "a quantifier cannot follow another"),
        ("r\t1\t!(PERSON ORG)", 1, 5, "'!' negates one item"),
        ("r\t1\tPERSON @join", 1, 12, "unknown definition '@join'"),
        ("r\t1\tCUE[status]", 1, 9, "expected key=value"),
        ("r\t1\tCUE[status=ended", 1, 8, "missing ']'"),
        ("r\t1\tposition=", 1, 14, "expected an element after 'position='"),
        ("r\t1\tPERSON? CUE*", 1, 5, "the pattern can match no item"),
        ("r\tten\tPERSON", 1, 3, "priority must be an integer"),
        ("r\t1", 1, 4, "expected ID, PRIORITY and PATTERN"),
        ("r\t1\tPERSON\tsubject", 1, 12, "attribute 'subject' is not key=value"),
        ("r\t1\tPERSON\ta=b\textra", 1, 16, "unexpected field"),
        ("# comment\n\na\t1\tPERSON\na\t2\tORG", 4, 1, "duplicate rule id 'a' (first defined at line 3)"),
        ("@join\t(\",\" | \"và\")\n@join\tPERSON", 2, 1, "'@join' is already defined"),
    ])
    func parseError(text: String, line: Int, column: Int, message: String) {
        #expect {
            _ = try RuleSet(parsing: text, file: "test.rules")
        } throws: { error in
            guard let error = error as? KnowledgeError else { return false }
            return error.file == "test.rules" && error.line == line && error.column == column && error.message.contains(message)
                && error.description.hasPrefix("test.rules:\(line):\(column): ")
        }
    }

    @Test func bundledRulesCompile() throws {
        let rules = RuleSet.bundled
        #expect(rules.rules.map(\.id) == ["role:title-before-name", "role:conferred", "role:apposition", "role:predicate",
                                          "role:pronoun-predicate", "role:group", "role:biography"])
        #expect(rules.rule(id: "role:apposition")?.captureNames == ["person", "positions"])
        #expect(rules.rule(id: "role:biography")?.attributes["default-status"] == "former")
        #expect(rules.rule(id: "role:title-before-name")?.attributes["claims"] == "position")
    }

    // MARK: Engine

    @Test("optional, repetition, alternation", arguments: [
        (#"PERSON ","? POSITION"#, "PERSON POSITION", ["0..<2"]),
        (#"PERSON ","? POSITION"#, "PERSON , POSITION", ["0..<3"]),
        // Counted repetition: each start gives its own longest match.
        ("WORD{2,3}", "a b c d", ["0..<3", "1..<4", "2..<4"]),
        ("WORD{2}", "a b c", ["0..<2", "1..<3"]),
        ("WORD{2,}", "a b c", ["0..<3", "1..<3"]),
        (#"PERSON ("," POSITION)+"#, "PERSON , POSITION , POSITION .", ["0..<5"]),
        (#"PERSON ("," POSITION)+"#, "PERSON .", []),
        // A multi-word literal alternative is a sequence of one-token literals.
        (#"PERSON ("và" | "sau" "đó") POSITION"#, "PERSON sau đó POSITION", ["0..<4"]),
        (#"PERSON ("và" | "sau" "đó") POSITION"#, "PERSON và POSITION", ["0..<3"]),
        // Literals compare lower-case text: `"Gồm"` is `gồm`.
        (#"POSITION "Gồm" ":""#, "POSITION gồm :", ["0..<3"]),
    ])
    func shapes(pattern: String, stream: String, expected: [String]) throws {
        #expect(try Self.run(pattern, stream) == expected)
    }

    @Test("negation, classes and constraints", arguments: [
        ("PERSON !PUNCT* POSITION", "PERSON đã làm POSITION", ["0..<4"]),
        ("PERSON !PUNCT* POSITION", "PERSON , POSITION", []),
        (#"PERSON !("," | ".") POSITION"#, "PERSON ; POSITION", ["0..<3"]),
        (#"PERSON !("," | ".") POSITION"#, "PERSON . POSITION", []),
        ("CUE[status=ended] POSITION", "CUE:former POSITION CUE:ended POSITION", ["2..<4"]),
        ("CUE[status!=current] POSITION", "CUE:current POSITION CUE:former POSITION", ["2..<4"]),
        ("HONORIFIC[pronoun=yes] CUE", "HONORIFIC CUE HONORIFIC:pronoun CUE", ["2..<4"]),
        ("CAP WORD NUM", "Ông tuổi 57 ông tuổi 57", ["0..<3"]),
        ("ANY ORG", "của ORG , LOC", ["0..<2"]),
    ])
    func itemTests(pattern: String, stream: String, expected: [String]) throws {
        #expect(try Self.run(pattern, stream) == expected)
    }

    @Test("captures", arguments: [
        // A capture inside a repetition collects every item it consumed.
        (#"p=PERSON "," q=POSITION ("," q=POSITION)*"#, "PERSON , POSITION , POSITION", ["0..<5 p=0 q=2,4"]),
        // A capture of a group records each item of the group.
        ("x=(WORD WORD) PUNCT", "a b .", ["0..<3 x=0,1"]),
        // A capture on no path of the match is absent.
        (#"p=PERSON ("," q=POSITION)?"#, "PERSON .", ["0..<1 p=0"]),
        // Definitions carry their captures.
        (#"p=PERSON @list"#, "PERSON , CUE:former POSITION và POSITION", ["0..<6 p=0 positions=3,5"]),
    ])
    func captures(pattern: String, stream: String, expected: [String]) throws {
        let rules = try RuleSet(parsing: "@list\t\",\" CUE* positions=POSITION (\"và\" CUE* positions=POSITION)*\nr\t1\t\(pattern)")
        #expect(rules.matches(in: Self.stream(stream)).map(Self.describe) == expected)
    }

    @Test("longest match, then the greedy reading", arguments: [
        // The first alternative matches too, but the second is longer.
        (#"PERSON | PERSON "," POSITION"#, "PERSON , POSITION", ["0..<3"]),
        // Of the paths to the same end, the greedy one gives the captures: `a` takes the first word.
        ("a=WORD? b=WORD+", "x y", ["0..<2 a=0 b=1", "1..<2 b=1"]),
        // A greedy gap that may swallow what a later capture wants does swallow it.
        ("ANY* p=PERSON", "a PERSON b PERSON", ["0..<4 p=3", "1..<4 p=3", "2..<4 p=3", "3..<4 p=3"]),
        ("!PERSON* p=PERSON", "a PERSON b PERSON", ["0..<2 p=1", "1..<2 p=1", "2..<4 p=3", "3..<4 p=3"]),
    ])
    func longest(pattern: String, stream: String, expected: [String]) throws {
        #expect(try Self.run(pattern, stream) == expected)
    }

    @Test("lines", arguments: [
        // A match stays on its line unless the rule is multiline.
        (#"PERSON "," POSITION"#, "PERSON , ^POSITION", "", [String]()),
        (#"PERSON "," POSITION"#, "PERSON , ^POSITION", "multiline=yes", ["0..<3"]),
        // The first item may start a line; NEWLINE asks that it does, !NEWLINE that it does not.
        ("NEWLINE PERIOD", "PERIOD x ^PERIOD", "", ["2..<3"]),
        ("!NEWLINE PERIOD", "PERIOD x ^PERIOD", "", ["0..<1"]),
        (#"(NEWLINE | ".") HONORIFIC"#, "^HONORIFIC x . HONORIFIC", "", ["0..<1", "2..<4"]),
    ])
    func lines(pattern: String, stream: String, attributes: String, expected: [String]) throws {
        #expect(try Self.run(pattern, stream, attributes: attributes) == expected)
    }

    @Test func matchesSortByStartThenPriorityThenFileOrder() throws {
        let rules = try RuleSet(parsing: """
            low\t10\tPERSON
            high\t90\tPERSON "," POSITION
            position\t50\tPOSITION
            same\t10\tPERSON ","
            """)
        let found = rules.matches(in: Self.stream("PERSON , POSITION"))
        #expect(found.map { "\($0.rule) \($0.priority) \($0.items)" } == ["high 90 0..<3", "low 10 0..<1", "same 10 0..<2", "position 50 2..<3"])
        #expect(found[0].indices("missing", in: RuleStream(items: Self.stream("PERSON , POSITION"), rules: rules)).isEmpty)
    }

    /// Patterns that would make a backtracking matcher take exponential time run in time linear in the
    /// items a run reads: threads that meet at one instruction merge.
    @Test func nestedRepetitionDoesNotBlowUp() throws {
        let items = Self.stream(Array(repeating: "w", count: 400).joined(separator: " "))
        #expect(try RuleSet(parsing: "r\t1\t(ANY* ANY*)* PERSON").matches(in: items).isEmpty)
        #expect(try RuleSet(parsing: "r\t1\t(WORD | WORD WORD)+ PERSON").matches(in: items).isEmpty)
    }

    // MARK: roles.rules on real sentences

    @Test("role:title-before-name", arguments: [
        ("Bộ trưởng Bộ Tài chính Đinh Tiến Dũng đã trao Quyết định số 234/QĐ-BTC.",
         ["person=đinh tiến dũng; position=bộ trưởng bộ tài chính"]),
        ("Trả lời trên báo chí, đại biểu Quốc hội khóa XIII Bùi Thị An nói.",
         ["person=bùi thị an; position=đại biểu quốc hội khóa xiii"]),
        // A title before a list of names: the first name only.
        ("Dự hội nghị có Bộ trưởng Bộ Tài chính Đinh Tiến Dũng, ông Nguyễn Văn Bình.",
         ["person=đinh tiến dũng; position=bộ trưởng bộ tài chính"]),
        // An honorific may stand between: here a caption run into the text, which the shape cannot tell.
        ("Bí thư Tỉnh ủy Yên Bái Phạm Thị Thanh Trà chúc mừng ông Đỗ Đức Duy được bầu làm Chủ tịch UBND tỉnh Yên Bái Ông Đỗ Đức Duy sinh năm 1970 tại Thái Thụy, Thái Bình.",
         ["person=phạm thị thanh trà; position=bí thư tỉnh ủy yên bái",
          "person=đỗ đức duy; position=chủ tịch ubnd tỉnh yên bái"]),
    ])
    func titleBeforeName(text: String, expected: [String]) {
        #expect(Self.bundled("role:title-before-name", text) == expected)
    }

    @Test("role:apposition", arguments: [
        ("Đồng chí Huỳnh Tấn Việt - Ủy viên Trung ương Đảng, Bí thư Đảng ủy Khối các cơ quan Trung ương chủ trì Hội nghị.",
         ["person=huỳnh tấn việt; positions=ủy viên trung ương đảng | bí thư đảng ủy khối các cơ quan trung ương"]),
        ("ông Võ Văn Thưởng, Ủy viên Bộ Chính trị, Bí thư Trung ương Đảng, Trưởng Ban Tuyên giáo Trung ương phát biểu.",
         ["person=võ văn thưởng; positions=ủy viên bộ chính trị | bí thư trung ương đảng | trưởng ban tuyên giáo trung ương"]),
        // Status cues may stand before each position (the status itself is the Swift side's).
        ("ông Ngô Văn Tuấn, nguyên Vụ trưởng Vụ Tài chính các ngân hàng và Tổ chức tài chính đã được điều động.",
         ["person=ngô văn tuấn; positions=vụ trưởng vụ tài chính các ngân hàng và tổ chức tài chính"]),
    ])
    func apposition(text: String, expected: [String]) {
        #expect(Self.bundled("role:apposition", text) == expected)
    }

    @Test("role:predicate", arguments: [
        ("Phó trưởng ban Tổ chức Trung ương đã công bố quyết định của Bộ Chính trị, bổ nhiệm ông Đinh La Thăng giữ chức Phó ban Kinh tế Trung ương.",
         ["person=đinh la thăng; positions=phó ban kinh tế trung ương; verb=giữ chức"]),
        // The apposition list may stand between the name and the verb; it is not captured here.
        ("điều chuyển ông Đinh La Thăng, Ủy viên Trung ương Đảng thôi giữ chức Bí thư Thành ủy TP HCM (nhiệm kỳ 2015 - 2020) để nhận nhiệm vụ mới.",
         ["person=đinh la thăng; positions=bí thư thành ủy tp hcm ( nhiệm kỳ 2015 - 2020 ); verb=thôi giữ chức"]),
        // A comma before the verb ends the clause.
        ("Ông Đinh La Thăng 57 tuổi, quê Nam Định. Ông là Ủy viên Trung ương Đảng khóa X, XI, XII; đại biểu Quốc hội khóa XIV.",
         []),
    ])
    func predicate(text: String, expected: [String]) {
        #expect(Self.bundled("role:predicate", text) == expected)
    }

    @Test("role:pronoun-predicate", arguments: [
        ("Ông Đinh La Thăng 57 tuổi, quê Nam Định. Ông là Ủy viên Trung ương Đảng khóa X, XI, XII; đại biểu Quốc hội khóa XIV.",
         ["positions=ủy viên trung ương đảng khóa x , xi , xii | đại biểu quốc hội khóa xiv; subject=ông; verb=là"]),
        // Organisations may stand between the verb and the position.
        ("Đầu tháng 2/2016, ông được Bộ Chính trị phân công làm Bí thư Thành ủy TP HCM.",
         ["positions=bí thư thành ủy tp hcm; subject=ông; verb=phân công"]),
        // An honorific before a name is no pronoun.
        ("Ông Đinh La Thăng làm Phó trưởng Ban Kinh tế Trung ương.", []),
    ])
    func pronounPredicate(text: String, expected: [String]) {
        #expect(Self.bundled("role:pronoun-predicate", text) == expected)
    }

    @Test("role:group", arguments: [
        ("Ba Phó ban Kinh tế Trung ương kiêm nhiệm gồm: ông Trần Tuấn Anh, Bộ trưởng Công Thương; ông Trần Văn Hiếu, Thứ trưởng Tài chính.",
         ["persons=trần tuấn anh | trần văn hiếu; position=phó ban kinh tế trung ương"]),
        // Members may carry their own positions (`Thủ tướng Chính phủ Nguyễn Xuân Phúc`), and a header may
        // stand inside another list: both groups are found.
        ("Dự lễ có các đồng chí Ủy viên Bộ Chính trị: Thủ tướng Chính phủ Nguyễn Xuân Phúc; các Phó Thủ tướng: Trương Hòa Bình, Phạm Bình Minh, Vương Đình Huệ.",
         ["persons=nguyễn xuân phúc | trương hòa bình | phạm bình minh | vương đình huệ; position=ủy viên bộ chính trị",
          "persons=trương hòa bình | phạm bình minh | vương đình huệ; position=phó thủ tướng"]),
    ])
    func group(text: String, expected: [String]) {
        #expect(Self.bundled("role:group", text) == expected)
    }

    @Test("role:biography", arguments: [
        ("Ông Nguyễn Thiện Nhân sinh năm 1953. 4/1985-7/1988: Ủy viên Ban Thường vụ Thành đoàn TP. Hồ Chí Minh. 2006-nay: Ủy viên Bộ Chính trị.",
         ["period=4 / 1985 - 7 / 1988 :; positions=ủy viên ban thường vụ thành đoàn tp . hồ chí minh",
          "period=2006 - nay :; positions=ủy viên bộ chính trị"]),
        ("Ông Nguyễn Thiện Nhân sinh năm 1953.\nTừ 7/2010 đến 5/2013: Ủy viên Trung ương Đảng, Phó Thủ tướng Chính phủ.",
         ["period=từ 7 / 2010 đến 5 / 2013 :; positions=ủy viên trung ương đảng | phó thủ tướng chính phủ"]),
    ])
    func biography(text: String, expected: [String]) {
        #expect(Self.bundled("role:biography", text) == expected)
    }

    /// The stream itself: one item per phrase, position, cue, honorific, period and leftover token.
    @Test func itemStreamOfTheRunningExample() {
        let text = "Ông Huỳnh Tấn Việt - nguyên Bí thư Tỉnh ủy Phú Yên, Chủ tịch UBND tỉnh"
        let tokens = Tokenizer.tokens(of: SourceText(text))
        let context = PatternContext(tokens: tokens, knowledge: .bundled, date: "2017-05-11")
        let items = RuleItems.build(context: context, result: PhraseScanner(knowledge: .bundled).scan(tokens, date: "2017-05-11"))
        #expect(items.map { "\($0.kind.rawValue)(\($0.text))" } == [
            "honorific(ông)", "person(huỳnh tấn việt)", "token(-)", "cue(nguyên)", "position(bí thư tỉnh ủy phú yên)",
            "token(,)", "position(chủ tịch ubnd tỉnh)",
        ])
        #expect(items[0].startsLine && !items[1].startsLine)
        #expect(items[3].attributes["status"] == "former")
        let match = RuleSet.bundled.matches(in: items).first { $0.rule == "role:apposition" }
        #expect(match.map(Self.describe) == "1..<7 person=1 positions=4,6")
    }
}

import RoleGraphKnowledge
import RoleGraphText

/// A term after a position: `khóa XII`, `khóa X, XI, XII`, `nhiệm kỳ 2015-2020`, `(nhiệm kỳ 2015 - 2020)`,
/// `, nhiệm kỳ 2014-2019`.
/// It belongs to the position (a term-qualified body is the body itself, per the annotation guide), so a
/// name after it still follows the position directly: `đại biểu Quốc hội khóa XIII Bùi Thị An`.
struct TermQualifier {
    let context: PatternContext

    /// The end of the qualifier starting at `start`, or `start` when there is none.
    /// - Complexity: O(length of the qualifier).
    func end(after start: Int) -> Int { parse(after: start).end }

    /// The qualifier's end and the terms it names (`["X", "XI", "XII"]`).
    func parse(after start: Int) -> (end: Int, terms: [String]) {
        var index = start
        let bracketed = context.isPunctuation(index, "(")
        // `(nhiệm kỳ 2015 - 2020)` and `, nhiệm kỳ 2014-2019`: the term may stand in brackets or after a comma.
        if bracketed || context.isPunctuation(index, ",") { index += 1 }
        guard index < context.tokens.count, context.continuesLine(index) else { return (start, []) }
        // A term head of up to three words (`khóa`, `nhiệm kỳ`, `các nhiệm kỳ`), longest first.
        let headLength = context.functionWordLength(at: index, .termHead)
        guard headLength > 0 else { return (start, []) }
        index += headLength
        var terms: [String] = []
        while index < context.tokens.count, context.continuesLine(index) {
            let token = context.tokens[index]
            if token.kind == .number || isRomanNumeral(token.text) {
                terms.append(token.text)
            } else if !(token.text == "," || token.text == "-" || context.is(index, .conjunction)) || terms.isEmpty {
                break
            }
            index += 1
        }
        guard !terms.isEmpty else { return (start, []) }
        // A trailing comma or dash belongs to what follows.
        while index > start, [",", "-"].contains(context.tokens[index - 1].text) || context.is(index - 1, .conjunction) { index -= 1 }
        if bracketed {
            guard context.isPunctuation(index, ")") else { return (start, []) }
            index += 1
        }
        return (index, terms)
    }

    /// Whether every listed term of a body (`party` or `assembly`) ended before `date` (an ISO prefix):
    /// then a membership qualified by them is `former`. Unknown terms and years (`2015 - 2020`) never are.
    func allEnded(_ terms: [String], body: String, before date: String?) -> Bool {
        guard let date, !terms.isEmpty else { return false }
        let year = String(date.prefix(4))
        return terms.allSatisfy { term in
            context.knowledge.entries(of: .term).contains { entry in
                entry.name == term && entry.attributes["body"] == body && (entry.attributes["to"] ?? "9999") < year
            }
        }
    }

    /// One to six of `I V X L`, compared by bytes (a combining mark after one is no such byte either).
    private func isRomanNumeral(_ text: String) -> Bool {
        (1...6).contains(text.utf8.count) && text.utf8.allSatisfy { "IVXL".utf8.contains($0) }
    }
}

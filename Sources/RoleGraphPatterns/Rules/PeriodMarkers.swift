import RoleGraphKnowledge
import RoleGraphText

/// Periods that open a biography entry: dates, dashes and `từ … đến …` closed by a colon
/// (`4/1985-7/1988:`, `Từ 7/2010 đến 5/2013:`, `2006 - nay:`). A period is a run of at most 14 tokens of
/// numbers, `/ - . ,` and period words (`từ đến nay năm tháng cuối đầu`: function words with role
/// `period-word` in the knowledge base), starting with a number or a `period-opener` (`từ`/`năm`/`tháng`),
/// ending right before `:`, with two numbers or one four-digit year. A `now` word (`nay`) makes the
/// period ongoing.
///
/// The detection of `RoleRules.periodMarkers`, kept here so that the rule stream owns it (a period is a
/// token-level shape that the item stream hands to rules as one `PERIOD` item), with two stops it lacked:
/// a period does not run over a line break, nor over a `.` followed by a space (a sentence end:
/// `sinh năm 1953. 4/1985-7/1988:` is the period `4/1985-7/1988:`, not `năm 1953. 4/1985-7/1988:`);
/// `.` inside a date (`18.3.2008`) stays part of it.
///
/// - Complexity: O(tokens × 14), one pass that resumes after each marker it finds.
enum PeriodMarkers {
    struct Marker: Equatable {
        /// The period's tokens, colon included.
        var tokens: Range<Int>
        var ongoing: Bool
    }

    /// The longest run of tokens a period may have before its colon.
    static let reach = 14

    /// The tokens and their roles (``PatternContext/roles(_:)``) are read in place, punctuation by its byte:
    /// a token where no period starts costs a few instructions.
    static func find(in context: PatternContext) -> [Marker] {
        var markers: [Marker] = []
        let opener = FunctionWordRoles.periodOpener, periodWord = FunctionWordRoles.periodWord, now = FunctionWordRoles.now
        context.tokens.withUnsafeBufferPointer { tokens in
            var index = 0
            while index < tokens.count {
                guard tokens[index].kind == .number || context.roles(index).contains(opener) else {
                    index += 1
                    continue
                }
                var end = index
                var numbers = 0
                var ongoing = false
                while end < tokens.count, end - index < reach {
                    if end > index, tokens[end].gap == .newline { break }
                    let kind = tokens[end].kind
                    if context.isPunctuation(end, "."), end + 1 < tokens.count, tokens[end + 1].gap != .none { break }
                    if kind == .number { numbers += 1 }
                    else if kind != .word, isDateSeparator(end, in: context) {}
                    else if kind == .word, context.roles(end).contains(periodWord) { ongoing = ongoing || context.roles(end).contains(now) }
                    else { break }
                    end += 1
                }
                let closed = context.isPunctuation(end, ":")
                if closed, numbers >= 2 || tokens[index..<end].contains(where: { $0.kind == .number && $0.text.utf8.count == 4 }) {
                    markers.append(Marker(tokens: index..<(end + 1), ongoing: ongoing))
                    index = end + 1
                } else {
                    index = max(end, index + 1)
                }
            }
        }
        return markers
    }

    /// `/ - . ,` (one-byte punctuation, compared by its byte).
    private static func isDateSeparator(_ index: Int, in context: PatternContext) -> Bool {
        context.isPunctuation(index, "/") || context.isPunctuation(index, "-") || context.isPunctuation(index, ".")
            || context.isPunctuation(index, ",")
    }
}

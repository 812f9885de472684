import RoleGraphText

/// Figure 2 — text: normalisation and tokenisation of the joined corpus.
///
/// *Normalise*: `SourceText(bytes:file:)` — UTF-8 validation, NFC check/normalisation, tone placement,
/// space and line-break folding, offset map. *Tokenise*: `Tokenizer.tokens(of:)` on the normalised
/// text (tokens with text, lower-case and folded views). Throughput is input bytes per second;
/// each is the median of 5 after one warm-up.
enum TextBench {
    struct Result {
        var text: SourceText
        var tokens: [Token]
        var tokenizeTime: Duration
    }

    static func run(corpus: Corpus) throws -> Result {
        Report.section("2. Text")
        let input = corpus.joined
        var text: SourceText? = nil
        let normalize = try Measure.median(repetitions: 5) {
            text = try SourceText(bytes: input, file: "corpus")
        }
        let source = text!
        var tokens: [Token] = []
        let tokenize = Measure.median(repetitions: 5) {
            tokens = Tokenizer.tokens(of: source)
        }
        let both = normalize + tokenize
        Report.line("normalise throughput", megabytesPerSecond(input.count, in: normalize), "MB/s",
                    note: "\(String(format: "%.1f", normalize.milliseconds)) ms for \(input.count) bytes")
        Report.line("tokenise throughput", megabytesPerSecond(source.bytes.count, in: tokenize), "MB/s",
                    note: "\(String(format: "%.1f", tokenize.milliseconds)) ms, \(tokens.count) tokens")
        Report.line("normalise+tokenise throughput", megabytesPerSecond(input.count, in: both), "MB/s")
        return Result(text: source, tokens: tokens, tokenizeTime: tokenize)
    }
}

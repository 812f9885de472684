import RoleGraphKnowledge
import RoleGraphText

/// Figure 3 — the gazetteer scan.
///
/// *Scan*: `matcher.leftmostLongest(in:kinds:date:)` for every entry kind over the tokens of the
/// joined corpus (tokens made beforehand, so this is the matcher alone). Throughput counts the
/// normalised bytes those tokens cover. *Byte scan*: a plain loop counting space bytes over the same
/// bytes in the same run, the floor any text pass pays; the ratio says how many times slower the
/// matcher is than just touching the bytes. Medians of 5 after one warm-up.
enum ScanBench {
    /// Scan throughput in MB/s, for the extract ratio.
    static func run(knowledge: KnowledgeBase, text: TextBench.Result) -> Double {
        Report.section("3. Gazetteer scan")
        let bytes = text.text.bytes
        let tokens = text.tokens
        let kinds = Set(KnowledgeEntry.Kind.allCases)
        let matcher = knowledge.matcher

        var matches = 0
        let scan = Measure.median(repetitions: 5) {
            let found = matcher.leftmostLongest(in: tokens, kinds: kinds, date: nil)
            matches = found.count
            blackHole(found)
        }
        var spaces = 0
        let plain = Measure.median(repetitions: 5) {
            spaces = countSpaces(bytes)
            blackHole(spaces)
        }
        let scanRate = megabytesPerSecond(bytes.count, in: scan)
        let plainRate = megabytesPerSecond(bytes.count, in: plain)
        Report.line("gazetteer scan throughput", scanRate, "MB/s",
                    note: Report.target("≥ 100 MB/s", met: scanRate >= 100)
                        + ", \(String(format: "%.1f", scan.milliseconds)) ms, \(matches) matches, all \(kinds.count) kinds")
        Report.line("plain byte scan throughput", plainRate, "MB/s",
                    note: "count of 0x20 bytes = \(spaces), \(String(format: "%.3f", plain.milliseconds)) ms")
        Report.line("gazetteer scan / byte scan", scanRate / plainRate, "×", decimals: 4,
                    note: "byte scan is \(String(format: "%.0f", plainRate / scanRate))× faster")
        Report.line("tokenisation time (separate)", text.tokenizeTime.milliseconds, "ms",
                    note: "\(String(format: "%.1f", megabytesPerSecond(bytes.count, in: text.tokenizeTime))) MB/s; "
                        + "tokenise+scan \(String(format: "%.1f", megabytesPerSecond(bytes.count, in: text.tokenizeTime + scan))) MB/s")
        return scanRate
    }

    /// Counts 0x20 bytes; the count is printed, so the loop cannot be optimised away.
    @inline(never)
    static func countSpaces(_ bytes: [UInt8]) -> Int {
        bytes.withUnsafeBufferPointer { p in
            // Branch-free with an unsigned accumulator so the loop vectorises: the floor of a pass.
            var count: UInt = 0
            for i in 0..<p.count {
                count &+= UInt(truncatingIfNeeded: (p[i] == 0x20).toUInt8)
            }
            return Int(count)
        }
    }
}

private extension Bool {
    /// 1 or 0 without a branch.
    var toUInt8: UInt8 { unsafeBitCast(self, to: UInt8.self) }
}

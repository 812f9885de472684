import Foundation
import RoleGraphDocument
import RoleGraphKnowledge

// rolegraph-bench — figures for this machine, one core, no concurrency.
//
// Every figure is one line `name: value unit (target …)`; timings are medians of several
// repetitions after a warm-up, measured with `ContinuousClock`. Throughput is in MB/s (10^6 bytes).
// Sections: 1 knowledge base, 2 text, 3 gazetteer scan, 4 end-to-end extract, 5 render, 6 memory.

do {
    print("rolegraph-bench — one core, sequential; medians after warm-up (ContinuousClock)")
    let corpus = try Corpus()
    print("corpus: \(corpus.summary)")

    let knowledge = try KnowledgeBench.run()
    let text = try TextBench.run(corpus: corpus)
    let scanRate = ScanBench.run(knowledge: knowledge, text: text)
    let extractor = Extractor(knowledge: knowledge)
    try ExtractBench.run(extractor: extractor, corpus: corpus, scanRate: scanRate)
    try RenderBench.run(extractor: extractor, corpus: corpus)
    try DiffBench.run(knowledge: knowledge)

    // Figure 6 — peak resident set size of the whole run (VmHWM), the high-water mark of memory.
    Report.section("6. Memory")
    if let peak = peakResidentKilobytes() {
        Report.line("peak RSS", Double(peak) / 1024, "MB", note: "VmHWM at the end of the run")
    } else {
        print("peak RSS: unavailable (no /proc/self/status)")
    }
} catch {
    FileHandle.standardError.write(Data("rolegraph-bench: \(error)\n".utf8))
    exit(1)
}

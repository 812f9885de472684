import RoleGraphDocument
import RoleGraphGraph
import RoleGraphRender
import RoleGraphText

/// Figure 5 — charts.
///
/// *Seed chart*: `Chart.render(_:format: .svg)` of the seed article's graph, in process through
/// Graphviz (DOT text, layout, SVG). *Merge*: `RoleGraph.merged` of the graphs of all dev articles.
/// *Merged chart*: the SVG of that merged graph. The DOT-only time shows how much of a render is
/// Graphviz. Medians after one warm-up (the first render loads Graphviz's plugins).
enum RenderBench {
    static func run(extractor: Extractor, corpus: Corpus) throws {
        Report.section("5. Render")
        let seedGraph = try graph(of: corpus.seed, extractor: extractor)
        var svg: [UInt8] = []
        let seedSVG = try Measure.median(repetitions: 9) {
            svg = try Chart.render(seedGraph, format: .svg, title: corpus.seed.id)
        }
        let seedDOT = try Measure.median(repetitions: 9) {
            blackHole(try Chart.render(seedGraph, format: .dot, title: corpus.seed.id))
        }
        Report.line("seed chart SVG render", seedSVG.milliseconds, "ms", decimals: 2,
                    note: Report.target("< 20 ms", met: seedSVG.milliseconds < 20)
                        + ", \(seedGraph.memberships.count) roles, \(svg.count) bytes SVG; DOT alone "
                        + String(format: "%.3f ms", seedDOT.milliseconds))

        let articles = corpus.dev.isEmpty ? [corpus.seed] : corpus.dev
        let label = corpus.dev.isEmpty ? "seed only, no dev articles" : "\(articles.count) dev articles"
        let graphs = try articles.map { try graph(of: $0, extractor: extractor) }
        var merged = RoleGraph()
        let merge = Measure.median(repetitions: 9) {
            merged = RoleGraph.merged(graphs)
        }
        Report.line("merge time", merge.milliseconds, "ms", decimals: 3,
                    note: "\(label) → \(merged.persons.count) persons, \(merged.organizations.count) organisations, "
                        + "\(merged.memberships.count) roles")
        let mergedSVG = try Measure.median(repetitions: 3) {
            svg = try Chart.render(merged, format: .svg, title: "dev")
        }
        let mergedDOT = try Measure.median(repetitions: 3) {
            blackHole(try Chart.render(merged, format: .dot, title: "dev"))
        }
        let chart = DOTWriter.chart(for: merged, options: ChartOptions(title: "dev"))
        Report.line("merged chart SVG render", mergedSVG.milliseconds, "ms", decimals: 1,
                    note: Report.target("< 1 s", met: mergedSVG.seconds < 1)
                        + ", \(svg.count) bytes SVG; DOT alone " + String(format: "%.2f ms", mergedDOT.milliseconds)
                        + "; \(chart.persons) persons, \(chart.organizations) organisations drawn "
                        + "(\(chart.collapsedOrganizations) collapsed), \(chart.memberships) roles")

        let seedPage = try Measure.median(repetitions: 9) {
            blackHole(try Chart.render(seedGraph, format: .html, options: ChartOptions(title: corpus.seed.id)))
        }
        Report.line("seed HTML page (graph only)", seedPage.milliseconds, "ms", decimals: 2, note: "chart + roles table")
    }

    private static func graph(of article: Corpus.Article, extractor: Extractor) throws -> RoleGraph {
        let text = try SourceText(bytes: article.bytes, file: article.path)
        return RoleGraph(document: extractor.extract(text, id: article.id, source: article.path, date: nil))
    }
}

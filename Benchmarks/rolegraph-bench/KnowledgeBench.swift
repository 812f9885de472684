import RoleGraphKnowledge

/// Figure 1 — the knowledge base.
///
/// *Load time*: reading, parsing and compiling every bundled knowledge file into a ``KnowledgeBase``
/// (entries, trie of surface forms, surname table, organisation vocabulary), as every process does
/// once at start-up. Median of 5 after one warm-up load.
enum KnowledgeBench {
    static func run() throws -> KnowledgeBase {
        Report.section("1. Knowledge base")
        let paths = KnowledgeBase.bundledPaths
        guard !paths.isEmpty else { throw BenchError("no bundled knowledge files found") }
        var knowledge: KnowledgeBase? = nil
        let load = try Measure.median(repetitions: 5) {
            knowledge = try KnowledgeBase.load(paths: paths)
        }
        let kb = knowledge!
        let ms = load.milliseconds
        Report.line("knowledge load+compile", ms, "ms", decimals: 2,
                    note: Report.target("< 50 ms", met: ms < 50) + ", median of 5, \(paths.count) files")
        let surfaces = kb.entries.reduce(0) { $0 + Set($1.surfaces).count }
        Report.count("knowledge entries", kb.entries.count, "entries")
        Report.count("knowledge surface forms", surfaces, "surfaces", note: "distinct per entry, name + variants")
        return kb
    }
}

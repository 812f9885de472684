import ArgumentParser
import Foundation
import RoleGraphDocument
import RoleGraphGraph
import RoleGraphRender
import RoleGraphText

/// `rolegraph graph INPUT... [-o FILE] [--format svg|png|dot|json|html] [--person NAME] [--organization NAME] [--depth N]`:
/// the merged role graph as a chart, a JSON graph or an HTML page.
struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Merge the role graphs of articles or document JSON and render an organisation chart.",
        discussion: """
        Inputs are article files (.txt), document or graph JSON (.json, as written by extract or graph \
        --format json), JSONL of documents or {"id", "text", "date"} records (.jsonl), or folders of these. \
        The format comes from --format, else from the extension of -o, else svg. SVG, PNG and HTML are \
        rendered by Graphviz inside the process.

        --person and --organization (repeatable) draw only their neighbourhood: a person's posts, the \
        persons holding posts in an organisation or its units, and with --depth 2 or more the persons and \
        organisations one membership further each time. Names are matched as written, then ignoring \
        capitals, then (for names typed without diacritics) by their folded form; when that leaves \
        several candidates or none, the candidates are listed and nothing is written.

        Charts with more than 40 organisations draw each organisation without sub-organisations as one \
        box listing its posts, and say so on stderr (--collapse-above sets the limit; --no-collapse draws \
        every organisation as a cluster).
        """)

    @OptionGroup var knowledge: KnowledgeOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("Output file (default: standard output).", valueName: "file"))
    var output: String?

    @Option(help: ArgumentHelp("svg, png, dot, json or html.", valueName: "format"))
    var format: ChartFormat?

    @Option(name: .customLong("person"), help: ArgumentHelp("Draw only around this person (repeatable).", valueName: "name"))
    var persons: [String] = []

    @Option(name: .customLong("organization"), help: ArgumentHelp("Draw only around this organisation and its units (repeatable).", valueName: "name"))
    var organizations: [String] = []

    @Option(help: ArgumentHelp("Membership steps from --person/--organization (default 1).", valueName: "n"))
    var depth: Int = 1

    @Option(help: ArgumentHelp("Above this many organisations, draw those without sub-organisations as one box listing their posts.", valueName: "n"))
    var collapseAbove: Int = ChartOptions.defaultCollapseLeavesAbove

    @Flag(help: "Draw every organisation as a cluster, however large the chart.")
    var noCollapse = false

    @Option(help: ArgumentHelp("A title shown above the chart and as the HTML heading.", valueName: "text"))
    var title: String?

    @Argument(help: ArgumentHelp("Articles, document JSON files or folders.", valueName: "input"))
    var inputs: [String] = []

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("Give at least one input.") }
        if format == nil, let output, ChartFormat(pathExtension: URL(fileURLWithPath: output).pathExtension) == nil {
            throw ValidationError("Cannot tell the format from '\(output)': use --format svg|png|dot|json|html.")
        }
        if depth < 1 { throw ValidationError("--depth must be 1 or more.") }
        if collapseAbove < 0 { throw ValidationError("--collapse-above must be 0 or more (--no-collapse never collapses).") }
        if depth != 1, persons.isEmpty, organizations.isEmpty {
            throw ValidationError("--depth needs --person or --organization.")
        }
    }

    func run() throws {
        let chosen = format ?? output.flatMap { ChartFormat(pathExtension: URL(fileURLWithPath: $0).pathExtension) } ?? .svg
        let extractor = try knowledge.extractor()
        let inputs = GraphInputs(inputs, extractor: extractor, keepDocuments: chosen == .html)
        let graph = try selected(inputs.graph)
        let options = ChartOptions(title: title, collapseLeavesAbove: noCollapse ? nil : collapseAbove)

        let rendered: RenderedChart
        if chosen == .html {
            rendered = try HTMLPage(graph: graph, articles: articles(inputs.documents, shownIn: graph), options: options).render()
        } else {
            rendered = try Chart.render(graph, format: chosen, options: options)
        }
        for note in rendered.notes { warn(note) }
        if let output {
            try Data(rendered.bytes).write(to: URL(fileURLWithPath: output))
        } else {
            FileHandle.standardOutput.write(Data(rendered.bytes))
        }
        if inputs.failures > 0 { throw ExitCode(1) }
    }

    /// The neighbourhood asked for, or the whole graph. A name that matches no entity or several is
    /// reported with its candidates and stops the command (exit status 2), since a chart of the wrong
    /// person is worse than none.
    private func selected(_ graph: RoleGraph) throws -> RoleGraph {
        guard !persons.isEmpty || !organizations.isEmpty else { return graph }
        var failed = false
        func resolve(_ names: [String], _ kind: RoleGraph.EntityKind) -> [String] {
            names.compactMap { query in
                do {
                    let match = try graph.lookup(query, kind: kind)
                    if match.kind != .exact { warn("--\(kind.rawValue) \"\(query)\" is \(match.name)") }
                    return match.name
                } catch {
                    warn("\(error)")
                    failed = true
                    return nil
                }
            }
        }
        let personNames = resolve(persons, .person)
        let organizationNames = resolve(organizations, .organization)
        if failed { throw ExitCode(2) }
        let part = graph.neighbourhood(persons: personNames, organizations: organizationNames, depth: depth)
        warn("selected \(part.memberships.count) of \(graph.memberships.count) roles within depth \(depth)")
        return part
    }

    /// The documents to show on the HTML page, with their text read back from `source` (offsets point
    /// into the text as read). With a selection, only documents that state a role in it.
    private func articles(_ documents: [Document], shownIn graph: RoleGraph) -> [HTMLPage.Article] {
        let selection = persons.isEmpty && organizations.isEmpty ? nil : Set(graph.documents)
        return documents.filter { selection?.contains($0.id) ?? true }.map { document in
            let text = document.source.flatMap { try? InputReader.read(path: $0) }.map { String(decoding: $0, as: UTF8.self) }
            return HTMLPage.Article(document: document, text: text)
        }
    }
}

extension ChartFormat: ExpressibleByArgument {}

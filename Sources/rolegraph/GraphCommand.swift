import ArgumentParser
import Foundation
import RoleGraphDocument
import RoleGraphGraph
import RoleGraphRender
import RoleGraphText

/// `rolegraph graph INPUT... [-o FILE] [--format svg|png|dot|json]`: the merged role graph as a chart.
struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Merge the role graphs of articles or document JSON and render an organisation chart.",
        discussion: """
        Inputs are article files (.txt), document or graph JSON (.json, as written by extract or graph \
        --format json), JSONL of documents or {"id", "text", "date"} records (.jsonl), or folders of these. The format comes from --format, else from the extension of -o, else svg. SVG and PNG are \
        rendered by Graphviz inside the process.
        """)

    @OptionGroup var knowledge: KnowledgeOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("Output file (default: standard output).", valueName: "file"))
    var output: String?

    @Option(help: ArgumentHelp("svg, png, dot or json.", valueName: "format"))
    var format: ChartFormat?

    @Argument(help: ArgumentHelp("Articles, document JSON files or folders.", valueName: "input"))
    var inputs: [String] = []

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("Give at least one input.") }
        if format == nil, let output, ChartFormat(pathExtension: URL(fileURLWithPath: output).pathExtension) == nil {
            throw ValidationError("Cannot tell the format from '\(output)': use --format svg|png|dot|json.")
        }
    }

    func run() throws {
        let chosen = format ?? output.flatMap { ChartFormat(pathExtension: URL(fileURLWithPath: $0).pathExtension) } ?? .svg
        let extractor = try knowledge.extractor()
        let inputs = GraphInputs(inputs, extractor: extractor)
        let bytes = try Chart.render(inputs.graph, format: chosen, title: nil)
        if let output {
            try Data(bytes).write(to: URL(fileURLWithPath: output))
        } else {
            FileHandle.standardOutput.write(Data(bytes))
        }
        if inputs.failures > 0 { throw ExitCode(1) }
    }
}

extension ChartFormat: ExpressibleByArgument {}

import ArgumentParser
import Foundation
import RoleGraphDiff

/// `rolegraph timeline INPUT... [--person NAME] [--format text|json|dot|svg|png] [-o FILE]`: per person,
/// the posts stated across dated documents, oldest first.
struct TimelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "Per person, the posts stated across dated documents: date, title, organisation, status, document.",
        discussion: """
        Inputs are read as by graph (articles, document or graph JSON, JSONL, folders). --person takes a \
        canonical name (repeatable); a name that matches nobody exactly lists the names with the same letters. \
        Exit status: 0 done, 1 no dated role for the chosen persons, 2 an input could not be read.
        """)

    @OptionGroup var knowledge: KnowledgeOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("Output file (default: standard output).", valueName: "file"))
    var output: String?

    @Option(help: ArgumentHelp("text, json, dot, svg or png (default: from -o's extension, else text).", valueName: "format"))
    var format: String?

    @Option(help: ArgumentHelp("Only this person (canonical name; repeatable).", valueName: "name"))
    var person: [String] = []

    @Argument(help: ArgumentHelp("Articles, document or graph JSON files, or folders.", valueName: "input"))
    var inputs: [String] = []

    func run() throws {
        guard !inputs.isEmpty else { return try fail("give at least one input") }
        guard let chosen = DiffFormat(option: format, output: output) else {
            return try fail("unknown format '\(format ?? output ?? "")': use text, json, dot, svg or png")
        }
        let read = GraphInputs(inputs, extractor: try knowledge.extractor())
        for name in person where !read.graph.persons.contains(name) {
            let candidates = Timeline.candidates(for: name, in: read.graph)
            warn("timeline: no person named '\(name)'" + (candidates.isEmpty ? "" : "; did you mean \(candidates.joined(separator: ", "))?"))
        }
        let timeline = Timeline(graph: read.graph, persons: person.isEmpty ? nil : Set(person))
        let bytes: [UInt8]
        do {
            switch chosen {
            case .text: bytes = Array(timeline.text().utf8)
            case .json: bytes = Array(try timeline.jsonData())
            case .dot, .svg, .png: bytes = try timeline.chart(format: chosen.rawValue)
            }
            if let output {
                try Data(bytes).write(to: URL(fileURLWithPath: output))
            } else {
                FileHandle.standardOutput.write(Data(bytes))
            }
        } catch {
            return try fail("\(error)")
        }
        if read.failures > 0 { throw ExitCode(2) }
        if timeline.persons.isEmpty { throw ExitCode(1) }
    }

    private func fail(_ message: String) throws {
        warn(message)
        throw ExitCode(2)
    }
}

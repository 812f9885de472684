import ArgumentParser
import Foundation
import RoleGraphDiff

/// `rolegraph diff OLD NEW [--format text|json|dot|svg|png] [-o FILE]`: what changed between two articles,
/// documents, graphs or folders. Exit status like diff(1): 0 no change, 1 changes, 2 trouble.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "What changed between two articles, document or graph JSON files, or folders (merged).",
        discussion: """
        A role that NEW does not mention is "not observed", not ended, unless NEW says it ended (thôi giữ \
        chức, miễn nhiệm, cách chức, nguyên). Organisations renamed or merged by the knowledge base's dates \
        are matched with their successor. Output: a text summary (default), the JSON of output-contract.md \
        (--format json) or a coloured chart (-o diff.svg). Exit status: 0 no change, 1 changes, 2 error.
        """)

    @OptionGroup var knowledge: KnowledgeOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("Output file (default: standard output).", valueName: "file"))
    var output: String?

    // A string rather than an enum, checked in run(), so that the error lists every format and -o can imply one.
    @Option(help: ArgumentHelp("text, json, dot, svg or png (default: from -o's extension, else text).", valueName: "format"))
    var format: String?

    @Argument(help: ArgumentHelp("OLD and NEW: an article, a document or graph JSON file, or a folder.", valueName: "side"))
    var sides: [String] = []

    func run() throws {
        guard sides.count == 2 else { return try fail("give two inputs, OLD and NEW (got \(sides.count))") }
        guard let chosen = DiffFormat(option: format, output: output) else {
            return try fail("unknown format '\(format ?? output ?? "")': use text, json, dot, svg or png")
        }
        let extractor = try knowledge.extractor()
        var graphs: [GraphInputs] = []
        for side in sides {
            if InputFiles.expand([side], extensions: GraphInputs.extensions).isEmpty {
                return try fail("\(side): no .txt, .json or .jsonl inputs in this folder")
            }
            let inputs = GraphInputs([side], extractor: extractor)
            if inputs.failures > 0 { throw ExitCode(2) }  // each failure is already named on stderr
            graphs.append(inputs)
        }
        let diff = RoleGraphDiff(old: graphs[0].graph, new: graphs[1].graph,
                                 lineage: OrganizationLineage(knowledge: extractor.knowledge))
        let bytes: [UInt8]
        do {
            switch chosen {
            case .text: bytes = Array(diff.text().utf8)
            case .json: bytes = Array(try diff.jsonData())
            case .dot, .svg, .png: bytes = try diff.chart(format: chosen.rawValue)
            }
        } catch {
            return try fail("\(error)")
        }
        do {
            if let output {
                try Data(bytes).write(to: URL(fileURLWithPath: output))
            } else {
                FileHandle.standardOutput.write(Data(bytes))
            }
        } catch {
            return try fail("\(output ?? "stdout"): cannot write (\(error.localizedDescription))")
        }
        if !diff.isEmpty { throw ExitCode(1) }
    }

    private func fail(_ message: String) throws {
        warn("diff: \(message)")
        throw ExitCode(2)
    }
}

/// The output forms of `diff` and `timeline`.
enum DiffFormat: String, CaseIterable {
    case text, json, dot, svg, png

    /// `--format` when given, else the extension of `-o` (`.txt` is text), else text.
    init?(option: String?, output: String?) {
        if let option {
            self.init(rawValue: option.lowercased())
            return
        }
        guard let output else { self = .text; return }
        let ext = URL(fileURLWithPath: output).pathExtension.lowercased()
        if ext == "txt" { self = .text; return }
        self.init(rawValue: ext)
    }
}

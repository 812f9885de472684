import ArgumentParser
import Foundation
import RoleGraphDocument

/// `rolegraph extract FILE...`: the document JSON of each article (one: a JSON object; several: JSONL).
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract persons, organisations and roles from articles as JSON.",
        discussion: """
        One article prints one pretty JSON object; several (or --format jsonl) print one document per line. \
        A bad input (missing, empty, invalid UTF-8) is reported on stderr as file:line:column and skipped; \
        the others are still written, and the exit status is 1.
        """)

    @OptionGroup var knowledge: KnowledgeOptions

    @Option(help: ArgumentHelp("json (one object per document, pretty) or jsonl (one line per document).", valueName: "format"))
    var format: String?

    @Argument(help: ArgumentHelp("Article files (UTF-8 text), or folders of *.txt articles.", valueName: "file"))
    var files: [String] = []

    func validate() throws {
        if files.isEmpty { throw ValidationError("Give at least one article file.") }
        if let format, !["json", "jsonl"].contains(format) { throw ValidationError("--format is json or jsonl.") }
    }

    func run() throws {
        let extractor = try knowledge.extractor()
        let paths = InputFiles.expand(files, extensions: ["txt"])
        let pretty = format == "json" || (format == nil && paths.count == 1)
        var failures = 0
        for path in paths {
            do {
                let document = try extractor.extract(path: path)
                var data = try document.jsonData(pretty: pretty)
                data.append(0x0A)
                FileHandle.standardOutput.write(data)
            } catch {
                warn(String(describing: error))
                failures += 1
            }
        }
        if failures > 0 { throw ExitCode(1) }
    }
}

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
        With --input-format jsonl, each input line is {"id", "text", "date"} (date optional) and each output \
        line is that document, in input order; with no file, standard input is read. \
        A bad input (missing, empty, invalid UTF-8, a bad JSONL line) is reported on stderr as \
        file:line:column and skipped; the others are still written, and the exit status is 1.
        """)

    @OptionGroup var knowledge: KnowledgeOptions

    @Option(help: ArgumentHelp("json (one object per document, pretty) or jsonl (one line per document).", valueName: "format"))
    var format: String?

    @Option(name: .customLong("input-format"), help: ArgumentHelp("text (article files) or jsonl (records, one per line).", valueName: "format"))
    var inputFormat = "text"

    @Argument(help: ArgumentHelp("Article files (UTF-8 text), folders of *.txt articles, or JSONL files ('-': standard input).", valueName: "file"))
    var files: [String] = []

    func validate() throws {
        if files.isEmpty, inputFormat != "jsonl" { throw ValidationError("Give at least one article file.") }
        if let format, !["json", "jsonl"].contains(format) { throw ValidationError("--format is json or jsonl.") }
        if !["text", "jsonl"].contains(inputFormat) { throw ValidationError("--input-format is text or jsonl.") }
    }

    func run() throws {
        let extractor = try knowledge.extractor()
        if inputFormat == "jsonl" {
            var failures = 0
            for file in files.isEmpty ? ["-"] : files {
                guard let handle = file == "-" ? FileHandle.standardInput : FileHandle(forReadingAtPath: file) else {
                    warn("\(file): no such file")
                    failures += 1
                    continue
                }
                failures += JSONLInput(extractor: extractor, name: file).run(reading: handle, writing: .standardOutput)
            }
            if failures > 0 { throw ExitCode(1) }
            return
        }
        let paths = InputFiles.expand(files, extensions: ["txt"])
        let pretty = format == "json" || (format == nil && paths.count == 1)
        var failures = 0
        for path in paths {
            do {
                let document = try extractor.extract(path: path)
                document.withJSONLine(pretty: pretty) { FileHandle.standardOutput.write(lent: $0) }
            } catch {
                warn(String(describing: error))
                failures += 1
            }
        }
        if failures > 0 { throw ExitCode(1) }
    }
}

extension FileHandle {
    /// Writes bytes the caller owns without copying them into a `Data` first.
    func write(lent bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        write(Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: bytes.count, deallocator: .none))
    }
}

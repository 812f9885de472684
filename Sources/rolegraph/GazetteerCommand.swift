import ArgumentParser
import Foundation
import RoleGraphKnowledge

/// `rolegraph gazetteer list|check`: inspect and validate knowledge files.
struct GazetteerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gazetteer",
        abstract: "Inspect and validate the knowledge files.",
        subcommands: [List.self, Check.self])

    /// Every entry as TSV, one line per surface form: type, canonical name, surface form.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print every entry as TSV: type, canonical name, surface form (one line per surface form).")

        @OptionGroup var knowledge: KnowledgeOptions

        func run() throws {
            let base = try KnowledgeBase.load(paths: KnowledgeBase.bundledPaths + knowledge.gazetteer)
            var out = "type\tname\tsurface\n"
            for entry in base.entries {
                for surface in entry.surfaces {
                    out += "\(entry.kind.rawValue)\t\(entry.name)\t\(surface)\n"
                }
            }
            FileHandle.standardOutput.write(Data(out.utf8))
        }
    }

    /// Validates files; each problem is one line `file:line:column: message`.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate knowledge files; problems are printed as file:line:column: message.")

        @Argument(help: ArgumentHelp("Knowledge files (TSV).", valueName: "file"))
        var files: [String] = []

        func validate() throws {
            if files.isEmpty { throw ValidationError("Give at least one knowledge file.") }
        }

        func run() throws {
            var failures = 0
            for file in files {
                do {
                    let entries = try KnowledgeBase.loadFile(path: file)
                    print("\(file): \(entries.count) entries, ok")
                } catch {
                    warn(String(describing: error))
                    failures += 1
                }
            }
            if failures > 0 { throw ExitCode(1) }
        }
    }
}

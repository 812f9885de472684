import ArgumentParser
import Foundation
import RoleGraphDocument
import RoleGraphEval

/// `rolegraph eval --gold DIR [--json] ARTICLES...`: extract each article and score it against
/// the gold file of the same stem, with the figures of `shared/tools/score.py`.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score extraction against gold files (same figures as shared/tools/score.py).",
        discussion: """
        Each article is paired with the gold file of the same stem (baomoi-123.txt ↔ DIR/baomoi-123.json). \
        Only stems for which an article is given are scored; an article without a gold file is reported \
        on stderr and skipped. Directories stand for all *.txt files directly inside them. The text report \
        lists tp/pred/gold per article, then score.py's lines (the last: 'persons F1 x orgs F1 y roles F1 z').
        """)

    @Option(name: .long, help: ArgumentHelp("Folder of gold files (<doc>.json).", valueName: "dir"))
    var gold: String

    @Flag(name: .long, help: "Print the report as JSON (sorted keys) instead of text.")
    var json = false

    @Argument(help: ArgumentHelp("Article files, or folders of *.txt articles.", valueName: "article"))
    var articles: [String]

    func validate() throws {
        if articles.isEmpty { throw ValidationError("Give at least one article file or folder.") }
    }

    func run() throws {
        let goldSet: [String: GoldDocument]
        do {
            goldSet = try GoldSet.load(directory: gold)
        } catch {
            throw EvalCommandError("cannot read gold: \(error)")
        }

        var scoredGold: [String: GoldDocument] = [:]
        var predictions: [String: Document] = [:]
        var seen: [String: String] = [:]   // stem -> first path
        for path in try articlePaths() {
            let stem = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
            guard let g = goldSet[stem] else {
                warn("\(path): no gold file \(stem).json in \(gold); skipped")
                continue
            }
            if let first = seen[stem] {
                warn("\(path): same stem as \(first); skipped")
                continue
            }
            seen[stem] = path
            scoredGold[stem] = g
            do {
                predictions[stem] = try Extractor.shared.extract(path: path)
            } catch {
                // Scored as an empty prediction, as score.py scores an unreadable one.
                warn("\(path): extraction failed, scored as empty: \(String(describing: error))")
            }
        }
        if scoredGold.isEmpty {
            throw EvalCommandError("no article has a gold file in \(gold)")
        }

        let report = Evaluator.evaluate(gold: scoredGold, predictions: predictions)
        let output = json ? try report.renderJSON() : report.renderText()
        FileHandle.standardOutput.write(Data(output.utf8))
    }

    /// Files as given; folders expanded to their `*.txt` files, sorted.
    private func articlePaths() throws -> [String] {
        let fm = FileManager.default
        var paths: [String] = []
        for arg in articles {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: arg, isDirectory: &isDir) else {
                throw EvalCommandError("\(arg): no such file or directory")
            }
            if isDir.boolValue {
                let names = try fm.contentsOfDirectory(atPath: arg).filter { $0.hasSuffix(".txt") }.sorted()
                if names.isEmpty { warn("\(arg): no *.txt files") }
                let base = URL(fileURLWithPath: arg, isDirectory: true)
                paths += names.map { base.appendingPathComponent($0).path }
            } else {
                paths.append(arg)
            }
        }
        return paths
    }

    private func warn(_ message: String) {
        FileHandle.standardError.write(Data("rolegraph eval: \(message)\n".utf8))
    }
}

struct EvalCommandError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

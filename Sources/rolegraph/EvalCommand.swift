import ArgumentParser
import Foundation
import RoleGraphDocument
import RoleGraphEval

/// `rolegraph eval --gold DIR [--json] ARTICLES...`: extract each article and score it against
/// the gold file of the same stem, with the figures of `shared/tools/score.py`.
///
/// `rolegraph eval --ner FILE [--subset IDS] [--json]`: extract every text of an NER benchmark
/// (VLSP span JSONL or CoNLL) and score its person/organisation/location mentions against the gold
/// spans (``NERScorer``). The two modes are exclusive; the scoring lives in RoleGraphEval.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score extraction against gold files (same figures as shared/tools/score.py) or an NER benchmark.",
        discussion: """
        With --gold: each article is paired with the gold file of the same stem (baomoi-123.txt ↔ DIR/baomoi-123.json). \
        Only stems for which an article is given are scored; an article without a gold file is reported \
        on stderr and skipped. Directories stand for all *.txt files directly inside them. The text report \
        lists tp/pred/gold per article, then score.py's lines (the last: 'persons F1 x orgs F1 y roles F1 z').

        With --ner FILE (no articles): FILE is a .jsonl span file ({"doc", "text", "entities": [{"start", "end", \
        "type"}]}, code-point offsets) or a .conll column file (word, POS, chunk, NER in IOB2; '_' joins \
        syllables), such as ../shared/data/vlsp2018/test.jsonl or ../shared/data/vlsp2016/test.conll. Each text \
        is extracted and its person/organization/location mentions scored as PER/ORG/LOC by exact span and \
        type. --subset IDS keeps the documents whose ids are listed in IDS, one a line. The last line of the \
        text report is 'NER micro P x R y F1 z'.
        """)

    @Option(name: .long, help: ArgumentHelp("Folder of gold files (<doc>.json).", valueName: "dir"))
    var gold: String?

    @Option(name: .long, help: ArgumentHelp("NER benchmark file: .jsonl (span JSONL) or .conll (CoNLL columns).", valueName: "file"))
    var ner: String?

    @Option(name: .long, help: ArgumentHelp("With --ner: score only the documents whose ids this file lists, one a line.", valueName: "file"))
    var subset: String?

    @Flag(name: .long, help: "Print the report as JSON (sorted keys) instead of text.")
    var json = false

    @Argument(help: ArgumentHelp("With --gold: article files, or folders of *.txt articles.", valueName: "article"))
    var articles: [String] = []

    func validate() throws {
        switch (gold, ner) {
        case (nil, nil):
            throw ValidationError("Give --gold DIR with articles, or --ner FILE.")
        case (_?, _?):
            throw ValidationError("--gold and --ner are exclusive: give one.")
        case (_?, nil):
            if articles.isEmpty { throw ValidationError("Give at least one article file or folder.") }
            if subset != nil { throw ValidationError("--subset goes with --ner, not --gold.") }
        case (nil, let file?):
            if !articles.isEmpty {
                throw ValidationError("--ner reads its texts from \(file); articles (\(articles[0]) …) are not taken.")
            }
            if NERCorpus.Format(path: file) == nil {
                throw ValidationError("\(file): unknown format: expected a .jsonl (span JSONL) or .conll (CoNLL) file.")
            }
        }
    }

    func run() throws {
        if let ner { try runNER(file: ner) } else { try runGold(directory: gold!) }
    }

    /// Reads the benchmark (and subset), extracts and scores; input errors name the file and line.
    private func runNER(file: String) throws {
        var documents: [NERDocument]
        do {
            documents = try NERCorpus.load(path: file)
            if let subset {
                let (kept, unknown) = NERScorer.restrict(documents, to: try NERCorpus.loadSubset(path: subset))
                if !unknown.isEmpty {
                    warn("\(subset): \(unknown.count) id(s) not in \(file): \(unknown.prefix(5).joined(separator: ", "))\(unknown.count > 5 ? ", …" : "")")
                }
                if kept.isEmpty { throw EvalCommandError("\(subset): no listed id is a document of \(file)") }
                documents = kept
            }
        } catch let error as NERInputError {
            throw EvalCommandError(error.description)
        }
        if documents.isEmpty { throw EvalCommandError("\(file): no documents") }
        let report = NERScorer.evaluate(documents)
        let output = json ? try report.renderJSON() : report.renderText()
        FileHandle.standardOutput.write(Data(output.utf8))
    }

    private func runGold(directory gold: String) throws {
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

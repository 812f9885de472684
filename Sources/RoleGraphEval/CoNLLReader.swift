import Foundation

/// Reads CoNLL column files, the format of `shared/data/vlsp2016/test.conll`, and rebuilds each
/// document's text with its gold spans.
///
/// Input: one token a line, columns separated by TAB (by runs of spaces when a line has no TAB);
/// column 1 is the word, column 4 the NER tag in IOB2 (`O`, `B-X`, `I-X` with X one of PER, ORG,
/// LOC, MISC); other columns (POS, chunk, the nested NER2 layer) are ignored. A blank line ends a
/// sentence. A `-DOCSTART- <id>` line starts a document; without an id (`-DOCSTART-`,
/// `-DOCSTART- -X- …`) the document is numbered from 1 in file order, as are tokens before any
/// `-DOCSTART-`.
///
/// The rebuilt text, chosen to be simple and reversible rather than pretty:
/// - a word's syllables, joined by `_` in the file (`Hà_Nội`), are joined by one space (`Hà Nội`);
///   a word made only of underscores is kept as is;
/// - the words of a sentence are joined by one space, punctuation included (`ở Hà Nội .`);
/// - sentences are joined by `\n`; the text has no trailing newline.
///
/// Spans follow conlleval: `B-X` opens an entity; `I-X` continues an open entity of type X and
/// otherwise opens a new one (VLSP 2016 test has two `I-LOC` after `O`, each read as its own
/// entity); `O`, a sentence end and a document end close it. A span runs from the start of its
/// first word to the end of its last, so it covers the spaces between them.
/// - Complexity: O(file size); the documents are held in memory.
public enum CoNLLReader {
    /// Reads the file at `path`.
    public static func read(path: String) throws(NERInputError) -> [NERDocument] {
        try read(NERFileLines(path: path))
    }

    /// Reads an in-memory file; `file` names it in errors.
    public static func read(text: String, file: String) throws(NERInputError) -> [NERDocument] {
        try read(NERFileLines(data: Data(text.utf8), file: file))
    }

    static func read(_ file: NERFileLines) throws(NERInputError) -> [NERDocument] {
        var builder = Builder()
        var firstLine: [String: Int] = [:]
        for (number, line) in file.lines {
            func fail(_ message: String) -> NERInputError {
                NERInputError(file: file.file, line: number, message: message)
            }
            if line.hasPrefix("-DOCSTART-") {
                builder.finishDocument()
                let fields = line.split(whereSeparator: \.isWhitespace)
                let given = fields.count > 1 && fields[1] != "-X-" ? String(fields[1]) : nil
                let id = given ?? String(builder.documents.count + 1)
                if let first = firstLine[id] {
                    throw fail("document \"\(id)\" already started on line \(first)")
                }
                firstLine[id] = number
                builder.startDocument(id: id)
                continue
            }
            if line.allSatisfy(\.isWhitespace) {
                builder.finishSentence()
                continue
            }
            let columns = line.contains("\t")
                ? line.split(separator: "\t", omittingEmptySubsequences: false)
                : line.split(whereSeparator: { $0 == " " })
            guard columns.count >= 4 else {
                throw fail("expected at least 4 columns (word, POS, chunk, NER), found \(columns.count)")
            }
            let word = String(columns[0]), tag = String(columns[3])
            guard !word.isEmpty else { throw fail("empty word in column 1") }
            guard let parsed = Tag(tag) else {
                throw fail("bad NER tag \"\(tag)\" in column 4 (expected O, B-X or I-X with X one of PER, ORG, LOC, MISC)")
            }
            if builder.current == nil {
                let id = String(builder.documents.count + 1)
                if let first = firstLine[id] { throw fail("document \"\(id)\" already started on line \(first)") }
                firstLine[id] = number
                builder.startDocument(id: id)
            }
            builder.add(word: word, tag: parsed)
        }
        builder.finishDocument()
        return builder.documents
    }

    /// An IOB2 tag.
    enum Tag: Equatable {
        case outside
        case begin(NERType)
        case inside(NERType)

        init?(_ text: String) {
            if text == "O" { self = .outside; return }
            guard text.count > 2, let type = NERType(rawValue: String(text.dropFirst(2))) else { return nil }
            switch text.prefix(2) {
            case "B-": self = .begin(type)
            case "I-": self = .inside(type)
            default: return nil
            }
        }
    }

    /// The document being rebuilt: text, scalar offset, open entity.
    struct Builder {
        struct Open { var start: Int; var end: Int; var type: NERType }
        struct Current {
            var id: String
            var text = ""
            var length = 0            // in Unicode scalars
            var entities: [NERSpan] = []
            var sentenceHasWords = false
            var sentences = 0
            var open: Open?
        }
        var documents: [NERDocument] = []
        var current: Current?

        mutating func startDocument(id: String) { current = Current(id: id) }

        mutating func add(word: String, tag: Tag) {
            guard var doc = current else { return }
            if doc.sentenceHasWords {
                doc.text += " "; doc.length += 1
            } else if doc.sentences > 0 {
                doc.text += "\n"; doc.length += 1
            }
            let surface = word.allSatisfy { $0 == "_" } ? word : word.replacingOccurrences(of: "_", with: " ")
            let start = doc.length
            doc.text += surface
            doc.length += surface.unicodeScalars.count
            doc.sentenceHasWords = true
            switch tag {
            case .outside:
                close(&doc)
            case .begin(let type):
                close(&doc)
                doc.open = Open(start: start, end: doc.length, type: type)
            case .inside(let type):
                if doc.open?.type == type {
                    doc.open!.end = doc.length
                } else {
                    close(&doc)
                    doc.open = Open(start: start, end: doc.length, type: type)
                }
            }
            current = doc
        }

        mutating func finishSentence() {
            guard var doc = current, doc.sentenceHasWords else { return }
            close(&doc)
            doc.sentenceHasWords = false
            doc.sentences += 1
            current = doc
        }

        mutating func finishDocument() {
            finishSentence()
            guard let doc = current else { return }
            documents.append(NERDocument(id: doc.id, text: doc.text, entities: doc.entities))
            current = nil
        }

        private func close(_ doc: inout Current) {
            if let open = doc.open {
                doc.entities.append(NERSpan(start: open.start, end: open.end, type: open.type))
                doc.open = nil
            }
        }
    }
}

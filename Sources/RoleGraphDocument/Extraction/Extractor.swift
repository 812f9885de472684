import Foundation
import RoleGraphKnowledge
import RoleGraphPatterns
import RoleGraphText

/// The whole pipeline for one document: text → tokens → phrases → roles → ``Document``.
///
/// Extraction is a pure function of the document and the knowledge base, so one `Extractor` serves any
/// number of threads and any order of documents (a JSONL stream, Spark's `RDD.pipe`) with the same
/// results. What outlives a document is memo only: each thread's word cache (``Tokenizer/tokens(of:words:)``)
/// and the rule set's test bits, which make later documents faster and never change what they give.
public struct Extractor: Sendable {
    public let knowledge: KnowledgeBase
    let scanner: PhraseScanner
    let heads: OrganizationResolver.Heads
    /// The views of the knowledge base's syllables, built once for all documents (``WordTable``).
    let words: WordTable

    public init(knowledge: KnowledgeBase) {
        self.knowledge = knowledge
        self.scanner = PhraseScanner(knowledge: knowledge)
        self.heads = OrganizationResolver.Heads(knowledge: knowledge)
        self.words = WordTable(words: knowledge.matcher.syllables)
    }

    /// The extractor over the bundled knowledge files, built once per process.
    public static let shared = Extractor(knowledge: .bundled)

    /// Reads and extracts one file; the document id is the file name without its extension.
    /// Throws ``InputError`` for a missing, empty or invalid UTF-8 file.
    public func extract(path: String) throws -> Document {
        let bytes = try InputReader.read(path: path)
        let text = try SourceText(bytes: bytes, file: path)
        let stem = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        return extract(text, id: stem, source: path, date: nil)
    }

    /// Extracts one text; `date` (ISO) overrides the date found in the text.
    public func extract(_ text: SourceText, id: String, source: String?, date: String?) -> Document {
        let tokens = Tokenizer.tokens(of: text, words: words)
        let documentDate = date ?? DocumentDate.find(in: tokens, knowledge: knowledge)
        let syllables = knowledge.matcher.syllableIDs(for: tokens, tokenisedWith: words)
        let result = scanner.scan(tokens, syllables: syllables, date: documentDate)
        return DocumentBuilder(text: text, tokens: tokens, result: result, knowledge: knowledge, heads: heads)
            .build(id: id, source: source, date: documentDate)
    }
}

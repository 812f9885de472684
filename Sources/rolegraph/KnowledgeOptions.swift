import ArgumentParser
import RoleGraphDocument
import RoleGraphKnowledge

/// Options shared by the commands that extract: extra knowledge files.
struct KnowledgeOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A knowledge file that adds or overrides entries (repeatable).", valueName: "file"))
    var gazetteer: [String] = []

    /// The bundled extractor, or one over the bundled files plus the user's.
    func extractor() throws -> Extractor {
        guard !gazetteer.isEmpty else { return .shared }
        return Extractor(knowledge: try KnowledgeBase.load(paths: KnowledgeBase.bundledPaths + gazetteer))
    }
}

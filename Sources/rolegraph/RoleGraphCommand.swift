import ArgumentParser

/// The root command: configuration only; each subcommand lives in its own file.
@main
struct RoleGraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rolegraph",
        abstract: "Who holds which post in which organisation, read from Vietnamese news.",
        subcommands: [ExtractCommand.self, GraphCommand.self, DiffCommand.self, TimelineCommand.self, EvalCommand.self,
                      GazetteerCommand.self])
}

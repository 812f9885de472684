import ArgumentParser
import Foundation

/// The root command: configuration only; each subcommand lives in its own file.
@main
struct RoleGraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rolegraph",
        abstract: "Who holds which post in which organisation, read from Vietnamese news.",
        subcommands: [ExtractCommand.self, GraphCommand.self, DiffCommand.self, TimelineCommand.self,
                      EvalCommand.self, GazetteerCommand.self])

    /// ArgumentParser's `main`, except that `diff` exits 2 on a usage error (an unknown option, a bad
    /// value), as diff(1) does on any trouble: scripts read 0 as "same" and 1 as "changed".
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch {
            if arguments.first == "diff", exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

import Foundation

/// Expands command-line inputs: a folder stands for the files directly inside it with one of the
/// given extensions, sorted by name; a file stands for itself (even when it does not exist, so that
/// the error names it).
enum InputFiles {
    static func expand(_ inputs: [String], extensions: Set<String>) -> [String] {
        inputs.flatMap { input -> [String] in
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory), isDirectory.boolValue else {
                return [input]
            }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: input)) ?? []
            return names.filter { extensions.contains(URL(fileURLWithPath: $0).pathExtension.lowercased()) }
                .sorted()
                .map { URL(fileURLWithPath: input).appendingPathComponent($0).path }
        }
    }
}

/// Writes one line to standard error, prefixed with the program name.
func warn(_ message: String) {
    FileHandle.standardError.write(Data("rolegraph: \(message)\n".utf8))
}

/// Exit status for "some inputs failed, the others were written".
struct PartialFailure: Error, CustomStringConvertible {
    var count: Int
    var description: String { "\(count) input(s) failed" }
}

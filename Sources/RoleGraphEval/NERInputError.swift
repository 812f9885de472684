/// A benchmark file that cannot be read: printed `FILE:LINE: message` (or `FILE: message` when
/// the fault is not on one line), so a user can open the line at once.
public struct NERInputError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    /// 1-based line number.
    public var line: Int?
    public var message: String

    public init(file: String, line: Int? = nil, message: String) {
        self.file = file; self.line = line; self.message = message
    }

    public var description: String {
        line.map { "\(file):\($0): \(message)" } ?? "\(file): \(message)"
    }
}

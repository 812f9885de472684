/// An input problem, reported as one line: `FILE:LINE:COLUMN: message (byte N)`.
///
/// Users run `rolegraph` over archives of millions of articles; one bad file must
/// be reported precisely enough to find and fix it with an editor or `dd`, without
/// stopping the run. Lines and columns are what editors show; the byte offset is
/// what tools like `xxd -s` need.
public struct InputError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The path as given by the user.
    public var file: String
    /// 1-based line number, `nil` when not applicable (missing file, empty file).
    public var line: Int?
    /// 1-based column, counted in bytes of that line (LF, CR LF and CR end lines).
    public var column: Int?
    /// 0-based byte offset into the file; for invalid UTF-8, the first byte of the
    /// ill-formed sequence (the lead byte of a truncated one).
    public var byte: Int?
    /// What went wrong, e.g. `invalid UTF-8`, `no such file`, `empty file`.
    public var message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, byte: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.byte = byte
        self.message = message
    }

    /// `seeds/x.txt:3:17: invalid UTF-8 (byte 245)`, `x.txt: no such file`, `x.txt: empty file`.
    public var description: String {
        var text = file
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        text += ": " + message
        if let byte { text += " (byte \(byte))" }
        return text
    }
}

extension InputError {
    /// The message used for every ill-formed UTF-8 sequence.
    public static let invalidUTF8Message = "invalid UTF-8"
    public static let noSuchFileMessage = "no such file"
    public static let emptyFileMessage = "empty file"
    public static let isDirectoryMessage = "is a directory"
}

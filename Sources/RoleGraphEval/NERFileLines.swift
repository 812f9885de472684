import Foundation

/// The lines of a benchmark file, numbered from 1, with the `\n` (and a `\r` before it) removed.
///
/// Both NER readers work line by line and name the line in their errors, so the numbering lives
/// here once. The file is read whole (the VLSP files are a few MB) and cut on the `\n` byte,
/// which cannot occur inside a multi-byte UTF-8 sequence.
struct NERFileLines {
    var file: String
    var lines: [(number: Int, text: String)]

    /// Reads and splits `path`; `file` is the name used in errors (the path as the user gave it).
    /// - Throws: ``NERInputError`` when the file is missing or unreadable or a line is not UTF-8.
    init(path: String) throws(NERInputError) {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            let missing = !FileManager.default.fileExists(atPath: path)
            throw NERInputError(file: path, message: missing ? "no such file" : "cannot read: \(error.localizedDescription)")
        }
        try self.init(data: data, file: path)
    }

    /// Splits bytes already read (tests pass in-memory files this way).
    init(data: Data, file: String) throws(NERInputError) {
        self.file = file
        var lines: [(Int, String)] = []
        let bytes = [UInt8](data)
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0   // a BOM is not text
        var number = 0
        while start < bytes.count {
            number += 1
            let newline = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            var end = newline
            if end > start, bytes[end - 1] == 0x0D { end -= 1 }
            guard let text = String(bytes: bytes[start..<end], encoding: .utf8) else {
                throw NERInputError(file: file, line: number, message: "invalid UTF-8")
            }
            lines.append((number, text))
            start = newline + 1
        }
        self.lines = lines
    }
}

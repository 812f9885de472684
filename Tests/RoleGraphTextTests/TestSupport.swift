import Foundation
@testable import RoleGraphText

/// Canonical decomposition (NFD) of a string, as some CMS exports and macOS file names produce.
func nfd(_ s: String) -> String { s.decomposedStringWithCanonicalMapping }

/// Unicode scalars of `s` in the half-open scalar range, as Python's `text[start:end]` gives.
func scalarSlice(_ s: String, _ range: Range<Int>) -> String {
    let scalars = Array(s.unicodeScalars)
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars[range])
    return String(view)
}

/// Byte range of the first occurrence of `needle` in the normalised text.
func byteRange(of needle: String, in text: SourceText) -> Range<Int>? {
    let n = Array(needle.utf8)
    guard !n.isEmpty, n.count <= text.bytes.count else { return nil }
    for start in 0...(text.bytes.count - n.count) where text.bytes[start..<(start + n.count)].elementsEqual(n) {
        return start..<(start + n.count)
    }
    return nil
}

/// Texts of the tokens, for compact expectations.
func texts(_ s: String) -> [String] {
    Tokenizer.tokens(of: SourceText(s)).map(\.text)
}

/// A scratch file with the given bytes; removed by the caller.
func temporaryFile(_ bytes: [UInt8], name: String = UUID().uuidString + ".txt") throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(name).path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return path
}

import Foundation

/// Reads input files as raw bytes; decoding and normalisation happen in ``SourceText``.
///
/// Keeping the bytes (rather than a `String`) lets offsets point into the file exactly
/// as it is on disk, and lets validation name the first bad byte instead of silently
/// repairing it the way `String(decoding:as:)` would.
public enum InputReader {
    /// Reads a file's bytes.
    ///
    /// Missing or unreadable file, a directory, or an empty (or whitespace-only) file
    /// → ``InputError``. The bytes are not validated here; ``SourceText/init(bytes:file:)`` does that.
    /// - Complexity: O(n) in the file size; one read.
    public static func read(path: String) throws(InputError) -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError(file: path, message: InputError.noSuchFileMessage)
        }
        if isDirectory.boolValue {
            throw InputError(file: path, message: InputError.isDirectoryMessage)
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe)
        } catch {
            throw InputError(file: path, message: "cannot read")
        }
        let bytes = [UInt8](data)
        if bytes.count > Int(Int32.max) {
            throw InputError(file: path, message: "file too large (2 GiB or more)")
        }
        if isBlank(bytes) {
            throw InputError(file: path, message: InputError.emptyFileMessage)
        }
        return bytes
    }

    /// True when the bytes hold nothing but white space (ASCII white space, NBSP,
    /// ideographic space) and possibly a byte-order mark.
    /// - Complexity: O(n), stops at the first other byte.
    static func isBlank(_ bytes: [UInt8]) -> Bool {
        var i = 0
        let n = bytes.count
        if n >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
        while i < n {
            switch bytes[i] {
            case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D:
                i += 1
            case 0xC2 where i + 1 < n && bytes[i + 1] == 0xA0:
                i += 2
            case 0xE3 where i + 2 < n && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x80:
                i += 3
            default:
                return false
            }
        }
        return true
    }
}

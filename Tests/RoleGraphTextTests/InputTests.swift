import Foundation
import Testing
@testable import RoleGraphText

@Suite("Input: reading files and validating UTF-8")
struct InputTests {
    @Test("Invalid UTF-8 names line, byte column and byte offset",
          arguments: [
            // bytes, line, column, byte
            (Array("Đảng ủy\nKhối ".utf8) + [0xFF] + Array(" các".utf8), 2, 8, 20),  // ố is 3 bytes
            (Array("abc".utf8) + [0x80], 1, 4, 3),                         // stray continuation
            (Array("a\r\nb\rc".utf8) + [0xC3], 3, 2, 6),                   // truncated at the end
            ([0x41, 0xC3, 0x28], 1, 2, 1),                                 // bad continuation
            ([0xC0, 0xAF], 1, 1, 0),                                       // overlong '/'
            ([0xE0, 0x80, 0xAF], 1, 1, 0),                                 // overlong 3-byte
            (Array("x\n".utf8) + [0xED, 0xA0, 0x80], 2, 1, 2),             // surrogate U+D800
            ([0xF4, 0x90, 0x80, 0x80], 1, 1, 0),                           // above U+10FFFF
            ([0xF5, 0x80, 0x80, 0x80], 1, 1, 0),                           // bad lead byte
            (Array("Việt ".utf8) + [0xE1, 0xBB], 1, 8, 7),                 // truncated 3-byte
          ])
    func invalidUTF8(bytes: [UInt8], line: Int, column: Int, byte: Int) {
        #expect(throws: InputError(file: "seeds/x.txt", line: line, column: column, byte: byte,
                                   message: "invalid UTF-8")) {
            try SourceText(bytes: bytes, file: "seeds/x.txt")
        }
    }

    @Test("Error description is one line: FILE:LINE:COLUMN: message (byte N)")
    func description() {
        let error = InputError(file: "seeds/x.txt", line: 3, column: 17, byte: 245, message: "invalid UTF-8")
        #expect(error.description == "seeds/x.txt:3:17: invalid UTF-8 (byte 245)")
        #expect(InputError(file: "x.txt", message: "no such file").description == "x.txt: no such file")
        #expect(InputError(file: "x.txt", message: "empty file").description == "x.txt: empty file")
    }

    @Test("Valid UTF-8 of every length is accepted")
    func validUTF8() throws {
        let input = "A é Việt € 𝔸 \u{10FFFF}"
        let text = try SourceText(bytes: Array(input.utf8), file: "ok.txt")
        #expect(text.original == Array(input.utf8))
    }

    @Test("Reading a file returns its bytes")
    func readsFile() throws {
        let content = Array("Đảng bộ Khối các cơ quan Trung ương\n".utf8)
        let path = try temporaryFile(content)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try InputReader.read(path: path) == content)
    }

    @Test("Missing file")
    func missingFile() {
        let path = "/nonexistent/rolegraph/x.txt"
        #expect(throws: InputError(file: path, message: "no such file")) {
            try InputReader.read(path: path)
        }
    }

    @Test("Empty and whitespace-only files", arguments: [[], Array(" \n\r\n\t".utf8), [0xEF, 0xBB, 0xBF, 0x0A],
                                                       Array("\u{00A0}\n".utf8)])
    func emptyFile(bytes: [UInt8]) throws {
        let path = try temporaryFile(bytes)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: InputError(file: path, message: "empty file")) {
            try InputReader.read(path: path)
        }
    }

    @Test("A directory is not an input file")
    func directory() {
        let path = FileManager.default.temporaryDirectory.path
        #expect(throws: InputError(file: path, message: "is a directory")) {
            try InputReader.read(path: path)
        }
    }
}

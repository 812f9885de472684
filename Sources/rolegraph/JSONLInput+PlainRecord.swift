import Foundation

extension JSONLInput {
    /// A record read straight from the line's bytes, the text as the bytes ``SourceText`` takes.
    ///
    /// `JSONDecoder` costs some 35 instructions a byte of text (10 M over dev+seed) and hands over a `String`
    /// that is copied once more into bytes; this reads a plain record at a few instructions a byte. It takes
    /// only an object of the keys `id`, `text` (strings) and `date` (a string or null), each at most once;
    /// anything else (another key or value type, an escape JSON does not define, a lone surrogate, a control
    /// character, bytes after the object, a name that is not UTF-8) gives nil, and `JSONDecoder` reads the
    /// line as before, errors included.
    struct PlainRecord {
        var id: String
        var text: [UInt8]
        var date: String?

        init?(_ line: UnsafeBufferPointer<UInt8>) {
            var reader = Reader(line: line)
            var id: [UInt8]?, text: [UInt8]?, date: [UInt8]?, dateSeen = false
            guard reader.take(0x7B) else { return nil }
            if !reader.take(0x7D) {
                repeat {
                    guard let key = reader.string(), reader.take(0x3A) else { return nil }
                    if key.elementsEqual("id".utf8), id == nil {
                        id = reader.string()
                        if id == nil { return nil }
                    } else if key.elementsEqual("text".utf8), text == nil {
                        text = reader.string()
                        if text == nil { return nil }
                    } else if key.elementsEqual("date".utf8), !dateSeen {
                        dateSeen = true
                        if !reader.takeNull() {
                            date = reader.string()
                            if date == nil { return nil }
                        }
                    } else {
                        return nil
                    }
                } while reader.take(0x2C)
                guard reader.take(0x7D) else { return nil }
            }
            reader.skipSpace()
            guard reader.at == line.count, let id, let text,
                  let idString = String(bytes: id, encoding: .utf8) else { return nil }
            self.id = idString
            self.text = text
            if let date {
                guard let dateString = String(bytes: date, encoding: .utf8) else { return nil }
                self.date = dateString
            } else {
                self.date = nil
            }
        }

        /// JSON tokens from a line of bytes.
        struct Reader {
            let line: UnsafeBufferPointer<UInt8>
            var at = 0

            mutating func skipSpace() {
                while at < line.count, line[at] == 0x20 || line[at] == 0x09 || line[at] == 0x0A || line[at] == 0x0D { at += 1 }
            }

            /// Whether the next byte after white space is `byte`; reads it when it is.
            mutating func take(_ byte: UInt8) -> Bool {
                skipSpace()
                guard at < line.count, line[at] == byte else { return false }
                at += 1
                return true
            }

            mutating func takeNull() -> Bool {
                skipSpace()
                guard line.count - at >= 4, line[at] == 0x6E, line[at + 1] == 0x75, line[at + 2] == 0x6C, line[at + 3] == 0x6C
                else { return false }
                at += 4
                return true
            }

            /// The UTF-8 bytes of a string, escapes resolved; nil when no string that this reader takes is next.
            /// Runs of plain bytes are copied whole: a string without escapes is one copy of its bytes.
            mutating func string() -> [UInt8]? {
                guard take(0x22) else { return nil }
                let start = at
                var out: [UInt8] = []
                while true {
                    let run = at
                    skipPlainWords()
                    while at < line.count, line[at] != 0x22, line[at] != 0x5C, line[at] >= 0x20 { at += 1 }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: line[run..<at]))
                    guard at < line.count, line[at] == 0x5C else { break }
                    // Escapes only shorten the text: room for the rest of the line is enough.
                    if run == start { out.reserveCapacity(line.count - start) }
                    guard line.count - at >= 2 else { return nil }
                    let escape = line[at + 1]
                    at += 2
                    switch escape {
                    case 0x22, 0x5C, 0x2F: out.append(escape)
                    case 0x62: out.append(0x08)
                    case 0x66: out.append(0x0C)
                    case 0x6E: out.append(0x0A)
                    case 0x72: out.append(0x0D)
                    case 0x74: out.append(0x09)
                    case 0x75:
                        guard var value = hex4() else { return nil }
                        if (0xD800..<0xDC00).contains(value) {
                            guard line.count - at >= 2, line[at] == 0x5C, line[at + 1] == 0x75 else { return nil }
                            at += 2
                            guard let low = hex4(), (0xDC00..<0xE000).contains(low) else { return nil }
                            value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
                        }
                        guard let scalar = Unicode.Scalar(value) else { return nil }
                        UTF8.encode(scalar) { out.append($0) }
                    default: return nil
                    }
                }
                // The closing quote; a control character or the end of the line is no string.
                guard at < line.count, line[at] == 0x22 else { return nil }
                at += 1
                return out
            }

            /// Skips whole words of eight bytes none of which is `"`, `\` or a control character (one word test, exact
            /// as a whole: a byte's borrow only reaches higher bytes after a byte that is itself a hit): about
            /// 2 instructions a byte of text instead of 12 for three compares a byte.
            private mutating func skipPlainWords() {
                let raw = UnsafeRawBufferPointer(line)
                let ones: UInt64 = 0x0101_0101_0101_0101
                while line.count - at >= 8 {
                    let word = raw.loadUnaligned(fromByteOffset: at, as: UInt64.self)
                    let quote = word ^ (ones &* 0x22), backslash = word ^ (ones &* 0x5C)
                    let hits = ((word &- ones &* 0x20) & ~word) | ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash)
                    if hits & (ones &* 0x80) != 0 { return }
                    at += 8
                }
            }

            /// Four hex digits.
            private mutating func hex4() -> UInt32? {
                guard line.count - at >= 4 else { return nil }
                var value: UInt32 = 0
                for _ in 0..<4 {
                    let byte = line[at]
                    at += 1
                    let digit: UInt8
                    switch byte {
                    case 0x30...0x39: digit = byte - 0x30
                    case 0x41...0x46: digit = byte - 0x41 + 10
                    case 0x61...0x66: digit = byte - 0x61 + 10
                    default: return nil
                    }
                    value = value << 4 | UInt32(digit)
                }
                return value
            }
        }
    }
}

import Foundation
import Testing
@testable import RoleGraphText

/// The optimised normaliser (fast scan, bulk copy, sparse offset map) against the reference
/// implementation in `ReferenceNormalizer.swift`: same bytes, same spans for every range.
@Suite("Normalisation fast path agrees with the reference")
struct FastPathTests {
    /// Pieces that exercise every branch: plain text, NFD, old-style tones before letters,
    /// spaces and line breaks, Ð, CR, marks after line breaks, other scripts, a BOM.
    static let pieces: [String] = [
        "Đồng chí ", "Huỳnh Tấn Việt", " - ", "Ủy viên", "\n", "\r\n", "\r", "\u{00A0}", "\u{2009}",
        "hoà", "Hoà", "HOÀ", "khoẻ", "Thuỵ", "quý", "Uỷ", "oà", "o", "u", "q", "uỳ", "Hoàng", "toán",
        "\u{00D0}", "\u{00F0}", "a\u{0301}", "o\u{0300}", "e\u{0323}\u{0302}", "\u{0301}", "\u{0323}",
        "ngoài", ".", ",", "2020", "😀", "\u{FE0F}", "\u{FEFF}", "\u{200B}", "Ко\u{0308}ln", "\u{1100}\u{1161}",
        "\u{0915}\u{093C}", "\u{212B}", "\u{2028}", "\u{0085}", "\u{3000}", "x", "TP.HCM", "tuỳ ",
        "abcdefghijklmnop", "ÀÁẢÃẠ", "ỳýỷỹỵ",
    ]

    static func check(_ input: [UInt8]) {
        let text = SourceText(validated: input)
        #expect((try? SourceText(bytes: input, file: "x.txt"))?.bytes == text.bytes, "validating scan differs")
        var reference = ReferenceNormalizer()
        let built = input.withUnsafeBufferPointer { reference.normalize($0) }
        #expect(text.bytes == built.bytes, "bytes differ for \(String(decoding: input, as: UTF8.self).debugDescription)")
        guard text.bytes == built.bytes else { return }
        let map = ReferenceOffsetMap(originalByte: built.originalByte, originalScalar: built.originalScalar)
        #expect(text.originalScalarCount == Int(built.originalScalar.last!))
        let n = text.bytes.count
        // Every range on scalar boundaries (and some inside scalars) when short; a sample when long.
        var bounds = Array(0...n)
        if n > 60 { bounds = Array(bounds.prefix(30)) + Array(bounds.suffix(30)) + stride(from: 0, to: n, by: 7).map { $0 } }
        for a in bounds {
            for b in bounds where b >= a {
                let got = text.originalSpan(a..<b)
                let want = map.span(a..<b)
                if got.scalars != want.scalars || got.utf8 != want.utf8 {
                    Issue.record("span \(a)..<\(b) of \(String(decoding: input, as: UTF8.self).debugDescription): \(got) ≠ \(want)")
                    return
                }
            }
        }
    }

    @Test("Random concatenations of tricky pieces")
    func random() {
        var rng = SplitMix(seed: 0x5EED)
        for _ in 0..<1500 {
            let count = Int(rng.next() % 12) + 1
            var s = rng.next() % 10 == 0 ? "\u{FEFF}" : ""
            for _ in 0..<count { s += Self.pieces[Int(rng.next() % UInt64(Self.pieces.count))] }
            Self.check(Array(s.utf8))
        }
    }

    @Test("Each piece alone and in pairs")
    func pairs() {
        for a in Self.pieces {
            Self.check(Array(a.utf8))
            for b in Self.pieces { Self.check(Array((a + b).utf8)) }
        }
    }

    /// The offset of the first ill-formed sequence by the standard library's parser.
    static func firstInvalidOffset(_ bytes: [UInt8]) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .error: return offset
            case .emptyInput: return nil
            }
        }
    }

    @Test("Validation while scanning names the first ill-formed sequence, at any offset")
    func invalidSequences() {
        // Well-formed text with the letters of the scan's fast path, then one bad sequence at every
        // position, so that it straddles every 8-byte boundary and follows every kind of scalar.
        let text = Array("Ông Đỗ Văn Thuỷ, ươn hoà Ðức tuý\r\nỦY BAN ".utf8)
        let bad: [[UInt8]] = [[0x80], [0xBF], [0xC3], [0xC3, 0x41], [0xC0, 0x80], [0xC1, 0xBF], [0xE1, 0xBB],
                              [0xE1, 0xBB, 0x41], [0xE1, 0x41, 0x80], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80],
                              [0xF0, 0x80, 0x80, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF5], [0xFF], [0xCB]]
        var cases = 0
        for sequence in bad {
            for cut in 0...text.count {
                for tail in [0, 2] {
                    let input = Array(text[..<cut]) + sequence + Array(text.prefix(tail))
                    let want = Self.firstInvalidOffset(input)
                    var got: Int? = nil
                    do { _ = try SourceText(bytes: input, file: "x.txt") } catch { got = error.byte }
                    if got != want {
                        Issue.record("\(input): error at \(String(describing: got)), expected \(String(describing: want))")
                        return
                    }
                    if want != nil { cases += 1 }
                }
            }
        }
        #expect(cases > 900)
    }

    @Test("Already-normalised text shares its storage")
    func identity() {
        let text = SourceText("Đồng chí Huỳnh Tấn Việt - Ủy viên Trung ương Đảng")
        #expect(text.offsets.edits.isEmpty)
        let bom = SourceText("\u{FEFF}Đảng ủy Khối")
        #expect(bom.offsets.edits.isEmpty)
        #expect(bom.string == "Đảng ủy Khối")
    }
}

/// A small deterministic generator for the tests.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite("Tokenizer fast paths")
struct TokenizerFastPathTests {
    @Test("ASCII classes match the original table")
    func asciiClasses() {
        for b in UInt8(0)..<128 {
            let expected: CharacterClass
            switch b {
            case 0x0A: expected = .newline
            case 0x09, 0x0B, 0x0C, 0x0D, 0x20: expected = .space
            case 0x30...0x39: expected = .digit
            case 0x41...0x5A, 0x61...0x7A: expected = .letter
            case 0x24, 0x2B, 0x3C, 0x3D, 0x3E, 0x5E, 0x60, 0x7C, 0x7E: expected = .symbol
            case 0x00..<0x20, 0x7F: expected = .space
            default: expected = .punctuation
            }
            #expect(CharacterClass.of(ascii: b) == expected, "byte \(b)")
        }
    }

    @Test("Cached word views equal freshly built ones")
    func cachedViews() {
        var text = ""
        var rng = SplitMix(seed: 7)
        let words = ["Đảng", "đảng", "ĐẢNG", "Huỳnh", "huỳnh", "TP", "tp", "Covid19", "iPhone", "ủy", "Ủy",
                     "ngườiđứngđầucơquantrungương", "ngườiđứngđầucơquantrungươnG", "a", "A", "Việt", "Viết"]
        for _ in 0..<2000 { text += words[Int(rng.next() % UInt64(words.count))] + (rng.next() % 5 == 0 ? ", " : " ") }
        let source = SourceText(text)
        let tokens = Tokenizer.tokens(of: source)
        source.bytes.withUnsafeBufferPointer { p in
            for token in tokens where token.kind == .word {
                #expect(token == TokenViews.word(p, token.range, gap: token.gap))
            }
        }
    }
}

/// String-level Vietnamese text functions for callers outside the token stream:
/// gazetteer loading, canonical names, evaluation.
///
/// Each works on UTF-8 bytes, never `Character` by `Character`, and agrees with the
/// token views: `key(token.text) == token.key`, `lowercased(token.text) == token.lower`.
public enum VietnameseFolding {
    /// Folded key: diacritics off, `đ`→`d` (also `Ð`/`ð`), lower-case; dash and quote
    /// variants → ASCII, Unicode spaces → space. `"Đảng ủy"` → `"dang uy"`. Works on NFC
    /// and NFD alike. For candidate look-up only: `Việt` and `Viết` share a key.
    /// - Complexity: O(n).
    public static func key(_ s: some StringProtocol) -> String {
        UTF8Scalars.withUTF8(s) { p in
            var out: [UInt8] = []
            out.reserveCapacity(p.count)
            var i = 0
            while i < p.count {
                let b = p[i]
                if b < 0x80 {
                    out.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
                    i += 1
                    continue
                }
                let (v, length) = UTF8Scalars.decode(p, at: i)
                Folding.appendKey(v, to: &out)
                i += length
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Lower-cases, Vietnamese-aware (`Đ`→`đ`, `Ủ`→`ủ`, `ĐẢNG`→`đảng`). Nothing else changes.
    /// - Complexity: O(n).
    public static func lowercased(_ s: some StringProtocol) -> String {
        UTF8Scalars.withUTF8(s) { p in
            var out: [UInt8] = []
            out.reserveCapacity(p.count)
            var i = 0
            while i < p.count {
                let (v, length) = UTF8Scalars.decode(p, at: i)
                LetterCase.appendLowercase(v, to: &out)
                i += length
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Moves old-style tone marks to new style in open `oa`/`oe`/`uy` syllables:
    /// `hoà`→`hòa`, `Thuỵ`→`Thụy`, `Uỷ`→`Ủy`, `khoẻ`→`khỏe`; leaves `Hoàng` (closed
    /// syllable) and `quý` (`qu` is a consonant). Expects NFC (use ``normalize(_:)`` for
    /// anything else); changes nothing but those pairs.
    /// - Complexity: O(n).
    public static func newStyleTones(_ s: String) -> String {
        UTF8Scalars.withUTF8(s) { p in
            var builder = NormalizedTextBuilder(capacity: p.count)
            var i = 0
            while i < p.count {
                let (v, length) = UTF8Scalars.decode(p, at: i)
                builder.beginUnit(inStart: i)
                builder.append(v)
                i += length
            }
            builder.finish(inEnd: p.count)
            return String(decoding: builder.bytes, as: UTF8.self)
        }
    }

    /// NFC + new-style tones + `Ð`→`Đ` fix + Unicode spaces → space + line breaks → LF;
    /// exactly what ``SourceText/bytes`` holds for the same input.
    /// - Complexity: O(n).
    public static func normalize(_ s: String) -> String {
        SourceText(s).string
    }
}

/// Per-scalar folding shared by ``VietnameseFolding/key(_:)`` and the tokenizer.
enum Folding {
    /// Appends the folded form of a non-ASCII scalar.
    /// - Complexity: O(1): range checks and one table read.
    @inline(__always)
    static func appendKey(_ v: UInt32, to out: inout [UInt8]) {
        if v >= 0x300 && v < 0x370 { return }  // combining diacritics (NFD input)
        switch v {
        case 0x0110, 0x0111, 0x00D0, 0x00F0:
            out.append(0x64)  // Đ đ Ð ð → d
            return
        default:
            break
        }
        if let base = LatinLetterTable.shared.foldedBase(v) {
            out.append(base)
            return
        }
        if let a = PunctuationVariants.ascii(for: v) {
            out.append(a)
            return
        }
        let mapped = ScalarProperties.compatibilityMapped(v)
        if mapped != v {
            UTF8Scalars.append(mapped, to: &out)
            return
        }
        LetterCase.appendLowercase(v, to: &out)
    }
}

import Foundation
import Testing
@testable import RoleGraphEval

@Suite struct ScoreNormalizerTests {
    @Test(arguments: [
        ("Uỷ ban", "ủy ban"),
        ("UỶ BAN NHÂN DÂN", "ủy ban nhân dân"),
        ("\u{00D0}ảng", "đảng"),                      // Icelandic eth for Đ
        ("\u{00F0}ồng chí", "đồng chí"),
        ("Hoà Bình", "hòa bình"),
        ("Thuỵ", "thụy"),
        ("khoẻ", "khỏe"),
        ("Bộ\u{00A0}Chính  trị", "bộ chính trị"),     // NBSP and double space
        ("Bộ \u{00A0}\t\nChính trị", "bộ chính trị"),
        ("Quốc hội.", "quốc hội"),
        (" , Quốc hội ;: ", "quốc hội"),
        ("T.Ư", "t.ư"),                                 // inner punctuation stays
        ("Ban Kinh tế TW", "ban kinh tế tw"),
        ("Vie\u{0302}\u{0323}t", "việt"),               // decomposed input → NFC
        ("Việt", "việt"),
        ("Viết", "viết"),                               // diacritics never dropped
        ("a\u{1C}b", "a b"),                            // Python's \s includes U+001C…U+001F
        ("a\u{200B}b", "a\u{200B}b"),                   // zero-width space is not \s
        ("ΟΔΟΣ", "οδος"),                               // final sigma
        ("ΣΑ", "σα"),
        ("İ", "i\u{0307}"),                             // full lower-case mapping
        ("", ""),
        (" .,;: ", ""),
    ])
    func normalises(input: String, expected: String) {
        let got = ScoreNormalizer.normalize(input)
        #expect(Array(got.unicodeScalars) == Array(expected.unicodeScalars),
                "\(input.debugDescription) → \(got.debugDescription)")
    }

    @Test func nilIsEmpty() {
        #expect(ScoreNormalizer.normalize(nil) == "")
    }

    @Test func keysCompareByCodePoint() {
        // Canonically equivalent but different code points stay different, as in Python.
        let a = ScoreKey(raw: "\u{00E9}"), b = ScoreKey(raw: "e\u{0301}")
        #expect(a != b)
        #expect(b < a)
        #expect(ScoreKey(raw: "Z") < ScoreKey(raw: "a"))
    }

    /// The normaliser gives exactly score.py's `norm`, code point for code point.
    @Test(.enabled(if: Paths.scorerAvailable, "python3 or ../shared/tools/score.py not found; skipping"))
    func agreesWithScorePyNorm() throws {
        var samples = [
            "Uỷ ban", "Ðảng", "Hoà  Bình.", "THUỴ", "khoẻ", "Bộ\u{00A0}Chính trị;", "\u{1F}x\u{85}y\u{3000}",
            "ΟΔΟΣ ΣΑ Σ", "İstanbul", "ﬁ ẞ Ǆ", "Vie\u{0302}\u{0323}t", "OÀ UỶ", "oà́", "uỷỷ", "ooà", "Đ/c",
            "  ,;: TP.HCM :. ", "Ban\u{2028}Bí\u{202F}thư", "a\u{200B}b", "Ủy ban MTTQ", "\u{00D0}\u{00F0}",
        ]
        // Every name in the seed gold file, too.
        let gold = try GoldSet.load(directory: Paths.goldExamples.path)
        for g in gold.values {
            for e in g.persons + g.organizations { samples.append(e.name); samples += e.variants }
            for r in g.roles { samples += [r.person, r.title, r.organization] }
        }
        let dir = try makeTempDirectory(prefix: "norm")
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("in.json")
        try JSONSerialization.data(withJSONObject: samples).write(to: input)
        let script = """
        import json, sys
        sys.path.insert(0, sys.argv[1])
        from score import norm
        print(json.dumps([[ord(c) for c in norm(s)] for s in json.load(open(sys.argv[2], encoding="utf-8"))]))
        """
        let r = try run(Paths.python3!, ["-c", script, Paths.scorePy.deletingLastPathComponent().path, input.path])
        try #require(r.status == 0, "python failed: \(r.stderr)")
        let expected = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[Int]])
        try #require(expected.count == samples.count)
        for (s, want) in zip(samples, expected) {
            let got = ScoreNormalizer.normalize(s).unicodeScalars.map { Int($0.value) }
            #expect(got == want, "\(s.debugDescription)")
        }
    }
}

import Foundation

/// The result of ``Evaluator/evaluate(gold:predictions:)``.
///
/// Its JSON has the shape of `score.py --json`: `{"total": {"persons": {"p", "r", "f1", "tp",
/// "predicted", "gold"}, "organizations": …, "roles": …, "status_accuracy": x|null, …},
/// "docs": {"<doc>": {"persons": [tp, predicted, gold], …}}}`; `total` also carries
/// `status_correct` and `status_matched`.
public struct EvaluationReport: Codable, Sendable, Equatable {
    /// tp / predicted / gold of one category; in JSON the array `[tp, predicted, gold]`.
    public struct Counts: Codable, Sendable, Equatable {
        public var tp = 0
        public var predicted = 0
        public var gold = 0

        public init(tp: Int = 0, predicted: Int = 0, gold: Int = 0) {
            self.tp = tp; self.predicted = predicted; self.gold = gold
        }

        public init(from decoder: any Decoder) throws {
            var c = try decoder.unkeyedContainer()
            tp = try c.decode(Int.self); predicted = try c.decode(Int.self); gold = try c.decode(Int.self)
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.unkeyedContainer()
            try c.encode(tp); try c.encode(predicted); try c.encode(gold)
        }
    }

    /// Micro-averaged figures of one category.
    public struct Score: Codable, Sendable, Equatable {
        public var p: Double
        public var r: Double
        public var f1: Double
        public var tp: Int
        public var predicted: Int
        public var gold: Int

        public init(_ c: Counts) {
            (p, r, f1) = Evaluator.prf(tp: c.tp, predicted: c.predicted, gold: c.gold)
            tp = c.tp; predicted = c.predicted; gold = c.gold
        }

        public var counts: Counts { Counts(tp: tp, predicted: predicted, gold: gold) }
    }

    public struct Totals: Codable, Sendable, Equatable {
        public var persons: Score
        public var organizations: Score
        public var roles: Score
        /// Share of matched role pairs whose status agrees; `nil` when no role matched.
        public var statusAccuracy: Double?
        public var statusCorrect: Int
        public var statusMatched: Int

        public init(persons: Score, organizations: Score, roles: Score, statusAccuracy: Double?,
                    statusCorrect: Int, statusMatched: Int) {
            self.persons = persons; self.organizations = organizations; self.roles = roles
            self.statusAccuracy = statusAccuracy
            self.statusCorrect = statusCorrect; self.statusMatched = statusMatched
        }

        enum CodingKeys: String, CodingKey {
            case persons, organizations, roles
            case statusAccuracy = "status_accuracy"
            case statusCorrect = "status_correct"
            case statusMatched = "status_matched"
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            persons = try c.decode(Score.self, forKey: .persons)
            organizations = try c.decode(Score.self, forKey: .organizations)
            roles = try c.decode(Score.self, forKey: .roles)
            statusAccuracy = try c.decodeIfPresent(Double.self, forKey: .statusAccuracy)
            statusCorrect = try c.decodeIfPresent(Int.self, forKey: .statusCorrect) ?? 0
            statusMatched = try c.decodeIfPresent(Int.self, forKey: .statusMatched) ?? 0
        }

        // `status_accuracy` is written as null when absent, as score.py writes None.
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(persons, forKey: .persons)
            try c.encode(organizations, forKey: .organizations)
            try c.encode(roles, forKey: .roles)
            try c.encode(statusAccuracy, forKey: .statusAccuracy)
            try c.encode(statusCorrect, forKey: .statusCorrect)
            try c.encode(statusMatched, forKey: .statusMatched)
        }
    }

    public struct DocumentCounts: Codable, Sendable, Equatable {
        public var persons: Counts
        public var organizations: Counts
        public var roles: Counts

        public init(persons: Counts, organizations: Counts, roles: Counts) {
            self.persons = persons; self.organizations = organizations; self.roles = roles
        }
    }

    public var total: Totals
    /// Per document (gold file stem).
    public var docs: [String: DocumentCounts]

    public init(total: Totals, docs: [String: DocumentCounts]) {
        self.total = total; self.docs = docs
    }

    public var persons: Score { total.persons }
    public var organizations: Score { total.organizations }
    public var roles: Score { total.roles }
    public var statusAccuracy: Double? { total.statusAccuracy }
}

// MARK: - Renderings

extension EvaluationReport {
    /// The five lines score.py prints, byte for byte: one per category, the status line and the
    /// summary line (last).
    public var summaryLines: [String] {
        var lines: [String] = []
        for (k, s) in [("persons", total.persons), ("organizations", total.organizations), ("roles", total.roles)] {
            lines.append("\(k.padding(toLength: max(14, k.count), withPad: " ", startingAt: 0))"
                + " P \(f3(s.p)) R \(f3(s.r)) F1 \(f3(s.f1))  (tp \(s.tp), pred \(s.predicted), gold \(s.gold))")
        }
        lines.append("status accuracy over matched roles: \(total.statusAccuracy.map(pythonFloatRepr) ?? "None")")
        lines.append("persons F1 \(f3(total.persons.f1)) orgs F1 \(f3(total.organizations.f1)) roles F1 \(f3(total.roles.f1))")
        return lines
    }

    /// The per-article table (tp/pred/gold per category), one row per document in code-point order.
    public var documentTableLines: [String] {
        let stems = docs.keys.sorted { ScoreKey(raw: $0) < ScoreKey(raw: $1) }
        let headers = ["doc", "persons tp/pred/gold", "orgs tp/pred/gold", "roles tp/pred/gold"]
        func cell(_ c: Counts) -> String { "\(c.tp)/\(c.predicted)/\(c.gold)" }
        let rows: [[String]] = stems.map { stem in
            let d = docs[stem]!
            return [stem, cell(d.persons), cell(d.organizations), cell(d.roles)]
        }
        var widths = headers.map(\.count)
        for row in rows { for (i, v) in row.enumerated() { widths[i] = max(widths[i], v.count) } }
        func line(_ row: [String]) -> String {
            row.enumerated().map { i, v in
                let pad = String(repeating: " ", count: widths[i] - v.count)
                return i == 0 ? v + pad : pad + v
            }.joined(separator: "  ")
            .replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
        return [line(headers)] + rows.map(line)
    }

    /// The text report: the per-article table, a blank line, then score.py's five lines.
    public func renderText(includeDocuments: Bool = true) -> String {
        var lines: [String] = []
        if includeDocuments {
            lines += documentTableLines
            lines.append("")
        }
        lines += summaryLines
        return lines.joined(separator: "\n") + "\n"
    }

    /// The JSON report (sorted keys, pretty-printed, UTF-8 kept as is), newline-terminated.
    public func renderJSON() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }
}

/// Python's `f"{x:.3f}"` (both round the exact binary value correctly).
func f3(_ x: Double) -> String { String(format: "%.3f", x) }

/// Python's `repr(float)` / `str(float)`: shortest round-trip digits, fixed notation when the
/// decimal exponent is in (-4, 16], else `d.ddde±XX`; always a `.0` for integral values.
public func pythonFloatRepr(_ x: Double) -> String {
    if x.isNaN { return "nan" }
    if x.isInfinite { return x < 0 ? "-inf" : "inf" }
    if x == 0 { return x.sign == .minus ? "-0.0" : "0.0" }
    // Swift's description gives the same shortest digits; only the layout differs.
    var text = x.magnitude.description
    var exp10 = 0
    if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
        exp10 = Int(text[text.index(after: e)...])!
        text = String(text[..<e])
    }
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    let intPart = String(parts[0]), fracPart = parts.count > 1 ? String(parts[1]) : ""
    var digits = intPart + fracPart
    var decpt = intPart.count + exp10          // value = 0.digits × 10^decpt
    while digits.hasPrefix("0") { digits.removeFirst(); decpt -= 1 }
    while digits.hasSuffix("0") { digits.removeLast() }
    if digits.isEmpty { digits = "0" }
    let sign = x < 0 ? "-" : ""
    if decpt <= -4 || decpt > 16 {
        let e = decpt - 1
        let mant = digits.count > 1 ? "\(digits.first!).\(digits.dropFirst())" : digits
        let es = e < 0 ? "-" : "+"
        let ed = String(abs(e))
        return sign + mant + "e" + es + (ed.count < 2 ? "0" + ed : ed)
    }
    if decpt <= 0 {
        return sign + "0." + String(repeating: "0", count: -decpt) + digits
    }
    if decpt >= digits.count {
        return sign + digits + String(repeating: "0", count: decpt - digits.count) + ".0"
    }
    let i = digits.index(digits.startIndex, offsetBy: decpt)
    return sign + digits[..<i] + "." + digits[i...]
}

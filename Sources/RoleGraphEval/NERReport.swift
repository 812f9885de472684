import Foundation

/// The result of ``NERScorer/score(_:predictions:)``: tp/predicted/gold and P/R/F1 per type and
/// micro-averaged.
///
/// JSON (sorted keys): `{"documents": n, "types": {"LOC": {"f1", "gold", "p", "predicted", "r",
/// "tp"}, "MISC": …, "ORG": …, "PER": …}, "micro": {…}, "micro_all": {…}}`; each score object has
/// the shape of the `--gold` report's categories.
public struct NERReport: Codable, Sendable, Equatable {
    /// Documents scored.
    public var documents: Int
    /// Per type, keyed by `PER`, `ORG`, `LOC`, `MISC`; every type is present, even with no gold.
    public var types: [String: EvaluationReport.Score]
    /// Micro average over PER, ORG and LOC, the types rolegraph predicts.
    public var micro: EvaluationReport.Score
    /// Micro average over every type, MISC included.
    public var microAll: EvaluationReport.Score

    enum CodingKeys: String, CodingKey {
        case documents, types, micro
        case microAll = "micro_all"
    }

    public init(documents: Int, counts: [NERType: EvaluationReport.Counts]) {
        self.documents = documents
        func sum(_ types: [NERType]) -> EvaluationReport.Counts {
            types.reduce(into: EvaluationReport.Counts()) { acc, t in
                let c = counts[t] ?? .init()
                acc.tp += c.tp; acc.predicted += c.predicted; acc.gold += c.gold
            }
        }
        types = Dictionary(uniqueKeysWithValues: NERType.allCases.map { ($0.rawValue, EvaluationReport.Score(counts[$0] ?? .init())) })
        micro = EvaluationReport.Score(sum(NERType.predicted))
        microAll = EvaluationReport.Score(sum(NERType.allCases))
    }

    /// The score of one type.
    public subscript(type: NERType) -> EvaluationReport.Score { types[type.rawValue]! }
}

// MARK: - Renderings

extension NERReport {
    /// A table, one row per type then the two averages, and a last summary line
    /// (`NER micro P x R y F1 z`) for scripts to grep:
    ///
    /// ```
    /// documents 22
    /// type         P      R     F1    tp  pred  gold
    /// PER      0.900  0.500  0.643   160   178   320
    /// …
    /// ```
    public func renderText() -> String {
        let headers = ["type", "P", "R", "F1", "tp", "pred", "gold"]
        func row(_ name: String, _ s: EvaluationReport.Score) -> [String] {
            [name, f3(s.p), f3(s.r), f3(s.f1), "\(s.tp)", "\(s.predicted)", "\(s.gold)"]
        }
        var rows = NERType.allCases.map { row($0.rawValue, self[$0]) }
        rows.append(row("micro", micro))
        rows.append(row("micro+MISC", microAll))
        var widths = headers.map(\.count)
        for r in rows { for (i, v) in r.enumerated() { widths[i] = max(widths[i], v.count) } }
        func line(_ r: [String]) -> String {
            r.enumerated().map { i, v in
                let pad = String(repeating: " ", count: widths[i] - v.count)
                return i == 0 ? v + pad : pad + v
            }.joined(separator: "  ")
        }
        var lines = ["documents \(documents)", line(headers)] + rows.map(line)
        lines.append("micro is over PER, ORG, LOC (rolegraph predicts no MISC); micro+MISC also counts the MISC gold")
        lines.append("NER micro P \(f3(micro.p)) R \(f3(micro.r)) F1 \(f3(micro.f1))")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The JSON report (sorted keys, pretty-printed, UTF-8 kept as is), newline-terminated.
    public func renderJSON() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }
}

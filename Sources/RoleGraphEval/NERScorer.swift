import RoleGraphDocument

/// Exact-span NER scoring of rolegraph against a benchmark, as the CoNLL/VLSP shared tasks score.
///
/// Match semantics:
/// - A prediction is a true positive when a gold span has the same `start`, the same `end` and the
///   same type. Nothing partial counts: gold `PER "Nguyễn Hữu Lộc"` [202, 216) is missed both by
///   `PER "Hữu Lộc"` [209, 216) (one false positive, one false negative) and by `ORG "Nguyễn Hữu Lộc"`
///   [202, 216) (a false positive for ORG, a false negative for PER).
/// - Gold spans are scored as the file gives them. The VLSP 2018 JSONL holds top-level entities
///   only and ``CoNLLReader`` reads only the level-1 NER column, so a nested gold entity (the LOC in
///   `Viện KSND tỉnh Nghệ An`) is never a target: rolegraph predicting `tỉnh Nghệ An` as LOC there is
///   a false positive, and predicting the whole ORG is a hit.
/// - Predictions are the person/organization/location mentions of the extracted document, each
///   (start, end, type) once; titles are not scored.
/// - MISC: rolegraph has no such type. Gold MISC spans get their own row (recall 0) and are left out
///   of `micro` (PER+ORG+LOC, the figure to read for this system); `microAll` adds them, the figure
///   comparable with papers that average over all four VLSP types.
/// - P, R and F1 follow ``Evaluator/prf(tp:predicted:gold:)``, the project's one convention.
public enum NERScorer {
    /// Scores predicted spans, keyed by document id, against the documents' gold spans; a
    /// document without predictions counts as predicting nothing.
    /// - Complexity: O(spans) with hashing.
    public static func score(_ documents: [NERDocument], predictions: [String: [NERSpan]]) -> NERReport {
        var counts: [NERType: EvaluationReport.Counts] = [:]
        for t in NERType.allCases { counts[t] = .init() }
        for doc in documents {
            let gold = Set(doc.entities)
            let predicted = Set(predictions[doc.id] ?? [])
            for span in gold { counts[span.type]!.gold += 1 }
            for span in predicted {
                counts[span.type]!.predicted += 1
                if gold.contains(span) { counts[span.type]!.tp += 1 }
            }
        }
        return NERReport(documents: documents.count, counts: counts)
    }

    /// Extracts every document with `extractor` and scores it.
    /// - Complexity: one extraction per document; the 241 VLSP 2018 test documents (1.1 M
    ///   characters) take about 0.2 s in a release build and 2 s in a debug build.
    public static func evaluate(_ documents: [NERDocument], extractor: Extractor = .shared) -> NERReport {
        var predictions: [String: [NERSpan]] = [:]
        for doc in documents {
            predictions[doc.id] = NERPrediction.spans(extracting: doc, with: extractor)
        }
        return score(documents, predictions: predictions)
    }

    /// The documents whose id is in `ids`, in file order, and the ids that match no document
    /// (sorted), so that a caller can report a subset list that does not fit the file.
    public static func restrict(_ documents: [NERDocument], to ids: Set<String>) -> (documents: [NERDocument], unknown: [String]) {
        let kept = documents.filter { ids.contains($0.id) }
        let found = Set(kept.map(\.id))
        return (kept, ids.subtracting(found).sorted())
    }
}

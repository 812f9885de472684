import Foundation
import RoleGraphDocument

/// Scoring as `shared/tools/score.py` does it, step for step, so that `rolegraph eval` and the
/// reference scorer print the same figures on the same predictions.
public enum Evaluator {
    /// Scores every gold document against its prediction (a missing prediction counts as empty);
    /// predictions without a gold document are ignored. Totals are micro-averaged over documents.
    public static func evaluate(gold: [String: GoldDocument], predictions: [String: Document]) -> EvaluationReport {
        var totals = [EvaluationReport.Counts](repeating: .init(), count: 3)
        var statusCorrect = 0, statusMatched = 0
        var docs: [String: EvaluationReport.DocumentCounts] = [:]
        // score.py walks sorted(os.listdir(gold_dir)); the order changes no total, but keep it.
        for stem in gold.keys.sorted(by: { ScoreKey(raw: $0) < ScoreKey(raw: $1) }) {
            let result = score(gold: gold[stem]!, prediction: predictions[stem])
            let counts = [result.counts.persons, result.counts.organizations, result.counts.roles]
            for k in 0..<3 {
                totals[k].tp += counts[k].tp
                totals[k].predicted += counts[k].predicted
                totals[k].gold += counts[k].gold
            }
            statusCorrect += result.statusCorrect
            statusMatched += result.statusMatched
            docs[stem] = result.counts
        }
        let total = EvaluationReport.Totals(
            persons: .init(totals[0]), organizations: .init(totals[1]), roles: .init(totals[2]),
            statusAccuracy: statusMatched > 0 ? Double(statusCorrect) / Double(statusMatched) : nil,
            statusCorrect: statusCorrect, statusMatched: statusMatched)
        return EvaluationReport(total: total, docs: docs)
    }

    /// The figures of one document.
    public struct DocumentResult: Sendable, Equatable {
        public var counts: EvaluationReport.DocumentCounts
        /// Matched role pairs whose statuses agree, and matched role pairs.
        public var statusCorrect: Int
        public var statusMatched: Int
    }

    /// One document, as score.py's loop body: `gold_sets`, `pred_sets`, three matchings, status.
    public static func score(gold: GoldDocument, prediction: Document?) -> DocumentResult {
        let g = GoldSets(gold)
        let p = prediction.map(PredictedSets.init) ?? PredictedSets()
        let tp1 = match(gold: g.persons, pred: p.persons) { $0.contains($1) }.tp
        let tp2 = match(gold: g.organizations, pred: p.organizations) { $0.contains($1) }.tp
        let (tp3, pairs) = match(gold: g.roles, pred: p.roles) { g, p in
            g.person.contains(p.person) && g.title.contains(p.title) && g.organization.contains(p.organization)
        }
        var ok = 0
        for (gi, pi) in pairs {
            if let gs = g.roles[gi].status, ScoreKey(raw: gs) == p.roles[pi].status { ok += 1 }
        }
        let counts = EvaluationReport.DocumentCounts(
            persons: .init(tp: tp1, predicted: p.persons.count, gold: g.persons.count),
            organizations: .init(tp: tp2, predicted: p.organizations.count, gold: g.organizations.count),
            roles: .init(tp: tp3, predicted: p.roles.count, gold: g.roles.count))
        return DocumentResult(counts: counts, statusCorrect: ok, statusMatched: pairs.count)
    }

    /// score.py's `prf`: precision 1 when nothing was predicted and nothing was to be found
    /// (0 when something was), recall 1 when nothing was to be found, F1 0 when P + R is 0.
    public static func prf(tp: Int, predicted: Int, gold: Int) -> (p: Double, r: Double, f1: Double) {
        let p = predicted != 0 ? Double(tp) / Double(predicted) : (gold == 0 ? 1.0 : 0.0)
        let r = gold != 0 ? Double(tp) / Double(gold) : 1.0
        let f = (p + r) != 0 ? 2 * p * r / (p + r) : 0.0
        return (p, r, f)
    }

    /// score.py's `match`: maximum one-to-one matching by augmenting paths, predictions taken in
    /// order, each trying its gold candidates in gold order. Returns the size and the
    /// (gold index, prediction index) pairs.
    static func match<G, P>(gold: [G], pred: [P], eq: (G, P) -> Bool) -> (tp: Int, pairs: [(Int, Int)]) {
        let adj: [[Int]] = pred.map { p in gold.indices.filter { eq(gold[$0], p) } }
        var owner: [Int: Int] = [:]      // gold index -> pred index
        var order: [Int] = []            // gold indices in the order they were first owned
        func augment(_ j: Int, _ seen: inout Set<Int>) -> Bool {
            for i in adj[j] {
                if seen.contains(i) { continue }
                seen.insert(i)
                if let o = owner[i] {
                    if !augment(o, &seen) { continue }
                } else {
                    order.append(i)
                }
                owner[i] = j
                return true
            }
            return false
        }
        for j in pred.indices {
            var seen = Set<Int>()
            _ = augment(j, &seen)
        }
        let pairs = order.map { ($0, owner[$0]!) }
        return (pairs.count, pairs)
    }
}

/// score.py's `gold_sets`: each gold item as the set of its normalised name and variants.
struct GoldSets {
    struct Role {
        var person: Set<ScoreKey>
        var title: Set<ScoreKey>
        var organization: Set<ScoreKey>
        var status: String?
    }

    var persons: [Set<ScoreKey>]
    var organizations: [Set<ScoreKey>]
    var roles: [Role]

    init(_ g: GoldDocument) {
        func entitySet(_ e: GoldDocument.Entity) -> Set<ScoreKey> {
            Set([ScoreNormalizer.key(e.name)] + e.variants.map { ScoreNormalizer.key($0) })
        }
        persons = g.persons.map(entitySet)
        organizations = g.organizations.map(entitySet)
        // dict comprehension: a later item with the same normalised name wins.
        var pkey: [ScoreKey: Set<ScoreKey>] = [:]
        for (p, s) in zip(g.persons, persons) { pkey[ScoreNormalizer.key(p.name)] = s }
        var okey: [ScoreKey: Set<ScoreKey>] = [:]
        for (o, s) in zip(g.organizations, organizations) { okey[ScoreNormalizer.key(o.name)] = s }
        roles = g.roles.map { r in
            let pk = ScoreNormalizer.key(r.person), ok = ScoreNormalizer.key(r.organization)
            return Role(person: pkey[pk] ?? [pk], title: [ScoreNormalizer.key(r.title)],
                        organization: okey[ok] ?? [ok], status: r.status)
        }
    }
}

/// score.py's `pred_sets`: sorted sets of normalised names and of role tuples.
struct PredictedSets {
    struct Role: Hashable, Comparable {
        var person: ScoreKey
        var title: ScoreKey
        var organization: ScoreKey
        var status: ScoreKey   // raw, not normalised

        static func < (a: Role, b: Role) -> Bool {
            if a.person != b.person { return a.person < b.person }
            if a.title != b.title { return a.title < b.title }
            if a.organization != b.organization { return a.organization < b.organization }
            return a.status < b.status
        }
    }

    var persons: [ScoreKey] = []
    var organizations: [ScoreKey] = []
    var roles: [Role] = []

    init() {}

    init(_ d: Document) {
        persons = Set(d.persons.map { ScoreNormalizer.key($0.name) }).sorted()
        organizations = Set(d.organizations.map { ScoreNormalizer.key($0.name) }).sorted()
        // `pid.get(p, p)`: ids resolve to names, an unknown id is taken as a name; last id wins.
        var pid: [ScoreKey: String] = [:]
        for p in d.persons { pid[ScoreKey(raw: p.id)] = p.name }
        var oid: [ScoreKey: String] = [:]
        for o in d.organizations { oid[ScoreKey(raw: o.id)] = o.name }
        roles = Set(d.roles.map { r in
            Role(person: ScoreNormalizer.key(pid[ScoreKey(raw: r.person)] ?? r.person),
                 title: ScoreNormalizer.key(r.title),
                 organization: ScoreNormalizer.key(oid[ScoreKey(raw: r.organization)] ?? r.organization),
                 status: ScoreKey(raw: r.status.rawValue))
        }).sorted()
    }
}

import Foundation
import RoleGraphDocument

/// The JSON of `rolegraph diff --format json` (`docs/output-contract.md`, schema `rolegraph.diff/1`).
///
/// Keys of the contract: `op`, `person`, `title`, `organization`, `status`, `evidence`. Added keys, present
/// only when they say something: `previous_status` (OLD's status of a role), `parent`/`previous_parent`
/// (`org_reparented`), `renamed_from` (the organisation of OLD that a rename matched), `candidates`
/// (same folded name on the other side). `evidence` is `{document, date, start, end, status, text}`:
/// the statement that decides the role's status, `text` being the phrase when the graph kept it.
/// Keys are sorted and the change list is in contract order, so the bytes are the same on every run.
extension RoleGraphDiff {
    public func jsonData(pretty: Bool = true) throws -> Data {
        var data = try Document.encoder(pretty: pretty).encode(JSONForm(self))
        data.append(0x0A)
        return data
    }
}

struct JSONForm: Encodable {
    var schema = RoleGraphDiff.schema
    var from: SideForm
    var to: SideForm
    var changes: [ChangeForm]

    init(_ diff: RoleGraphDiff) {
        from = SideForm(diff.from)
        to = SideForm(diff.to)
        changes = diff.changes.map(ChangeForm.init)
    }

    struct SideForm: Encodable {
        var side: RoleGraphDiff.Side
        init(_ side: RoleGraphDiff.Side) { self.side = side }
        enum CodingKeys: String, CodingKey { case documents, date }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(side.documents, forKey: .documents)
            try c.encode(side.date, forKey: .date)  // null when no document had a date
        }
    }

    struct EvidenceForm: Encodable {
        var evidence: RoleChange.Evidence
        enum CodingKeys: String, CodingKey { case document, date, start, end, status, text }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(evidence.document, forKey: .document)
            try c.encode(evidence.date, forKey: .date)
            try c.encode(evidence.start, forKey: .start)
            try c.encode(evidence.end, forKey: .end)
            try c.encode(evidence.status, forKey: .status)
            try c.encodeIfPresent(evidence.text, forKey: .text)
        }
    }

    struct ChangeForm: Encodable {
        var change: RoleChange
        init(_ change: RoleChange) { self.change = change }
        enum CodingKeys: String, CodingKey {
            case op, person, title, organization, status, evidence, parent, candidates
            case previousStatus = "previous_status", previousParent = "previous_parent", renamedFrom = "renamed_from"
        }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(change.op.rawValue, forKey: .op)
            try c.encodeIfPresent(change.person, forKey: .person)
            try c.encodeIfPresent(change.title, forKey: .title)
            try c.encodeIfPresent(change.organization, forKey: .organization)
            try c.encodeIfPresent(change.status, forKey: .status)
            try c.encodeIfPresent(change.previousStatus, forKey: .previousStatus)
            try c.encodeIfPresent(change.evidence.map(EvidenceForm.init), forKey: .evidence)
            try c.encodeIfPresent(change.parent, forKey: .parent)
            try c.encodeIfPresent(change.previousParent, forKey: .previousParent)
            if !change.renamedFrom.isEmpty { try c.encode(change.renamedFrom, forKey: .renamedFrom) }
            if !change.candidates.isEmpty { try c.encode(change.candidates, forKey: .candidates) }
        }
    }
}

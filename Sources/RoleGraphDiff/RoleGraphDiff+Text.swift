/// The readable summary of `rolegraph diff` (its default output).
///
/// ```
/// baomoi-22211163 (2017-05-07) → baomoi-22246202 (2017-05-11): 3 changes
///
/// Đinh La Thăng
///   + Phó Trưởng ban, Ban Kinh tế Trung ương: appointed  [baomoi-22246202 "Phó ban Kinh tế Trung ương"]
///   × Bí thư, Thành ủy Thành phố Hồ Chí Minh: current → ended  [baomoi-22246202 "…"]
///   ? Ủy viên, Bộ Chính trị: not observed (was current)
/// ```
///
/// One block per person in the changes' order, organisation changes first under `Organisations`.
/// Marks: `+` added, `×` ended, `?` not observed, `~` status changed, `^` reparented.
extension RoleGraphDiff {
    public func text() -> String {
        var out = "\(Self.describe(from)) → \(Self.describe(to)): "
        out += changes.isEmpty ? "no changes\n" : "\(changes.count) change\(changes.count == 1 ? "" : "s") (\(tally()))\n"
        var heading: String?? = .none
        for change in changes {
            let block: String? = change.person
            if heading != .some(block) {
                heading = .some(block)
                out += "\n\(block ?? "Organisations")\n"
            }
            out += "  \(Self.line(change))\n"
        }
        return out
    }

    /// `3 role_added, 1 role_ended`: counts per op, in op order.
    func tally() -> String {
        var counts: [RoleChange.Op: Int] = [:]
        for change in changes { counts[change.op, default: 0] += 1 }
        return RoleChange.Op.allCases.compactMap { op in counts[op].map { "\($0) \(op.rawValue)" } }.joined(separator: ", ")
    }

    static func describe(_ side: Side) -> String {
        let documents: String
        switch side.documents.count {
        case 0: documents = "(no roles)"
        case 1: documents = side.documents[0]
        default: documents = "\(side.documents.count) documents"
        }
        return side.date.map { "\(documents) (\($0))" } ?? documents
    }

    static func line(_ change: RoleChange) -> String {
        let post = [change.title, change.organization].compactMap { $0 }.joined(separator: ", ")
        var text: String
        switch change.op {
        case .personAdded: text = "+ person first seen"
        case .personNotObserved: text = "? person not observed"
        case .roleAdded: text = "+ \(post): \(change.status?.rawValue ?? "")"
        case .roleEnded:
            text = "× \(post): " + (change.previousStatus.map { "\($0.rawValue) → " } ?? "") + (change.status?.rawValue ?? "ended")
        case .roleNotObserved: text = "? \(post): not observed" + (change.previousStatus.map { " (was \($0.rawValue))" } ?? "")
        case .roleStatusChanged: text = "~ \(post): \(change.previousStatus?.rawValue ?? "") → \(change.status?.rawValue ?? "")"
        case .orgAdded: text = "+ \(post)"
        case .orgNotObserved: text = "? \(post): not observed"
        case .orgReparented: text = "^ \(post): parent \(change.previousParent ?? "") → \(change.parent ?? "")"
        }
        if !change.renamedFrom.isEmpty { text += " (renamed from \(change.renamedFrom.joined(separator: ", ")))" }
        if !change.candidates.isEmpty { text += " (same letters as \(change.candidates.joined(separator: ", ")))" }
        if change.op != .roleNotObserved, let evidence = change.evidence {
            text += "  [\(evidence.document)" + (evidence.text.map { " \"\($0)\"" } ?? "") + "]"
        }
        return text
    }
}

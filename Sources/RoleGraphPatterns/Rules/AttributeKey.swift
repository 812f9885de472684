extension RuleItem {
    /// An attribute name as ``Facts/attribute(_:)`` reads it: the names the coded forms of ``Facts`` answer
    /// without a dictionary (`kind`, `shape`, `organization`, …) as a code, worked out once when a rule set is
    /// compiled, so that reading an attribute per item is a switch on two small codes instead of a string
    /// comparison per name a coded form knows. `name` is kept for the dictionary forms.
    struct AttributeKey: Sendable {
        enum Code: UInt8, Sendable { case kind, shape, organization, head, rule, short, ongoing, id, other }
        let name: String
        let code: Code

        /// `kind` and `shape`, which ``RuleItem/kindCode`` and ``RuleItem/shapeCode`` read, and `ongoing`,
        /// which ``RuleStream`` records.
        static let kind = AttributeKey(name: "kind", code: .kind)
        static let shape = AttributeKey(name: "shape", code: .shape)
        static let ongoing = AttributeKey(name: "ongoing", code: .ongoing)

        private init(name: String, code: Code) {
            self.name = name
            self.code = code
        }

        init(_ name: String) {
            self.name = name
            switch name {
            case "kind": code = .kind
            case "shape": code = .shape
            case "organization": code = .organization
            case "head": code = .head
            case "rule": code = .rule
            case "short": code = .short
            case "ongoing": code = .ongoing
            case "id": code = .id
            default: code = .other
            }
        }
    }
}

extension RuleItem.Facts {
    /// `dictionary[key.name]`, without building the dictionary: the one reading of an attribute
    /// (``attribute(_:)-(String)`` parses the name and comes here).
    @inline(__always)
    func attribute(_ key: RuleItem.AttributeKey) -> String? {
        switch self {
        case .none: return nil
        case .token(let kind, let shape):
            switch key.code {
            case .kind: return RuleItem.kindNames[Int(kind)]
            case .shape: return RuleItem.shapeNames[Int(shape)]
            default: return nil
            }
        case .dictionary(let attributes): return attributes[key.name]
        case .position(let organization, let head):
            switch key.code {
            case .organization: return RuleItem.organizationNames[Int(organization)]
            case .head: return head
            default: return nil
            }
        case .phrase(let rule, let short):
            switch key.code {
            case .rule: return rule
            case .short: return short == 0 ? nil : short == 2 ? "yes" : "no"
            default: return nil
            }
        case .period(let ongoing): return key.code == .ongoing ? (ongoing ? "yes" : "no") : nil
        case .entry(let attributes, let id, _): return key.code == .id ? id : attributes[key.name]
        }
    }
}

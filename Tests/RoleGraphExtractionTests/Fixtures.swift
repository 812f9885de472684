import Foundation
import RoleGraphDocument
import RoleGraphText

/// Paths and helpers shared by the extraction tests.
enum Fixtures {
    /// The package root, found from this file's path.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let seed = root.appendingPathComponent("seeds/000_5c63e9f1b32982bc.txt")
    static let golden = root.appendingPathComponent("Tests/RoleGraphExtractionTests/Golden")
    static let shared = root.deletingLastPathComponent().appendingPathComponent("shared")

    static func seedText() throws -> String { try String(contentsOf: seed, encoding: .utf8) }

    static func extract(_ text: String, id: String = "test", date: String? = nil) -> Document {
        Extractor.shared.extract(SourceText(text), id: id, source: nil, date: date)
    }

    /// Roles as readable triples `person | title | organisation | status`, sorted.
    static func roles(_ document: Document) -> [String] {
        let persons = Dictionary(uniqueKeysWithValues: document.persons.map { ($0.id, $0.name) })
        let orgs = Dictionary(uniqueKeysWithValues: document.organizations.map { ($0.id, $0.name) })
        return document.roles.map { "\(persons[$0.person]!) | \($0.title) | \(orgs[$0.organization]!) | \($0.status.rawValue)" }.sorted()
    }

    /// Writes a copy of the text with old-style tone placement (`ủy` → `uỷ`, `hóa` → `hoá`).
    static func oldStyle(_ text: String) -> String {
        var out = text
        for (new, old) in [("Ủy", "Uỷ"), ("ủy", "uỷ"), ("hóa", "hoá"), ("hòa", "hoà"), ("Hòa", "Hoà"), ("khỏe", "khoẻ"), ("thủy", "thuỷ")] {
            out = out.replacingOccurrences(of: new, with: old)
        }
        return out
    }
}

import Foundation

/// One gold file (`shared/data/gold/<set>/<doc>.json`, `shared/docs/annotation-guide.md`).
///
/// Decoding is as lenient as score.py's reading: missing lists are empty, missing `variants` are
/// empty, a missing role `status` is `current`, `null` strings read as empty (a `null` status stays
/// `nil` and then never agrees with a prediction, as in score.py).
public struct GoldDocument: Decodable, Sendable, Equatable {
    public struct Entity: Decodable, Sendable, Equatable {
        public var name: String
        public var variants: [String]

        public init(name: String, variants: [String] = []) {
            self.name = name; self.variants = variants
        }

        enum CodingKeys: String, CodingKey { case name, variants }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            name = try c.decodeIfPresent(String.self, forKey: .name) ?? ""
            variants = try c.decodeIfPresent([String].self, forKey: .variants) ?? []
        }
    }

    public struct Role: Decodable, Sendable, Equatable {
        public var person: String
        public var title: String
        public var organization: String
        /// `current` when the file omits it; `nil` only for an explicit JSON `null`.
        public var status: String?
        public var evidence: String?

        public init(person: String, title: String, organization: String,
                    status: String? = "current", evidence: String? = nil) {
            self.person = person; self.title = title; self.organization = organization
            self.status = status; self.evidence = evidence
        }

        enum CodingKeys: String, CodingKey { case person, title, organization, status, evidence }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            person = try c.decodeIfPresent(String.self, forKey: .person) ?? ""
            title = try c.decodeIfPresent(String.self, forKey: .title) ?? ""
            organization = try c.decodeIfPresent(String.self, forKey: .organization) ?? ""
            status = c.contains(.status) ? try c.decodeIfPresent(String.self, forKey: .status) : "current"
            evidence = try c.decodeIfPresent(String.self, forKey: .evidence)
        }
    }

    public var doc: String?
    public var date: String?
    public var persons: [Entity]
    public var organizations: [Entity]
    public var roles: [Role]

    public init(doc: String? = nil, date: String? = nil, persons: [Entity] = [],
                organizations: [Entity] = [], roles: [Role] = []) {
        self.doc = doc; self.date = date
        self.persons = persons; self.organizations = organizations; self.roles = roles
    }

    enum CodingKeys: String, CodingKey { case doc, date, persons, organizations, roles }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        doc = try c.decodeIfPresent(String.self, forKey: .doc)
        date = try c.decodeIfPresent(String.self, forKey: .date)
        persons = try c.decodeIfPresent([Entity].self, forKey: .persons) ?? []
        organizations = try c.decodeIfPresent([Entity].self, forKey: .organizations) ?? []
        roles = try c.decodeIfPresent([Role].self, forKey: .roles) ?? []
    }
}

/// Reading a folder of gold files.
public enum GoldSet {
    public struct LoadError: Error, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "\(path): \(reason)" }
    }

    /// Every `*.json` file directly inside `directory`, keyed by file stem (`baomoi-21482121`);
    /// other files (`NOTES-A.md`, `README.md`) are ignored. Throws on an unreadable folder or
    /// a `.json` file that is not a gold document.
    public static func load(directory: String) throws -> [String: GoldDocument] {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: directory, isDirectory: &isDir), isDir.boolValue else {
            throw LoadError(path: directory, reason: "not a directory")
        }
        let names: [String]
        do {
            names = try fm.contentsOfDirectory(atPath: directory)
        } catch {
            throw LoadError(path: directory, reason: "cannot list: \(error.localizedDescription)")
        }
        let base = URL(fileURLWithPath: directory, isDirectory: true)
        var result: [String: GoldDocument] = [:]
        for name in names.sorted() where name.hasSuffix(".json") {
            let url = base.appendingPathComponent(name)
            let stem = String(name.dropLast(".json".count))
            let data: Data
            do {
                data = try Data(contentsOf: url)
            } catch {
                throw LoadError(path: url.path, reason: "cannot read: \(error.localizedDescription)")
            }
            do {
                result[stem] = try JSONDecoder().decode(GoldDocument.self, from: data)
            } catch {
                throw LoadError(path: url.path, reason: "not a gold document: \(error)")
            }
        }
        return result
    }
}

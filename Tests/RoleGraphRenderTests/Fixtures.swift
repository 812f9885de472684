import Foundation
import RoleGraphDocument
import RoleGraphGraph

/// Hand-written documents for the render tests.
///
/// `seed` holds the real facts of `seeds/000_5c63e9f1b32982bc.txt` (Baonghean.vn, 2021-04-24), with the
/// article's own scalar and UTF-8 offsets, annotated per `annotation-guide.md`. The other documents are
/// synthetic (placeholder names `Nguyễn Văn A`, `Trần Thị B`, `Lê Văn C`): they exercise nested clusters
/// with posts and the `appointed` / `former` / `ended` statuses, which the seed article does not state.
enum Fixtures {
    static func mention(_ id: String, _ type: Document.Mention.Kind, _ start: Int, _ end: Int,
                        _ utf8Start: Int, _ utf8End: Int, _ text: String, _ entity: String? = nil,
                        rule: String = "test") -> Document.Mention {
        .init(id: id, type: type, start: start, end: end, utf8Start: utf8Start, utf8End: utf8End,
              text: text, entity: entity, rule: rule)
    }

    /// `seeds/000_5c63e9f1b32982bc.txt`.
    static let seed = Document(
        id: "000_5c63e9f1b32982bc",
        source: "seeds/000_5c63e9f1b32982bc.txt",
        date: "2021-04-24",
        mentions: [
            mention("m1", .location, 82, 89, 111, 120, "Nghệ An", "l1"),
            mention("m2", .person, 246, 260, 323, 343, "Huỳnh Tấn Việt", "p1"),
            mention("m3", .title, 263, 286, 346, 377, "Ủy viên Trung ương Đảng"),
            mention("m4", .title, 288, 294, 379, 387, "Bí thư"),
            mention("m5", .organization, 295, 330, 388, 434, "Đảng ủy Khối các cơ quan Trung ương", "o2"),
            mention("m6", .person, 1304, 1320, 1744, 1765, "Nguyễn Hữu Nghĩa", "p2"),
            mention("m7", .title, 1348, 1358, 1801, 1815, "Phó trưởng"),
            mention("m8", .organization, 1359, 1381, 1816, 1842, "Ban Kinh tế Trung ương", "o3"),
            mention("m9", .person, 2149, 2166, 2883, 2907, "Nguyễn Mạnh Cường", "p3"),
            mention("m10", .organization, 2205, 2229, 2958, 2989, "Ban Đối ngoại Trung ương", "o4"),
            mention("m11", .person, 3714, 3729, 4980, 4998, "Phạm Minh Chính", "p4"),
            mention("m12", .title, 3732, 3752, 5001, 5029, "Ủy viên Bộ Chính trị"),
            mention("m13", .title, 3754, 3764, 5031, 5044, "Trưởng ban"),
            mention("m14", .organization, 3765, 3783, 5045, 5069, "Tổ chức Trung ương", "o6"),
            mention("m15", .organization, 4376, 4403, 5870, 5907, "Ban Tổ chức Tỉnh ủy Nghệ An", "o7"),
        ],
        persons: [
            .init(id: "p1", name: "Huỳnh Tấn Việt", mentions: ["m2"]),
            .init(id: "p2", name: "Nguyễn Hữu Nghĩa", mentions: ["m6"]),
            .init(id: "p3", name: "Nguyễn Mạnh Cường", mentions: ["m9"]),
            .init(id: "p4", name: "Phạm Minh Chính", mentions: ["m11"]),
        ],
        organizations: [
            .init(id: "o1", name: "Ban Chấp hành Trung ương Đảng", aliases: ["Trung ương Đảng"], parent: nil, mentions: []),
            .init(id: "o2", name: "Đảng ủy Khối các cơ quan Trung ương", aliases: ["Đảng ủy Khối"], parent: nil, mentions: ["m5"]),
            .init(id: "o3", name: "Ban Kinh tế Trung ương", aliases: [], parent: nil, mentions: ["m8"]),
            .init(id: "o4", name: "Ban Đối ngoại Trung ương", aliases: [], parent: nil, mentions: ["m10"]),
            .init(id: "o5", name: "Bộ Chính trị", aliases: [], parent: nil, mentions: []),
            .init(id: "o6", name: "Ban Tổ chức Trung ương", aliases: [], parent: nil, mentions: ["m14"]),
            .init(id: "o7", name: "Ban Tổ chức Tỉnh ủy Nghệ An", aliases: [], parent: "o8", mentions: ["m15"]),
            .init(id: "o8", name: "Tỉnh ủy Nghệ An", aliases: [], parent: nil, mentions: []),
        ],
        locations: [.init(id: "l1", name: "Nghệ An", mentions: ["m1"])],
        roles: [
            .init(person: "p1", title: "Ủy viên", organization: "o1", status: .current, mentions: ["m3"],
                  evidence: "Ủy viên Trung ương Đảng"),
            .init(person: "p1", title: "Bí thư", organization: "o2", status: .current, mentions: ["m4", "m5"],
                  evidence: "Bí thư Đảng ủy Khối các cơ quan Trung ương"),
            .init(person: "p2", title: "Ủy viên", organization: "o1", status: .current, mentions: [],
                  evidence: "Ủy viên Trung ương Đảng"),
            .init(person: "p2", title: "Phó Trưởng ban", organization: "o3", status: .current, mentions: ["m7", "m8"],
                  evidence: "Phó trưởng Ban Kinh tế Trung ương"),
            .init(person: "p3", title: "Ủy viên", organization: "o1", status: .current, mentions: [],
                  evidence: "Ủy viên Trung ương Đảng"),
            .init(person: "p3", title: "Phó Trưởng ban", organization: "o4", status: .current, mentions: ["m10"],
                  evidence: "Phó trưởng Ban Đối ngoại Trung ương"),
            .init(person: "p4", title: "Ủy viên", organization: "o5", status: .current, mentions: ["m12"],
                  evidence: "Ủy viên Bộ Chính trị"),
            .init(person: "p4", title: "Trưởng ban", organization: "o6", status: .current, mentions: ["m13", "m14"],
                  evidence: "Trưởng ban Tổ chức Trung ương"),
        ])

    /// Synthetic: a nested body with posts, and every status.
    static let nested = Document(
        id: "synthetic_nested",
        source: nil,
        date: "2022-01-10",
        mentions: [],
        persons: [
            .init(id: "p1", name: "Nguyễn Văn A", mentions: []),
            .init(id: "p2", name: "Trần Thị B", mentions: []),
            .init(id: "p3", name: "Lê Văn C", mentions: []),
        ],
        organizations: [
            .init(id: "o1", name: "Tỉnh ủy Nghệ An", aliases: [], parent: nil, mentions: []),
            .init(id: "o2", name: "Ban Tổ chức Tỉnh ủy Nghệ An", aliases: [], parent: "o1", mentions: []),
            .init(id: "o3", name: "Ban Thường vụ Tỉnh ủy Nghệ An", aliases: [], parent: "o1", mentions: []),
        ],
        locations: [],
        roles: [
            .init(person: "p1", title: "Trưởng ban", organization: "o2", status: .appointed, mentions: [], evidence: ""),
            .init(person: "p1", title: "Ủy viên", organization: "o3", status: .current, mentions: [], evidence: ""),
            .init(person: "p2", title: "Trưởng ban", organization: "o2", status: .ended, mentions: [], evidence: ""),
            .init(person: "p3", title: "Bí thư", organization: "o1", status: .former, mentions: [], evidence: ""),
        ])

    /// Synthetic: a later article restating the seed's role with another status and date, and
    /// giving `Đảng ủy Khối các cơ quan Trung ương` a parent.
    static let later = Document(
        id: "synthetic_later",
        source: nil,
        date: "2023-05-02",
        mentions: [],
        persons: [.init(id: "p1", name: "Huỳnh Tấn Việt", mentions: [])],
        organizations: [
            .init(id: "o1", name: "Đảng ủy Khối các cơ quan Trung ương", aliases: [], parent: "o2", mentions: []),
            .init(id: "o2", name: "Ban Chấp hành Trung ương Đảng", aliases: [], parent: nil, mentions: []),
        ],
        locations: [],
        roles: [
            .init(person: "p1", title: "Bí thư", organization: "o1", status: .former, mentions: [], evidence: ""),
        ])

    static var seedGraph: RoleGraph { RoleGraph(document: seed) }
    static var combinedGraph: RoleGraph { RoleGraph.merged([seed, nested].map(RoleGraph.init(document:))) }

    /// A real extraction frozen as document JSON in `Golden/documents/<id>.json` (written by
    /// `rolegraph extract`; refresh by hand when the contract changes, not when the extractor improves).
    static func frozenDocument(_ id: String, filePath: String = #filePath) throws -> Document {
        let name = "documents/\(id).json"
        let bundled = Bundle.module.url(forResource: "Golden", withExtension: nil)?.appendingPathComponent(name)
        let source = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Golden/\(name)")
        let url = bundled.flatMap { FileManager.default.fileExists(atPath: $0.path) ? $0 : nil } ?? source
        return try Document(jsonData: Data(contentsOf: url))
    }

    /// The repository's root (for the seed article's text).
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
}

/// What a closed-class word does for the parsers (`function-word` entries of `lexicon.tsv`, attribute
/// `role`, comma-separated): the Swift code names the roles it reads, the knowledge files say which
/// Vietnamese words play them. Example: `và` has `role=conjunction`, so `Sở Khoa học, Công nghệ và Môi
/// trường` joins its parts at `và` and `Tỉnh ủy Điện Biên và Yên Bái` coordinates two places.
///
/// The roles are inlinable computed constants, not `static let`s: a `static let` read from another module
/// is a call to its addressor and to `swift_once` (the parsers read roles at many tokens).
public struct FunctionWordRoles: OptionSet, Sendable, Hashable {
    public let rawValue: UInt16
    @inlinable public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// Joins capitalised parts of a name, coordinated places and listed terms (`và`).
    @inlinable public static var conjunction: Self { Self(rawValue: 1 << 0) }
    /// Joins a name word inside an organisation name (`các` in `Đảng ủy Khối các cơ quan Trung ương`).
    @inlinable public static var plural: Self { Self(rawValue: 1 << 1) }
    /// Names whose body an organisation is (`của` in `Đoàn Kiểm tra số 471 của Bộ Chính trị`).
    @inlinable public static var possessive: Self { Self(rawValue: 1 << 2) }
    /// Precedes a number inside a name (`số` in `Đoàn Kiểm tra số 471`).
    @inlinable public static var numberSign: Self { Self(rawValue: 1 << 3) }
    /// Precedes the event's date (`Sáng 24/4`, `chiều 6.2`).
    @inlinable public static var timeOfDay: Self { Self(rawValue: 1 << 4) }
    /// "Now": `Sáng nay (24/4)`; a period up to `nay` is ongoing (`2016 - nay:`).
    @inlinable public static var now: Self { Self(rawValue: 1 << 5) }
    /// May open a biography period (`Từ 7/2010 đến 5/2013:`, `năm 2016:`).
    @inlinable public static var periodOpener: Self { Self(rawValue: 1 << 6) }
    /// May stand inside a biography period (`từ`, `đến`, `cuối`, `đầu`, `năm`, `tháng`, `nay`).
    @inlinable public static var periodWord: Self { Self(rawValue: 1 << 7) }
    /// Heads a term after a position (`khóa XII`, `nhiệm kỳ 2015-2020`); may be several syllables.
    @inlinable public static var termHead: Self { Self(rawValue: 1 << 8) }
    /// Names the source a signed article is taken from (`Theo` in `Hiền Hạnh (Theo Dân Trí)`).
    @inlinable public static var sourceCue: Self { Self(rawValue: 1 << 9) }
    /// Opens a sentence about the past (`Trước đó, bà Trà là Chủ tịch UBND tỉnh`).
    @inlinable public static var pastAdverb: Self { Self(rawValue: 1 << 10) }
    /// States a role without an event (`là`): what a sentence's past adverb puts in the past.
    @inlinable public static var copula: Self { Self(rawValue: 1 << 11) }
    /// Dates a birth, not the article (`sinh` in `sinh năm 1960`).
    @inlinable public static var birth: Self { Self(rawValue: 1 << 12) }

    /// The attribute values, as written in the knowledge files.
    public static let names: [(String, FunctionWordRoles)] = [
        ("conjunction", .conjunction), ("plural", .plural), ("possessive", .possessive),
        ("number-sign", .numberSign), ("time-of-day", .timeOfDay), ("now", .now),
        ("period-opener", .periodOpener), ("period-word", .periodWord), ("term-head", .termHead),
        ("source-cue", .sourceCue), ("past-adverb", .pastAdverb), ("copula", .copula),
        ("birth", .birth),
    ]

    /// The roles of a `role` attribute value (`period-opener,period-word`); unknown names are ignored.
    public init(attribute: String) {
        self = []
        for name in attribute.split(separator: ",") {
            let trimmed = String(name.filter { $0 != " " })
            if let role = Self.names.first(where: { $0.0 == trimmed })?.1 { insert(role) }
        }
    }
}

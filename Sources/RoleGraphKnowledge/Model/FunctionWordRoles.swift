/// What a closed-class word does for the parsers (`function-word` entries of `lexicon.tsv`, attribute
/// `role`, comma-separated): the Swift code names the roles it reads, the knowledge files say which
/// Vietnamese words play them. Example: `và` has `role=conjunction`, so `Sở Khoa học, Công nghệ và Môi
/// trường` joins its parts at `và` and `Tỉnh ủy Điện Biên và Yên Bái` coordinates two places.
public struct FunctionWordRoles: OptionSet, Sendable, Hashable {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// Joins capitalised parts of a name, coordinated places and listed terms (`và`).
    public static let conjunction = Self(rawValue: 1 << 0)
    /// Joins a name word inside an organisation name (`các` in `Đảng ủy Khối các cơ quan Trung ương`).
    public static let plural = Self(rawValue: 1 << 1)
    /// Names whose body an organisation is (`của` in `Đoàn Kiểm tra số 471 của Bộ Chính trị`).
    public static let possessive = Self(rawValue: 1 << 2)
    /// Precedes a number inside a name (`số` in `Đoàn Kiểm tra số 471`).
    public static let numberSign = Self(rawValue: 1 << 3)
    /// Precedes the event's date (`Sáng 24/4`, `chiều 6.2`).
    public static let timeOfDay = Self(rawValue: 1 << 4)
    /// "Now": `Sáng nay (24/4)`; a period up to `nay` is ongoing (`2016 - nay:`).
    public static let now = Self(rawValue: 1 << 5)
    /// May open a biography period (`Từ 7/2010 đến 5/2013:`, `năm 2016:`).
    public static let periodOpener = Self(rawValue: 1 << 6)
    /// May stand inside a biography period (`từ`, `đến`, `cuối`, `đầu`, `năm`, `tháng`, `nay`).
    public static let periodWord = Self(rawValue: 1 << 7)
    /// Heads a term after a position (`khóa XII`, `nhiệm kỳ 2015-2020`); may be several syllables.
    public static let termHead = Self(rawValue: 1 << 8)
    /// Names the source a signed article is taken from (`Theo` in `Hiền Hạnh (Theo Dân Trí)`).
    public static let sourceCue = Self(rawValue: 1 << 9)
    /// Opens a sentence about the past (`Trước đó, bà Trà là Chủ tịch UBND tỉnh`).
    public static let pastAdverb = Self(rawValue: 1 << 10)
    /// States a role without an event (`là`): what a sentence's past adverb puts in the past.
    public static let copula = Self(rawValue: 1 << 11)
    /// Dates a birth, not the article (`sinh` in `sinh năm 1960`).
    public static let birth = Self(rawValue: 1 << 12)

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

import Testing
import RoleGraphDocument

/// One table per category of the knowledge base, each row a real sentence from the 2017 dev articles
/// and what the extractor must find in it.
@Suite struct KnowledgeCategoryTests {
    /// Every expected organisation is among those found in the sentence.
    static func expectOrganizations(_ text: String, _ expected: [String]) {
        let found = Fixtures.extract(text).organizations.map(\.name).sorted()
        for name in expected { #expect(found.contains(name), "\(name) not in \(found)") }
    }

    @Test("Party central organs", arguments: [
        ("Đồng chí Phạm Minh Chính - Ủy viên Bộ Chính trị, Trưởng ban Tổ chức Trung ương yêu cầu ngành Tổ chức xây dựng Đảng",
         ["Ban Tổ chức Trung ương", "Bộ Chính trị"]),
        ("ông Ngô Văn Tuấn, nguyên Vụ trưởng Vụ TCNH đã được điều động, bổ nhiệm giữ chức vụ Phó trưởng Ban Kinh tế Trung ương.",
         ["Ban Kinh tế Trung ương"]),
        ("trình Thường trực Đảng ủy Khối ký ban hành và gửi Văn phòng Trung ương Đảng",
         ["Thường trực Đảng ủy Khối", "Văn phòng Trung ương Đảng", "Đảng ủy Khối"]),
    ])
    func partyCentralOrgans(text: String, expected: [String]) {
        Self.expectOrganizations(text, expected)
    }

    @Test("State bodies and ministries", arguments: [
        ("tại trụ sở Bộ Tài chính, Bộ trưởng Bộ Tài chính Đinh Tiến Dũng đã trao Quyết định số 234/QĐ-BTC", ["Bộ Tài chính"]),
        ("Ủy viên Trung ương Đảng, Phó Thủ tướng Chính phủ kiêm Bí thư Ban Cán sự đảng", ["Ban Chấp hành Trung ương Đảng", "Chính phủ"]),
        ("Bộ trưởng Bộ Nông nghiệp và Phát triển nông thôn Nguyễn Xuân Cường phát biểu", ["Bộ Nông nghiệp và Phát triển nông thôn"]),
    ])
    func stateBodies(text: String, expected: [String]) {
        Self.expectOrganizations(text, expected)
    }

    /// Units of a ministry-level body (`Vụ`: `parent=ministry`; `Vụ`, `Cục`: `unit=yes`).
    @Test("Units of ministries", arguments: [
        // No parent in the text: the nearest ministry-level body of the article.
        ("Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ bổ nhiệm ông Nguyễn Hoàng Tuấn giữ chức Phó Vụ trưởng Vụ Tổ chức cán bộ.",
         ["Vụ Tổ chức cán bộ Văn phòng Chính phủ", "Văn phòng Chính phủ"]),
        // The body after a comma.
        ("ông Hoàng Văn Xô, Phó Cục trưởng Cục Quản trị, Văn phòng Chính phủ đến công tác tại Ủy ban.",
         ["Cục Quản trị Văn phòng Chính phủ", "Văn phòng Chính phủ"]),
        // An abbreviation of the lexicon inside the unit's name.
        ("Bộ Thông tin và Truyền thông bổ nhiệm ông A làm Vụ trưởng Vụ CNTT.",
         ["Vụ Công nghệ thông tin Bộ Thông tin và Truyền thông"]),
    ])
    func unitsOfMinistries(text: String, expected: [String]) {
        Self.expectOrganizations(text, expected)
    }

    /// A Party delegation belongs to the organisation whose committee the text names (`parent-skips`).
    @Test("Relative bodies past a committee", arguments: [
        ("đồng chí Nguyễn Thiện Nhân, Ủy viên Bộ Chính trị, Bí thư Đảng đoàn, Chủ tịch Ủy ban T.Ư MTTQ Việt Nam nhiệm kỳ 2014-2019",
         ["Đảng đoàn Mặt trận Tổ quốc Việt Nam", "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam"]),
        // A body with a counterpart in every province (`local=yes`) and a place: the province's body.
        ("Ủy viên Ban Thường vụ Tỉnh ủy Quảng Trị, Bí thư Đảng đoàn, Chủ tịch Ủy ban MTTQ Việt Nam tỉnh Quảng Trị",
         ["Đảng đoàn Mặt trận Tổ quốc Việt Nam tỉnh Quảng Trị", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Quảng Trị"]),
        // A body without `parent-skips` keeps its parent whole.
        ("Bí thư Ban cán sự đảng, Chủ tịch Ủy ban nhân dân tỉnh Yên Bái", ["Ban cán sự đảng Ủy ban nhân dân tỉnh Yên Bái"]),
    ])
    func relativeBodiesPastACommittee(text: String, expected: [String]) {
        Self.expectOrganizations(text, expected)
    }

    @Test("Provinces and their bodies", arguments: [
        ("Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh Yên Bái Phạm Thị Thanh Trà (bìa trái) chúc mừng", ["Ủy ban nhân dân tỉnh Yên Bái"]),
        ("ỷ luật đồng chí Đinh La Thăng, Ủy viên Bộ Chính trị, Bí thư Thành ủy TP HCM.", ["Thành ủy Thành phố Hồ Chí Minh", "Bộ Chính trị"]),
        ("do Ban Tổ chức Tỉnh ủy Nghệ An tổ chức.", ["Ban Tổ chức Tỉnh ủy Nghệ An", "Tỉnh ủy Nghệ An"]),
        ("Chiều 5/6, Ban Thường vụ Tỉnh ủy Nghệ An, Hà Tĩnh và Quảng Bình họp.",
         ["Ban Thường vụ Tỉnh ủy Hà Tĩnh", "Ban Thường vụ Tỉnh ủy Nghệ An", "Ban Thường vụ Tỉnh ủy Quảng Bình",
          "Tỉnh ủy Hà Tĩnh", "Tỉnh ủy Nghệ An", "Tỉnh ủy Quảng Bình"]),
    ])
    func provinces(text: String, expected: [String]) {
        Self.expectOrganizations(text, expected)
    }

    @Test("Front, mass organisations, companies and news", arguments: [
        ("ông Nguyễn Thiện Nhân, Ủy viên Bộ Chính trị, Chủ tịch Ủy ban Trung ương MTTQ Việt Nam tham gia", ["Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam"]),
        ("giai đoạn giữ chức vụ Bí thư Đảng ủy, Chủ tịch HĐTV Tập đoàn Dầu khí Quốc gia Việt Nam (PVN)", ["Tập đoàn Dầu khí Quốc gia Việt Nam"]),
        ("(Baonghean.vn) - Sáng 24/4, tại thị xã Cửa Lò (Nghệ An)", ["Baonghean.vn"]),
    ])
    func frontMassCompaniesNews(text: String, expected: [String]) {
        Self.expectOrganizations(text, expected)
    }

    @Test("Titles: canonical forms and implied organisations", arguments: [
        ("Đồng chí Nguyễn Hữu Nghĩa - Ủy viên Trung ương Đảng, Phó trưởng Ban Kinh tế Trung ương phát biểu",
         ["Nguyễn Hữu Nghĩa | Phó Trưởng ban | Ban Kinh tế Trung ương | current", "Nguyễn Hữu Nghĩa | Ủy viên | Ban Chấp hành Trung ương Đảng | current"]),
        ("Bộ trưởng Bộ Tài chính Đinh Tiến Dũng đã trao quyết định", ["Đinh Tiến Dũng | Bộ trưởng | Bộ Tài chính | current"]),
        ("nguyên Thủ tướng Phan Văn Khải", ["Phan Văn Khải | Thủ tướng | Chính phủ | former"]),
    ])
    func titles(text: String, expected: [String]) {
        #expect(Fixtures.roles(Fixtures.extract(text)) == expected)
    }

    @Test("Persons: surnames, honorifics, credits; places named after people are not persons", arguments: [
        ("Toàn cảnh Hội nghị. Ảnh: Phạm Bằng", ["Phạm Bằng"]),
        ("Ảnh: Trí Dũng/TTXVN Sáng 15/5, lãnh đạo tỉnh", ["Trí Dũng"]),
        ("Đồng chí Huỳnh Tấn Việt chủ trì Hội nghị tại Hà Nội.", ["Huỳnh Tấn Việt"]),
        ("mô hình trồng cam ở huyện Thái Thụy, tỉnh Thái Bình", []),
    ])
    func persons(text: String, expected: [String]) {
        #expect(Fixtures.extract(text).persons.map(\.name).sorted() == expected)
    }
}

import Testing
import RoleGraphDocument

/// Every role shape of the patterns, each row a real sentence from the 2017 dev articles (or the seed)
/// and the roles it states, as `person | title | organisation | status`.
@Suite struct RoleShapeTests {
    static func roles(_ text: String, date: String? = "2017-05-11") -> [String] {
        Fixtures.roles(Fixtures.extract(text, date: date))
    }

    @Test("role:apposition", arguments: [
        ("Đồng chí Huỳnh Tấn Việt - Ủy viên Trung ương Đảng, Bí thư Đảng ủy Khối các cơ quan Trung ương chủ trì Hội nghị.",
         ["Huỳnh Tấn Việt | Bí thư | Đảng ủy Khối các cơ quan Trung ương | current",
          "Huỳnh Tấn Việt | Ủy viên | Ban Chấp hành Trung ương Đảng | current"]),
        ("ông Võ Văn Thưởng, Ủy viên Bộ Chính trị, Bí thư Trung ương Đảng, Trưởng Ban Tuyên giáo Trung ương phát biểu.",
         ["Võ Văn Thưởng | Bí thư | Ban Bí thư | current",
          "Võ Văn Thưởng | Trưởng ban | Ban Tuyên giáo Trung ương | current",
          "Võ Văn Thưởng | Ủy viên | Bộ Chính trị | current"]),
        // News lower-cases the rest of a known name: `Bộ chính trị` is `Bộ Chính trị`.
        ("ông Nguyễn Thiện Nhân, Ủy viên Bộ chính trị, Bí thư Thành ủy Thành phố Hồ Chí Minh, đại biểu Quốc hội khóa XIV",
         ["Nguyễn Thiện Nhân | Bí thư | Thành ủy Thành phố Hồ Chí Minh | current",
          "Nguyễn Thiện Nhân | Đại biểu Quốc hội | Quốc hội | current",
          "Nguyễn Thiện Nhân | Ủy viên | Bộ Chính trị | current"]),
        ("ông Ngô Văn Tuấn, nguyên Vụ trưởng Vụ Tài chính các ngân hàng và Tổ chức tài chính đã được điều động.",
         ["Ngô Văn Tuấn | Vụ trưởng | Vụ Tài chính các ngân hàng và Tổ chức tài chính | former"]),
    ])
    func apposition(text: String, expected: [String]) {
        #expect(Self.roles(text) == expected)
    }

    @Test("role:title-before-name", arguments: [
        ("Bộ trưởng Bộ Tài chính Đinh Tiến Dũng đã trao Quyết định số 234/QĐ-BTC.", ["Đinh Tiến Dũng | Bộ trưởng | Bộ Tài chính | current"]),
        // In 2017 the XIII legislature (2011-2016) had ended: the membership is former.
        ("Trả lời trên báo chí, đại biểu Quốc hội khóa XIII Bùi Thị An nói.", ["Bùi Thị An | Đại biểu Quốc hội | Quốc hội | former"]),
        ("nguyên Thủ tướng Phan Văn Khải", ["Phan Văn Khải | Thủ tướng | Chính phủ | former"]),
        ("Ông Đinh La Thăng trả lời chất vấn trước Quốc hội khi còn là Bộ trưởng Bộ GTVT.",
         ["Đinh La Thăng | Bộ trưởng | Bộ Giao thông vận tải | former"]),
    ])
    func titleBeforeName(text: String, expected: [String]) {
        #expect(Self.roles(text) == expected)
    }

    @Test("role:predicate", arguments: [
        ("Phó trưởng ban Tổ chức Trung ương đã công bố quyết định của Bộ Chính trị, bổ nhiệm ông Đinh La Thăng giữ chức Phó ban Kinh tế Trung ương.",
         ["Đinh La Thăng | Phó Trưởng ban | Ban Kinh tế Trung ương | appointed"]),
        ("điều chuyển ông Đinh La Thăng, Ủy viên Trung ương Đảng thôi giữ chức Bí thư Thành ủy TP HCM (nhiệm kỳ 2015 - 2020) để nhận nhiệm vụ mới.",
         ["Đinh La Thăng | Bí thư | Thành ủy Thành phố Hồ Chí Minh | ended",
          "Đinh La Thăng | Ủy viên | Ban Chấp hành Trung ương Đảng | current"]),
        ("Ông Đinh La Thăng 57 tuổi, quê Nam Định. Ông là Ủy viên Trung ương Đảng khóa X, XI, XII; đại biểu Quốc hội khóa XIV.",
         ["Đinh La Thăng | Đại biểu Quốc hội | Quốc hội | current",
          "Đinh La Thăng | Ủy viên | Ban Chấp hành Trung ương Đảng | current"]),
        ("hội nghị thống nhất để đồng chí Nguyễn Thiện Nhân thôi giữ chức Chủ tịch Ủy ban T.Ư MTTQ Việt Nam và không tiếp tục tham gia Ủy viên Đoàn Chủ tịch, Ủy viên Ủy ban T.Ư MTTQ Việt Nam khóa VIII.",
         ["Nguyễn Thiện Nhân | Chủ tịch | Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam | ended",
          "Nguyễn Thiện Nhân | Ủy viên | Đoàn Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam | ended",
          "Nguyễn Thiện Nhân | Ủy viên | Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam | ended"]),
        // Cues chained by a comma, and a term after a comma, keep the list going.
        ("Bộ Chính trị quyết định để ông Đinh La Thăng thôi giữ chức Bí thư Thành ủy và điều động, phân công giữ chức Phó trưởng Ban Kinh tế Trung ương.",
         ["Đinh La Thăng | Bí thư | Thành ủy | ended",
          "Đinh La Thăng | Phó Trưởng ban | Ban Kinh tế Trung ương | appointed"]),
        ("giới thiệu đồng chí Trần Thanh Mẫn để hiệp thương cử giữ chức Chủ tịch Ủy ban T.Ư MTTQ Việt Nam, nhiệm kỳ 2014-2019, chỉ định giữ chức Bí thư Đảng đoàn MTTQ Việt Nam.",
         ["Trần Thanh Mẫn | Bí thư | Đảng đoàn Mặt trận Tổ quốc Việt Nam | appointed",
          "Trần Thanh Mẫn | Chủ tịch | Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam | appointed"]),
    ])
    func predicate(text: String, expected: [String]) {
        #expect(Self.roles(text) == expected)
    }

    @Test("role:conferred", arguments: [
        ("đồng chí Phạm Minh Chính đã công bố và trao Quyết định bổ nhiệm Tổng Biên tập Tạp chí Cộng sản cho đồng chí Đoàn Minh Huấn.",
         ["Đoàn Minh Huấn | Tổng biên tập | Tạp chí Cộng sản | appointed"]),
    ])
    func conferred(text: String, expected: [String]) {
        #expect(Self.roles(text) == expected)
    }

    @Test("role:group", arguments: [
        ("Ba Phó ban Kinh tế Trung ương kiêm nhiệm gồm: ông Trần Tuấn Anh, Bộ trưởng Công Thương; ông Trần Văn Hiếu, Thứ trưởng Tài chính.",
         ["Trần Tuấn Anh | Bộ trưởng | Bộ Công Thương | current",
          "Trần Tuấn Anh | Phó Trưởng ban | Ban Kinh tế Trung ương | current",
          "Trần Văn Hiếu | Phó Trưởng ban | Ban Kinh tế Trung ương | current",
          "Trần Văn Hiếu | Thứ trưởng | Bộ Tài chính | current"]),
        // `các đồng chí` + a title opens a new group; a bare title names part of the same one.
        ("Dự hội nghị, có các đồng chí Ủy viên Bộ Chính trị: Phạm Minh Chính, Trưởng Ban Tổ chức T.Ư; các đồng chí Ủy viên T.Ư Đảng: Trần Thanh Mẫn, Phó Chủ tịch Ủy ban T.Ư MTTQ Việt Nam.",
         ["Phạm Minh Chính | Trưởng ban | Ban Tổ chức Trung ương | current",
          "Phạm Minh Chính | Ủy viên | Bộ Chính trị | current",
          "Trần Thanh Mẫn | Phó Chủ tịch | Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam | current",
          "Trần Thanh Mẫn | Ủy viên | Ban Chấp hành Trung ương Đảng | current"]),
        ("Dự lễ có các đồng chí Ủy viên Bộ Chính trị: Thủ tướng Chính phủ Nguyễn Xuân Phúc; các Phó Thủ tướng: Trương Hòa Bình, Phạm Bình Minh.",
         ["Nguyễn Xuân Phúc | Thủ tướng | Chính phủ | current",
          "Nguyễn Xuân Phúc | Ủy viên | Bộ Chính trị | current",
          "Phạm Bình Minh | Phó Thủ tướng | Chính phủ | current",
          "Phạm Bình Minh | Ủy viên | Bộ Chính trị | current",
          "Trương Hòa Bình | Phó Thủ tướng | Chính phủ | current",
          "Trương Hòa Bình | Ủy viên | Bộ Chính trị | current"]),
    ])
    func group(text: String, expected: [String]) {
        #expect(Self.roles(text) == expected)
    }

    @Test("role:biography", arguments: [
        ("Ông Nguyễn Thiện Nhân sinh năm 1953. 4/1985-7/1988: Ủy viên Ban Thường vụ Thành đoàn TP. Hồ Chí Minh. 2006-nay: Ủy viên Bộ Chính trị.",
         ["Nguyễn Thiện Nhân | Ủy viên | Ban Thường vụ Thành đoàn Thành phố Hồ Chí Minh | former",
          "Nguyễn Thiện Nhân | Ủy viên | Bộ Chính trị | current"]),
    ])
    func biography(text: String, expected: [String]) {
        #expect(Self.roles(text) == expected)
    }

    /// An appointment or a departure dated before the article (2017-05-11) is history: `former`; the
    /// same statement undated, or dated in the article's year, is the article's event.
    @Test("dated appointments", arguments: [
        ("Ông Đinh La Thăng là Ủy viên Bộ Chính trị. Đầu tháng 2/2016, ông được Bộ Chính trị phân công làm Bí thư Thành ủy TP HCM.",
         ["Đinh La Thăng | Bí thư | Thành ủy Thành phố Hồ Chí Minh | former",
          "Đinh La Thăng | Ủy viên | Bộ Chính trị | current"]),
        ("Ngày 10/5/2017, ông Nguyễn Thiện Nhân được phân công giữ chức Bí thư Thành ủy TP HCM.",
         ["Nguyễn Thiện Nhân | Bí thư | Thành ủy Thành phố Hồ Chí Minh | appointed"]),
        // A birth year dates the person, not the appointment.
        ("Sinh năm 1970, ông Đỗ Đức Duy được bầu làm Chủ tịch UBND tỉnh Yên Bái.",
         ["Đỗ Đức Duy | Chủ tịch | Ủy ban nhân dân tỉnh Yên Bái | appointed"]),
    ])
    func datedAppointments(text: String, expected: [String]) {
        #expect(Self.roles(text) == expected)
    }

    /// A decision that opens a colon list decides for every person in it; a list without one decides nothing.
    @Test("decision lists", arguments: [
        ("Chủ nhiệm Văn phòng Chính phủ bổ nhiệm có thời hạn các ông: - Nguyễn Hoàng Tuấn, Hàm Vụ phó, giữ chức Phó Vụ trưởng Vụ Tổ chức cán bộ; - Đào Quang Tuynh, giữ chức Phó Vụ trưởng Vụ Nông nghiệp.",
         ["Nguyễn Hoàng Tuấn | Phó Vụ trưởng | Vụ Tổ chức cán bộ Văn phòng Chính phủ | appointed",
          "Đào Quang Tuynh | Phó Vụ trưởng | Vụ Nông nghiệp Văn phòng Chính phủ | appointed"]),
        ("Dự hội nghị có các đồng chí: Phạm Minh Chính, Trưởng Ban Tổ chức Trung ương; Trương Thị Mai, Trưởng Ban Dân vận Trung ương.",
         ["Phạm Minh Chính | Trưởng ban | Ban Tổ chức Trung ương | current",
          "Trương Thị Mai | Trưởng ban | Ban Dân vận Trung ương | current"]),
    ])
    func decisionLists(text: String, expected: [String]) {
        #expect(Self.roles(text) == expected)
    }

    /// A sentence that opens with a past adverb puts its copula in the past, not its appositions.
    @Test("past adverbs", arguments: [
        ("Bí thư Tỉnh ủy Yên Bái Phạm Thị Thanh Trà chúc mừng. Trước đó, bà Trà là Chủ tịch UBND tỉnh Yên Bái.",
         ["Phạm Thị Thanh Trà | Bí thư | Tỉnh ủy Yên Bái | current",
          "Phạm Thị Thanh Trà | Chủ tịch | Ủy ban nhân dân tỉnh Yên Bái | former"]),
        ("Trước đó, tại trụ sở Bộ Quốc phòng, Đại tướng Ngô Xuân Lịch, Bộ trưởng Bộ Quốc phòng đã chủ trì lễ đón.",
         ["Ngô Xuân Lịch | Bộ trưởng | Bộ Quốc phòng | current"]),
    ])
    func pastAdverbs(text: String, expected: [String]) {
        #expect(Self.roles(text) == expected)
    }

    /// The annotation guide: a title before a comma list of names applies to the first name only.
    @Test func titleBeforeListAppliesToFirstNameOnly() {
        let roles = Self.roles("Dự hội nghị có Bộ trưởng Bộ Tài chính Đinh Tiến Dũng, ông Nguyễn Văn Bình.")
        #expect(roles == ["Đinh Tiến Dũng | Bộ trưởng | Bộ Tài chính | current"])
    }
}

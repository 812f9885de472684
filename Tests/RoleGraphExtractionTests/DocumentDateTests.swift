import RoleGraphDocument
import Testing

/// The date an article states for its event, from its text alone (sentences from the dev articles,
/// shortened). A year the text does not give is never guessed from a term's span.
@Suite struct DocumentDateTests {
    @Test(arguments: [
        // A time of day, a day and a month; the year from a month-year elsewhere in the article.
        ("Sáng 24/4, Đảng ủy Khối các cơ quan Trung ương tổ chức hội nghị. Trong quý I/2021, Đảng bộ đã ...", "2021-04-24"),
        // `8-2` after a time of day is a day and a month; `2016 -2021` bounds a term, it dates nothing.
        ("Chiều 8-2, HĐND tỉnh Yên Bái đã tiến hành phiên họp bất thường, nhiệm kỳ 2016 -2021.", nil),
        ("Sáng nay 8-2, Ban Chấp hành Đảng bộ tỉnh Yên Bái họp. Năm 2017, tỉnh phấn đấu ...", "2017-02-08"),
        // The event's own full date wins over an earlier one.
        ("Từ 22/10/2007, ông giữ chức Giám đốc Sở. Chiều 6.2.2017, Tỉnh ủy Nghệ An họp.", "2017-02-06"),
        // A day with no year, and the same day written in full elsewhere.
        ("Sáng 10/5, tại TP.HCM, bà Nguyễn Thị Kim Ngân trao quyết định. Quyết định ký ngày 10/5/2017.", "2017-05-10"),
        // No time of day: the first full date.
        ("Theo Quyết định số 234/QĐ-BTC ngày 7.2.2017 của Bộ trưởng Bộ Tài chính", "2017-02-07"),
        // A birth dates the person, not the article.
        ("Sáng 10/5, ông Đinh La Thăng nhận quyết định. Ông Đinh La Thăng sinh năm 1960, quê Nam Định.", nil),
        // Only a term's span: no date.
        ("Trong nhiệm kỳ Quốc hội khóa XIII (2011 -2016) ông Đinh La Thăng giữ chức Bộ trưởng Bộ GTVT.", nil),
    ] as [(String, String?)])
    func dateOfTheEvent(text: String, expected: String?) {
        #expect(Fixtures.extract(text).date == expected)
    }
}

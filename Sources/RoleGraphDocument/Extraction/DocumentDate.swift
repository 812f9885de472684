/// Finds the date an article states for its event.
///
/// The first day and month after a time of day (`Sáng 24/4`, `chiều 6.2`) is the event's date, with its
/// own year or else the year most often written in the article (`quý I/2021`); with none, the first full
/// date (`ngày 7.2.2017`); else the most frequent year alone.
/// - Complexity: O(length of the text), once per document.
enum DocumentDate {
    static func find(in text: String) -> String? {
        let years = yearCounts(in: text)
        if let dayMonth = text.firstMatch(of: /(?i:sáng|chiều|tối|trưa|đêm|ngày|hôm)\s+(?:nay\s+)?(?:\(\s*)?(\d{1,2})[\/.](\d{1,2})(?:[\/.]((?:19|20)\d\d))?(?![\d\/])/),
           let day = Int(dayMonth.1), let month = Int(dayMonth.2), valid(day, month),
           let year = dayMonth.3.flatMap({ Int($0) }) ?? mostFrequent(years) {
            return iso(year, month, day)
        }
        if let full = text.firstMatch(of: /(?:^|[^\d.\/])(\d{1,2})[\/.](\d{1,2})[\/.]((?:19|20)\d\d)(?!\d)/),
           let day = Int(full.1), let month = Int(full.2), let year = Int(full.3), valid(day, month) {
            return iso(year, month, day)
        }
        return mostFrequent(years).map(String.init)
    }

    private static func yearCounts(in text: String) -> [Int: Int] {
        var years: [Int: Int] = [:]
        for match in text.matches(of: /(?:^|[^\d.,])((?:19[4-9]|20\d)\d)(?![\d.,]\d|\d)/) {
            if let year = Int(match.1) { years[year, default: 0] += 1 }
        }
        return years
    }

    /// The most frequent year; on a tie, the later one.
    private static func mostFrequent(_ years: [Int: Int]) -> Int? {
        years.max(by: { ($0.value, $0.key) < ($1.value, $1.key) })?.key
    }

    private static func valid(_ day: Int, _ month: Int) -> Bool { (1...31).contains(day) && (1...12).contains(month) }

    private static func iso(_ year: Int, _ month: Int, _ day: Int) -> String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(two(month))-\(two(day))"
    }
}

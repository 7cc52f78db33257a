import AccordCore
import Foundation
import Testing

@Suite("PartialDate")
struct PartialDateTests {
    @Test("keeps the precision the source gives")
    func precision() throws {
        let year = try #require(PartialDate("1998"))
        #expect(year.year == 1998 && year.month == nil && year.day == nil)
        let month = try #require(PartialDate("2014-11"))
        #expect(month.year == 2014 && month.month == 11 && month.day == nil)
        let day = try #require(PartialDate("1999-01-28"))
        #expect(day.year == 1999 && day.month == 1 && day.day == 28)
    }

    @Test("writes what it parsed", arguments: ["1998", "2014-11", "1999-01-28", "2000-02-29", "1000", "9999-12-31"])
    func formatting(text: String) throws {
        #expect(try #require(PartialDate(text)).description == text)
    }

    @Test("pads to four, two and two digits")
    func padding() throws {
        #expect(try #require(PartialDate(year: 1999, month: 1, day: 5)).description == "1999-01-05")
        #expect(try #require(PartialDate(year: 2000, month: 3)).description == "2000-03")
    }

    // Leap years follow the Gregorian rule: every fourth year, except centuries not divisible by 400.
    @Test(
        "accepts only days the calendar has",
        arguments: [
            ("2024-02-29", true), ("2023-02-29", false), ("2000-02-29", true), ("1900-02-29", false),
            ("2023-02-28", true), ("2024-02-30", false), ("2024-04-30", true), ("2024-04-31", false),
            ("2024-12-31", true), ("2024-01-32", false), ("2024-01-00", false), ("2024-13", false),
            ("2024-00", false), ("2024-12", true),
        ])
    func calendar(text: String, exists: Bool) {
        #expect((PartialDate(text) != nil) == exists)
    }

    @Test("refuses impossible components")
    func impossibleComponents() {
        #expect(PartialDate(year: 2024, month: 13) == nil)
        #expect(PartialDate(year: 2024, month: 0) == nil)
        // A day without its month would be a date nobody wrote.
        #expect(PartialDate(year: 2024, day: 5) == nil)
        #expect(PartialDate(year: 999) == nil)
        #expect(PartialDate(year: 10_000) == nil)
        #expect(PartialDate(year: 2023, month: 2, day: 29) == nil)
        #expect(PartialDate(year: 2024, month: 2, day: 29) != nil)
    }

    @Test(
        "refuses text that is not YYYY, YYYY-MM or YYYY-MM-DD",
        arguments: [
            "", "98", "19980", "1998-1", "1998-01-1", "1998/01/01", "1998-01-01-01", "1998-", "1998--01", "19 8",
            "abcd", "1998-ab", "-1998", "+998", "2024-+1", "2024-01-+5", "2024-01-01T00:00",
        ])
    func malformed(text: String) {
        #expect(PartialDate(text) == nil)
    }

    @Test("sorts a year before its months, a month before its days")
    func ordering() throws {
        let texts = ["1999", "1998-02", "1998-01-02", "1998", "1998-01", "1998-01-01", "1998-12-31"]
        let sorted = try texts.map { try #require(PartialDate($0)) }.sorted().map(\.description)
        #expect(sorted == ["1998", "1998-01", "1998-01-01", "1998-01-02", "1998-02", "1998-12-31", "1999"])
        #expect(try #require(PartialDate("2024-02-29")) > #require(PartialDate("2024-02-28")))
        #expect(try #require(PartialDate("2000")) < #require(PartialDate("2001-01-01")))
    }

    @Test("is a JSON string and refuses an impossible one")
    func json() throws {
        let date = try #require(PartialDate("1999-01-28"))
        let data = try JSONEncoder().encode([date])
        #expect(String(decoding: data, as: UTF8.self) == #"["1999-01-28"]"#)
        #expect(try JSONDecoder().decode([PartialDate].self, from: data) == [date])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([PartialDate].self, from: Data(#"["2023-02-29"]"#.utf8))
        }
    }
}

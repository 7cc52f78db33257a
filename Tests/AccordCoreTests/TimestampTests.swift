import AccordCore
import Foundation
import Testing

@Suite("Timestamp")
struct TimestampTests {
    @Test(
        "writes UTC to the millisecond",
        arguments: [
            (Int64(0), "1970-01-01T00:00:00.000Z"),
            (-1, "1969-12-31T23:59:59.999Z"),
            (-86_400_000, "1969-12-31T00:00:00.000Z"),
            (951_782_400_123, "2000-02-29T00:00:00.123Z"),
            (1_709_164_800_001, "2024-02-29T00:00:00.001Z"),
            (-2_208_988_800_000, "1900-01-01T00:00:00.000Z"),
            // 1900 is not a leap year: 28 February is followed by 1 March.
            (-2_203_977_600_000, "1900-02-28T00:00:00.000Z"),
            (-2_203_891_200_000, "1900-03-01T00:00:00.000Z"),
            (-30_610_224_000_000, "1000-01-01T00:00:00.000Z"),
            (253_402_300_799_999, "9999-12-31T23:59:59.999Z"),
            (Fixture.epoch, "2023-11-14T22:13:20.000Z"),
        ])
    func known(milliseconds: Int64, text: String) {
        let timestamp = Timestamp(millisecondsSince1970: milliseconds)
        #expect(timestamp.description == text)
        #expect(Timestamp(text) == timestamp)
    }

    /// Foundation is the independent reference. Its calendar turns Julian before 15 October 1582, so the
    /// comparison starts in 1600; earlier instants are checked by round trip only.
    @Test("agrees with Foundation's ISO 8601 formatter from 1600 to 9999, and round-trips")
    func agreesWithFoundation() throws {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        var random = SplitMix64(seed: 1970)
        let from: Int64 = -11_676_096_000_000  // 1600-01-01
        let to: Int64 = 253_402_300_799_999  // 9999-12-31T23:59:59.999
        for _ in 0..<5_000 {
            let milliseconds = from + Int64(random.next() % UInt64(to - from + 1))
            let timestamp = Timestamp(millisecondsSince1970: milliseconds)
            // Foundation formats the whole second; the milliseconds are appended here so no floating point
            // rounding enters the reference.
            let millisecond = ((milliseconds % 1000) + 1000) % 1000
            let second = Date(timeIntervalSince1970: Double((milliseconds - millisecond) / 1000))
            let reference = formatter.string(from: second).dropLast() + "." + threeDigits(millisecond) + "Z"
            #expect(timestamp.description == reference, "\(milliseconds) ms")
            #expect(Timestamp(timestamp.description) == timestamp, "\(milliseconds) ms")
        }
    }

    @Test("round-trips every instant it can write, before 1970 and before the Gregorian reform")
    func roundTrip() {
        var random = SplitMix64(seed: 1582)
        let from: Int64 = -30_610_224_000_000  // 1000-01-01
        let to: Int64 = 253_402_300_799_999
        for _ in 0..<5_000 {
            let milliseconds = from + Int64(random.next() % UInt64(to - from + 1))
            let timestamp = Timestamp(millisecondsSince1970: milliseconds)
            #expect(Timestamp(timestamp.description) == timestamp, "\(timestamp) (\(milliseconds) ms)")
        }
    }

    @Test(
        "writes years outside 0000–9999 in full",
        arguments: [
            (Int64(253_402_300_800_000), "10000-01-01T00:00:00.000Z"),
            (-62_167_219_200_000, "0000-01-01T00:00:00.000Z"),
            (1_709_164_800_001, "2024-02-29T00:00:00.001Z"),
        ])
    func fullYears(milliseconds: Int64, text: String) {
        let timestamp = Timestamp(millisecondsSince1970: milliseconds)
        #expect(timestamp.description == text)
    }

    @Test(
        "refuses what it does not write",
        arguments: [
            "2023-02-29T00:00:00.000Z", "2024-13-01T00:00:00.000Z", "2024-01-01T24:00:00.000Z",
            "2024-01-01T00:60:00.000Z", "2024-01-01T00:00:60.000Z", "2024-01-01T00:00:00Z",
            "2024-01-01T00:00:00.000", "2024-01-01 00:00:00.000Z", "2024-01-01T00:00:00.000+00:00",
            "2024-01-01T0a:00:00.000Z", "0999-12-31T00:00:00.000Z", "",
        ])
    func malformed(text: String) {
        #expect(Timestamp(text) == nil)
    }

    @Test("accepts the leap day of a leap year")
    func leapDay() throws {
        let leap = try #require(Timestamp("2024-02-29T12:00:00.000Z"))
        #expect(leap.millisecondsSince1970 == 1_709_208_000_000)
    }

    @Test("orders by instant and is a JSON string")
    func orderAndJSON() throws {
        let early = Timestamp(millisecondsSince1970: -1)
        let late = Timestamp(millisecondsSince1970: 0)
        #expect(early < late)
        let data = try JSONEncoder().encode([early])
        #expect(String(decoding: data, as: UTF8.self) == #"["1969-12-31T23:59:59.999Z"]"#)
        #expect(try JSONDecoder().decode([Timestamp].self, from: data) == [early])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([Timestamp].self, from: Data(#"["yesterday"]"#.utf8))
        }
    }

    private func threeDigits(_ value: Int64) -> String {
        String(repeating: "0", count: 3 - String(value).count) + String(value)
    }
}

/// A moment in UTC to the millisecond, written as ISO 8601 ("2026-11-23T20:31:05.123Z").
///
/// Core reads no clock: the store stamps entries when it appends them.
public struct Timestamp: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    /// Milliseconds since 1970-01-01T00:00:00Z.
    public let millisecondsSince1970: Int64

    public init(millisecondsSince1970: Int64) { self.millisecondsSince1970 = millisecondsSince1970 }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.millisecondsSince1970 < rhs.millisecondsSince1970 }

    public var description: String {
        let milliseconds = Int(millisecondsSince1970 %% 1000)
        let seconds = Int((millisecondsSince1970 - Int64(milliseconds)) / 1000)
        let days = seconds.floorDivided(by: 86_400)
        let (year, month, day) = Timestamp.civil(fromDays: days)
        let second = seconds - days * 86_400
        return "\(padded(year, width: 4))-\(padded(month, width: 2))-\(padded(day, width: 2))T"
            + "\(padded(second / 3600, width: 2)):\(padded(second / 60 % 60, width: 2)):"
            + "\(padded(second % 60, width: 2)).\(padded(milliseconds, width: 3))Z"
    }

    /// Parses the form `description` writes.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 24, bytes[4] == 45, bytes[7] == 45, bytes[10] == 84, bytes[13] == 58,
            bytes[16] == 58, bytes[19] == 46, bytes[23] == 90
        else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard (48...57).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
            let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
            let millisecond = number(20..<23), PartialDate(year: year, month: month, day: day) != nil,
            hour < 24, minute < 60, second < 60
        else { return nil }
        let days = Timestamp.days(fromCivil: year, month, day)
        let total = Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        millisecondsSince1970 = total * 1000 + Int64(millisecond)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Timestamp(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(text)' is not a UTC time like 2026-01-31T12:00:00.000Z")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// Howard Hinnant's days-to-civil algorithm: exact for the proleptic Gregorian calendar.
    static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = z.floorDivided(by: 146_097)
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    static func days(fromCivil year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = y.floorDivided(by: 400)
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}

infix operator %% : MultiplicationPrecedence

extension Int64 {
    /// The remainder that is never negative, for times before 1970.
    static func %% (lhs: Int64, rhs: Int64) -> Int64 { ((lhs % rhs) + rhs) % rhs }
}

extension Int {
    func floorDivided(by divisor: Int) -> Int { (self >= 0 ? self : self - divisor + 1) / divisor }
}

/// A calendar date known to the year, the month or the day.
///
/// The record of a process is uneven: the III RCM is known only as "1998", the IV RCM as
/// 28–29 January 1999. Accord keeps what is known and never pads it with invented days.
public struct PartialDate: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int?
    public let day: Int?

    /// Makes a date; returns nil for an impossible one (month 13, 30 February, a day without a month).
    public init?(year: Int, month: Int? = nil, day: Int? = nil) {
        guard (1000...9999).contains(year) else { return nil }
        if let month, !(1...12).contains(month) { return nil }
        if let day {
            guard let month, day >= 1, day <= PartialDate.daysIn(month: month, year: year) else { return nil }
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD".
    public init?(_ text: String) {
        // Read from the bytes: every timeline of a ledger replay passes through here. Exactly "DDDD",
        // "DDDD-DD" or "DDDD-DD-DD", digits only (`Int("+1")` is 1, which would let "2024-+1" through).
        let bytes = text.utf8
        guard bytes.count == 4 || bytes.count == 7 || bytes.count == 10 else { return nil }
        var parts: (Int, Int, Int) = (0, 0, 0)
        for (offset, byte) in bytes.enumerated() {
            if offset == 4 || offset == 7 {
                guard byte == UInt8(ascii: "-") else { return nil }
                continue
            }
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            let digit = Int(byte - UInt8(ascii: "0"))
            switch offset {
            case ..<4: parts.0 = parts.0 * 10 + digit
            case ..<7: parts.1 = parts.1 * 10 + digit
            default: parts.2 = parts.2 * 10 + digit
            }
        }
        self.init(
            year: parts.0, month: bytes.count > 4 ? parts.1 : nil, day: bytes.count > 7 ? parts.2 : nil)
    }

    public var description: String {
        var text = padded(year, width: 4)
        if let month { text += "-" + padded(month, width: 2) }
        if let day { text += "-" + padded(day, width: 2) }
        return text
    }

    /// Whether this date is certainly before `other`, comparing only as precisely as both are known:
    /// "1999-01" is not before "1999-01-28", since the month may mean its last day.
    public func isBefore(_ other: PartialDate) -> Bool {
        if year != other.year { return year < other.year }
        guard let month, let otherMonth = other.month else { return false }
        if month != otherMonth { return month < otherMonth }
        guard let day, let otherDay = other.day else { return false }
        return day < otherDay
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.year, lhs.month ?? 0, lhs.day ?? 0) < (rhs.year, rhs.month ?? 0, rhs.day ?? 0)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = PartialDate(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(text)' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

/// Zero-padded decimal digits, for dates and times.
func padded(_ value: Int, width: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
}

extension PartialDate {
    /// The day (in UTC) of `timestamp`: the date a ledger entry was made, which the rules compare with the
    /// dates of meetings. Read from the timestamp's own ISO 8601 text, so the calendar is worked out once.
    public init(day timestamp: Timestamp) {
        self = PartialDate(String(timestamp.description.prefix(10))) ?? PartialDate(year: 1000)!
    }

    /// Whether this date's first possible day is no later than `other`'s last possible day: "2000" counts as
    /// of "2000-03-23", and "2000-03-23" counts as of "2000".
    public func mayBe(onOrBefore other: PartialDate) -> Bool {
        (year, month ?? 1, day ?? 1) <= (other.year, other.month ?? 12, other.day ?? 31)
    }
}

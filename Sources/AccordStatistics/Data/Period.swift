/// A reporting period of TIME_PERIOD: a year (`2024`), a quarter (`2024-Q1`) or a month (`2024-01`).
///
/// Kept as the index of its first month counted from January of year 0 (`year × 12 + month − 1`), which
/// fits 16 bits until the year 5461: the cube's period column is that index, and a year or a quarter is
/// an integer division of it.
public struct Period: Hashable, Comparable, Sendable, CustomStringConvertible {
    public enum Frequency: String, Sendable, CaseIterable {
        case annual = "A"
        case quarterly = "Q"
        case monthly = "M"

        /// How many months one period of this frequency spans.
        public var months: Int {
            switch self {
            case .annual: 12
            case .quarterly: 3
            case .monthly: 1
            }
        }
    }

    public let frequency: Frequency
    /// The index of the period's first month: `year × 12 + month − 1`.
    public let firstMonth: UInt16

    /// The years a period may fall in: wide enough for any migration record, narrow enough to catch typos.
    public static let years = 1900...2999

    public init?(year: Int, frequency: Frequency, part: Int = 1) {
        let parts = 12 / frequency.months
        guard Self.years.contains(year), (1...parts).contains(part) else { return nil }
        self.frequency = frequency
        firstMonth = UInt16(year * 12 + (part - 1) * frequency.months)
    }

    init(frequency: Frequency, firstMonth: UInt16) {
        self.frequency = frequency
        self.firstMonth = firstMonth
    }

    /// Reads TIME_PERIOD written for `frequency`: `YYYY`, `YYYY-Qn` or `YYYY-MM`; nil when the text does
    /// not have that form (a month given for an annual series is nil, as the rule wants).
    public init?(_ text: some StringProtocol, frequency: Frequency) {
        let bytes = Array(text.utf8)
        self.init(utf8: bytes, bytes.indices, frequency: frequency)
    }

    /// Reads TIME_PERIOD from the bytes of `field`, a range of `bytes`.
    init?(utf8 bytes: [UInt8], _ field: Range<Int>, frequency: Frequency) {
        func digits(_ range: Range<Int>) -> Int? {
            // At most four digits: the arithmetic cannot overflow, so it is not checked.
            var value = 0
            for index in range {
                let digit = bytes[field.lowerBound + index] &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                value = value &* 10 &+ Int(digit)
            }
            return value
        }
        guard field.count >= 4, let year = digits(0..<4), Self.years.contains(year) else { return nil }
        let rest = field.count - 4
        let hyphen = rest > 0 && bytes[field.lowerBound + 4] == UInt8(ascii: "-")
        // Every upload row passes here: the checks are written out rather than through `init(year:…)`.
        var month = 1
        switch frequency {
        case .annual:
            guard rest == 0 else { return nil }
        case .quarterly:
            guard rest == 3, hyphen, bytes[field.lowerBound + 5] == UInt8(ascii: "Q"), let quarter = digits(6..<7),
                quarter >= 1, quarter <= 4
            else { return nil }
            month = quarter * 3 - 2
        case .monthly:
            guard rest == 3, hyphen, let part = digits(5..<7), part >= 1, part <= 12 else { return nil }
            month = part
        }
        self.init(frequency: frequency, firstMonth: UInt16(year * 12 + month - 1))
    }

    public var year: Int { Int(firstMonth) / 12 }
    /// The month (1–12) the period starts in.
    public var month: Int { Int(firstMonth) % 12 + 1 }

    /// TIME_PERIOD as SDMX writes it.
    public var description: String {
        let year = String(self.year)
        switch frequency {
        case .annual: return year
        case .quarterly: return "\(year)-Q\((month - 1) / 3 + 1)"
        case .monthly: return month < 10 ? "\(year)-0\(month)" : "\(year)-\(month)"
        }
    }

    /// Periods compare by start, then the longer first (2024 before 2024-Q1 before 2024-01).
    public static func < (lhs: Period, rhs: Period) -> Bool {
        lhs.firstMonth != rhs.firstMonth
            ? lhs.firstMonth < rhs.firstMonth : lhs.frequency.months > rhs.frequency.months
    }
}

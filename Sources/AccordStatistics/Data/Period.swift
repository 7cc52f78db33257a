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
        // Every upload row passes here, so the form is checked byte by byte rather than through a parser.
        let (start, count) = (field.lowerBound, field.count)
        /// The digit at `offset`, or 10 or more for any other byte.
        func digit(_ offset: Int) -> Int { Int(bytes[start + offset] &- UInt8(ascii: "0")) }
        guard count >= 4 else { return nil }
        let (y0, y1, y2, y3) = (digit(0), digit(1), digit(2), digit(3))
        guard y0 < 10, y1 < 10, y2 < 10, y3 < 10 else { return nil }
        let year = y0 * 1000 + y1 * 100 + y2 * 10 + y3
        guard Self.years.contains(year) else { return nil }
        let hyphen = count > 4 && bytes[start + 4] == UInt8(ascii: "-")
        var month = 1
        switch frequency {
        case .annual:
            guard count == 4 else { return nil }
        case .quarterly:
            guard count == 7, hyphen, bytes[start + 5] == UInt8(ascii: "Q"), (1...4).contains(digit(6)) else {
                return nil
            }
            month = digit(6) * 3 - 2
        case .monthly:
            guard count == 7, hyphen, digit(5) < 10, digit(6) < 10, (1...12).contains(digit(5) * 10 + digit(6)) else {
                return nil
            }
            month = digit(5) * 10 + digit(6)
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

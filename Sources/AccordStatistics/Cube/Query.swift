/// A question to the cube: sum the observations of one frequency that pass the filters and the period
/// range, by the chosen dimensions and, optionally, by period.
///
/// "Area × event × year" is `Query(groupBy: [.referenceArea, .event], time: .year)`; "returns by area ×
/// citizenship × sex" adds `filters: [.event: ["RET_RECV"]]`. A dimension neither grouped nor filtered is
/// summed over all its codes — including a total `_T` where the data report one, so a caller summing over
/// SEX, AGE or BORDER_POINT filters them to `_T` (`Cube.totals(_:)`) or to the breakdown codes.
public struct Query: Sendable, Hashable {
    /// How the result is split by time.
    public enum Time: Sendable, Hashable {
        /// One cell for the whole period range.
        case none
        /// One cell per period of the observations' own frequency (a series by period).
        case period
        /// One cell per calendar year.
        case year
    }

    public var groupBy: [KeyDimension]
    public var time: Time
    /// The FREQ of the observations summed: annual and monthly figures of one series would count twice.
    public var frequency: Period.Frequency
    /// Per dimension, the codes kept (others are left out).
    public var filters: [KeyDimension: Set<String>]
    /// The first and last period kept, inclusive; nil keeps all.
    public var periods: ClosedRange<Period>?

    public init(
        groupBy: [KeyDimension], time: Time = .none, frequency: Period.Frequency = .monthly,
        filters: [KeyDimension: Set<String>] = [:], periods: ClosedRange<Period>? = nil
    ) {
        self.groupBy = groupBy
        self.time = time
        self.frequency = frequency
        self.filters = filters
        self.periods = periods
    }
}

/// The answer to a query: one cell per combination of the grouped codes (and period) that has observations.
public struct QueryResult: Sendable {
    /// One cell of the table.
    public struct Cell: Sendable, Hashable {
        /// The code of each grouped dimension, in the query's `groupBy` order.
        public var codes: [String]
        /// The period (of the query's frequency, or the year) when the query groups by time.
        public var period: Period?
        /// The sum; nil when the cell is withheld from the public, or all its observations are missing.
        public var value: UInt64?
        /// How many observations the cell adds up.
        public var observations: Int
        /// Whether disclosure control withholds the cell.
        public var isSuppressed: Bool
    }

    public var query: Query
    /// Cells period by period, and within a period in the order of the grouped codes' positions in their codelists.
    public var cells: [Cell]
}

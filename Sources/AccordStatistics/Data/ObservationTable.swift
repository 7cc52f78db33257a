/// Observations of `RCM:DSD_MIGR_FLOW(1.0)` held as columns: one column of codelist positions per
/// dimension, one of periods, one of values, one per attribute.
///
/// Columns of small integers rather than an array of structs: the cube scans a few columns of ten million
/// rows for each query, and a column holds only what the scan reads. Codes are positions in the structure's
/// codelists (16 bits), periods the index of their first month (16 bits), values 32 bits — a count of
/// people or events above four billion is refused as a reading error.
public struct ObservationTable: Sendable {
    /// The value column's mark for an observation reported without a value (OBS_STATUS M).
    public static let missing = UInt32.max
    /// The attribute columns' mark for no value.
    public static let absent = UInt8.max

    /// One column per `KeyDimension`, each holding positions in that dimension's codelist.
    public internal(set) var codes: [[UInt16]]
    /// The first month of each observation's period; its frequency is the FREQ column.
    public internal(set) var periods: [UInt16]
    /// OBS_VALUE, or `missing`.
    public internal(set) var values: [UInt32]
    /// Positions in CL_OBS_STATUS, CL_CONF_STATUS and CL_UNIT_MEASURE, or `absent`.
    public internal(set) var statuses: [UInt8]
    public internal(set) var confidentiality: [UInt8]
    public internal(set) var units: [UInt8]
    /// DATA_SOURCE and COMMENT_OBS as indices into `texts`, where 0 is the empty text (no value).
    public internal(set) var sources: [UInt32]
    public internal(set) var comments: [UInt32]
    public internal(set) var texts: [String] = [""]
    private var textPositions: [String: UInt32] = ["": 0]
    private var lastInterned: (text: String, position: UInt32)?

    public init(reservingCapacity capacity: Int = 0) {
        codes = Array(repeating: [], count: KeyDimension.allCases.count)
        periods = []
        values = []
        statuses = []
        confidentiality = []
        units = []
        sources = []
        comments = []
        if capacity > 0 {
            for index in codes.indices { codes[index].reserveCapacity(capacity) }
            periods.reserveCapacity(capacity)
            values.reserveCapacity(capacity)
            statuses.reserveCapacity(capacity)
            confidentiality.reserveCapacity(capacity)
            units.reserveCapacity(capacity)
            sources.reserveCapacity(capacity)
            comments.reserveCapacity(capacity)
        }
    }

    /// A table made of whole columns, as a loader that already holds them (from SQL, or a generator of
    /// ten million observations) has them; attributes left out are empty (OBS_STATUS A, unit PS, no text).
    ///
    /// - Precondition: every column has as many rows as `values`, and every code is a position in its codelist.
    public init(
        codes: [[UInt16]], periods: [UInt16], values: [UInt32], statuses: [UInt8], confidentiality: [UInt8]? = nil,
        units: [UInt8]
    ) {
        precondition(codes.count == KeyDimension.allCases.count, "one code column per dimension")
        precondition(
            codes.allSatisfy { $0.count == values.count } && periods.count == values.count
                && statuses.count == values.count && units.count == values.count,
            "columns of different lengths")
        self.codes = codes
        self.periods = periods
        self.values = values
        self.statuses = statuses
        self.confidentiality = confidentiality ?? Array(repeating: Self.absent, count: values.count)
        self.units = units
        sources = Array(repeating: 0, count: values.count)
        comments = Array(repeating: 0, count: values.count)
    }

    public var count: Int { values.count }
    public var isEmpty: Bool { values.isEmpty }

    /// One observation, as codelist positions and texts.
    public struct Row: Sendable, Hashable {
        public var codes: [UInt16]
        public var period: UInt16
        /// nil when the observation has no value (OBS_STATUS M).
        public var value: UInt32?
        public var status: UInt8
        public var confidentiality: UInt8
        public var unit: UInt8
        public var source: String
        public var comment: String

        public init(
            codes: [UInt16], period: UInt16, value: UInt32?, status: UInt8, confidentiality: UInt8 = absent,
            unit: UInt8, source: String = "", comment: String = ""
        ) {
            self.codes = codes
            self.period = period
            self.value = value
            self.status = status
            self.confidentiality = confidentiality
            self.unit = unit
            self.source = source
            self.comment = comment
        }
    }

    /// Appends one observation.
    public mutating func append(_ row: Row) {
        for (column, code) in zip(codes.indices, row.codes) { codes[column].append(code) }
        periods.append(row.period)
        values.append(row.value ?? Self.missing)
        statuses.append(row.status)
        confidentiality.append(row.confidentiality)
        units.append(row.unit)
        sources.append(intern(row.source))
        comments.append(intern(row.comment))
    }

    /// A table of runs of observations that share their codes and attributes (a series' months, as an
    /// upload gives them), each observation with its own period and value.
    ///
    /// - Precondition: the runs' counts add up to the number of periods and of values.
    init(runs: [(row: Row, count: Int)], periods: [UInt16], values: [UInt32]) {
        precondition(periods.count == values.count && runs.reduce(0) { $0 + $1.count } == values.count)
        self.init(reservingCapacity: values.count)
        self.periods = periods
        self.values = values
        for (row, count) in runs {
            for (column, code) in zip(codes.indices, row.codes) {
                codes[column].append(contentsOf: repeatElement(code, count: count))
            }
            statuses.append(contentsOf: repeatElement(row.status, count: count))
            confidentiality.append(contentsOf: repeatElement(row.confidentiality, count: count))
            units.append(contentsOf: repeatElement(row.unit, count: count))
            sources.append(contentsOf: repeatElement(intern(row.source), count: count))
            comments.append(contentsOf: repeatElement(intern(row.comment), count: count))
        }
    }

    /// The observation at `index`.
    public subscript(index: Int) -> Row {
        Row(
            codes: codes.map { $0[index] }, period: periods[index],
            value: values[index] == Self.missing ? nil : values[index], status: statuses[index],
            confidentiality: confidentiality[index], unit: units[index], source: texts[Int(sources[index])],
            comment: texts[Int(comments[index])])
    }

    /// The position of `dimension`'s code in the observation at `index`.
    public func code(_ dimension: KeyDimension, at index: Int) -> UInt16 { codes[dimension.rawValue][index] }

    /// The period of the observation at `index`.
    public func period(at index: Int, in structure: DataStructure) -> Period {
        let frequency = structure.codelist(.frequency)[code(.frequency, at: index)].id
        return Period(frequency: Period.Frequency(rawValue: frequency) ?? .monthly, firstMonth: periods[index])
    }

    /// The observations at `indices`, in that order.
    public func rows(_ indices: some Sequence<Int>) -> ObservationTable { gathered(indices.map(UInt32.init)) }

    /// The observations in the order of `order` (indices into this table), column by column.
    func gathered(_ order: [UInt32]) -> ObservationTable {
        func gather<T>(_ column: [T]) -> [T] {
            [T](unsafeUninitializedCapacity: order.count) { buffer, initialized in
                column.withUnsafeBufferPointer { column in
                    for (place, index) in order.enumerated() { buffer[place] = column[Int(index)] }
                }
                initialized = order.count
            }
        }
        var copy = self
        copy.codes = codes.map(gather)
        copy.periods = gather(periods)
        copy.values = gather(values)
        copy.statuses = gather(statuses)
        copy.confidentiality = gather(confidentiality)
        copy.units = gather(units)
        copy.sources = gather(sources)
        copy.comments = gather(comments)
        return copy
    }

    /// Appends every observation of `other`.
    public mutating func append(contentsOf other: ObservationTable) {
        for column in codes.indices { codes[column].append(contentsOf: other.codes[column]) }
        periods.append(contentsOf: other.periods)
        values.append(contentsOf: other.values)
        statuses.append(contentsOf: other.statuses)
        confidentiality.append(contentsOf: other.confidentiality)
        units.append(contentsOf: other.units)
        // Texts are renumbered into this table's list; most tables share a handful of sources.
        let mapping = other.texts.map { intern($0) }
        sources.append(contentsOf: other.sources.map { mapping[Int($0)] })
        comments.append(contentsOf: other.comments.map { mapping[Int($0)] })
    }

    mutating func intern(_ text: String) -> UInt32 {
        // No text is position 0; uploads repeat one source on every row: the last text answers without hashing.
        if text.isEmpty { return 0 }
        if let last = lastInterned, last.text == text { return last.position }
        defer { lastInterned = (text, textPositions[text]!) }
        if let position = textPositions[text] { return position }
        let position = UInt32(texts.count)
        texts.append(text)
        textPositions[text] = position
        return position
    }
}

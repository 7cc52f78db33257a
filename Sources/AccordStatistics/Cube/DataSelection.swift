/// What an SDMX REST data query selects (`/data/{flow}/{key}?startPeriod=…&endPeriod=…`): per dimension the
/// codes kept, and the periods.
///
/// The key is `all` (or empty), or one part per dimension in the structure's order separated by dots, each
/// part empty (any code) or codes joined by `+`: `M.MEX+GTM.REMOVAL.....` keeps Mexico's and Guatemala's
/// monthly removals. A period bound is `2024`, `2024-Q1`, `2024-01` or `2024-01-31`; an observation is kept
/// when its period overlaps the range (so `startPeriod=2024-03` keeps 2024's annual value, as SDMX asks).
public struct DataSelection: Sendable, Hashable {
    /// Per dimension, the codes' positions kept; nil keeps every code.
    public private(set) var codes: [Set<UInt16>?]
    /// The first month kept and the last, as month indices (year × 12 + month − 1); nil for no bound.
    public private(set) var firstMonth: Int?
    public private(set) var lastMonth: Int?

    /// Everything.
    public init() {
        codes = Array(repeating: nil, count: KeyDimension.allCases.count)
    }

    /// Reads an SDMX REST key and period bounds.
    ///
    /// - Throws: `SelectionError` naming the parameter and the reason.
    public init(key: String, startPeriod: String? = nil, endPeriod: String? = nil, structure: DataStructure)
        throws(SelectionError)
    {
        self.init()
        if !key.isEmpty, key != "all" {
            let parts = key.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count == KeyDimension.allCases.count else {
                throw .key(
                    "the key has \(parts.count) part(s) where the structure has \(KeyDimension.allCases.count) "
                        + "dimensions (\(KeyDimension.allCases.map(\.id).joined(separator: "."))); leave a part "
                        + "empty for any code, or write 'all'")
            }
            for (dimension, part) in zip(KeyDimension.allCases, parts) where !part.isEmpty {
                var kept = Set<UInt16>()
                for code in part.split(separator: "+", omittingEmptySubsequences: false) {
                    guard let position = structure.codelist(dimension).position(of: code) else {
                        throw .unknownCode(
                            "\(dimension.id) has no code '\(code)' in \(structure.codelist(dimension).id)")
                    }
                    kept.insert(position)
                }
                codes[dimension.rawValue] = kept
            }
        }
        if let startPeriod {
            guard let bounds = Self.months(of: startPeriod) else { throw .period("startPeriod", startPeriod) }
            firstMonth = bounds.lowerBound
        }
        if let endPeriod {
            guard let bounds = Self.months(of: endPeriod) else { throw .period("endPeriod", endPeriod) }
            lastMonth = bounds.upperBound
        }
    }

    /// Whether the selection keeps every observation.
    public var isEverything: Bool { codes.allSatisfy { $0 == nil } && firstMonth == nil && lastMonth == nil }

    /// The observations of `table` it keeps, in their order.
    public func select(from table: ObservationTable, structure: DataStructure) -> ObservationTable {
        guard !isEverything else { return table }
        let frequencies = structure.codelist(.frequency).codes.map { Period.Frequency(rawValue: $0.id) ?? .monthly }
        let kept = (0..<table.count).filter { index in
            for dimension in KeyDimension.allCases {
                if let codes = codes[dimension.rawValue], !codes.contains(table.code(dimension, at: index)) {
                    return false
                }
            }
            let first = Int(table.periods[index])
            let last = first + frequencies[Int(table.code(.frequency, at: index))].months - 1
            return last >= (firstMonth ?? .min) && first <= (lastMonth ?? .max)
        }
        return kept.count == table.count ? table : table.rows(kept)
    }

    /// The months a period bound covers: a year its twelve, a quarter its three, a month or a day its month.
    static func months(of text: String) -> ClosedRange<Int>? {
        var month = text
        if text.utf8.count == 10 {
            // A day stands for its month: 2024-01-31 → 2024-01.
            let bytes = Array(text.utf8)
            guard bytes[7] == UInt8(ascii: "-"), let day = Int(String(decoding: bytes[8...], as: UTF8.self)),
                (1...31).contains(day), bytes[8...].allSatisfy({ (48...57).contains($0) })
            else { return nil }
            month = String(decoding: bytes[..<7], as: UTF8.self)
        }
        for frequency in Period.Frequency.allCases {
            if let period = Period(month, frequency: frequency) {
                let first = Int(period.firstMonth)
                return first...(first + frequency.months - 1)
            }
        }
        return nil
    }
}

/// Why a data query could not be read.
public enum SelectionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The key is malformed.
    case key(String)
    /// The key names a code its dimension's codelist does not have: a well-formed query that selects nothing.
    case unknownCode(String)
    /// A period bound is not `YYYY`, `YYYY-Qn`, `YYYY-MM` or `YYYY-MM-DD`.
    case period(_ parameter: String, _ value: String)

    /// The query parameter at fault.
    public var parameter: String {
        switch self {
        case .key, .unknownCode: "key"
        case .period(let parameter, _): parameter
        }
    }

    public var description: String {
        switch self {
        case .key(let reason), .unknownCode(let reason): reason
        case .period(let parameter, let value):
            "\(parameter) '\(value)' is not a period: write 2024, 2024-Q1, 2024-01 or 2024-01-31"
        }
    }
}

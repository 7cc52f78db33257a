/// The statistics of one dataflow as they stand: the current vintage of each state, held as one
/// observation table in memory, with what disclosure control withholds from the public.
///
/// Held as columns of 16-bit codes rather than in SQL tables: measured in `Benchmarks/` (target 9), a
/// query scans the two or three columns it needs in a few milliseconds for ten million observations,
/// where a SQL engine or a data frame takes longer; the ledger's vintages are the record, and the cube
/// is rebuilt from them (an app process builds its own, so several processes over PostgreSQL agree).
///
/// Rows are kept in key order (FREQ, REF_AREA, MIGR_EVENT, …, then the period), and for each block of
/// `blockSize` rows the cube keeps the smallest and largest code of every dimension and period: a query
/// filtered on an event or a state skips the blocks that cannot hold it (measured: "one event by area ×
/// citizenship × sex" reads a seventh of the rows).
public struct Cube: Sendable {
    public let structure: DataStructure
    public let flow: Dataflow
    /// The current vintages' observations, one state after another.
    public let table: ObservationTable
    /// Which vintage (area and sequence) each state's observations come from.
    public let sources: [(area: String, sequence: Int)]
    /// For each observation, whether public output must withhold it: confidential, a small cell, or a
    /// total that includes one (see `DisclosureControl`).
    public let withheld: [Bool]
    public let disclosure: DisclosureControl
    /// For each dimension, which codes of its codelist the cube holds: a query gives cells to those only,
    /// and skips a filter that keeps all of them.
    let presentCodes: [[Bool]]
    /// Whether any observation is withheld: when none is, a public query need not read `withheld`.
    let isAnyWithheld: Bool
    /// The first and last period (first months) of the observations of each FREQ code position.
    let periodBounds: [UInt16: ClosedRange<UInt16>]
    /// The rows a block holds, and per block the smallest and largest code of each dimension, then of the
    /// period (index 8).
    static let blockSize = 4_096
    let blockMinimum: [[UInt16]]
    let blockMaximum: [[UInt16]]

    /// The cube of `flow` from `vintages`: the newest vintage of each state, others ignored.
    public init(
        structure: DataStructure, flow: Dataflow, vintages: [Vintage], disclosure: DisclosureControl = .init()
    ) {
        let current = Vintage.current(of: flow.id, among: vintages)
        var table = ObservationTable(reservingCapacity: current.reduce(0) { $0 + $1.observations.count })
        for vintage in current { table.append(contentsOf: vintage.observations) }
        self.init(
            structure: structure, flow: flow, table: table, sources: current.map { ($0.area, $0.sequence) },
            disclosure: disclosure)
    }

    /// A cube over observations already gathered (the benchmark's ten million, a test's table).
    public init(
        structure: DataStructure, flow: Dataflow, table: ObservationTable,
        sources: [(area: String, sequence: Int)] = [], disclosure: DisclosureControl = .init()
    ) {
        self.structure = structure
        self.flow = flow
        let keys = KeyPacking(structure).keys(of: table)
        let order = KeySort.order(of: keys)
        let isInOrder = order.enumerated().allSatisfy { $0.offset == Int($0.element) }
        let table = isInOrder ? table : table.gathered(order)
        self.table = table
        self.sources = sources
        self.disclosure = disclosure
        withheld = disclosure.withheld(in: table, structure: structure)
        isAnyWithheld = withheld.contains(true)
        var bounds: [UInt16: ClosedRange<UInt16>] = [:]
        let frequencies = table.codes[KeyDimension.frequency.rawValue]
        for (index, period) in table.periods.enumerated() {
            let frequency = frequencies[index]
            if let known = bounds[frequency] {
                if !known.contains(period) {
                    bounds[frequency] = min(known.lowerBound, period)...max(known.upperBound, period)
                }
            } else {
                bounds[frequency] = period...period
            }
        }
        periodBounds = bounds
        var minimum: [[UInt16]] = []
        var maximum: [[UInt16]] = []
        for column in table.codes + [table.periods] {
            var low: [UInt16] = []
            var high: [UInt16] = []
            column.withUnsafeBufferPointer { column in
                var start = 0
                while start < column.count {
                    let block = column[start..<min(start + Self.blockSize, column.count)]
                    low.append(block.min()!)
                    high.append(block.max()!)
                    start += Self.blockSize
                }
            }
            minimum.append(low)
            maximum.append(high)
        }
        blockMinimum = minimum
        blockMaximum = maximum
        presentCodes = KeyDimension.allCases.map { dimension in
            var present = [Bool](repeating: false, count: structure.codelist(dimension).count)
            table.codes[dimension.rawValue].withUnsafeBufferPointer { column in
                for code in column { present[Int(code)] = true }
            }
            return present
        }
    }

    /// The observations as the public may see them: a withheld observation keeps its key but loses its
    /// value, and is marked OBS_STATUS Q (missing value; suppressed) and CONF_STATUS C, A or S (confidential,
    /// small count, or withheld because it would reveal one).
    public func publicTable() -> ObservationTable {
        var copy = table
        let suppressed = UInt8(structure.codelist(.observationStatus)!.position(of: Component.suppressedStatus)!)
        let statuses = structure.codelist(.confidentialityStatus)!
        let small = UInt8(statuses.position(of: "A")!)
        let secondary = UInt8(statuses.position(of: "S")!)
        let free = statuses.position(of: Component.freeStatus).map(UInt8.init)
        for index in 0..<copy.count where withheld[index] {
            let value = copy.values[index]
            let confidentiality = copy.confidentiality[index]
            if confidentiality == ObservationTable.absent || confidentiality == free {
                copy.confidentiality[index] = disclosure.isSmall(value) ? small : secondary
            }
            copy.values[index] = ObservationTable.missing
            copy.statuses[index] = suppressed
            // Free texts could describe the withheld value.
            copy.comments[index] = 0
        }
        return copy
    }
}

extension Cube {
    /// Whether any observation of the cube has the code at `position` in `dimension`.
    public func holds(_ position: UInt16, in dimension: KeyDimension) -> Bool {
        presentCodes[dimension.rawValue].indices.contains(Int(position))
            && presentCodes[dimension.rawValue][Int(position)]
    }
}

extension Cube {
    /// The observations an exchange file for the public carries: only those not withheld, each marked
    /// CONF_STATUS F (free for publication), which every one of them is.
    ///
    /// A withheld observation is left out rather than written without its value: the structure's OBS_VALUE is a
    /// whole number, and SDMX validators (sdmxthon's SS02) take an observation without one as an error; leaving
    /// the key out says no more than the withheld mark would.
    public func publishedTable() -> ObservationTable {
        let kept = (0..<table.count).filter { !withheld[$0] }
        var published = kept.count == table.count ? table : table.rows(kept)
        if let free = structure.codelist(.confidentialityStatus)?.position(of: Component.freeStatus).map(UInt8.init) {
            for index in 0..<published.count where published.confidentiality[index] == ObservationTable.absent {
                published.confidentiality[index] = free
            }
        }
        return published
    }
}

/// A query turned into lookup tables over the cube's columns: for each grouped or filtered dimension,
/// the number each code adds to an observation's cell; for time, the number each period adds.
struct QueryPlan: Sendable {
    let query: Query
    let structure: DataStructure
    let columns: [[UInt16]]
    let lookups: [[UInt32]]
    let periods: [UInt16]
    let values: [UInt32]
    /// What each period (as first month − `firstMonth`) adds, or `cellCount` when it is left out.
    let periodLookup: [UInt32]
    let firstMonth: Int
    /// The codes of each grouped dimension present in the cube, in codelist order.
    let groupCodes: [[UInt16]]
    /// The time cells' periods, in order.
    let timeCells: [Period]
    let cellCount: Int
    /// For each filtered dimension (its raw value), how many kept codes are below each position: a block
    /// holds a kept code when the count differs between its smallest and largest code.
    let keptBelow: [(dimension: Int, counts: [Int])]
    let blockMinimum: [[UInt16]]
    let blockMaximum: [[UInt16]]

    init(query: Query, cube: Cube) {
        self.query = query
        let structure = cube.structure
        self.structure = structure
        let table = cube.table
        var groupCodes: [[UInt16]] = []
        var strides: [Int] = []
        var stride = 1
        for dimension in query.groupBy {
            // Only codes the cube holds get a cell, so a codelist of 250 countries costs 11 cells, not 250.
            let present = cube.presentCodes[dimension.rawValue]
            let allowed = query.filters[dimension].map { Set($0.compactMap(structure.codelist(dimension).position)) }
            let codes = present.indices.filter { present[$0] && allowed?.contains(UInt16($0)) != false }.map {
                UInt16($0)
            }
            groupCodes.append(codes)
            strides.append(stride)
            stride *= max(codes.count, 1)
        }
        // Time: the periods of the query's frequency within the range, grouped by year or by period.
        let frequencyCode = structure.codelist(.frequency).position(of: query.frequency.rawValue)!
        var first = cube.periodBounds[frequencyCode].map { Int($0.lowerBound) } ?? Int.max
        var last = cube.periodBounds[frequencyCode].map { Int($0.upperBound) } ?? Int.min
        if let range = query.periods {
            first = max(first, Int(range.lowerBound.firstMonth))
            last = min(last, Int(range.upperBound.firstMonth))
        }
        var timeCells: [Period] = []
        var timeOf: [Int] = []
        if first <= last {
            for month in first...last {
                let period = Period(frequency: query.frequency, firstMonth: UInt16(month))
                switch query.time {
                case .none:
                    if timeCells.isEmpty { timeCells.append(period) }
                case .period:
                    if month % query.frequency.months == 0 { timeCells.append(period) }
                case .year:
                    let year = Period(year: month / 12, frequency: .annual)!
                    if timeCells.last != year { timeCells.append(year) }
                }
                timeOf.append(timeCells.count - 1)  // -1 before the first cell: left out below
            }
        }
        let timeStride = stride
        let cellCount = stride * max(timeCells.count, 1)
        self.cellCount = cellCount
        let outside = UInt32(cellCount)
        firstMonth = first == Int.max ? 0 : first
        periodLookup = timeOf.map { $0 < 0 ? outside : UInt32($0 * timeStride) }
        self.timeCells = timeCells
        self.groupCodes = groupCodes

        // Every dimension grouped or filtered gets a lookup; FREQ is always filtered to the query's.
        var filters = query.filters
        filters[.frequency] = [query.frequency.rawValue]
        var involved: [KeyDimension] = query.groupBy
        for dimension in KeyDimension.allCases where !involved.contains(dimension) {
            guard let kept = filters[dimension] else { continue }
            // A filter that keeps every code the cube holds (FREQ M on monthly data) leaves nothing out.
            let codelist = structure.codelist(dimension)
            let keptPositions = Set(kept.compactMap { codelist.position(of: $0) })
            let present = cube.presentCodes[dimension.rawValue]
            if present.indices.allSatisfy({ !present[$0] || keptPositions.contains(UInt16($0)) }) { continue }
            involved.append(dimension)
        }
        var lookups: [[UInt32]] = []
        var columns: [[UInt16]] = []
        for dimension in involved {
            let codelist = structure.codelist(dimension)
            var lookup = [UInt32](repeating: outside, count: codelist.count)
            if let position = query.groupBy.firstIndex(of: dimension) {
                for (place, code) in groupCodes[position].enumerated() {
                    lookup[Int(code)] = UInt32(place * strides[position])
                }
            } else if let kept = filters[dimension] {
                for code in kept { if let position = codelist.position(of: code) { lookup[Int(position)] = 0 } }
            }
            lookups.append(lookup)
            columns.append(table.codes[dimension.rawValue])
        }
        self.lookups = lookups
        self.columns = columns
        var keptBelow: [(Int, [Int])] = []
        for (dimension, lookup) in zip(involved, lookups) where filters[dimension] != nil {
            var counts = [0]
            for value in lookup { counts.append(counts.last! + (value == outside ? 0 : 1)) }
            keptBelow.append((dimension.rawValue, counts))
        }
        self.keptBelow = keptBelow
        blockMinimum = cube.blockMinimum
        blockMaximum = cube.blockMaximum
        periods = table.periods
        values = table.values
    }

    /// Sums the rows in `range` into `cells` cells (the last one gathers the rows left out); `withheld`
    /// is empty when no observation is withheld or the audience may see everything.
    func accumulate(_ range: Range<Int>, cells: Int, withheld: [Bool]) -> Accumulator {
        var accumulator = Accumulator(cells: cells)
        let outside = UInt32(cells - 1)
        let blockSize = Cube.blockSize
        var block = [UInt32](repeating: 0, count: blockSize)
        let periodCount = periodLookup.count
        block.withUnsafeMutableBufferPointer { block in
            var start = range.lowerBound
            while start < range.upperBound {
                let count = min(blockSize, range.upperBound - start)
                if !mayHold(block: start / blockSize) {
                    accumulator.skipped += count
                    start += count
                    continue
                }
                // Time first: it sets each row's cell, or sends the row outside.
                periods.withUnsafeBufferPointer { periods in
                    periodLookup.withUnsafeBufferPointer { lookup in
                        for row in 0..<count {
                            let offset = Int(periods[start + row]) &- firstMonth
                            block[row] = offset >= 0 && offset < periodCount ? lookup[offset] : outside
                        }
                    }
                }
                for (column, lookup) in zip(columns, lookups) {
                    column.withUnsafeBufferPointer { column in
                        lookup.withUnsafeBufferPointer { lookup in
                            for row in 0..<count { block[row] &+= lookup[Int(column[start + row])] }
                        }
                    }
                }
                values.withUnsafeBufferPointer { values in
                    withheld.withUnsafeBufferPointer { withheld in
                        accumulator.sums.withUnsafeMutableBufferPointer { sums in
                            accumulator.counts.withUnsafeMutableBufferPointer { counts in
                                for row in 0..<count {
                                    let cell = Int(min(block[row], outside))
                                    let value = values[start + row]
                                    if value == ObservationTable.missing {
                                        accumulator.missing[cell] += 1
                                    } else {
                                        sums[cell] &+= UInt64(value)
                                    }
                                    counts[cell] &+= 1
                                }
                                if !withheld.isEmpty {
                                    for row in 0..<count where withheld[start + row] {
                                        accumulator.withheld[Int(min(block[row], outside))] = true
                                    }
                                }
                            }
                        }
                    }
                }
                start += count
            }
        }
        return accumulator
    }

    /// Whether the block `index` may hold a row the query keeps: its periods overlap the query's, and every
    /// filtered dimension has a kept code between the block's smallest and largest.
    private func mayHold(block index: Int) -> Bool {
        let periods = KeyDimension.allCases.count
        let last = firstMonth + periodLookup.count - 1
        guard Int(blockMaximum[periods][index]) >= firstMonth, Int(blockMinimum[periods][index]) <= last else {
            return false
        }
        for (dimension, counts) in keptBelow {
            let low = Int(blockMinimum[dimension][index])
            let high = Int(blockMaximum[dimension][index])
            if counts[high + 1] == counts[low] { return false }
        }
        return true
    }

    /// The cells with observations, in order, values withheld for the public where they must be.
    func result(from accumulator: Accumulator, audience: Cube.Audience) -> QueryResult {
        var cells: [QueryResult.Cell] = []
        let groups = cellCount / max(timeCells.count, 1)
        for cell in 0..<cellCount where accumulator.counts[cell] > 0 {
            var rest = cell % groups
            var codes: [String] = []
            for (position, dimension) in query.groupBy.enumerated() {
                let count = groupCodes[position].count
                codes.append(structure.codelist(dimension)[groupCodes[position][rest % count]].id)
                rest /= count
            }
            let suppressed = audience == .public && accumulator.withheld[cell]
            let allMissing = accumulator.missing[cell] == accumulator.counts[cell]
            cells.append(
                QueryResult.Cell(
                    codes: codes, period: query.time == .none ? nil : timeCells[cell / groups],
                    value: suppressed || allMissing ? nil : accumulator.sums[cell],
                    observations: Int(accumulator.counts[cell]), isSuppressed: suppressed))
        }
        return QueryResult(query: query, cells: cells)
    }
}

import Dispatch

extension Cube {
    /// Answers `query` from the cube.
    ///
    /// - Parameter audience: `.public` withholds the cells that disclosure control says must not be shown;
    ///   `.secretariat` shows every sum (for the working side).
    ///
    /// Each observation's cell is the sum of one number per grouped or filtered dimension (its code's
    /// place in the result times the dimension's stride, or a value past the end for a code filtered
    /// out), so a query is one pass over the columns it needs, summed into a dense array of cells. The pass
    /// runs in blocks of 4,096 rows, one column at a time, so each column is read once and the cell numbers
    /// of a block stay in the processor's first-level cache; the two halves of the rows run on two threads.
    public func sum(_ query: Query, for audience: Audience = .public) -> QueryResult {
        let plan = QueryPlan(query: query, cube: self)
        let parts = plan.cellCount + 1
        let workers = table.count >= 1 << 20 ? 2 : 1
        // Workers take whole blocks, so that each block's bounds apply to one worker's rows.
        let blocks = (table.count + Self.blockSize - 1) / Self.blockSize
        let slice = (blocks + workers - 1) / workers * Self.blockSize
        let results = WorkerResults(count: workers)
        defer { results.deallocate() }
        let rows = table.count
        let withheld = audience == .public && isAnyWithheld ? self.withheld : []
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let start = worker * slice
            let end = min(rows, start + slice)
            results.store(plan.accumulate(start..<end, cells: parts, withheld: withheld), at: worker)
        }
        var total = results.load(0)
        for worker in 1..<workers { total.merge(results.load(worker)) }
        return plan.result(from: total, audience: audience)
    }

    /// `query` with every dimension that has a total code, and is neither grouped nor filtered, filtered
    /// to `_T` where the cube holds `_T` observations of that dimension: the sums then count each person once
    /// (a state reporting F, M and `_T` would otherwise be counted twice). A dimension the data report only
    /// in breakdowns (no `_T` at all) is left to be summed.
    public func totals(_ query: Query) -> Query {
        var query = query
        for dimension in KeyDimension.withTotals
        where !query.groupBy.contains(dimension) && query.filters[dimension] == nil {
            guard let total = structure.totalPosition(dimension), table.codes[dimension.rawValue].contains(total)
            else { continue }
            query.filters[dimension] = [Component.total]
        }
        return query
    }

    /// Who a query's answer is for.
    public enum Audience: Sendable {
        case `public`
        case secretariat
    }
}

/// One slot per worker, each written by its worker only and read after `concurrentPerform` returns.
private struct WorkerResults: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<Accumulator>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: Accumulator(cells: 0))
    }

    func store(_ accumulator: Accumulator, at worker: Int) { slots[worker] = accumulator }
    func load(_ worker: Int) -> Accumulator { slots[worker] }

    func deallocate() {
        _ = slots.deinitialize()
        slots.deallocate()
    }
}

/// Sums, counts and withheld marks of each cell; the last cell gathers the rows filtered out.
struct Accumulator {
    var sums: [UInt64]
    var counts: [UInt32]
    var missing: [UInt32]
    var withheld: [Bool]
    /// Rows in blocks the query skipped: they are outside it.
    var skipped = 0

    init(cells: Int) {
        sums = Array(repeating: 0, count: cells)
        counts = Array(repeating: 0, count: cells)
        missing = Array(repeating: 0, count: cells)
        withheld = Array(repeating: false, count: cells)
    }

    mutating func merge(_ other: Accumulator) {
        for index in sums.indices {
            sums[index] += other.sums[index]
            counts[index] += other.counts[index]
            missing[index] += other.missing[index]
            withheld[index] = withheld[index] || other.withheld[index]
        }
        skipped += other.skipped
    }
}

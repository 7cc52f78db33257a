/// The duplicate-key check: which observations repeat the key of an earlier one.
///
/// Measured (Benchmarks/, target 9 b): sorting ten million packed keys costs more than numpy's sort of
/// them, so the check does not sort when it need not. Each dimension's codes and the periods present are
/// numbered densely; when the product of those counts (every key the table could hold) is at most 32 bits
/// per observation, or 64 million keys, one bit per possible key marks the keys seen, and a key is
/// repeated when its bit is already set: one pass, no sort. Otherwise the packed keys are sorted.
enum DuplicateKeys {
    /// For every observation whose key an earlier one has: (the earliest observation with that key, it).
    static func pairs(in table: ObservationTable, structure: DataStructure) -> [(UInt32, UInt32)] {
        guard table.count > 1 else { return [] }
        if let dense = DenseKeys(table) {
            return dense.repeatedPairs()
        }
        let keys = table.packedKeys(in: structure)
        return Duplicates.pairs(keys: keys, order: KeySort.order(of: keys))
    }
}

/// Each observation's key as an index into the dense space of the codes and periods the table holds.
private struct DenseKeys {
    let table: ObservationTable
    /// Per dimension, each code's dense number times the dimension's stride.
    let lookups: [[UInt32]]
    let firstPeriod: Int
    let space: Int

    init?(_ table: ObservationTable) {
        var lookups: [[UInt32]] = []
        var stride = 1
        for column in table.codes {
            var present = [Bool](repeating: false, count: Int(UInt16.max) + 1)
            column.withUnsafeBufferPointer { column in
                for code in column { present[Int(code)] = true }
            }
            var lookup = [UInt32](repeating: 0, count: present.count)
            var count = 0
            for code in present.indices where present[code] {
                lookup[code] = UInt32(count * stride)
                count += 1
            }
            lookups.append(lookup)
            stride *= count
        }
        guard let first = table.periods.min(), let last = table.periods.max() else { return nil }
        firstPeriod = Int(first)
        space = stride * (Int(last) - Int(first) + 1)
        // A bitmap of at most 32 bits per observation (or 8 MB), and indices that fit 32 bits.
        guard space <= max(32 * table.count, 1 << 26), space < Int(UInt32.max) else { return nil }
        self.table = table
        self.lookups = lookups
        periodStride = stride
    }

    /// The stride of the period: the product of the dimensions' counts.
    private let periodStride: Int

    /// Computes the dense index of the rows `start..<start + count` into `block`.
    private func indices(from start: Int, count: Int, into block: UnsafeMutableBufferPointer<UInt32>) {
        table.periods.withUnsafeBufferPointer { periods in
            let stride = UInt32(periodStride)
            for row in 0..<count { block[row] = UInt32(Int(periods[start + row]) - firstPeriod) &* stride }
        }
        for (column, lookup) in zip(table.codes, lookups) {
            column.withUnsafeBufferPointer { column in
                lookup.withUnsafeBufferPointer { lookup in
                    for row in 0..<count { block[row] &+= lookup[Int(column[start + row])] }
                }
            }
        }
    }

    func repeatedPairs() -> [(UInt32, UInt32)] {
        var seen = [UInt64](repeating: 0, count: (space + 63) / 64)
        var repeated: [UInt32] = []
        var block = [UInt32](repeating: 0, count: 4_096)
        block.withUnsafeMutableBufferPointer { block in
            seen.withUnsafeMutableBufferPointer { seen in
                var start = 0
                while start < table.count {
                    let count = min(block.count, table.count - start)
                    indices(from: start, count: count, into: block)
                    for row in 0..<count {
                        let index = Int(block[row])
                        let bit: UInt64 = 1 << UInt64(index & 63)
                        if seen[index >> 6] & bit != 0 { repeated.append(UInt32(start + row)) }
                        seen[index >> 6] |= bit
                    }
                    start += count
                }
            }
        }
        guard !repeated.isEmpty else { return [] }
        // Few keys repeat: a second pass finds the first observation of each.
        var first: [UInt32: UInt32] = [:]
        var repeatedIndex: [UInt32: Bool] = [:]
        var all = [UInt32](repeating: 0, count: table.count)
        all.withUnsafeMutableBufferPointer { all in
            var start = 0
            while start < table.count {
                let count = min(4_096, table.count - start)
                indices(
                    from: start, count: count, into: UnsafeMutableBufferPointer(rebasing: all[start..<start + count]))
                start += count
            }
        }
        for row in repeated { repeatedIndex[all[Int(row)]] = true }
        for (row, index) in all.enumerated() where repeatedIndex[index] != nil && first[index] == nil {
            first[index] = UInt32(row)
        }
        return repeated.map { (first[all[Int($0)]]!, $0) }
    }
}

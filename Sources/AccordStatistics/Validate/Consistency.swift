/// The checks of an upload that look at several observations at once: duplicate keys (an error) and the
/// warnings of issue 21 §2 (totals, months against the year, outliers).
struct Consistency {
    let structure: DataStructure
    let table: ObservationTable
    /// The file row of each observation.
    let rows: [Int]
    /// How many of the observations, from the first, are the file's: the warnings name only those. Those after
    /// are the previous vintage's, kept beside the file's and checked with them, but not reported again.
    let reported: Int
    let packing: KeyPacking
    let keys: [UInt64]
    /// The observations' indices in key order.
    let order: [UInt32]

    init(structure: DataStructure, table: ObservationTable, rows: [Int], reported: Int? = nil) {
        self.structure = structure
        self.table = table
        self.rows = rows
        self.reported = reported ?? table.count
        packing = KeyPacking(structure)
        keys = packing.keys(of: table)
        order = KeySort.order(of: keys)
    }

    /// Every observation whose key an earlier row of the file already has: neighbours in the key order the
    /// other checks need anyway.
    func duplicateKeys(into problems: inout ProblemList) {
        for (first, second) in Duplicates.pairs(keys: keys, order: order) {
            let key = describe(Int(first))
            problems.append(
                Problem(
                    .duplicateKey, row: rows[Int(second)], column: nil, code: key,
                    Sentence(
                        es: "la clave \(key) ya figura en la fila \(rows[Int(first)])",
                        en: "the key \(key) is already reported on row \(rows[Int(first)])",
                        fr: "la clé \(key) figure déjà à la ligne \(rows[Int(first)])")))
        }
    }

    /// The key of an observation as SDMX writes a series key, then its period: `M.GTM.RET_RECV…:2024-01`.
    func describe(_ index: Int) -> String { table.describe(index, in: structure) }

    /// F + M (+ unknown) = total, and the same for ages and border points: for every total observation
    /// (`_T` in that dimension) with components reported, the components must sum to it.
    func totals(into problems: inout ProblemList) {
        let rules: [KeyDimension: Rule] = [.sex: .sexTotal, .age: .ageTotal, .borderPoint: .borderPointTotal]
        for dimension in KeyDimension.withTotals {
            // Without a total observation there is nothing to compare the breakdowns with.
            guard let total = structure.totalPosition(dimension), table.codes[dimension.rawValue].contains(total)
            else { continue }
            var sums: [UInt64: (sum: UInt64, count: Int, missing: Bool)] = [:]
            for index in 0..<table.count where table.code(dimension, at: index) != total {
                let group = packing.replacing(dimension, in: keys[index], with: total)
                let value = table.values[index]
                sums[group, default: (0, 0, false)].sum += value == ObservationTable.missing ? 0 : UInt64(value)
                sums[group, default: (0, 0, false)].count += 1
                if value == ObservationTable.missing { sums[group]!.missing = true }
            }
            for index in 0..<reported where table.code(dimension, at: index) == total {
                let value = table.values[index]
                guard value != ObservationTable.missing, let parts = sums[keys[index]], !parts.missing,
                    parts.sum != UInt64(value)
                else { continue }
                let key = describe(index)
                problems.append(
                    Problem(
                        rules[dimension]!, row: rows[index], column: dimension.id, code: Component.total,
                        Sentence(
                            es: "\(key) vale \(value), pero sus \(parts.count) desgloses por "
                                + "\(dimension.id) suman \(parts.sum)",
                            en: "\(key) is \(value), but its \(parts.count) \(dimension.id) breakdowns "
                                + "sum to \(parts.sum)",
                            fr: "\(key) vaut \(value), mais ses \(parts.count) ventilations par "
                                + "\(dimension.id) totalisent \(parts.sum)"
                        )))
            }
        }
    }

    /// The positions in key order split in two near the middle, where one series ends and the next begins:
    /// for checks of whole series, such as the outliers, run on two processors.
    func seriesHalves() -> (Range<Int>, Range<Int>) {
        var middle = order.count / 2
        while middle > 0, middle < order.count,
            keys[Int(order[middle])] & ~0xFFFF == keys[Int(order[middle - 1])] & ~0xFFFF
        {
            middle += 1
        }
        return (0..<middle, middle..<order.count)
    }

    /// An annual value must equal the sum of its twelve months, where all twelve are reported.
    func monthsSumToYear(into problems: inout ProblemList) {
        let frequencies = structure.codelist(.frequency)
        guard let monthly = frequencies.position(of: "M"), let annual = frequencies.position(of: "A"),
            table.codes[KeyDimension.frequency.rawValue].contains(annual)
        else { return }
        var years: [UInt64: (sum: UInt64, months: Int)] = [:]
        for index in 0..<table.count where table.code(.frequency, at: index) == monthly {
            let value = table.values[index]
            guard value != ObservationTable.missing else { continue }
            let year = packing.replacingPeriod(
                in: packing.replacing(.frequency, in: keys[index], with: annual), with: table.periods[index] / 12 * 12)
            years[year, default: (0, 0)].sum += UInt64(value)
            years[year, default: (0, 0)].months += 1
        }
        for index in 0..<reported where table.code(.frequency, at: index) == annual {
            let value = table.values[index]
            guard value != ObservationTable.missing, let months = years[keys[index]], months.months == 12,
                months.sum != UInt64(value)
            else { continue }
            let key = describe(index)
            problems.append(
                Problem(
                    .monthsSumToYear, row: rows[index], column: Component.observationValue, code: String(value),
                    Sentence(
                        es: "\(key) vale \(value), pero sus doce meses suman \(months.sum)",
                        en: "\(key) is \(value), but its twelve months sum to \(months.sum)",
                        fr: "\(key) vaut \(value), mais ses douze mois totalisent \(months.sum)")))
        }
    }

    /// A monthly value above `factor` times the median of the previous twelve months of its series; the
    /// median is taken over the months reported among those twelve, when there are at least three, and
    /// only when it is above zero.
    ///
    /// `positions` says which observations, in key order, to look at (all by default); it must hold whole
    /// series, as the halves from `seriesHalves()` do.
    func outliers(factor: UInt64 = 3, in positions: Range<Int>? = nil, into problems: inout ProblemList) {
        guard let monthly = structure.codelist(.frequency).position(of: "M") else { return }
        // In key order, a series' months are consecutive and ascending.
        var start = 0
        var window: [UInt64] = []
        window.reserveCapacity(12)
        let sorted = order[positions ?? order.indices].map(Int.init).filter {
            table.code(.frequency, at: $0) == monthly
        }
        // The values and months in key order, so that a window is read from consecutive places.
        let values = sorted.map { table.values[$0] }
        let months = sorted.map { Int(table.periods[$0]) }
        let series = sorted.map { keys[$0] & ~0xFFFF }
        while start < sorted.count {
            var end = start + 1
            while end < sorted.count, series[end] == series[start] { end += 1 }
            for position in start..<end {
                let value = values[position]
                guard value != ObservationTable.missing, sorted[position] < reported else { continue }
                let month = months[position]
                // The previous twelve months are among the twelve observations before this one in the series,
                // and since its months ascend, they are the last of those.
                var lower = max(start, position - 12)
                while months[lower] < month - 12 { lower += 1 }
                let earlier = lower..<position
                // The median is at least value / factor unless half the window is below it: most values
                // are settled by that count, without gathering the window and sorting it. (Counted without a
                // branch on each value: which values are below is as unpredictable as the figures.)
                // (Values are below 2^32 and the factor small: the arithmetic cannot overflow, so it is not checked.)
                var (count, below) = (0, 0)
                for index in earlier where values[index] != ObservationTable.missing {
                    count &+= 1
                    below &+= factor &* UInt64(values[index]) < UInt64(value) ? 1 : 0
                }
                guard count >= 3, below * 2 >= count else { continue }
                window.removeAll(keepingCapacity: true)
                for index in earlier where values[index] != ObservationTable.missing {
                    window.append(UInt64(values[index]))
                }
                window.sort()
                let middle = window.count / 2
                let median2 = window.count % 2 == 1 ? 2 * window[middle] : window[middle - 1] + window[middle]
                // value > factor × median, compared in halves to stay in whole numbers.
                guard median2 > 0, 2 * UInt64(value) > factor * median2 else { continue }
                // The median in halves, written without a Double's formatting, which costs more than the rest.
                let key = describe(sorted[position])
                let median = median2 % 2 == 0 ? "\(median2 / 2)" : "\(median2 / 2).5"
                problems.append(
                    Problem(
                        .outlier, row: rows[sorted[position]], column: Component.observationValue, code: String(value),
                        Sentence(
                            es: "\(key) vale \(value), más de \(factor) veces la mediana (\(median)) de los doce meses "
                                + "anteriores",
                            en:
                                "\(key) is \(value), more than \(factor)× the median (\(median)) of the previous twelve "
                                + "months",
                            fr: "\(key) vaut \(value), plus de \(factor) fois la médiane (\(median)) des douze mois "
                                + "précédents"
                        )))
            }
            start = end
        }
    }
}

/// Finding equal keys.
enum Duplicates {
    /// For every key equal to an earlier one: the index of the first observation with that key and of the
    /// repeated one. `order` is the keys' stable sort order, so within a run of equal keys the first is the
    /// earliest row.
    static func pairs(keys: [UInt64], order: [UInt32]) -> [(UInt32, UInt32)] {
        var pairs: [(UInt32, UInt32)] = []
        guard order.count > 1 else { return pairs }
        var first = order[0]
        for position in 1..<order.count {
            let index = order[position]
            if keys[Int(index)] == keys[Int(first)] {
                pairs.append((first, index))
            } else {
                first = index
            }
        }
        return pairs
    }

}

extension ObservationTable {
    /// How many observations repeat the key of an earlier one, without sorting when it need not: the check of
    /// a cube of any size, which the benchmark times on ten million keys. (An upload's checks sort its keys
    /// anyway, for the outliers, and find its repeated keys among neighbours in that order.)
    public func duplicateKeyCount(in structure: DataStructure) -> Int {
        DuplicateKeys.pairs(in: self, structure: structure).count
    }

    /// Each observation's key (its eight codes and its period) packed into 64 bits; equal keys are equal
    /// observations' keys, and their order is the order of the dimensions, then the period.
    public func packedKeys(in structure: DataStructure) -> [UInt64] { KeyPacking(structure).keys(of: self) }
}

/// What public output withholds, and why that is enough.
///
/// **Primary suppression.** An observation is withheld when its CONF_STATUS is anything but F (free for
/// publication) — C, N, D, S, A, O, T, G, M and E all say "not for publication" in CL_CONF_STATUS — or when
/// its value is a small cell: from 1 to `threshold − 1` persons (zero is shown: it reveals no one).
///
/// **Totals that would reveal them.** The data carry sums of other observations: SEX, AGE and BORDER_POINT
/// `_T` are the sums of the other codes, and an annual or quarterly value the sum of its months (and an
/// annual one of its quarters). Such a total is withheld as soon as one of the observations it sums is,
/// repeated until nothing changes, so a total of totals is withheld too.
///
/// **Query cells.** A cell of a query table (`Cube.sum`) is published only when none of the observations
/// it adds up is withheld.
///
/// **Why this is safe.** Every published figure is then a sum of observations that are not withheld.
/// Take a withheld observation x, and add any amount d to x and to every total that includes it: every
/// "total = sum of its parts" relation still holds (each total includes x through exactly one of its
/// parts), and every changed figure is withheld, so every published figure is unchanged. The published
/// output is therefore the same for many values of x: no subtraction of published figures, within one
/// table or across queries, gives x back. (As with any cell suppression, bounds remain: x ≥ 0.)
public struct DisclosureControl: Sendable, Hashable {
    /// Values from 1 to `threshold − 1` are small cells; 0 turns the rule off. The statistical offices of
    /// the region commonly use 3 or 5.
    public var threshold: UInt32

    public init(threshold: UInt32 = 3) { self.threshold = threshold }

    /// Whether `value` is a small cell.
    public func isSmall(_ value: UInt32) -> Bool {
        value != ObservationTable.missing && value > 0 && value < threshold
    }

    /// For each observation of `table`, whether public output must withhold it.
    public func withheld(in table: ObservationTable, structure: DataStructure) -> [Bool] {
        let statuses = structure.codelist(.confidentialityStatus)!
        let free = statuses.position(of: Component.freeStatus).map(UInt8.init) ?? ObservationTable.absent
        var withheld = [Bool](repeating: false, count: table.count)
        var any = false
        for index in 0..<table.count {
            let confidentiality = table.confidentiality[index]
            if (confidentiality != ObservationTable.absent && confidentiality != free) || isSmall(table.values[index]) {
                withheld[index] = true
                any = true
            }
        }
        // Without a primary suppression there is no total to withhold: skip the key work.
        guard any else { return withheld }
        propagate(into: &withheld, table: table, structure: structure)
        return withheld
    }

    /// Withholds every total that sums a withheld observation, until nothing changes.
    private func propagate(into withheld: inout [Bool], table: ObservationTable, structure: DataStructure) {
        let packing = KeyPacking(structure)
        let keys = packing.keys(of: table)
        let frequencies = structure.codelist(.frequency)
        // Each step maps an observation's key to the key of a total that includes it, or nil.
        var steps: [(Int) -> UInt64?] = []
        for dimension in KeyDimension.withTotals {
            guard let total = structure.totalPosition(dimension) else { continue }
            steps.append { index in
                table.code(dimension, at: index) == total
                    ? nil : packing.replacing(dimension, in: keys[index], with: total)
            }
        }
        let monthly = frequencies.position(of: "M")
        let quarterly = frequencies.position(of: "Q")
        let annual = frequencies.position(of: "A")
        for (from, to, months) in [(monthly, quarterly, 3), (monthly, annual, 12), (quarterly, annual, 12)] {
            guard let from, let to else { continue }
            steps.append { index in
                guard table.code(.frequency, at: index) == from else { return nil }
                let start = table.periods[index] / UInt16(months) * UInt16(months)
                return packing.replacingPeriod(
                    in: packing.replacing(.frequency, in: keys[index], with: to), with: start)
            }
        }
        var changed = true
        while changed {
            changed = false
            var including = Set<UInt64>()
            for index in 0..<table.count where withheld[index] {
                for step in steps {
                    if let total = step(index) { including.insert(total) }
                }
            }
            for index in 0..<table.count where !withheld[index] && including.contains(keys[index]) {
                withheld[index] = true
                changed = true
            }
        }
    }
}

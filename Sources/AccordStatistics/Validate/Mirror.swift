/// The mirror check: the returns a state received from another against that other state's removals of
/// the first state's citizens (Guatemala's returns received from Mexico against Mexico's removals of
/// Guatemalan citizens), period by period.
///
/// It compares reported totals: observations with SEX and AGE `_T` and BORDER_POINT `_T` or `_Z`
/// (not applicable), of the same FREQ and TIME_PERIOD. Returns received are `RET_RECV` with the returning
/// state as COUNTERPART_AREA and the receiving state's own CITIZENSHIP; removals are `REMOVAL` with the
/// receiving state as both CITIZENSHIP and COUNTERPART_AREA.
struct Mirror {
    let structure: DataStructure
    let tolerance: Double

    /// Which figure of a pair an observation is: received by `receiver` from `remover`, or removed.
    private struct Pair: Hashable {
        var frequency: UInt16
        var period: UInt16
        var receiver: UInt16
        var remover: UInt16
    }

    private func pairs(in table: ObservationTable) -> (received: [Pair: Int], removed: [Pair: Int]) {
        var received: [Pair: Int] = [:]
        var removed: [Pair: Int] = [:]
        let events = structure.codelist(.event)
        guard let returns = events.position(of: "RET_RECV"), let removals = events.position(of: "REMOVAL"),
            let sexTotal = structure.totalPosition(.sex), let ageTotal = structure.totalPosition(.age)
        else { return ([:], [:]) }
        let borders = Set(["_T", "_Z"].compactMap { structure.codelist(.borderPoint).position(of: $0) })
        let areas = structure.codelist(.referenceArea)
        let citizenships = structure.codelist(.citizenship)
        let counterparts = structure.codelist(.counterpartArea)
        for index in 0..<table.count {
            let event = table.code(.event, at: index)
            guard event == returns || event == removals, table.code(.sex, at: index) == sexTotal,
                table.code(.age, at: index) == ageTotal, borders.contains(table.code(.borderPoint, at: index)),
                table.values[index] != ObservationTable.missing
            else { continue }
            // Map the three dimensions' codes to REF_AREA positions: the codelists differ.
            let area = table.code(.referenceArea, at: index)
            let citizenship = citizenships[table.code(.citizenship, at: index)].id
            let counterpart = counterparts[table.code(.counterpartArea, at: index)].id
            guard let citizen = areas.position(of: citizenship), let other = areas.position(of: counterpart) else {
                continue
            }
            let frequency = table.code(.frequency, at: index)
            if event == returns, citizen == area {
                received[Pair(frequency: frequency, period: table.periods[index], receiver: area, remover: other)] =
                    index
            } else if event == removals, citizen == other, other != area {
                removed[Pair(frequency: frequency, period: table.periods[index], receiver: other, remover: area)] =
                    index
            }
        }
        return (received, removed)
    }

    func check(
        _ table: ObservationTable, rows: [Int], against others: [ObservationTable], describe: (Int) -> String,
        into problems: inout ProblemList
    ) {
        let own = pairs(in: table)
        guard !own.received.isEmpty || !own.removed.isEmpty else { return }
        var theirs: (received: [Pair: UInt32], removed: [Pair: UInt32]) = ([:], [:])
        for other in others {
            let found = pairs(in: other)
            for (pair, index) in found.received { theirs.received[pair] = other.values[index] }
            for (pair, index) in found.removed { theirs.removed[pair] = other.values[index] }
        }
        let areas = structure.codelist(.referenceArea)
        func compare(_ index: Int, _ mine: UInt32, _ counterpart: UInt32?, _ sentence: (UInt32) -> Sentence) {
            guard let counterpart else { return }
            let larger = Double(max(mine, counterpart))
            guard larger > 0, Double(mine > counterpart ? mine - counterpart : counterpart - mine) > tolerance * larger
            else { return }
            let (key, their) = (describe(index), sentence(counterpart))
            problems.append(
                Problem(
                    .mirror, row: rows[index], column: Component.observationValue, code: String(mine),
                    Sentence(
                        es: "\(key) vale \(mine), pero \(their.es)", en: "\(key) is \(mine), but \(their.en)",
                        fr: "\(key) vaut \(mine), mais \(their.fr)")))
        }
        for (pair, index) in own.received {
            let remover = areas[pair.remover].id
            let receiver = areas[pair.receiver].id
            compare(index, table.values[index], theirs.removed[pair]) {
                Sentence(
                    es: "\(remover) informa \($0) expulsiones de nacionales de \(receiver) hacia \(receiver)",
                    en: "\(remover) reports \($0) removals of \(receiver) citizens to \(receiver)",
                    fr: "\(remover) déclare \($0) éloignements de ressortissants de \(receiver) vers \(receiver)")
            }
        }
        for (pair, index) in own.removed {
            let receiver = areas[pair.receiver].id
            let remover = areas[pair.remover].id
            compare(index, table.values[index], theirs.received[pair]) {
                Sentence(
                    es: "\(receiver) informa \($0) retornos recibidos de \(remover)",
                    en: "\(receiver) reports \($0) returns received from \(remover)",
                    fr: "\(receiver) déclare \($0) retours reçus de \(remover)")
            }
        }
    }
}

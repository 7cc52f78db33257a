import Testing

@testable import AccordStatistics

/// The cube: vintages, queries against a naïve reference, disclosure control.
@Suite struct CubeTests {
    static let vintages = SyntheticDataSet.vintages(structure)

    @Test func aNewerVintageReplacesTheStatesOlderOne() {
        let older = check([row(value: "10")]).table
        let newer = check([row(value: "12"), row(period: "2024-02", value: "5")]).table
        let mexico = check(
            [row(area: "MEX", event: "REMOVAL", citizenship: "GTM", counterpart: "GTM", value: "9")], area: "MEX"
        ).table
        let cube = Cube(
            structure: structure, flow: returns,
            vintages: [
                Vintage(flow: "DF_MIGR_RETURNS", area: "GTM", sequence: 7, observations: newer),
                Vintage(flow: "DF_MIGR_RETURNS", area: "GTM", sequence: 3, observations: older),
                Vintage(flow: "DF_MIGR_RETURNS", area: "MEX", sequence: 4, observations: mexico),
                Vintage(flow: "DF_MIGR_MOVEMENTS", area: "MEX", sequence: 9, observations: mexico),
            ])
        #expect(cube.table.count == 3)
        #expect(cube.sources.map(\.area) == ["GTM", "MEX"])
        #expect(cube.sources.map(\.sequence) == [7, 4])
        let byArea = cube.sum(Query(groupBy: [.referenceArea]))
        #expect(byArea.cells.map(\.codes) == [["GTM"], ["MEX"]])
        #expect(byArea.cells.map(\.value) == [17, 9])
    }

    @Test func areaByEventByYear() {
        let cube = Cube(structure: structure, flow: returns, vintages: Self.vintages)
        let result = cube.sum(cube.totals(Query(groupBy: [.referenceArea, .event], time: .year)))
        let mexico2024 = result.cells.first { $0.codes == ["MEX", "REMOVAL"] && $0.period?.year == 2024 }
        // Mexico's 2024 removals: the annual values of the data set, summed from its monthly totals.
        let annual = cube.sum(
            cube.totals(
                Query(groupBy: [.referenceArea], time: .year, frequency: .annual, filters: [.event: ["REMOVAL"]])))
        #expect(mexico2024?.value != nil)
        #expect(annual.cells.first { $0.codes == ["MEX"] && $0.period?.year == 2024 }?.value == mexico2024?.value)
        // Four states, each with one event, in two years.
        #expect(result.cells.count == 4 * 2)
    }

    @Test func querySumsEqualANaiveSumOnRandomCubes() {
        var random = SplitMix(seed: 99)
        let dimensions: [KeyDimension] = [.referenceArea, .citizenship, .sex, .age]
        for trial in 0..<20 {
            var table = ObservationTable()
            let count = 200 + Int(random.next() % 2_000)
            var seen = Set<[UInt16]>()
            for _ in 0..<count {
                var codes = [UInt16](repeating: 0, count: 8)
                codes[KeyDimension.frequency.rawValue] = structure.codelist(.frequency).position(of: "M")!
                for dimension in dimensions + [.event] {
                    codes[dimension.rawValue] = UInt16(
                        random.next() % UInt64(min(structure.codelist(dimension).count, 6)))
                }
                let period = UInt16(2020 * 12 + Int(random.next() % 36))
                guard seen.insert(codes + [period]).inserted else { continue }
                let value: UInt32? = random.next() % 10 == 0 ? nil : UInt32(random.next() % 1_000)
                table.append(ObservationTable.Row(codes: codes, period: period, value: value, status: 0, unit: 0))
            }
            let grouped = Array(dimensions.shuffled(using: &random).prefix(Int(random.next() % 3) + 1))
            let filterDimension = dimensions[Int(random.next() % 4)]
            let kept = Set(
                (0..<3).map { _ in
                    structure.codelist(filterDimension)[
                        UInt16(random.next() % UInt64(min(structure.codelist(filterDimension).count, 6)))
                    ].id
                })
            let from = Period(
                year: 2020 + Int(random.next() % 2), frequency: .monthly, part: 1 + Int(random.next() % 12))!
            let time: Query.Time = [.none, .period, .year][trial % 3]
            let query = Query(
                groupBy: grouped, time: time, filters: [filterDimension: kept],
                periods: from...Period(year: 2022, frequency: .monthly, part: 6)!)
            let cube = Cube(
                structure: structure, flow: returns, table: table, disclosure: DisclosureControl(threshold: 0))
            let result = cube.sum(query, for: .secretariat)

            var expected: [String: UInt64] = [:]
            for index in 0..<table.count {
                let row = table[index]
                guard kept.contains(structure.codelist(filterDimension)[row.codes[filterDimension.rawValue]].id),
                    row.period >= from.firstMonth,
                    row.period <= Period(year: 2022, frequency: .monthly, part: 6)!.firstMonth
                else { continue }
                var key = grouped.map { structure.codelist($0)[row.codes[$0.rawValue]].id }
                switch time {
                case .none: break
                case .period: key.append(String(row.period))
                case .year: key.append(String(row.period / 12))
                }
                expected[key.joined(separator: "|"), default: 0] += UInt64(row.value ?? 0)
            }
            var actual: [String: UInt64] = [:]
            for cell in result.cells {
                var key = cell.codes
                switch time {
                case .none: break
                case .period: key.append(String(cell.period!.firstMonth))
                case .year: key.append(String(cell.period!.year))
                }
                actual[key.joined(separator: "|")] = cell.value ?? 0
            }
            #expect(actual == expected, "trial \(trial): \(query)")
        }
    }

    @Test func aConfidentialCellAndTheTotalsThatWouldRevealItAreWithheld() {
        let rows = [
            row(sex: "F", value: "40"), row(sex: "M", value: "7", confidentiality: "C"), row(sex: "_T", value: "47"),
            row(sex: "F", period: "2024-02", value: "30"), row(sex: "M", period: "2024-02", value: "20"),
            row(sex: "_T", period: "2024-02", value: "50"),
            row(freq: "A", sex: "M", period: "2024", value: "27"),
            row(freq: "A", sex: "F", period: "2024", value: "70"),
            row(freq: "A", sex: "_T", period: "2024", value: "97"),
        ]
        let report = check(rows)
        #expect(report.problems.errors.isEmpty)
        let cube = Cube(structure: structure, flow: returns, table: report.table)
        // The cube keeps rows in key order: name them by FREQ, SEX and period.
        func name(_ index: Int) -> String {
            let sex = structure.codelist(.sex)[cube.table.code(.sex, at: index)].id
            return "\(sex) \(cube.table.period(at: index, in: structure))"
        }
        let withheld = (0..<cube.table.count).filter { cube.withheld[$0] }.map(name)
        // The confidential male January, its January total, the 2024 male and the 2024 total (through
        // both the month and the sex), but not the female or February figures.
        #expect(withheld == ["M 2024", "_T 2024", "M 2024-01", "_T 2024-01"])

        // By sex for January: the male cell is suppressed, so F and _T would give it away — _T is too.
        let january = cube.sum(
            Query(
                groupBy: [.sex], time: .period,
                periods: Period("2024-01", frequency: .monthly)!...Period("2024-01", frequency: .monthly)!))
        #expect(january.cells.map(\.codes) == [["F"], ["M"], ["_T"]])
        #expect(january.cells.map(\.value) == [40, nil, nil])
        #expect(january.cells.map(\.isSuppressed) == [false, true, true])
        // A query summing over sex includes the confidential cell: withheld.
        let total = cube.sum(Query(groupBy: [.referenceArea], time: .period))
        #expect(total.cells.map(\.value) == [nil, 100])
        // The working side sees the sums.
        #expect(
            cube.sum(Query(groupBy: [.sex], time: .period), for: .secretariat).cells.first { $0.codes == ["M"] }?.value
                == 7)

        let published = cube.publicTable()
        let index = (0..<cube.table.count).first { name($0) == "M 2024-01" }!
        #expect(published.values[index] == ObservationTable.missing)
        #expect(structure.codelist(.observationStatus)![UInt16(published.statuses[index])].id == "Q")
        #expect(structure.codelist(.confidentialityStatus)![UInt16(published.confidentiality[index])].id == "C")
        let totalIndex = (0..<cube.table.count).first { name($0) == "_T 2024-01" }!
        #expect(structure.codelist(.confidentialityStatus)![UInt16(published.confidentiality[totalIndex])].id == "S")
    }

    @Test func smallCellsAreWithheldUnderTheThreshold() {
        let report = check([row(sex: "F", value: "2"), row(sex: "M", value: "0"), row(sex: "_T", value: "2")])
        let cube = Cube(
            structure: structure, flow: returns, table: report.table, disclosure: DisclosureControl(threshold: 3))
        #expect(cube.withheld == [true, false, true])
        let relaxed = Cube(
            structure: structure, flow: returns, table: report.table, disclosure: DisclosureControl(threshold: 0))
        #expect(relaxed.withheld == [false, false, false])
    }

    @Test func theSyntheticDataSetIsLabelledAndPassesItsOwnChecks() throws {
        #expect(Self.vintages.count == 8)
        for vintage in Self.vintages {
            let table = vintage.observations
            #expect(table.sources.allSatisfy { table.texts[Int($0)] == SyntheticDataSet.source })
            #expect(table.comments.allSatisfy { table.texts[Int($0)] == SyntheticDataSet.comment })
            let flow = structure.dataflow(vintage.flow)!
            let message = DataMessage(
                structure: structure, flow: flow, table: table, id: "X", prepared: "2026-01-01T00:00:00Z")
            let csv = try written(message.writeSDMXCSV)
            let others = Self.vintages.filter { $0.flow == vintage.flow && $0.area != vintage.area }.map(\.observations)
            let report = Upload(structure: structure, flow: flow, reportingArea: vintage.area, others: others)
                .validate(sdmxCSV: Array(csv.utf8))
            #expect(
                report.problems.errors.isEmpty, "\(vintage.flow) \(vintage.area): \(report.problems.errors.prefix(3))")
            let mirror = report.problems.warnings.filter { $0.rule == .mirror }
            // Honduras's returns are 20% below Mexico's removals of Hondurans, on both sides.
            #expect(
                mirror.isEmpty
                    == !(vintage.area == "HND" || (vintage.area == "MEX" && vintage.flow == "DF_MIGR_RETURNS")))
        }
        // The same data on every run.
        #expect(
            SyntheticDataSet.vintages(structure).map(\.observations.values) == Self.vintages.map(\.observations.values))
        // The confidential cell of Panama withholds Panama's 2025 annual value for Haitians.
        let irregular = Cube(
            structure: structure, flow: structure.dataflow("DF_MIGR_IRREGULAR")!, vintages: Self.vintages)
        let annual = irregular.sum(
            Query(
                groupBy: [.referenceArea, .citizenship], time: .period, frequency: .annual,
                filters: [.citizenship: ["HTI"]]))
        #expect(annual.cells.map(\.isSuppressed) == [false, false, false, true])
    }
}

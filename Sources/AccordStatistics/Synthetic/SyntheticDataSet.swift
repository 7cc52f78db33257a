/// A small synthetic Mesoamerican data set for the demo and the tests, the same on every run.
///
/// **Not real figures**: Accord knows no real migration statistics. Every observation says so in its
/// DATA_SOURCE and COMMENT_OBS (`SyntheticDataSet.source`, `.comment`), and the later part shows that label
/// on every page and in every file.
///
/// It holds, for 2024 and 2025, monthly and annual values: Mexico's removals of Guatemalan, Honduran and
/// Salvadoran citizens and those three states' returns received from Mexico (a mirror pair, one of which
/// disagrees by more than 10%), entries and exits at border points with their totals, and irregular
/// migrants detected by Mexico and Panama by citizenship; one confidential cell and some small cells
/// exercise disclosure control.
public enum SyntheticDataSet {
    public static let source = "SYNTHETIC DATA - Accord demo, not real figures"
    public static let comment = "Synthetic value generated for the Accord demo; not an official statistic"
    public static let years = 2024...2025

    /// The vintages of the data set: one per state and dataflow, sequence 1.
    public static func vintages(_ structure: DataStructure) -> [Vintage] {
        var builder = Builder(structure: structure)
        // Returns: Mexico removes citizens of three states to them; each receives them back.
        for (citizen, base) in [("GTM", 4_200), ("HND", 3_100), ("SLV", 1_500)] {
            builder.series(
                flow: "DF_MIGR_RETURNS", area: "MEX", event: "REMOVAL", citizenship: citizen, counterpart: citizen,
                base: base, bySex: true)
            // Honduras counts 20% fewer than Mexico says it removed: the mirror check warns.
            builder.series(
                flow: "DF_MIGR_RETURNS", area: citizen, event: "RET_RECV", citizenship: citizen, counterpart: "MEX",
                base: citizen == "HND" ? base * 8 / 10 : base, bySex: true)
        }
        // Movements at border points, with BORDER_POINT totals.
        builder.borderSeries(area: "MEX", points: ["MEX_SUCHIATE", "MEX_TAPACHULA_AIR", "MEX_TIJUANA"], base: 52_000)
        builder.borderSeries(area: "GTM", points: ["GTM_TECUN_UMAN", "GTM_AURORA_AIR"], base: 21_000)
        // Irregular migrants detected, by citizenship; a few small cells among them.
        for (area, citizens) in [
            ("MEX", ["GTM", "HND", "VEN", "HTI", "CUB", "ECU"]), ("PAN", ["VEN", "HTI", "ECU", "CHN"]),
        ] {
            for (rank, citizen) in citizens.enumerated() {
                builder.series(
                    flow: "DF_MIGR_IRREGULAR", area: area, event: "IRREG_DET", citizenship: citizen, counterpart: "_Z",
                    base: rank == citizens.count - 1 ? 2 : 9_000 / (rank + 1), bySex: false)
            }
        }
        builder.markConfidential(flow: "DF_MIGR_IRREGULAR", area: "PAN", citizenship: "HTI", period: "2025-03")
        return builder.vintages()
    }

    /// Mexico's removals for 2026-01 to 2026-03 as a spreadsheet export in Spanish (the demo's upload):
    /// Spanish column headers, country names and sex labels, read with `mexicoMapping`. One row's total
    /// disagrees with its F + M, so the preview shows a warning.
    public static func mexicoSpreadsheet() -> [UInt8] {
        var lines = ["Mes;Nacionalidad;País de destino;Sexo;Personas;Fuente"]
        var random = SplitMix(seed: 2026)
        for month in 1...3 {
            for country in ["Guatemala", "Honduras", "El Salvador"] {
                let women = 900 + Int(random.next() % 400)
                let men = 2_400 + Int(random.next() % 900)
                // The planted inconsistency: March's Honduran total is ten more than its parts.
                let total = women + men + (month == 3 && country == "Honduras" ? 10 : 0)
                for (label, value) in [("Mujeres", women), ("Hombres", men), ("Total", total)] {
                    lines.append("2026-0\(month);\(country);\(country);\(label);\(value);\(source)")
                }
            }
        }
        return Array((lines.joined(separator: "\n") + "\n").utf8)
    }

    /// `mexicoSpreadsheet()` as an Excel workbook, its one sheet named "Devoluciones": the file the demo's
    /// delegate of Mexico uploads through the page.
    public static func mexicoWorkbook() throws -> [UInt8] {
        let lines = String(decoding: mexicoSpreadsheet(), as: UTF8.self).split(separator: "\n")
        let rows = lines.map { $0.split(separator: ";", omittingEmptySubsequences: false).map(String.init) }
        return Array(try Spreadsheet.xlsx(sheets: [("Devoluciones", rows)]))
    }

    /// The saved mapping of `mexicoSpreadsheet()` and `mexicoWorkbook()`.
    public static let mexicoMapping = SpreadsheetMapping(
        headerRow: 1,
        columns: [
            "Mes": "TIME_PERIOD", "Nacionalidad": "CITIZENSHIP", "País de destino": "COUNTERPART_AREA", "Sexo": "SEX",
            "Personas": "OBS_VALUE", "Fuente": "DATA_SOURCE",
        ],
        constants: [
            "FREQ": "M", "REF_AREA": "MEX", "MIGR_EVENT": "REMOVAL", "AGE": "_T", "BORDER_POINT": "_Z",
            "OBS_STATUS": "A", "UNIT_MEASURE": "PS",
        ],
        labels: ["SEX": ["Mujeres": "F", "Hombres": "M", "Total": "_T"]],
        countryNames: .es)
}

/// A deterministic pseudo-random sequence (SplitMix64): the same data on every machine and run.
struct SplitMix: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Gathers the data set's observations per state and flow.
private struct Builder {
    let structure: DataStructure
    var tables: [String: ObservationTable] = [:]
    var random = SplitMix(seed: 21)

    init(structure: DataStructure) { self.structure = structure }

    func code(_ dimension: KeyDimension, _ id: String) -> UInt16 { structure.codelist(dimension).position(of: id)! }

    mutating func add(
        flow: String, area: String, event: String, citizenship: String, counterpart: String, sex: String,
        border: String, frequency: Period.Frequency, month: Int, value: UInt32
    ) {
        let codes = [
            code(.frequency, frequency.rawValue), code(.referenceArea, area), code(.event, event),
            code(.citizenship, citizenship), code(.counterpartArea, counterpart), code(.sex, sex), code(.age, "_T"),
            code(.borderPoint, border),
        ]
        let unit = structure.codelist(.unitOfMeasure)!.position(of: "PS")!
        let status = structure.codelist(.observationStatus)!.position(of: "A")!
        tables["\(flow)|\(area)", default: ObservationTable()].append(
            ObservationTable.Row(
                codes: codes, period: UInt16(month), value: value, status: UInt8(status), unit: UInt8(unit),
                source: SyntheticDataSet.source, comment: SyntheticDataSet.comment))
    }

    /// Monthly values with a seasonal swing and noise, their annual sums, by sex with totals if asked.
    mutating func series(
        flow: String, area: String, event: String, citizenship: String, counterpart: String, base: Int, bySex: Bool,
        border: String = "_Z"
    ) {
        for year in SyntheticDataSet.years {
            var annual: [String: UInt32] = [:]
            for month in 0..<12 {
                let swing = [0, 2, 5, 8, 10, 7, 4, 1, -2, -5, -8, -6][month]
                let total = max(0, base + base * swing / 100 + Int(random.next() % UInt64(max(base / 10, 1))))
                let value = UInt32(base < 10 ? base : total)
                let women = bySex ? value * 27 / 100 : 0
                let parts: [(String, UInt32)] =
                    bySex ? [("F", women), ("M", value - women), ("_T", value)] : [("_T", value)]
                for (sex, amount) in parts {
                    add(
                        flow: flow, area: area, event: event, citizenship: citizenship, counterpart: counterpart,
                        sex: sex, border: border, frequency: .monthly, month: year * 12 + month, value: amount)
                    annual[sex, default: 0] += amount
                }
            }
            for (sex, amount) in annual.sorted(by: { $0.key < $1.key }) {
                add(
                    flow: flow, area: area, event: event, citizenship: citizenship, counterpart: counterpart, sex: sex,
                    border: border, frequency: .annual, month: year * 12, value: amount)
            }
        }
    }

    /// Entries and exits at each border point and their BORDER_POINT total, monthly.
    mutating func borderSeries(area: String, points: [String], base: Int) {
        for event in ["ENTRY", "EXIT"] {
            for year in SyntheticDataSet.years {
                for month in 0..<12 {
                    var total: UInt32 = 0
                    for (rank, point) in points.enumerated() {
                        let value = UInt32(base / (rank + 1) + Int(random.next() % UInt64(base / 20)))
                        total += value
                        add(
                            flow: "DF_MIGR_MOVEMENTS", area: area, event: event, citizenship: "_U", counterpart: "_Z",
                            sex: "_T", border: point, frequency: .monthly, month: year * 12 + month, value: value)
                    }
                    add(
                        flow: "DF_MIGR_MOVEMENTS", area: area, event: event, citizenship: "_U", counterpart: "_Z",
                        sex: "_T", border: "_T", frequency: .monthly, month: year * 12 + month, value: total)
                }
            }
        }
    }

    /// Marks one monthly observation CONF_STATUS C (confidential).
    mutating func markConfidential(flow: String, area: String, citizenship: String, period: String) {
        guard var table = tables["\(flow)|\(area)"], let month = Period(period, frequency: .monthly) else { return }
        let confidential = UInt8(structure.codelist(.confidentialityStatus)!.position(of: "C")!)
        let monthly = code(.frequency, "M")
        let citizen = code(.citizenship, citizenship)
        for index in 0..<table.count
        where table.periods[index] == month.firstMonth && table.code(.frequency, at: index) == monthly
            && table.code(.citizenship, at: index) == citizen
        {
            table.confidentiality[index] = confidential
        }
        tables["\(flow)|\(area)"] = table
    }

    func vintages() -> [Vintage] {
        tables.keys.sorted().map { key in
            let parts = key.split(separator: "|").map(String.init)
            return Vintage(flow: parts[0], area: parts[1], sequence: 1, observations: tables[key]!)
        }
    }
}

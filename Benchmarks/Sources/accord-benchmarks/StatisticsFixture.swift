import AccordStatistics
import Foundation

/// The statistics benchmark's data: a cube of about ten million monthly observations, 11 reporting states ×
/// 60 citizenships × 3 sexes × 6 ages × 7 events × 120 months, generated from a fixed seed.
///
/// Codes are positions in the structure's codelists, so the columns written for the Python references are
/// the very integers the cube scans.
struct StatisticsFixture {
    static let states = ["BLZ", "CAN", "CRI", "DOM", "GTM", "HND", "MEX", "NIC", "PAN", "SLV", "USA"]
    static let sexes = ["F", "M", "_U"]
    static let ages = ["Y_LT18", "Y18T29", "Y30T44", "Y45T64", "Y_GE65", "_U"]
    static let events = ["ENTRY", "EXIT", "REFUSED", "IRREG_DET", "REMOVAL", "RET_RECV", "WORK_PERMIT"]
    static let firstMonth = 2015 * 12

    let structure: DataStructure
    let table: ObservationTable

    /// - Parameter citizenships: 60 for the full run (9,979,200 observations), fewer for a quick one.
    init(structure: DataStructure, citizenships: Int, months: Int = 120) {
        self.structure = structure
        func positions(_ dimension: KeyDimension, _ ids: [String]) -> [UInt16] {
            ids.map { structure.codelist(dimension).position(of: $0)! }
        }
        let states = positions(.referenceArea, Self.states)
        let citizens = Array(structure.codelist(.citizenship).codes.prefix(citizenships).map(\.id))
        let citizenCodes = positions(.citizenship, citizens)
        let sexes = positions(.sex, Self.sexes)
        let ages = positions(.age, Self.ages)
        let events = positions(.event, Self.events)
        let count = states.count * citizenCodes.count * sexes.count * ages.count * events.count * months
        var columns = Array(repeating: [UInt16](), count: KeyDimension.allCases.count)
        for index in columns.indices { columns[index].reserveCapacity(count) }
        var periods = [UInt16]()
        var values = [UInt32]()
        periods.reserveCapacity(count)
        values.reserveCapacity(count)
        let monthly = structure.codelist(.frequency).position(of: "M")!
        let notApplicable = structure.codelist(.counterpartArea).position(of: "_Z")!
        let noBorder = structure.codelist(.borderPoint).position(of: "_Z")!
        var state: UInt64 = 0x5EED
        for area in states {
            for citizen in citizenCodes {
                for sex in sexes {
                    for age in ages {
                        for event in events {
                            for month in 0..<months {
                                columns[0].append(monthly)
                                columns[1].append(area)
                                columns[2].append(event)
                                columns[3].append(citizen)
                                columns[4].append(notApplicable)
                                columns[5].append(sex)
                                columns[6].append(age)
                                columns[7].append(noBorder)
                                periods.append(UInt16(Self.firstMonth + month))
                                // xorshift: cheap, fixed, and values of any size up to 4,095.
                                state ^= state << 13
                                state ^= state >> 7
                                state ^= state << 17
                                values.append(UInt32(state & 0xFFF))
                            }
                        }
                    }
                }
            }
        }
        let zeros = [UInt8](repeating: 0, count: count)
        table = ObservationTable(codes: columns, periods: periods, values: values, statuses: zeros, units: zeros)
    }

    /// Writes the columns the references read as raw little-endian arrays: `NAME.u16` or `.u32`.
    func writeColumns(to workspace: Workspace) throws {
        func write<T>(_ column: [T], _ name: String) throws {
            try column.withUnsafeBytes { try Data($0).write(to: URL(fileURLWithPath: workspace.path(name))) }
        }
        try write(table.codes[KeyDimension.referenceArea.rawValue], "ref_area.u16")
        try write(table.codes[KeyDimension.event.rawValue], "migr_event.u16")
        try write(table.codes[KeyDimension.citizenship.rawValue], "citizenship.u16")
        try write(table.codes[KeyDimension.sex.rawValue], "sex.u16")
        try write(table.codes[KeyDimension.age.rawValue], "age.u16")
        try write(table.periods, "period.u16")
        try write(table.values, "obs_value.u32")
    }

    /// One state's returns as an upload of about `rows` observations: Mexico's removals and returns received
    /// by citizenship, sex and age, month by month, in SDMX-CSV 2.0 as the writer writes it.
    static func returnsUpload(structure: DataStructure, rows: Int) throws -> [UInt8] {
        let flow = structure.dataflow("DF_MIGR_RETURNS")!
        let sexes = ["F", "M", "_U"]
        let ages = ["Y_LT18", "Y18T29", "Y30T44", "Y45T64", "Y_GE65", "_U"]
        let perCitizen = 2 * sexes.count * ages.count * 120
        let citizens = structure.codelist(.citizenship).codes.prefix((rows + perCitizen - 1) / perCitizen).map(\.id)
        var lines = [
            "STRUCTURE,STRUCTURE_ID,ACTION,FREQ,REF_AREA,MIGR_EVENT,CITIZENSHIP,COUNTERPART_AREA,SEX,AGE,BORDER_POINT,TIME_PERIOD,OBS_VALUE,OBS_STATUS,CONF_STATUS,UNIT_MEASURE,DATA_SOURCE,COMMENT_OBS"
        ]
        var value: UInt64 = 7
        outer: for citizen in citizens {
            for event in ["REMOVAL", "RET_RECV"] {
                for sex in sexes {
                    for age in ages {
                        for month in 0..<120 {
                            value = (value &* 6_364_136_223_846_793_005 &+ 1) >> 1
                            let period = Period(frequency: .monthly, month: StatisticsFixture.firstMonth + month)
                            lines.append(
                                "dataflow,\(structure.reference(of: flow)),I,M,MEX,\(event),\(citizen),_Z,\(sex),\(age),_Z,\(period),\(value % 900 + 50),A,F,PS,Synthetic benchmark data,"
                            )
                            if lines.count > rows { break outer }
                        }
                    }
                }
            }
        }
        return Array((lines.joined(separator: "\n") + "\n").utf8)
    }
}

extension Period {
    /// The month `month` (an index from January of year 0) as a period.
    init(frequency: Frequency, month: Int) {
        self.init(year: month / 12, frequency: .monthly, part: month % 12 + 1)!
    }
}

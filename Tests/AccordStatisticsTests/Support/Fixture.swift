import AccordCore
import Foundation

@testable import AccordStatistics

/// The structure, read once for all tests.
let structure: DataStructure = try! DataStructure.migrationFlows()
let returns = structure.dataflow("DF_MIGR_RETURNS")!
let movements = structure.dataflow("DF_MIGR_MOVEMENTS")!

/// The header of the SDMX-CSV files the tests write.
let header =
    "STRUCTURE,STRUCTURE_ID,ACTION,FREQ,REF_AREA,MIGR_EVENT,CITIZENSHIP,COUNTERPART_AREA,SEX,AGE,BORDER_POINT,TIME_PERIOD,OBS_VALUE,OBS_STATUS,CONF_STATUS"

/// One SDMX-CSV row of the returns flow: the key's codes with defaults, the period and the value.
func row(
    freq: String = "M", area: String = "GTM", event: String = "RET_RECV", citizenship: String = "GTM",
    counterpart: String = "MEX", sex: String = "_T", age: String = "_T", border: String = "_T",
    period: String = "2024-01", value: String = "10", status: String = "A", confidentiality: String = "",
    structureID: String = "RCM:DF_MIGR_RETURNS(1.0)", action: String = "I"
) -> String {
    [
        "dataflow", structureID, action, freq, area, event, citizenship, counterpart, sex, age, border, period, value,
        status, confidentiality,
    ].joined(separator: ",")
}

/// An SDMX-CSV file of `rows` under `header`.
func file(_ rows: [String], header: String = header) -> [UInt8] {
    Array(([header] + rows).joined(separator: "\n").utf8)
}

/// Checks `rows` as Guatemala's returns upload, against `previous` and `others`.
func check(
    _ rows: [String], area: String? = "GTM", previous: ObservationTable = .init(), others: [ObservationTable] = [],
    header: String = header
) -> UploadReport {
    Upload(structure: structure, flow: returns, reportingArea: area, previous: previous, others: others)
        .validate(sdmxCSV: file(rows, header: header))
}

/// The bytes a writer sends, gathered.
func written(_ write: (@escaping ByteSink) throws -> Void) rethrows -> String {
    let collected = Collected()
    try write { collected.bytes.append(contentsOf: $0) }
    return String(decoding: collected.bytes, as: UTF8.self)
}

final class Collected: @unchecked Sendable {
    var bytes: [UInt8] = []
}

/// The single problem of `rule` in `report`; fails the test when there is not exactly one.
func only(_ rule: Rule, in report: UploadReport) -> Problem? {
    let found = report.problems.problems.filter { $0.rule == rule }
    return found.count == 1 ? found[0] : nil
}

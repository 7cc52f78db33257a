/// What reading an upload gives: the observations that passed the row checks, the file row of each, and
/// the problems found so far.
public struct ReadResult: Sendable {
    public var table: ObservationTable
    /// The file row each observation of `table` came from.
    public var rows: [Int]
    public var problems: ProblemList
}

/// Reads an SDMX-CSV 2.0 data message for one dataflow of `RCM:DSD_MIGR_FLOW(1.0)`.
///
/// The header must start `STRUCTURE` (optionally `STRUCTURE[;]`, whose following character is the
/// separator), then `STRUCTURE_ID`; `ACTION`, `SERIES_KEY`, `OBS_KEY` and `STRUCTURE_NAME` may follow; then
/// the components, in any order, written as their ID or as `ID: name` (`labels=both`). Every dimension,
/// TIME_PERIOD and OBS_VALUE must be there; attributes may be left out (OBS_STATUS then reads A, normal
/// value, and UNIT_MEASURE PS, persons). Custom columns are allowed, as the specification allows them,
/// and ignored. Each row must say `dataflow`, this flow's `RCM:ID(version)` and an action I, A or R: a
/// vintage is a complete submission, so a deletion is a resubmission without the observation.
public struct SDMXCSVReader: Sendable {
    public let structure: DataStructure
    public let flow: Dataflow
    /// The delegation's REF_AREA; nil when the Secretariat reads a file for any state.
    public let reportingArea: String?

    public init(structure: DataStructure, flow: Dataflow, reportingArea: String?) {
        self.structure = structure
        self.flow = flow
        self.reportingArea = reportingArea
    }

    /// Reads `bytes`, an SDMX-CSV 2.0 file.
    public func read(_ bytes: [UInt8]) -> ReadResult {
        var problems = ProblemList()
        var decoder = ObservationDecoder(
            structure: structure, flow: flow, reportingArea: reportingArea, capacity: bytes.count / 64)
        guard let separator = Self.separator(of: bytes) else {
            problems.append(
                Problem(
                    .columns, row: 1, column: nil, code: nil,
                    "an SDMX-CSV 2.0 file starts with the column STRUCTURE, then STRUCTURE_ID"))
            return ReadResult(table: ObservationTable(), rows: [], problems: problems)
        }
        var records = CSVRecords(bytes, separator: separator)
        guard let header = records.next(), let layout = Layout(header.fields, problems: &problems) else {
            return ReadResult(table: ObservationTable(), rows: [], problems: problems)
        }
        let expectedID = Array(structure.reference(of: flow).utf8)
        while let (line, fields) = records.next() {
            guard fields.count == layout.width else {
                problems.append(
                    Problem(
                        .columns, row: line, column: nil, code: nil,
                        "the row has \(fields.count) fields where the header has \(layout.width)"))
                continue
            }
            if !fields[0].elementsEqual("dataflow".utf8) {
                problems.append(
                    Problem(
                        .structure, row: line, column: "STRUCTURE", code: fields[0].text,
                        "STRUCTURE must be 'dataflow'"))
                continue
            }
            if !fields[1].elementsEqual(expectedID) {
                problems.append(
                    Problem(
                        .structure, row: line, column: "STRUCTURE_ID", code: fields[1].text,
                        "this upload is for \(structure.reference(of: flow))"))
                continue
            }
            if let action = layout.action, let byte = fields[action].first, fields[action].count == 1,
                byte != UInt8(ascii: "I"), byte != UInt8(ascii: "A"), byte != UInt8(ascii: "R")
            {
                problems.append(
                    Problem(
                        .structure, row: line, column: "ACTION", code: fields[action].text,
                        "ACTION must be I, A or R: a resubmission replaces the whole vintage, so leave an observation out to delete it"
                    ))
                continue
            } else if let action = layout.action, fields[action].count > 1 {
                problems.append(
                    Problem(
                        .structure, row: line, column: "ACTION", code: fields[action].text,
                        "ACTION must be one letter: I, A or R"))
                continue
            }
            decoder.decode(row: line, problems: &problems) { field in
                layout.columns[field.rawValue].map { fields[$0] }
            }
        }
        let (table, rows) = decoder.finish()
        return ReadResult(table: table, rows: rows, problems: problems)
    }

    /// The separator an SDMX-CSV 2.0 file uses: the character after `STRUCTURE` or `STRUCTURE[x]`.
    static func separator(of bytes: [UInt8]) -> UInt8? {
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        guard bytes[index...].starts(with: "STRUCTURE".utf8) else { return nil }
        index += 9
        if index < bytes.count, bytes[index] == UInt8(ascii: "[") {
            guard let close = bytes[index...].firstIndex(of: UInt8(ascii: "]")) else { return nil }
            index = close + 1
        }
        guard index < bytes.count, bytes[index] != UInt8(ascii: "\n"), bytes[index] != UInt8(ascii: "\r") else {
            return nil
        }
        return bytes[index]
    }

    /// Where each component is in the file's rows.
    private struct Layout {
        var width: Int
        var action: Int?
        /// The column of each `Field`, nil where the file has none.
        var columns: [Int?] = Array(repeating: nil, count: Field.allCases.count)

        init?(_ header: [ArraySlice<UInt8>], problems: inout ProblemList) {
            width = header.count
            let names = header.map { field -> String in
                let text = field.trimmed.text
                // `labels=both` writes "ID: name"; the ID is what identifies the column.
                return text.range(of: ": ").map { String(text[..<$0.lowerBound]) } ?? text
            }
            let before = problems.errorCount
            if names.count < 2 || names[1] != "STRUCTURE_ID" {
                problems.append(
                    Problem(
                        .columns, row: 1, column: names.count > 1 ? names[1] : nil, code: nil,
                        "the second column must be STRUCTURE_ID"))
            }
            for (index, name) in names.enumerated().dropFirst(2) {
                if name == "ACTION" {
                    action = index
                } else if let field = Field(id: name) {
                    if columns[field.rawValue] != nil {
                        problems.append(
                            Problem(.columns, row: 1, column: name, code: nil, "the column \(name) appears twice"))
                    }
                    columns[field.rawValue] = index
                }
            }
            for field in Field.allCases where field.isRequired && columns[field.rawValue] == nil {
                problems.append(
                    Problem(
                        .columns, row: 1, column: field.id, code: nil,
                        "the column \(field.id) is missing: every dimension, TIME_PERIOD and OBS_VALUE must have one"))
            }
            if problems.errorCount > before { return nil }
        }
    }
}

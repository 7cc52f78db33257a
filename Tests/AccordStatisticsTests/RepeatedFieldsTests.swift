import Testing

@testable import AccordStatistics

/// A row that repeats the last row's codes before TIME_PERIOD and OBS_VALUE, or its attributes after them,
/// byte for byte, is read without reading those fields again. What the reader reads must not depend on it:
/// every file reads the same observations, rows and problems both ways.
@Suite struct RepeatedFieldsTests {
    /// Reads `text` keeping two first and two last fields where they repeat: each record's fields, and
    /// which parts it kept (H for the head, T for the tail).
    func read(_ text: String, forgettingAfter forget: Set<Int> = []) -> (fields: [[String]], kept: [String]) {
        var records = CSVRecords(Array(text.utf8), repeating: (2, 2))
        var fields: [Range<Int>] = []
        var result: ([[String]], [String]) = ([], [])
        while records.next(into: &fields) != nil {
            result.0.append(fields.map { records.bytes.text($0) })
            result.1.append("\(records.keptHead ? "H" : "-")\(records.keptTail ? "T" : "-")")
            if forget.contains(result.0.count) { records.forgetRepeats() }
        }
        return result
    }

    @Test func aSeriesRepeatsItsCodesAndAttributes() {
        let read = read("a,b,1,x,y\r\na,b,2,x,y\na,b,3,x,z\na,c,4,x,z\na,c,5,x,z")
        // The second row keeps both; the third its codes only (its last attribute changed); the fourth its
        // attributes only; the fifth both, at the end of the input.
        #expect(read.kept == ["--", "HT", "H-", "-T", "HT"])
        #expect(
            read.fields == [
                ["a", "b", "1", "x", "y"], ["a", "b", "2", "x", "y"], ["a", "b", "3", "x", "z"],
                ["a", "c", "4", "x", "z"], ["a", "c", "5", "x", "z"],
            ])
    }

    @Test func aRowThatOnlyLooksLikeTheLastIsReadWhole() {
        // The tail's bytes followed by more; a field too many, then one fewer; a quoted field; a carriage
        // return before a separator, inside the head and at its end; after the caller forgets, the whole of
        // the next row.
        let read = read(
            "a,b,1,x,y\na,b,2,x,yz\na,b,3,x,y,w\na,b,4,x,y\n\"a\",b,5,x,y\na,b,6,x,y\na\r,b,7,x,y\na\r,b,8,x,y\n"
                + "a,b,9,x,y\na,b,10,x,y\na,b\r,11,x,y\na,b\r,12,x,y\n",
            forgettingAfter: [9])
        #expect(
            read.fields == [
                ["a", "b", "1", "x", "y"], ["a", "b", "2", "x", "yz"], ["a", "b", "3", "x", "y", "w"],
                ["a", "b", "4", "x", "y"], ["a", "b", "5", "x", "y"], ["a", "b", "6", "x", "y"],
                ["a", "b", "7", "x", "y"], ["a", "b", "8", "x", "y"], ["a", "b", "9", "x", "y"],
                ["a", "b", "10", "x", "y"], ["a", "b", "11", "x", "y"], ["a", "b", "12", "x", "y"],
            ])
        #expect(read.kept == ["--", "H-", "H-", "H-", "-T", "--", "-T", "HT", "-T", "--", "-T", "--"])
    }

    @Test func observationsKeepFileOrderAcrossSeriesAndAttributeChanges() {
        // The decoder keeps a series' rows as one run: a change of status, of series, and a return to the
        // first series must each start a run of their own, in file order.
        let report = check([
            row(citizenship: "GTM", period: "2024-01", value: "1"),
            row(citizenship: "GTM", period: "2024-02", value: "2"),
            row(citizenship: "GTM", period: "2024-03", value: "3", status: "E"),
            row(citizenship: "HND", period: "2024-01", value: "4"),
            row(citizenship: "GTM", period: "2024-04", value: "5"),
            row(citizenship: "GTM", period: "2024-05", value: "", status: "M"),
        ])
        #expect(!report.problems.hasErrors)
        let table = report.table
        let citizenships = structure.codelist(.citizenship)
        #expect(
            table.codes[KeyDimension.citizenship.rawValue].map { citizenships[$0].id } == [
                "GTM", "GTM", "GTM", "HND", "GTM", "GTM",
            ])
        #expect(table.values == [1, 2, 3, 4, 5, ObservationTable.missing])
        #expect(table.periods.map { Int($0) % 12 + 1 } == [1, 2, 3, 1, 4, 5])
        let statuses = structure.codelist(.observationStatus)!
        #expect(table.statuses.map { statuses[UInt16($0)].id } == ["A", "A", "E", "A", "A", "M"])
        #expect(report.rows == [2, 3, 4, 5, 6, 7])
    }

    /// Random files of series with every kind of variation the reader meets: codes that change or are
    /// wrong mid-series, attributes that change, quoted and doubled-quote fields, CRLF and LF, blank lines,
    /// rows with a field too many, free texts with separators; read with and without taking repeats as read.
    @Test(arguments: 0..<60) func aFileReadsTheSameEitherWay(seed: UInt64) {
        var random = SplitMix(seed: seed)
        let withTexts = seed % 2 == 0
        let header =
            "STRUCTURE,STRUCTURE_ID,ACTION,FREQ,REF_AREA,MIGR_EVENT,CITIZENSHIP,COUNTERPART_AREA,SEX,AGE,BORDER_POINT,"
            + "TIME_PERIOD,OBS_VALUE,OBS_STATUS,CONF_STATUS" + (withTexts ? ",DATA_SOURCE,COMMENT_OBS" : "")
        func pick(_ choices: [String]) -> String { choices[Int(random.next() % UInt64(choices.count))] }
        var lines: [String] = []
        for _ in 0..<(8 + Int(random.next() % 8)) {
            var codes = [
                "dataflow", pick(Array(repeating: "RCM:DF_MIGR_RETURNS(1.0)", count: 7) + ["RCM:OTHER(1.0)"]),
                pick(["I", "I", "I", "", "A", "I", "I", "X"]), "M", pick(Array(repeating: "GTM", count: 7) + ["MEX"]),
                pick(Array(repeating: "RET_RECV", count: 7) + ["ENTRY"]),
                pick(["GTM", "HND", "SLV", "GTM", "HND", "SLV", "ZZZ"]), "MEX",
                pick(["F", "M", "_T", "\"F\""]), pick(["_T", "Y_LT18"]), "_T",
            ]
            var attributes = [pick(["A", "A", "E", "M"]), pick(["", "F", "C", "\"C\""])]
            if withTexts {
                attributes += [pick(["INE", "\"INE, Guatemala\"", ""]), pick(["", "\"dicho \"\"así\"\"\""])]
            }
            for month in 1...(3 + Int(random.next() % 10)) {
                if random.next() % 10 == 0 { codes[6] = pick(["GTM", "HND", "ZZZ"]) }
                if random.next() % 8 == 0 { attributes[0] = pick(["A", "E", "M", "Q"]) }
                let period = pick(Array(repeating: "2024-\(month < 10 ? "0" : "")\(month)", count: 7) + ["2024"])
                let value = pick(Array(repeating: "\(random.next() % 500)", count: 9) + ["", "1.5", "NaN"])
                var line = (codes + [period, value] + attributes).joined(separator: ",")
                if random.next() % 25 == 0 { line += ",extra" }
                lines.append(line + pick(["\n", "\n", "\r\n", "\n\n"]))
            }
        }
        let bytes = Array((header + "\n" + lines.joined()).utf8)
        var once = SDMXCSVReader(structure: structure, flow: returns, reportingArea: "GTM")
        let read = once.read(bytes, processors: 1)
        once.readsRepeatsOnce = false
        let whole = once.read(bytes, processors: 1)
        #expect(read.table.codes == whole.table.codes)
        #expect(read.table.periods == whole.table.periods)
        #expect(read.table.values == whole.table.values)
        #expect(read.table.statuses == whole.table.statuses)
        #expect(read.table.confidentiality == whole.table.confidentiality)
        #expect(read.table.units == whole.table.units)
        #expect(
            read.table.sources.map { read.table.texts[Int($0)] }
                == whole.table.sources.map { whole.table.texts[Int($0)] })
        #expect(
            read.table.comments.map { read.table.texts[Int($0)] }
                == whole.table.comments.map { whole.table.texts[Int($0)] })
        #expect(read.rows == whole.rows)
        #expect(read.problems.problems == whole.problems.problems)
        #expect(read.replacesVintage == whole.replacesVintage)
        // The files are made so that some rows are clean and some are not.
        #expect(!whole.rows.isEmpty)
    }
}

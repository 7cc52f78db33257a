import Testing

@testable import AccordStatistics

/// Each warning rule of issue 21 §2: shown with row, column and code, and never blocking the upload.
@Suite struct WarningRuleTests {
    @Test func femaleAndMaleMustSumToTheTotal() {
        let report = check([
            row(sex: "F", value: "4"), row(sex: "M", value: "5"), row(sex: "_U", value: "2"),
            row(sex: "_T", value: "12"),
        ])
        let problem = only(.sexTotal, in: report)
        #expect(problem?.row == 5)
        #expect(problem?.column == "SEX")
        #expect(problem?.code == "_T")
        #expect(problem?.message.contains("sum to 11") == true)
        #expect(report.canCommit)
    }

    @Test func ageBandsMustSumToTheTotal() {
        let report = check([row(age: "Y_LT18", value: "3"), row(age: "Y18T29", value: "5"), row(age: "_T", value: "9")])
        let problem = only(.ageTotal, in: report)
        #expect(problem?.row == 4)
        #expect(problem?.column == "AGE")
        #expect(problem?.code == "_T")
        #expect(report.canCommit)
    }

    @Test func borderPointsMustSumToTheTotal() {
        let report = check([
            row(border: "GTM_TECUN_UMAN", value: "30"), row(border: "GTM_AURORA_AIR", value: "20"),
            row(border: "_T", value: "49"),
        ])
        let problem = only(.borderPointTotal, in: report)
        #expect(problem?.row == 4)
        #expect(problem?.column == "BORDER_POINT")
        #expect(problem?.code == "_T")
    }

    @Test func monthsMustSumToTheYear() {
        let months = (1...12).map { row(period: $0 < 10 ? "2024-0\($0)" : "2024-\($0)", value: "10") }
        let report = check(months + [row(freq: "A", period: "2024", value: "125")])
        let problem = only(.monthsSumToYear, in: report)
        #expect(problem?.row == 14)
        #expect(problem?.column == "OBS_VALUE")
        #expect(problem?.code == "125")
        #expect(problem?.message.contains("sum to 120") == true)
        #expect(only(.monthsSumToYear, in: check(months + [row(freq: "A", period: "2024", value: "120")])) == nil)
    }

    @Test func aValueAboveThreeTimesTheMedianOfTheLastTwelveMonthsIsFlagged() {
        let values = [10, 12, 11, 9, 10, 13, 10, 11, 12, 10, 9, 10, 40, 31]
        let rows = values.enumerated().map { month, value in
            row(period: "\(2024 + month / 12)-\(month % 12 < 9 ? "0" : "")\(month % 12 + 1)", value: "\(value)")
        }
        let report = check(rows)
        let problem = only(.outlier, in: report)
        // 40 (2025-01) is above 3 × 10.5; 31 is not above 3 × 10.5 = 31.5.
        #expect(problem?.row == 14)
        #expect(problem?.code == "40")
        #expect(problem?.column == "OBS_VALUE")
        #expect(problem?.sentence.en.contains("more than 3× the median (10) of the previous twelve months") == true)
    }

    @Test func outliersAreFoundInEveryHalfOfTheSeries() {
        // Many series, each with one outlier in its last month: the check runs on two halves of the series
        // at once, and must find each once.
        let citizens = ["GTM", "HND", "SLV", "NIC", "CRI", "PAN", "BLZ", "MEX"]
        var rows: [String] = []
        for citizen in citizens {
            for month in 1...12 {
                rows.append(
                    row(
                        citizenship: citizen, period: "2024-\(month < 10 ? "0" : "")\(month)",
                        value: month == 12 ? "90" : "10"))
            }
        }
        let report = check(rows)
        let outliers = report.problems.problems.filter { $0.rule == .outlier }
        #expect(outliers.compactMap(\.row).sorted() == citizens.indices.map { $0 * 12 + 13 })
        #expect(outliers.allSatisfy { $0.sentence.en.contains("the median (10)") })
    }

    @Test func returnsReceivedAreCheckedAgainstTheOtherStatesRemovals() {
        // Mexico's current vintage: 100 removals of Guatemalans to Guatemala in January.
        let mexico = check(
            [row(area: "MEX", event: "REMOVAL", citizenship: "GTM", counterpart: "GTM", value: "100")], area: "MEX"
        ).table
        #expect(mexico.count == 1)
        let report = check(
            [row(value: "80"), row(period: "2024-02", value: "70")], others: [mexico])
        let problem = only(.mirror, in: report)
        #expect(problem?.row == 2)
        #expect(problem?.code == "80")
        #expect(problem?.message.contains("MEX reports 100 removals of GTM citizens") == true)
        // Within 10% there is nothing to say.
        #expect(only(.mirror, in: check([row(value: "95")], others: [mexico])) == nil)
        // And the check runs the other way, for Mexico's upload against Guatemala's vintage.
        let guatemala = check([row(value: "80")]).table
        let fromMexico = check(
            [row(area: "MEX", event: "REMOVAL", citizenship: "GTM", counterpart: "GTM", value: "100")], area: "MEX",
            others: [guatemala])
        #expect(only(.mirror, in: fromMexico)?.message.contains("GTM reports 80 returns received from MEX") == true)
    }

    @Test func aReplacementComparesWithThePreviousVintageAndDeletesWhatItLeavesOut() {
        let previous = check([
            row(period: "2024-01", value: "10"), row(period: "2024-02", value: "20"),
            row(period: "2024-03", value: "30"),
        ]).table
        let report = check(
            [
                row(period: "2024-01", value: "10", action: "R"), row(period: "2024-02", value: "21", action: "R"),
                row(period: "2024-04", value: "40", action: "R"),
            ],
            previous: previous)
        let preview = try! #require(report.preview)
        #expect(report.replacesVintage)
        #expect(preview.unchanged == 1)
        #expect(preview.added.map { report.table.periods[$0] } == [UInt16(2024 * 12 + 3)])
        #expect(preview.changed.map { report.table.values[$0.new] } == [21])
        #expect(preview.deleted.map { previous.values[$0] } == [30])
        #expect(preview.kept.isEmpty)
        #expect(report.vintage.values.sorted() == [10, 21, 40])
    }

    @Test(
        "an upload with ACTION I, A, M or none adds to the previous vintage: what it leaves out is kept",
        arguments: ["I", "A", "M", ""])
    func anAdditionKeepsWhatItLeavesOut(_ action: String) {
        let previous = check([
            row(period: "2024-01", value: "10"), row(period: "2024-02", value: "20"),
            row(period: "2024-03", value: "30"),
        ]).table
        let report = check(
            [row(period: "2024-02", value: "21", action: action), row(period: "2024-04", value: "40", action: action)],
            previous: previous)
        let preview = try! #require(report.preview)
        #expect(!report.replacesVintage)
        #expect(preview.deleted.isEmpty)
        #expect(preview.kept.map { previous.values[$0] }.sorted() == [10, 30])
        #expect(preview.changed.map { report.table.values[$0.new] } == [21])
        #expect(preview.added.map { report.table.values[$0] } == [40])
        // The vintage committed holds both: the file's figures, February's revised, and January's and March's.
        #expect(report.table.count == 2)
        #expect(report.vintage.count == 4)
        let byMonth = Dictionary(
            uniqueKeysWithValues: report.vintage.periods.indices.map {
                (report.vintage.periods[$0] - UInt16(2024 * 12), report.vintage.values[$0])
            })
        #expect(byMonth == [0: 10, 1: 21, 2: 30, 3: 40])
    }

    @Test func anAdditionIsWarnedAgainstTheObservationsItKeeps() {
        // Three earlier months in the vintage; the new month alone is ten times them.
        let previous = check([
            row(period: "2024-01", value: "10"), row(period: "2024-02", value: "10"),
            row(period: "2024-03", value: "10"), row(sex: "F", period: "2024-05", value: "5"),
            row(sex: "M", period: "2024-05", value: "5"),
        ]).table
        let report = check(
            [row(period: "2024-04", value: "100"), row(period: "2024-05", value: "12")], previous: previous)
        // April against January to March, and May's total against the breakdowns kept: each named at its file row.
        #expect(only(.outlier, in: report)?.row == 2)
        #expect(only(.sexTotal, in: report)?.row == 3)
        #expect(report.canCommit)
        // Replacing instead, the breakdowns are gone and so is the total's warning; the months are gone too.
        let replacing = check(
            [row(period: "2024-04", value: "100", action: "R"), row(period: "2024-05", value: "12", action: "R")],
            previous: previous)
        #expect(replacing.problems.warnings.isEmpty)
    }

    @Test func keptObservationsKeepTheirAttributes() {
        let earlier = file(
            [
                "dataflow,RCM:DF_MIGR_RETURNS(1.0),I,M,GTM,RET_RECV,GTM,MEX,_T,_T,_T,2024-01,,M,C,PS,INM,\"no data\"",
                "dataflow,RCM:DF_MIGR_RETURNS(1.0),I,M,GTM,RET_RECV,GTM,MEX,_T,_T,_T,2024-02,7,A,F,PS,,",
            ], header: header + ",UNIT_MEASURE,DATA_SOURCE,COMMENT_OBS")
        let upload = Upload(structure: structure, flow: returns, reportingArea: "GTM")
        let previous = upload.validate(sdmxCSV: earlier).table
        #expect(previous.count == 2)
        var again = upload
        again.previous = previous
        let report = again.validate(sdmxCSV: file([row(period: "2024-02", value: "8")]))
        #expect(report.vintage.count == 2)
        let kept = try! #require(
            (0..<report.vintage.count).first { report.vintage.periods[$0] == UInt16(2024 * 12) })
        #expect(report.vintage[kept] == previous[0])
        #expect(report.vintage[kept].value == nil)
        #expect(report.vintage[kept].comment == "no data" && report.vintage[kept].source == "INM")
        #expect(
            structure.codelist(Attribute.confidentialityStatus)![UInt16(report.vintage[kept].confidentiality)].id == "C"
        )
    }

    @Test func aFileWithNoObservationsIsRefused() {
        let report = check([], previous: check([row()]).table)
        #expect(!report.canCommit)
        #expect(report.problems.errors.first?.message == "the file has no observations")
    }

    @Test func aFileWithoutAnActionColumnAddsToTheVintage() {
        let previous = check([row(period: "2024-01", value: "10")]).table
        let noAction = header.replacingOccurrences(of: "ACTION,", with: "")
        let report = check(
            [row(period: "2024-02", value: "20").replacingOccurrences(of: ",I,", with: ",")], previous: previous,
            header: noAction)
        #expect(report.canCommit)
        #expect(!report.replacesVintage)
        #expect(report.vintage.count == 2)
    }

    @Test func aFileMixingReplacementAndAdditionIsRefusedAtTheRowThatDiffers() {
        let report = check(
            [
                row(period: "2024-01", action: "R"), row(period: "2024-02", action: "R"),
                row(period: "2024-03", action: "A"),
            ]
        )
        let problem = try! #require(report.problems.errors.first { $0.column == "ACTION" })
        #expect(problem.rule == .structure)
        #expect(problem.row == 4)
        #expect(problem.message.contains("row 2 says R and row 4 does not"))
        #expect(!report.canCommit)
    }

    @Test func aDeletionRowIsRefusedSayingHowToDelete() {
        let report = check([row(period: "2024-01", action: "D")])
        let problem = try! #require(report.problems.errors.first { $0.column == "ACTION" })
        #expect(problem.message.contains("ACTION R on every row"))
    }

    @Test func noPreviewWhileThereAreErrors() {
        #expect(check([row(value: "-1")]).preview == nil)
    }
}

import Testing

@testable import AccordStatistics

/// Each error rule of issue 21 §2, triggered by a file, with its row, column and code.
@Suite struct ErrorRuleTests {
    @Test func aCleanFileHasNoProblem() {
        let report = check([row(sex: "F", value: "4"), row(sex: "M", value: "6"), row(sex: "_T", value: "10")])
        #expect(report.problems.problems.isEmpty)
        #expect(report.canCommit)
        #expect(report.table.count == 3)
        #expect(report.preview?.added.count == 3)
    }

    @Test func aMissingDimensionColumnIsNamed() {
        let noSex = header.replacingOccurrences(of: ",SEX,", with: ",")
        let rows = [row().replacingOccurrences(of: ",MEX,_T,", with: ",MEX,")]
        let report = check(rows, header: noSex)
        let problem = only(.columns, in: report)
        #expect(problem?.row == 1)
        #expect(problem?.column == "SEX")
        #expect(!report.canCommit)
    }

    @Test func theFirstColumnMustBeStructure() {
        let report = check([row()], header: "DATAFLOW" + header.dropFirst("STRUCTURE".count))
        #expect(only(.columns, in: report)?.row == 1)
    }

    @Test func aRowWithTheWrongNumberOfFieldsIsNamed() {
        let report = check([row(), row(period: "2024-02") + ",extra"])
        let problem = only(.columns, in: report)
        #expect(problem?.row == 3)
        #expect(problem?.message.contains("16 fields") == true)
    }

    @Test func anotherDataflowOrADeletionIsRefused() {
        let report = check([row(structureID: "RCM:DF_MIGR_MOVEMENTS(1.0)"), row(period: "2024-02", action: "D")])
        let problems = report.problems.problems.filter { $0.rule == .structure }
        #expect(problems.map(\.row) == [2, 3])
        #expect(problems.map(\.column) == ["STRUCTURE_ID", "ACTION"])
        #expect(problems.map(\.code) == ["RCM:DF_MIGR_MOVEMENTS(1.0)", "D"])
    }

    @Test func everyCodeMustBeInItsCodelist() {
        let report = check([row(), row(citizenship: "XXY", period: "2024-02")])
        let problem = only(.codelist, in: report)
        #expect(problem?.row == 3)
        #expect(problem?.column == "CITIZENSHIP")
        #expect(problem?.code == "XXY")
        #expect(problem?.message.contains("RCM:CL_CITIZENSHIP(1.0)") == true)
    }

    @Test func anEventOutsideTheDataflowIsRefused() {
        let problem = only(.codelist, in: check([row(event: "ENTRY")]))
        #expect(problem?.column == "MIGR_EVENT")
        #expect(problem?.code == "ENTRY")
        #expect(problem?.message.contains("DF_MIGR_RETURNS") == true)
    }

    @Test func anAttributeCodeMustBeInItsCodelist() {
        let problem = only(.codelist, in: check([row(confidentiality: "Z")]))
        #expect(problem?.column == "CONF_STATUS")
        #expect(problem?.code == "Z")
    }

    @Test func aDelegationReportsOnlyItsOwnArea() {
        let report = check([row(), row(area: "MEX", period: "2024-02")], area: "GTM")
        let problem = only(.referenceArea, in: report)
        #expect(problem?.row == 3)
        #expect(problem?.column == "REF_AREA")
        #expect(problem?.code == "MEX")
        // The Secretariat may upload for any state.
        #expect(check([row(area: "MEX")], area: nil).canCommit)
    }

    @Test func theTimePeriodMustMatchTheFrequency() {
        let report = check([
            row(freq: "A", period: "2024-01"), row(freq: "Q", period: "2024-Q5"), row(freq: "M", period: "2024"),
        ])
        let problems = report.problems.problems.filter { $0.rule == .timePeriod }
        #expect(problems.map(\.row) == [2, 3, 4])
        #expect(problems.map(\.code) == ["2024-01", "2024-Q5", "2024"])
        #expect(problems.allSatisfy { $0.column == "TIME_PERIOD" })
        #expect(check([row(freq: "Q", period: "2024-Q4"), row(freq: "A", period: "2024")]).canCommit)
    }

    @Test func aKeyMayNotBeReportedTwice() {
        let report = check([row(value: "10"), row(period: "2024-02"), row(value: "12")])
        let problem = only(.duplicateKey, in: report)
        #expect(problem?.row == 4)
        #expect(problem?.code == "M.GTM.RET_RECV.GTM.MEX._T._T._T:2024-01")
        #expect(problem?.message.contains("row 2") == true)
    }

    @Test func valuesAreWholeNumbersFromZeroOrMissingWithStatusM() {
        let report = check([
            row(value: "-5"), row(period: "2024-02", value: "12.5"), row(period: "2024-03", value: ""),
            row(period: "2024-04", value: "7", status: "M"), row(period: "2024-05", value: "", status: "M"),
            row(period: "2024-06", value: "0"),
        ])
        let problems = report.problems.problems.filter { $0.rule == .value }
        #expect(problems.map(\.row) == [2, 3, 4, 5])
        #expect(problems.map(\.code) == ["-5", "12.5", "", "M"])
        #expect(problems.map(\.column) == ["OBS_VALUE", "OBS_VALUE", "OBS_VALUE", "OBS_STATUS"])
        // The missing value marked M and the zero are read.
        #expect(report.table.count == 2)
        #expect(report.table.values.contains(ObservationTable.missing))
    }

    @Test func manyProblemsOfOneRuleAreCountedButKeptToALimit() {
        let rows = (0..<1_500).map { row(period: "2024-0\($0 % 9 + 1)", structureID: "RCM:OTHER(1.0)") }
        let report = check(rows)
        #expect(report.problems.counts[.structure] == 1_500)
        #expect(report.problems.problems.count == ProblemList.limit)
    }
}

/// Every problem is said in the three languages of the pages, each its own sentence.
@Suite struct ProblemLanguageTests {
    @Test func everyProblemHasASentenceInEachLanguage() {
        let rows = [
            row(citizenship: "XXY"), row(area: "MEX", period: "2024-02"), row(period: "2024/03"),
            row(period: "2024-04", value: "-1"), row(period: "2024-05", value: "", status: "A"),
            row(period: "2024-06", value: "4", status: "M"), row(event: "ENTRY", period: "2024-07"),
            row(period: "2024-08", action: "D"), row(sex: "", period: "2024-09"), row(), row(),
        ]
        let problems = check(rows).problems.problems
        #expect(problems.count >= 10)
        for problem in problems {
            let (es, en, fr) = (problem.message(in: .es), problem.message(in: .en), problem.message(in: .fr))
            #expect(en == problem.message)
            #expect(es != en && fr != en && es != fr, "\(problem)")
        }
    }
}

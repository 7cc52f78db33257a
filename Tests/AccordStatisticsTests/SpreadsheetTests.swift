import Foundation
import Testing
import ZIPFoundation

@testable import AccordStatistics

/// Spreadsheet exports read through a saved mapping: the demo's Spanish CSV and an XLSX workbook.
@Suite struct SpreadsheetTests {
    let upload = Upload(structure: structure, flow: returns, reportingArea: "MEX")

    @Test func theDemoSpreadsheetReadsWithItsMappingAndWarnsOnce() throws {
        let report = upload.validate(
            spreadsheet: Spreadsheet(csv: SyntheticDataSet.mexicoSpreadsheet()), mapping: SyntheticDataSet.mexicoMapping
        )
        #expect(report.problems.errors.isEmpty)
        #expect(report.table.count == 27)
        // "Hombres" is M, "Guatemala" is GTM.
        let first = report.table[0]
        #expect(structure.codelist(.sex)[first.codes[KeyDimension.sex.rawValue]].id == "F")
        #expect(structure.codelist(.citizenship)[first.codes[KeyDimension.citizenship.rawValue]].id == "GTM")
        let warning = only(.sexTotal, in: report)
        // March (rows 20 to 28), Honduras is the second country: its total is row 25.
        #expect(warning?.row == 25)
        #expect(warning?.column == "SEX")
        #expect(report.canCommit)
    }

    @Test func aSpreadsheetAddsToTheVintageUnlessItsMappingSaysItReplacesIt() throws {
        let sheet = Spreadsheet(csv: SyntheticDataSet.mexicoSpreadsheet())
        let first = upload.validate(spreadsheet: sheet, mapping: SyntheticDataSet.mexicoMapping)
        // The same workbook less its first data row, against a vintage holding the whole of it.
        let shorter = Spreadsheet(rows: sheet.rows.filter { $0.number != 2 })
        var again = upload
        again.previous = first.table
        let adding = again.validate(spreadsheet: shorter, mapping: SyntheticDataSet.mexicoMapping)
        #expect(try #require(adding.preview).kept.count == 1)
        #expect(adding.vintage.count == 27)
        var replacing = SyntheticDataSet.mexicoMapping
        replacing.replacesVintage = true
        let replaced = again.validate(spreadsheet: shorter, mapping: replacing)
        #expect(replaced.replacesVintage)
        #expect(try #require(replaced.preview).deleted.count == 1)
        #expect(replaced.vintage.count == 26)
        // A mapping saved before the setting existed reads as one that adds.
        let saved = try JSONDecoder().decode(
            SpreadsheetMapping.self, from: Data(#"{"headerRow":1,"columns":{},"constants":{},"labels":{}}"#.utf8))
        #expect(saved.replacesVintage == nil)
    }

    @Test func aMappingNamingAMissingColumnIsAnError() {
        var mapping = SyntheticDataSet.mexicoMapping
        mapping.columns["Edad"] = "AGE"
        let report = upload.validate(
            spreadsheet: Spreadsheet(csv: SyntheticDataSet.mexicoSpreadsheet()), mapping: mapping)
        let problem = only(.columns, in: report)
        #expect(problem?.column == "Edad")
        #expect(problem?.row == 1)
    }

    @Test func anUnknownLabelIsNamedWithItsRowAndColumn() {
        var text = String(decoding: SyntheticDataSet.mexicoSpreadsheet(), as: UTF8.self)
        text = text.replacingOccurrences(
            of: "2026-01;Guatemala;Guatemala;Mujeres", with: "2026-01;Guatemala;Guatemala;Mujer")
        let report = upload.validate(
            spreadsheet: Spreadsheet(csv: Array(text.utf8)), mapping: SyntheticDataSet.mexicoMapping)
        let problem = only(.codelist, in: report)
        #expect(problem?.row == 2)
        #expect(problem?.column == "SEX")
        #expect(problem?.code == "Mujer")
    }

    @Test func anXLSXSheetIsReadBySheetNameAndHeaderRow() throws {
        let rows = [
            ["Cuadro 1. Retornos (datos sintéticos)"],
            [],
            ["Mes", "Nacionalidad", "País de destino", "Sexo", "Personas", "Fuente"],
            ["2026-01", "Honduras", "Honduras", "Mujeres", "12", "sintético"],
            ["2026-01", "Honduras", "Honduras", "Hombres", "30", "sintético"],
        ]
        let workbook = try makeWorkbook(sheets: ["Notas": [["nada"]], "Retornos": rows])
        var mapping = SyntheticDataSet.mexicoMapping
        mapping.sheet = "Retornos"
        mapping.headerRow = 3
        let sheet = try Spreadsheet(xlsx: workbook, sheet: "Retornos")
        let report = upload.validate(spreadsheet: sheet, mapping: mapping)
        #expect(report.problems.problems.isEmpty)
        #expect(report.table.values == [12, 30])
        #expect(report.rows == [4, 5])
        #expect(throws: SpreadsheetError.self) { try Spreadsheet(xlsx: workbook, sheet: "Hoja9") }
    }
}

/// A workbook of `sheets`, written by the library's own XLSX writer.
func makeWorkbook(sheets: KeyValuePairs<String, [[String]]>) throws -> Data {
    try Spreadsheet.xlsx(sheets: sheets.map { ($0.key, $0.value) })
}

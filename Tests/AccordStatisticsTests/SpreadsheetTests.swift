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

/// A minimal XLSX workbook: shared strings for text, numbers inline, one sheet per entry.
func makeWorkbook(sheets: KeyValuePairs<String, [[String]]>) throws -> Data {
    let archive = try Archive(accessMode: .create)
    func add(_ path: String, _ text: String) throws {
        let data = Data(text.utf8)
        try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count)) { position, size in
            data.subdata(in: Int(position)..<Int(position) + size)
        }
    }
    var shared: [String] = []
    var sheetEntries = ""
    var relations = ""
    for (number, (name, rows)) in sheets.enumerated() {
        var xml = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
        for (rowIndex, cells) in rows.enumerated() {
            xml += "<row r=\"\(rowIndex + 1)\">"
            for (column, cell) in cells.enumerated() {
                let reference = "\(Character(UnicodeScalar(65 + column)!))\(rowIndex + 1)"
                if Int(cell) != nil {
                    xml += "<c r=\"\(reference)\"><v>\(cell)</v></c>"
                } else {
                    shared.append(cell)
                    xml += "<c r=\"\(reference)\" t=\"s\"><v>\(shared.count - 1)</v></c>"
                }
            }
            xml += "</row>"
        }
        try add("xl/worksheets/sheet\(number + 1).xml", xml + "</sheetData></worksheet>")
        sheetEntries += "<sheet name=\"\(name)\" sheetId=\"\(number + 1)\" r:id=\"rId\(number + 1)\"/>"
        relations +=
            "<Relationship Id=\"rId\(number + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\(number + 1).xml\"/>"
    }
    try add(
        "xl/workbook.xml",
        "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>\(sheetEntries)</sheets></workbook>"
    )
    try add(
        "xl/_rels/workbook.xml.rels",
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\(relations)</Relationships>"
    )
    try add(
        "xl/sharedStrings.xml",
        "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
            + shared.map { "<si><t>\($0)</t></si>" }.joined() + "</sst>")
    return archive.data!
}

import Foundation
import ZIPFoundation

extension Spreadsheet {
    /// A minimal XLSX workbook of `sheets`: text in shared strings, whole numbers as numbers, one worksheet per
    /// sheet. What the demo hands a delegate to upload, and what the tests read back; any spreadsheet program
    /// opens it.
    ///
    /// - Throws: what ZIPFoundation throws while writing the archive in memory.
    public static func xlsx(sheets: [(name: String, rows: [[String]])]) throws -> Data {
        let archive = try Archive(accessMode: .create)
        func add(_ path: String, _ text: String) throws {
            let data = Data(text.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        func escaped(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        }
        /// A column's letters: 0 → A, 25 → Z, 26 → AA.
        func letters(_ column: Int) -> String {
            var column = column + 1
            var text = ""
            while column > 0 {
                let remainder = (column - 1) % 26
                text = String(UnicodeScalar(UInt8(65 + remainder))) + text
                column = (column - 1) / 26
            }
            return text
        }
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        var shared: [String] = []
        var sharedIndex: [String: Int] = [:]
        var sheetEntries = ""
        var relations = ""
        var overrides = ""
        for (number, sheet) in sheets.enumerated() {
            var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"\(main)\"><sheetData>"
            for (rowIndex, cells) in sheet.rows.enumerated() {
                xml += "<row r=\"\(rowIndex + 1)\">"
                for (column, cell) in cells.enumerated() where !cell.isEmpty {
                    let reference = "\(letters(column))\(rowIndex + 1)"
                    if let number = Int(cell), String(number) == cell {
                        xml += "<c r=\"\(reference)\"><v>\(number)</v></c>"
                    } else {
                        let index = sharedIndex[cell] ?? shared.count
                        if index == shared.count {
                            shared.append(cell)
                            sharedIndex[cell] = index
                        }
                        xml += "<c r=\"\(reference)\" t=\"s\"><v>\(index)</v></c>"
                    }
                }
                xml += "</row>"
            }
            try add("xl/worksheets/sheet\(number + 1).xml", xml + "</sheetData></worksheet>")
            sheetEntries +=
                "<sheet name=\"\(escaped(sheet.name))\" sheetId=\"\(number + 1)\" r:id=\"rId\(number + 1)\"/>"
            relations +=
                "<Relationship Id=\"rId\(number + 1)\" Type=\"\(relationships)/worksheet\" Target=\"worksheets/sheet\(number + 1).xml\"/>"
            overrides +=
                "<Override PartName=\"/xl/worksheets/sheet\(number + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        relations +=
            "<Relationship Id=\"rId\(sheets.count + 1)\" Type=\"\(relationships)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
        try add(
            "[Content_Types].xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
                + overrides + "</Types>")
        try add(
            "_rels/.rels",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"\(relationships)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"
        )
        try add(
            "xl/workbook.xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"\(main)\" xmlns:r=\"\(relationships)\"><sheets>\(sheetEntries)</sheets></workbook>"
        )
        try add(
            "xl/_rels/workbook.xml.rels",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\(relations)</Relationships>"
        )
        try add(
            "xl/sharedStrings.xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"\(main)\" count=\"\(shared.count)\" uniqueCount=\"\(shared.count)\">"
                + shared.map { "<si><t>\(escaped($0))</t></si>" }.joined() + "</sst>")
        return archive.data ?? Data()
    }
}

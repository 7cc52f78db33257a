import Foundation
import ZIPFoundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

extension Spreadsheet {
    /// Reads one sheet of an XLSX workbook (Office Open XML): the workbook names its sheets, its
    /// relationships locate each sheet's XML, and the shared strings hold the text of string cells.
    ///
    /// - Parameter sheet: the sheet's name; nil reads the first sheet.
    /// - Throws: `SpreadsheetError` when the file is not a workbook or has no such sheet.
    public init(xlsx data: Data, sheet: String? = nil) throws {
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw SpreadsheetError.notAWorkbook("it is not a ZIP archive")
        }
        func part(_ path: String) throws -> Data? {
            guard let entry = archive[path] else { return nil }
            var data = Data()
            _ = try archive.extract(entry, skipCRC32: true) { data.append($0) }
            return data
        }
        guard let workbook = try part("xl/workbook.xml"), let relations = try part("xl/_rels/workbook.xml.rels")
        else { throw SpreadsheetError.notAWorkbook("it has no xl/workbook.xml") }
        let sheets = XMLElements.read(workbook, element: "sheet")
        guard
            let chosen = sheet == nil ? sheets.first : sheets.first(where: { $0["name"] == sheet }),
            let relation = chosen["r:id"]
        else { throw SpreadsheetError.noSheet(sheet ?? "(first)", available: sheets.compactMap { $0["name"] }) }
        guard
            let target = XMLElements.read(relations, element: "Relationship").first(where: { $0["Id"] == relation })?[
                "Target"]
        else { throw SpreadsheetError.notAWorkbook("the sheet's relationship \(relation) is missing") }
        let path = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        guard let sheetXML = try part(path) else { throw SpreadsheetError.notAWorkbook("\(path) is missing") }
        let shared = try part("xl/sharedStrings.xml").map(SharedStrings.read) ?? []
        self.init(rows: SheetCells.read(sheetXML, shared: shared))
    }
}

/// Why a spreadsheet could not be opened.
public enum SpreadsheetError: Error, CustomStringConvertible {
    /// The file is not an XLSX workbook (the reason says what is missing).
    case notAWorkbook(String)
    /// The mapping names a sheet the workbook does not have.
    case noSheet(String, available: [String])

    public var description: String {
        switch self {
        case .notAWorkbook(let reason): "the file is not an XLSX workbook: \(reason)"
        case .noSheet(let name, let available):
            "the workbook has no sheet '\(name)'; its sheets are \(available.joined(separator: ", "))"
        }
    }
}

/// The attributes of every element of one name in a small XML part (workbook, relationships).
private final class XMLElements: NSObject, XMLParserDelegate {
    private let name: String
    private var found: [[String: String]] = []

    private init(name: String) { self.name = name }

    static func read(_ data: Data, element: String) -> [[String: String]] {
        let delegate = XMLElements(name: element)
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        parser.parse()
        return delegate.found
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if elementName == name { found.append(attributes) }
    }
}

/// The text of each `<si>` of sharedStrings.xml, rich-text runs joined.
private final class SharedStrings: NSObject, XMLParserDelegate {
    private var strings: [String] = []
    private var current = ""
    private var inText = false

    static func read(_ data: Data) -> [String] {
        let delegate = SharedStrings()
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        parser.parse()
        return delegate.strings
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if elementName == "si" { current = "" }
        if elementName == "t" { inText = true }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { if inText { current += string } }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        if elementName == "t" { inText = false }
        if elementName == "si" { strings.append(current) }
    }
}

/// The cells of a worksheet's `<sheetData>`, placed by their `r` reference (`B7`), as text.
private final class SheetCells: NSObject, XMLParserDelegate {
    private let shared: [String]
    private var rows: [(number: Int, cells: [String])] = []
    private var cells: [String] = []
    private var rowNumber = 0
    private var column = 0
    private var type = ""
    private var value = ""
    private var inValue = false

    private init(shared: [String]) { self.shared = shared }

    static func read(_ data: Data, shared: [String]) -> [(number: Int, cells: [String])] {
        let delegate = SheetCells(shared: shared)
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        parser.parse()
        return delegate.rows
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch elementName {
        case "row":
            rowNumber = attributes["r"].flatMap(Int.init) ?? rowNumber + 1
            cells = []
            column = 0
        case "c":
            type = attributes["t"] ?? ""
            value = ""
            if let reference = attributes["r"] {
                // The letters of "B7" name the column: A = 0, …, Z = 25, AA = 26.
                var index = 0
                for scalar in reference.unicodeScalars where scalar.properties.isAlphabetic {
                    index = index * 26 + Int(scalar.value) - 64
                }
                column = index - 1
            }
        case "v", "t": inValue = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { if inValue { value += string } }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        switch elementName {
        case "v", "t": inValue = false
        case "c":
            let text = type == "s" ? Int(value).flatMap { $0 < shared.count ? shared[$0] : nil } ?? "" : value
            while cells.count < column { cells.append("") }
            cells.append(text)
            column += 1
        case "row": rows.append((rowNumber, cells))
        default: break
        }
    }
}

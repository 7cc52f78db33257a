import Foundation

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
        let package = try ZIPParts(Array(data))
        func part(_ path: String) throws -> Data? { try package.part(path) }
        guard let workbook = try part("xl/workbook.xml"), let relations = try part("xl/_rels/workbook.xml.rels")
        else { throw SpreadsheetError.notAWorkbook("it has no xl/workbook.xml") }
        let sheets = try XMLElements.read(workbook, element: "sheet", part: "xl/workbook.xml")
        guard
            let chosen = sheet == nil ? sheets.first : sheets.first(where: { $0["name"] == sheet }),
            let relation = chosen["r:id"]
        else { throw SpreadsheetError.noSheet(sheet ?? "(first)", available: sheets.compactMap { $0["name"] }) }
        guard
            let target = try XMLElements.read(relations, element: "Relationship", part: "xl/_rels/workbook.xml.rels")
                .first(where: { $0["Id"] == relation })?["Target"]
        else { throw SpreadsheetError.notAWorkbook("the sheet's relationship \(relation) is missing") }
        let path = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        guard let sheetXML = try part(path) else { throw SpreadsheetError.notAWorkbook("\(path) is missing") }
        let shared = try part("xl/sharedStrings.xml").map(SharedStrings.read) ?? []
        self.init(rows: try SheetCells.read(sheetXML, shared: shared, part: path))
    }
}

/// Why a spreadsheet could not be opened.
public enum SpreadsheetError: Error, CustomStringConvertible {
    /// The file is not an XLSX workbook (the reason says what is missing).
    case notAWorkbook(String)
    /// The mapping names a sheet the workbook does not have.
    case noSheet(String, available: [String])

    public var description: String { sentence.en }

    /// What is wrong, in the upload pages' languages (the reason a workbook is damaged stays technical).
    public var sentence: Sentence {
        switch self {
        case .notAWorkbook(let reason):
            Sentence(
                es: "el archivo no es un libro XLSX: \(reason)", en: "the file is not an XLSX workbook: \(reason)",
                fr: "le fichier n'est pas un classeur XLSX : \(reason)")
        case .noSheet(let name, let available):
            Sentence(
                es: "el libro no tiene la hoja '\(name)'; sus hojas son \(available.joined(separator: ", "))",
                en: "the workbook has no sheet '\(name)'; its sheets are \(available.joined(separator: ", "))",
                fr: "le classeur n'a pas de feuille '\(name)' ; ses feuilles sont \(available.joined(separator: ", "))")
        }
    }
}

/// Runs Foundation's XML parser over `data` with `delegate`; false when the XML is not well formed (or the
/// delegate stopped it).
private func parse(_ data: Data, with delegate: some XMLParserDelegate) -> Bool {
    let parser = XMLParser(data: data)
    parser.delegate = delegate
    return parser.parse()
}

/// The attributes of every element of one name in a small XML part (workbook, relationships).
private final class XMLElements: NSObject, XMLParserDelegate {
    private let name: String
    private var found: [[String: String]] = []

    private init(name: String) { self.name = name }

    static func read(_ data: Data, element: String, part: String) throws -> [[String: String]] {
        let delegate = XMLElements(name: element)
        guard parse(data, with: delegate) else { throw SpreadsheetError.notAWorkbook("\(part) is not well-formed XML") }
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

    static func read(_ data: Data) throws -> [String] {
        let delegate = SharedStrings()
        guard parse(data, with: delegate) else {
            throw SpreadsheetError.notAWorkbook("xl/sharedStrings.xml is not well-formed XML")
        }
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
    /// Whether a cell reference named a column past XFD, the last a sheet has, or the sheet has more cells
    /// than an upload is read with.
    private(set) var isOutOfRange = false
    private var cellCount = 0
    static let maximumCells = 20_000_000

    private init(shared: [String]) { self.shared = shared }

    static func read(_ data: Data, shared: [String], part: String) throws -> [(number: Int, cells: [String])] {
        let delegate = SheetCells(shared: shared)
        guard parse(data, with: delegate), !delegate.isOutOfRange else {
            throw SpreadsheetError.notAWorkbook(
                delegate.isOutOfRange
                    ? "\(part) places a cell outside a sheet's 16,384 columns, or has more than 20 million cells"
                    : "\(part) is not well-formed XML")
        }
        return delegate.rows
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch elementName {
        case "row":
            // A sheet has 1,048,576 rows; a larger number is clamped rather than trusted.
            rowNumber = min(attributes["r"].flatMap(Int.init) ?? rowNumber + 1, 1_048_576)
            cells = []
            column = 0
        case "c":
            type = attributes["t"] ?? ""
            value = ""
            if let reference = attributes["r"] {
                // The letters of "B7" name the column: A = 0, …, Z = 25, AA = 26, up to XFD = 16,383.
                var index = 0
                for byte in reference.utf8.prefix(while: { (65...90).contains($0) }).prefix(4) {
                    index = index * 26 + Int(byte) - 64
                }
                if index < 1 || index > 16_384 {
                    isOutOfRange = true
                    parser.abortParsing()
                    return
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
            let text = type == "s" ? Int(value).flatMap { shared.indices.contains($0) ? shared[$0] : nil } ?? "" : value
            // Empty cells before this one are filled in, up to a bound on the whole sheet.
            cellCount += max(0, column - cells.count) + 1
            if cellCount > Self.maximumCells {
                isOutOfRange = true
                parser.abortParsing()
                return
            }
            while cells.count < column { cells.append("") }
            cells.append(text)
            column += 1
        case "row": rows.append((rowNumber, cells))
        default: break
        }
    }
}

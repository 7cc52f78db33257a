import AccordCore
import Foundation

/// How a state's own spreadsheet export maps onto the structure, saved once and reused for each upload:
/// which sheet, which row holds the headers, which column is which component, the labels that stand for
/// codes ("Hombres" → M), and the components that are the same on every row (FREQ M, say).
public struct SpreadsheetMapping: Codable, Sendable, Hashable {
    /// The XLSX sheet's name; nil reads the first sheet. CSV files have one sheet and ignore it.
    public var sheet: String?
    /// The row of the column headers, counted from 1; data start on the next row.
    public var headerRow: Int
    /// The column header → the component it holds (`"Sexo": "SEX"`).
    public var columns: [String: String]
    /// Components with one value for the whole file (`"FREQ": "M"`, `"MIGR_EVENT": "RET_RECV"`).
    public var constants: [String: String]
    /// Per component, label → code (`"SEX": ["Hombres": "M", "Mujeres": "F"]`). Labels are compared
    /// without regard to case, accents or surrounding spaces.
    public var labels: [String: [String: String]]
    /// When set, country names in this language (as the structure's codelists give them, e.g. "México")
    /// are read as their ISO 3166-1 alpha-3 codes in REF_AREA, CITIZENSHIP and COUNTERPART_AREA.
    public var countryNames: Language?
    /// When true, each upload is the state's whole submission of the flow, so the previous vintage's observations
    /// it leaves out are deleted (as SDMX-CSV's ACTION R); otherwise (nil or false) an upload adds to and updates
    /// the previous vintage. Optional so that mappings saved before it read as they did.
    public var replacesVintage: Bool?

    public init(
        sheet: String? = nil, headerRow: Int = 1, columns: [String: String], constants: [String: String] = [:],
        labels: [String: [String: String]] = [:], countryNames: Language? = nil, replacesVintage: Bool? = nil
    ) {
        self.replacesVintage = replacesVintage
        self.sheet = sheet
        self.headerRow = headerRow
        self.columns = columns
        self.constants = constants
        self.labels = labels
        self.countryNames = countryNames
    }
}

/// A spreadsheet export as rows of text cells, with each row's number in the sheet.
public struct Spreadsheet: Sendable {
    public var rows: [(number: Int, cells: [String])]

    public init(rows: [(number: Int, cells: [String])]) { self.rows = rows }

    /// A CSV export; the separator is `,` unless the first line has more `;` (as spreadsheets write in
    /// Spanish and French locales).
    public init(csv bytes: [UInt8]) {
        let firstLine = bytes.prefix { $0 != UInt8(ascii: "\n") }
        let semicolons = firstLine.filter { $0 == UInt8(ascii: ";") }.count
        let commas = firstLine.filter { $0 == UInt8(ascii: ",") }.count
        let separator = semicolons > commas ? UInt8(ascii: ";") : UInt8(ascii: ",")
        rows = CSVRecords.texts(bytes, separator: separator).map { ($0.line, $0.fields) }
    }
}

/// Reads a spreadsheet through its mapping into observations, with the same row checks as SDMX-CSV.
struct SpreadsheetReader {
    let structure: DataStructure
    let flow: Dataflow
    let reportingArea: String?
    let mapping: SpreadsheetMapping

    func read(_ sheet: Spreadsheet) -> ReadResult {
        var problems = ProblemList()
        var decoder = ObservationDecoder(structure: structure, flow: flow, reportingArea: reportingArea)
        guard let header = sheet.rows.first(where: { $0.number == mapping.headerRow }) else {
            problems.append(
                Problem(
                    .columns, row: mapping.headerRow, column: nil, code: nil,
                    Sentence(
                        es: "la correspondencia pone los encabezados en la fila \(mapping.headerRow), que la hoja no "
                            + "tiene",
                        en: "the mapping puts the headers on row \(mapping.headerRow), which the sheet does not have",
                        fr: "la correspondance place les en-têtes à la ligne \(mapping.headerRow), que la feuille n'a "
                            + "pas")))
            return ReadResult(table: ObservationTable(), rows: [], problems: problems)
        }
        var columnOf: [Field: Int] = [:]
        let headers = header.cells.map { Self.fold($0) }
        for (name, component) in mapping.columns.sorted(by: { $0.key < $1.key }) {
            guard let field = Field(id: component) else {
                problems.append(
                    Problem(
                        .columns, row: header.number, column: name, code: component,
                        Sentence(
                            es: "la correspondencia lleva '\(name)' a \(component), que no es un componente de "
                                + "\(structure.reference)",
                            en: "the mapping sends '\(name)' to \(component), which is not a component of "
                                + "\(structure.reference)",
                            fr: "la correspondance envoie '\(name)' vers \(component), qui n'est pas un composant de "
                                + "\(structure.reference)"
                        )))
                continue
            }
            guard let index = headers.firstIndex(of: Self.fold(name)) else {
                problems.append(
                    Problem(
                        .columns, row: header.number, column: name, code: nil,
                        Sentence(
                            es: "la hoja no tiene la columna '\(name)' (para \(component)) en la fila \(header.number)",
                            en: "the sheet has no column '\(name)' (for \(component)) on row \(header.number)",
                            fr: "la feuille n'a pas de colonne '\(name)' (pour \(component)) à la ligne "
                                + "\(header.number)")))
                continue
            }
            columnOf[field] = index
        }
        var constants: [Field: [UInt8]] = [:]
        for (component, value) in mapping.constants {
            if let field = Field(id: component) { constants[field] = Array(value.utf8) }
        }
        for field in Field.allCases where field.isRequired && columnOf[field] == nil && constants[field] == nil {
            problems.append(
                Problem(
                    .columns, row: header.number, column: field.id, code: nil,
                    Sentence(
                        es: "la correspondencia no da columna ni constante para \(field.id)",
                        en: "the mapping gives no column or constant for \(field.id)",
                        fr: "la correspondance ne donne ni colonne ni constante pour \(field.id)")))
        }
        if problems.hasErrors { return ReadResult(table: ObservationTable(), rows: [], problems: problems) }

        let labels = labelTable()
        for (number, cells) in sheet.rows where number > mapping.headerRow {
            if cells.allSatisfy({ $0.trimmingSpaces.isEmpty }) { continue }
            // The row's fields, one after the other in one buffer, as the decoder reads them.
            var bytes: [UInt8] = []
            var fields = [Range<Int>?](repeating: nil, count: Field.allCases.count)
            for field in Field.allCases {
                let start = bytes.count
                if let index = columnOf[field] {
                    let cell = index < cells.count ? cells[index] : ""
                    bytes += (labels[field]?[Self.fold(cell)] ?? cell).utf8
                } else if let constant = constants[field] {
                    bytes += constant
                } else {
                    continue
                }
                fields[field.rawValue] = start..<bytes.count
            }
            decoder.decode(row: number, problems: &problems, bytes: bytes, fields: fields)
        }
        let (table, rows) = decoder.finish()
        return ReadResult(
            table: table, rows: rows, problems: problems, replacesVintage: mapping.replacesVintage ?? false)
    }

    /// Folded label → code, for each field that has labels.
    private func labelTable() -> [Field: [String: String]] {
        var table: [Field: [String: String]] = [:]
        if let language = mapping.countryNames {
            let countryFields: [(Field, KeyDimension)] = [
                (.referenceArea, .referenceArea), (.citizenship, .citizenship), (.counterpartArea, .counterpartArea),
            ]
            for (field, dimension) in countryFields {
                for code in structure.codelist(dimension).codes {
                    if let name = code.names[language] { table[field, default: [:]][Self.fold(name)] = code.id }
                }
            }
        }
        for (component, labels) in mapping.labels {
            guard let field = Field(id: component) else { continue }
            for (label, code) in labels { table[field, default: [:]][Self.fold(label)] = code }
        }
        return table
    }

    /// A label as compared: lower case, without accents, without surrounding spaces.
    static func fold(_ text: String) -> String {
        text.trimmingSpaces.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}

extension String {
    var trimmingSpaces: String {
        var slice = Substring(self)
        while slice.first?.isWhitespace == true { slice = slice.dropFirst() }
        while slice.last?.isWhitespace == true { slice = slice.dropLast() }
        return String(slice)
    }
}

import Dispatch
import Foundation
import Synchronization

/// What reading an upload gives: the observations that passed the row checks, the file row of each, and
/// the problems found so far.
public struct ReadResult: Sendable {
    public var table: ObservationTable
    /// The file row each observation of `table` came from.
    public var rows: [Int]
    public var problems: ProblemList
    /// Whether the upload is the state's whole submission (SDMX-CSV rows with ACTION R), deleting what it
    /// leaves out; otherwise it adds to the previous vintage and updates what it carries.
    public var replacesVintage = false

    public init(table: ObservationTable, rows: [Int], problems: ProblemList, replacesVintage: Bool = false) {
        self.table = table
        self.rows = rows
        self.problems = problems
        self.replacesVintage = replacesVintage
    }
}

/// Reads an SDMX-CSV 2.0 data message for one dataflow of `RCM:DSD_MIGR_FLOW(1.0)`.
///
/// The header must start `STRUCTURE` (optionally `STRUCTURE[;]`, whose following character is the
/// separator), then `STRUCTURE_ID`; `ACTION`, `SERIES_KEY`, `OBS_KEY` and `STRUCTURE_NAME` may follow; then
/// the components, in any order, written as their ID or as `ID: name` (`labels=both`). Every dimension,
/// TIME_PERIOD and OBS_VALUE must be there; attributes may be left out (OBS_STATUS then reads A, normal
/// value, and UNIT_MEASURE PS, persons). Custom columns are allowed, as the specification allows them,
/// and ignored. Each row must say `dataflow`, this flow's `RCM:ID(version)` and an action: I (information), A
/// (append) or M (merge) add to the state's previous vintage and update what they carry; R (replace) on every
/// row makes the file the whole submission, so that what it leaves out is deleted. An empty ACTION, or none,
/// is I, as SDMX-CSV 1.0 files are.
public struct SDMXCSVReader: Sendable {
    public let structure: DataStructure
    public let flow: Dataflow
    /// The delegation's REF_AREA; nil when the Secretariat reads a file for any state.
    public let reportingArea: String?
    /// Whether a row that repeats the last row's codes before TIME_PERIOD and OBS_VALUE, or its attributes
    /// after them, byte for byte, takes them as already read; off only in tests, which compare the two ways.
    var readsRepeatsOnce = true

    public init(structure: DataStructure, flow: Dataflow, reportingArea: String?) {
        self.structure = structure
        self.flow = flow
        self.reportingArea = reportingArea
    }

    /// Reads `bytes`, an SDMX-CSV 2.0 file.
    ///
    /// A large file is read in parts at once, one per processor, each part starting on a line of its own;
    /// the parts' observations and problems are then put back in file order, with the rows they had in the
    /// file. A quoted field may hold a line break, so a file where a part saw a quote is read again whole.
    public func read(_ bytes: [UInt8]) -> ReadResult {
        read(bytes, processors: ProcessInfo.processInfo.activeProcessorCount)
    }

    /// Reads `bytes` in at most `processors` parts at once.
    func read(_ bytes: [UInt8], processors: Int) -> ReadResult {
        var problems = ProblemList()
        guard let separator = Self.separator(of: bytes) else {
            problems.append(
                Problem(
                    .columns, row: 1, column: nil, code: nil,
                    Sentence(
                        es: "un archivo SDMX-CSV 2.0 empieza por la columna STRUCTURE y luego STRUCTURE_ID",
                        en: "an SDMX-CSV 2.0 file starts with the column STRUCTURE, then STRUCTURE_ID",
                        fr: "un fichier SDMX-CSV 2.0 commence par la colonne STRUCTURE, puis STRUCTURE_ID")))
            return ReadResult(table: ObservationTable(), rows: [], problems: problems)
        }
        var header = CSVRecords(bytes, separator: separator)
        var fields: [Range<Int>] = []
        guard let source = header.next(into: &fields),
            let layout = Layout(
                fields.map { (source == .input ? bytes : header.copy).text($0) }, problems: &problems)
        else {
            return ReadResult(table: ObservationTable(), rows: [], problems: problems)
        }
        var parts = Self.parts(of: bytes, from: header.position, count: processors)
        var read = readRows(bytes, parts, separator: separator, layout: layout)
        if parts.count > 1, read.contains(where: \.sawQuote) {
            parts = [header.position..<bytes.count]
            read = readRows(bytes, parts, separator: separator, layout: layout)
        }
        // Each part counted its lines from 1; the first starts after the header, each next after the last.
        var result = ReadResult(table: ObservationTable(), rows: [], problems: problems)
        var linesBefore = header.nextLine - 1
        var (firstReplacing, firstAdding): (Int?, Int?) = (nil, nil)
        for index in read.indices {
            if index == 0 {
                // The first part's columns become the result's, left nowhere else, so that appending the next
                // parts to them does not copy them.
                swap(&result.table, &read[0].read.table)
                swap(&result.rows, &read[0].read.rows)
                for row in result.rows.indices { result.rows[row] += linesBefore }
            } else {
                result.table.append(contentsOf: read[index].read.table)
                result.rows += read[index].read.rows.map { $0 + linesBefore }
            }
            let part = read[index]
            result.problems.append(contentsOf: part.read.problems, rowsAfter: linesBefore)
            firstReplacing = firstReplacing ?? part.firstReplacing.map { $0 + linesBefore }
            firstAdding = firstAdding ?? part.firstAdding.map { $0 + linesBefore }
            linesBefore += part.lines
        }
        result.replacesVintage = firstReplacing != nil && firstAdding == nil
        if let firstReplacing, let firstAdding {
            result.problems.append(
                Problem(
                    .structure, row: max(firstReplacing, firstAdding), column: "ACTION",
                    code: firstReplacing > firstAdding ? "R" : nil,
                    Sentence(
                        es: "un archivo reemplaza la versión (ACTION R en cada fila) o la completa (I, A o M), no "
                            + "las dos cosas: la fila \(firstReplacing) dice R y la fila \(firstAdding) no",
                        en: "a file either replaces the vintage (ACTION R on every row) or adds to it (I, A or M), "
                            + "not both: row \(firstReplacing) says R and row \(firstAdding) does not",
                        fr: "un fichier remplace la version (ACTION R sur chaque ligne) ou la complète (I, A ou M), "
                            + "pas les deux : la ligne \(firstReplacing) dit R et la ligne \(firstAdding) non")))
        }
        return result
    }

    /// The ranges of `bytes` read at once: one per processor for a large file (a megabyte or more each),
    /// each from the start of a line.
    static func parts(of bytes: [UInt8], from start: Int, count processors: Int) -> [Range<Int>] {
        let count = min(processors, (bytes.count - start) / 1_000_000, 8)
        guard count > 1 else { return [start..<bytes.count] }
        var bounds = [start]
        for index in 1..<count {
            let middle = start + (bytes.count - start) / count * index
            guard let newline = bytes[max(middle, bounds.last!)...].firstIndex(of: UInt8(ascii: "\n")) else { break }
            bounds.append(newline + 1)
        }
        bounds.append(bytes.count)
        return zip(bounds, bounds.dropFirst()).map { $0..<$1 }
    }

    /// What reading one part gives, its rows counted from the part's first line.
    private struct Part: Sendable {
        var read: ReadResult
        /// How many lines the part spans.
        var lines: Int
        var sawQuote: Bool
        /// The first line whose ACTION is R, and the first whose ACTION adds (I, A, M or none).
        var firstReplacing: Int?
        var firstAdding: Int?
    }

    /// Reads `parts` at once, each on a thread of its own.
    private func readRows(_ bytes: [UInt8], _ parts: [Range<Int>], separator: UInt8, layout: Layout) -> [Part] {
        guard parts.count > 1 else { return [readRows(bytes, parts[0], separator: separator, layout: layout)] }
        let read = Mutex([Part?](repeating: nil, count: parts.count))
        DispatchQueue.concurrentPerform(iterations: parts.count) { index in
            // Each part reads a copy of its own bytes: counting references to one array from two threads at
            // every row made them wait on each other longer than the copy takes.
            let own = Array(bytes[parts[index]])
            let part = readRows(own, own.indices, separator: separator, layout: layout)
            read.withLock { $0[index] = part }
        }
        return read.withLock { $0.compactMap { $0 } }
    }

    private func readRows(_ bytes: [UInt8], _ part: Range<Int>, separator: UInt8, layout: Layout) -> Part {
        var problems = ProblemList()
        var decoder = ObservationDecoder(
            structure: structure, flow: flow, reportingArea: reportingArea, capacity: part.count / 64)
        var records = CSVRecords(
            bytes, separator: separator, part: part,
            repeating: readsRepeatsOnce ? (layout.seriesFields, layout.attributeFields) : nil)
        var fields: [Range<Int>] = []
        let expectedID = Array(structure.reference(of: flow).utf8)
        let dataflow = Array("dataflow".utf8)
        var components = [Range<Int>?](repeating: nil, count: Field.allCases.count)
        var (firstReplacing, firstAdding): (Int?, Int?) = (nil, nil)
        // A row that keeps the last row's fields before TIME_PERIOD and OBS_VALUE, or after them, has the same
        // codes there, already decoded and checked; after a row with a problem, the next is read whole.
        while let source = records.next(into: &fields) {
            let line = records.line
            let buffer = source == .input ? bytes : records.copy
            let errorsBefore = problems.errorCount
            defer { if problems.errorCount > errorsBefore { records.forgetRepeats() } }
            guard fields.count == layout.width else {
                problems.append(
                    Problem(
                        .columns, row: line, column: nil, code: nil,
                        Sentence(
                            es: "la fila tiene \(fields.count) campos y el encabezado \(layout.width)",
                            en: "the row has \(fields.count) fields where the header has \(layout.width)",
                            fr: "la ligne a \(fields.count) champs là où l'en-tête en a \(layout.width)")))
                continue
            }
            if !records.keptHead, !buffer.bytes(fields[0], equal: dataflow) {
                problems.append(
                    Problem(
                        .structure, row: line, column: "STRUCTURE", code: buffer.text(fields[0]),
                        Sentence(
                            es: "STRUCTURE debe ser 'dataflow'", en: "STRUCTURE must be 'dataflow'",
                            fr: "STRUCTURE doit être 'dataflow'")))
                continue
            }
            if !records.keptHead, !buffer.bytes(fields[1], equal: expectedID) {
                problems.append(
                    Problem(
                        .structure, row: line, column: "STRUCTURE_ID", code: buffer.text(fields[1]),
                        Sentence(
                            es: "esta carga es para \(structure.reference(of: flow))",
                            en: "this upload is for \(structure.reference(of: flow))",
                            fr: "ce dépôt est pour \(structure.reference(of: flow))")))
                continue
            }
            // A row that kept the last row's first fields kept its ACTION (or its lack of one), already checked
            // and counted.
            if !records.keptHead || layout.action.map({ $0 >= layout.seriesFields }) ?? false {
                if let action = layout.action, let problem = Self.actionProblem(buffer, fields[action], line: line) {
                    problems.append(problem)
                    continue
                }
                if let action = layout.action, buffer.bytes(fields[action], equal: Self.replace) {
                    firstReplacing = firstReplacing ?? line
                } else {
                    firstAdding = firstAdding ?? line
                }
            }
            if !records.keptHead { layout.place(.series, of: fields, into: &components) }
            layout.place(.middle, of: fields, into: &components)
            if !records.keptTail { layout.place(.attributes, of: fields, into: &components) }
            decoder.decode(
                row: line, problems: &problems, bytes: buffer, fields: components,
                unchanged: layout.unchanged(head: records.keptHead, tail: records.keptTail))
        }
        let (table, rows) = decoder.finish()
        return Part(
            read: ReadResult(table: table, rows: rows, problems: problems), lines: records.nextLine - 1,
            sawQuote: records.sawQuote, firstReplacing: firstReplacing, firstAdding: firstAdding)
    }

    private static let replace = Array("R".utf8)

    /// The problem with a row's ACTION, which must be empty or one of I, A, M and R; nil when it has none.
    private static func actionProblem(_ bytes: [UInt8], _ action: Range<Int>, line: Int) -> Problem? {
        if action.count > 1 {
            return Problem(
                .structure, row: line, column: "ACTION", code: bytes.text(action),
                Sentence(
                    es: "ACTION debe ser una letra: I, A, M o R", en: "ACTION must be one letter: I, A, M or R",
                    fr: "ACTION doit être une lettre : I, A, M ou R"))
        }
        guard let byte = action.first.map({ bytes[$0] }) else { return nil }
        switch byte {
        case UInt8(ascii: "I"), UInt8(ascii: "A"), UInt8(ascii: "M"), UInt8(ascii: "R"): return nil
        default: break
        }
        return Problem(
            .structure, row: line, column: "ACTION", code: bytes.text(action),
            Sentence(
                es: "ACTION debe ser I, A, M o R: para suprimir observaciones, envíe la versión entera con ACTION R "
                    + "en cada fila, sin ellas",
                en: "ACTION must be I, A, M or R: to delete observations, send the whole vintage without them, with "
                    + "ACTION R on every row",
                fr: "ACTION doit être I, A, M ou R : pour supprimer des observations, envoyez toute la version sans "
                    + "elles, avec ACTION R sur chaque ligne"
            ))
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
    private struct Layout: Sendable {
        var width: Int
        var action: Int?
        /// The column of each `Field`, nil where the file has none.
        var columns: [Int?] = Array(repeating: nil, count: Field.allCases.count)
        /// How many columns come before TIME_PERIOD and OBS_VALUE, which a series repeats on every row, and
        /// how many after them, its attributes, which often repeat too.
        var seriesFields = 0
        var attributeFields = 0
        /// The components in those columns.
        var seriesComponents: FieldSet = []
        var attributeComponents: FieldSet = []
        /// The components the file has, with their columns: those before TIME_PERIOD and OBS_VALUE, those
        /// from one to the other, and those after.
        enum Part: Int { case series, middle, attributes }
        var present: [[(field: Field, column: Int)]] = [[], [], []]

        /// Puts the fields of `part` of a row where `ObservationDecoder` reads them.
        func place(_ part: Part, of fields: [Range<Int>], into components: inout [Range<Int>?]) {
            for (field, column) in present[part.rawValue] { components[field.rawValue] = fields[column] }
        }

        /// The components a row has as the row before had them, when it kept its first fields (`head`) or its
        /// last (`tail`).
        func unchanged(head: Bool, tail: Bool) -> FieldSet {
            FieldSet(
                rawValue: (head ? seriesComponents.rawValue : 0) | (tail ? attributeComponents.rawValue : 0))
        }

        init?(_ header: [String], problems: inout ProblemList) {
            width = header.count
            let names = header.map { field -> String in
                let text = field.trimmingSpaces
                // `labels=both` writes "ID: name"; the ID is what identifies the column.
                return text.range(of: ": ").map { String(text[..<$0.lowerBound]) } ?? text
            }
            let before = problems.errorCount
            if names.count < 2 || names[1] != "STRUCTURE_ID" {
                problems.append(
                    Problem(
                        .columns, row: 1, column: names.count > 1 ? names[1] : nil, code: nil,
                        Sentence(
                            es: "la segunda columna debe ser "
                                + "STRUCTURE_ID", en: "the second column must be STRUCTURE_ID",
                            fr: "la deuxième colonne doit être STRUCTURE_ID")))
            }
            for (index, name) in names.enumerated().dropFirst(2) {
                if name == "ACTION" {
                    action = index
                } else if let field = Field(id: name) {
                    if columns[field.rawValue] != nil {
                        problems.append(
                            Problem(
                                .columns, row: 1, column: name, code: nil,
                                Sentence(
                                    es: "la columna \(name) aparece dos veces", en: "the column \(name) appears twice",
                                    fr: "la colonne \(name) apparaît deux fois")))
                    }
                    columns[field.rawValue] = index
                }
            }
            for field in Field.allCases where field.isRequired && columns[field.rawValue] == nil {
                problems.append(
                    Problem(
                        .columns, row: 1, column: field.id, code: nil,
                        Sentence(
                            es: "falta la columna \(field.id): cada dimensión, TIME_PERIOD y OBS_VALUE deben tener una",
                            en: "the column \(field.id) is missing: every dimension, TIME_PERIOD and OBS_VALUE must "
                                + "have one",
                            fr: "la colonne \(field.id) manque : chaque dimension, TIME_PERIOD et OBS_VALUE doivent "
                                + "en avoir une")))
            }
            if problems.errorCount > before { return nil }
            let (period, value) = (columns[Field.timePeriod.rawValue]!, columns[Field.value.rawValue]!)
            seriesFields = min(period, value)
            attributeFields = width - 1 - max(period, value)
            for field in Field.allCases {
                guard let column = columns[field.rawValue] else { continue }
                if column < seriesFields {
                    seriesComponents.insert(field)
                    present[Part.series.rawValue].append((field, column))
                } else if column >= width - attributeFields {
                    attributeComponents.insert(field)
                    present[Part.attributes.rawValue].append((field, column))
                } else {
                    present[Part.middle.rawValue].append((field, column))
                }
            }
        }
    }
}

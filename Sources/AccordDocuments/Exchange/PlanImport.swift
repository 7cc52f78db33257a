import AccordCore

/// A CSV file read against the record: the changes it means, as a diff a person can check, or every
/// problem that stops it, by row and column.
///
/// Nothing is applied here. The changes have been tried in order against a copy of the state, through the
/// same rules the ledger applies, so a file without problems will be accepted when the caller appends
/// `changes` (in one transaction) with the authority given; a file with any problem is refused whole.
public struct PlanImport: Sendable {
    /// The changes, in the order they must be appended.
    public var changes: [ProposedChange]
    /// What each change does, in words: "MPM-1.3 title (en): old → new".
    public var diff: [DiffLine]
    /// Everything wrong with the file; when not empty, nothing may be applied.
    public var problems: [ImportProblem]

    /// Whether the file can be applied.
    public var isAcceptable: Bool { problems.isEmpty }

    /// One line of the diff.
    public struct DiffLine: Sendable, Hashable, Codable, CustomStringConvertible {
        public var row: Int
        public var number: String
        public var field: String
        public var old: String
        public var new: String

        public var description: String {
            old.isEmpty ? "\(number) \(field): \(new)" : "\(number) \(field): \(old) → \(new)"
        }
    }
}

/// One problem of an import: where it is and why it stops the import.
public struct ImportProblem: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    /// The line of the file the row starts on (1 is the header); 0 for the file as a whole.
    public var row: Int
    /// The column at fault, by its header name; empty for the whole row or file.
    public var column: String
    public var reason: String

    public init(row: Int, column: String, reason: String) {
        self.row = row
        self.column = column
        self.reason = reason
    }

    public var description: String {
        let place = row == 0 ? "file" : "row \(row)"
        return column.isEmpty ? "\(place): \(reason)" : "\(place), column \(column): \(reason)"
    }
}

extension PlanCSV {
    /// Reads `bytes` (a CSV file as exported) against `state`.
    ///
    /// - Parameters:
    ///   - actor: who imports; recorded on every change.
    ///   - authority: the decision paragraph, or editorial reason, the changes rest on.
    ///   - progress: called with (rows read, rows in all) as the rows are checked, for a progress bar.
    public static func read(
        _ bytes: [UInt8], against state: ProcessState, actor: Actor, authority: Authority,
        progress: (Int, Int) -> Void = { _, _ in }
    ) -> PlanImport {
        var body = bytes[...]
        // A byte order mark is how some spreadsheets say UTF-8; it is not part of the first column's name.
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        guard let text = String(validating: body, as: UTF8.self) else {
            return refused(ImportProblem(row: firstInvalidLine(body), column: "", reason: Self.notUTF8))
        }
        let records: [CSVFormat.Record]
        switch CSVFormat.records(text) {
        case .success(let read): records = read
        case .failure(let error): return refused(ImportProblem(row: error.line, column: "", reason: error.reason))
        }
        guard let header = records.first else {
            return refused(ImportProblem(row: 0, column: "", reason: "the file is empty; it needs the header row"))
        }
        if let problems = headerProblems(header.fields), !problems.isEmpty {
            return PlanImport(changes: [], diff: [], problems: problems)
        }
        var reader = ImportReader(state: state, actor: actor, authority: authority)
        let rows = records.dropFirst()
        for (index, record) in rows.enumerated() {
            reader.read(record)
            progress(index + 1, rows.count)
        }
        return reader.result()
    }

    static let notUTF8 =
        "the file is not UTF-8 text; save it from the spreadsheet as \"CSV UTF-8\" and import it again"

    private static func refused(_ problem: ImportProblem) -> PlanImport {
        PlanImport(changes: [], diff: [], problems: [problem])
    }

    /// The line holding the first byte that is not UTF-8, so the person can find it.
    private static func firstInvalidLine(_ bytes: ArraySlice<UInt8>) -> Int {
        var line = 1
        var start = bytes.startIndex
        for index in bytes.indices where bytes[index] == 0x0A {
            if String(validating: bytes[start..<index], as: UTF8.self) == nil { return line }
            line += 1
            start = index + 1
        }
        return line
    }

    /// Every column missing, unknown or out of place, or nil when the header is exactly the export's.
    private static func headerProblems(_ header: [String]) -> [ImportProblem]? {
        guard header != columns else { return nil }
        var problems: [ImportProblem] = []
        for column in columns where !header.contains(column) {
            problems.append(ImportProblem(row: 1, column: column, reason: "this column is missing from the header"))
        }
        for column in header where !columns.contains(column) {
            problems.append(
                ImportProblem(
                    row: 1, column: column,
                    reason: "unknown column; the header must be exactly: \(columns.joined(separator: ","))"))
        }
        if problems.isEmpty {
            problems.append(
                ImportProblem(
                    row: 1, column: "",
                    reason:
                        "the columns are out of order; the header must be exactly: \(columns.joined(separator: ","))"
                ))
        }
        return problems
    }
}

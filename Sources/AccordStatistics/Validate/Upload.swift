/// A member state's upload of one dataflow, checked before it is committed as a new vintage.
///
/// The later part stages the file, calls `validate(sdmxCSV:)` or `validate(spreadsheet:mapping:)` and shows
/// the report: its problems and, when there is no error, its preview against the previous vintage. Only a
/// report without errors may be committed, all of it, as one ledger entry.
///
/// ```swift
/// let upload = Upload(structure: structure, flow: returns, reportingArea: "GTM",
///                     previous: guatemalasCurrentVintage, others: currentVintagesOfOtherStates)
/// let report = upload.validate(sdmxCSV: bytes)
/// if report.canCommit { … Vintage(flow:area:sequence:observations: report.vintage) … }
/// ```
public struct Upload: Sendable {
    public var structure: DataStructure
    public var flow: Dataflow
    /// The delegation's REF_AREA; nil when the Secretariat uploads for any state.
    public var reportingArea: String?
    /// The observations of this state's current vintage of the flow (empty for a first submission).
    public var previous: ObservationTable
    /// The current vintages of the flow of the other states, for the mirror check.
    public var others: [ObservationTable]
    /// How far apart two mirror figures may be before a warning, as a share of the larger.
    public var mirrorTolerance = 0.10

    public init(
        structure: DataStructure, flow: Dataflow, reportingArea: String?, previous: ObservationTable = .init(),
        others: [ObservationTable] = []
    ) {
        self.structure = structure
        self.flow = flow
        self.reportingArea = reportingArea
        self.previous = previous
        self.others = others
    }

    /// Reads and checks an SDMX-CSV 2.0 file.
    public func validate(sdmxCSV bytes: [UInt8]) -> UploadReport {
        validate(SDMXCSVReader(structure: structure, flow: flow, reportingArea: reportingArea).read(bytes))
    }

    /// Reads and checks a spreadsheet export (CSV or XLSX) through its saved mapping.
    public func validate(spreadsheet: Spreadsheet, mapping: SpreadsheetMapping) -> UploadReport {
        validate(
            SpreadsheetReader(structure: structure, flow: flow, reportingArea: reportingArea, mapping: mapping)
                .read(spreadsheet))
    }

    /// Checks what a reader read: duplicate keys, then the warnings; the preview when there is no error.
    ///
    /// The warnings look at the vintage as committing would make it, so that a new quarter is compared with
    /// the months before it and a total with breakdowns sent earlier; they name only the file's rows, since
    /// what is kept was checked when it came.
    public func validate(_ read: ReadResult) -> UploadReport {
        var problems = read.problems
        let file = Consistency(structure: structure, table: read.table, rows: read.rows)
        file.duplicateKeys(into: &problems)
        if read.table.isEmpty, !problems.hasErrors {
            problems.append(
                Problem(
                    .columns, row: nil, column: nil, code: nil,
                    Sentence(
                        es: "el archivo no tiene observaciones", en: "the file has no observations",
                        fr: "le fichier n'a pas d'observations")))
        }
        let preview =
            problems.hasErrors
            ? nil
            : Preview(
                new: read.table, keys: file.keys, order: file.order, previous: previous, structure: structure,
                replacesVintage: read.replacesVintage)
        var vintage = read.table
        if let preview, !preview.kept.isEmpty {
            vintage.append(contentsOf: previous.rows(preview.kept))
        }
        let checked =
            vintage.count == read.table.count
            ? file
            : Consistency(
                structure: structure, table: vintage,
                rows: read.rows + repeatElement(0, count: vintage.count - read.table.count),
                reported: read.table.count)
        // The outliers, the costliest check, run in two halves of the series, one beside the other checks.
        let (first, second) = checked.seriesHalves()
        let (other, firstOutliers) = inParallel(
            {
                var (sums, outliers) = (ProblemList(), ProblemList())
                checked.totals(into: &sums)
                checked.monthsSumToYear(into: &sums)
                checked.outliers(in: second, into: &outliers)
                return (sums: sums, secondOutliers: outliers)
            },
            {
                var outliers = ProblemList()
                checked.outliers(in: first, into: &outliers)
                return outliers
            })
        // In the order the checks would find them one after the other.
        problems.append(contentsOf: other.sums)
        problems.append(contentsOf: firstOutliers)
        problems.append(contentsOf: other.secondOutliers)
        Mirror(structure: structure, tolerance: mirrorTolerance).check(
            read.table, rows: read.rows, against: others, describe: file.describe, into: &problems)
        return UploadReport(
            table: read.table, rows: read.rows, problems: problems, preview: preview, vintage: vintage,
            replacesVintage: read.replacesVintage)
    }
}

/// The outcome of checking an upload.
public struct UploadReport: Sendable {
    /// The observations read without error.
    public var table: ObservationTable
    /// The observations the vintage would hold once committed: `table`, with the previous vintage's that the
    /// upload does not carry when it adds to the vintage rather than replacing it.
    public var vintage: ObservationTable
    /// The file row of each observation.
    public var rows: [Int]
    public var problems: ProblemList
    /// What committing would change; nil while there are errors.
    public var preview: Preview?
    /// Whether the upload replaces the previous vintage (SDMX-CSV ACTION R) rather than adding to it.
    public var replacesVintage: Bool

    public init(
        table: ObservationTable, rows: [Int], problems: ProblemList, preview: Preview?,
        vintage: ObservationTable? = nil,
        replacesVintage: Bool = false
    ) {
        self.replacesVintage = replacesVintage
        self.table = table
        self.vintage = vintage ?? table
        self.rows = rows
        self.problems = problems
        self.preview = preview
    }

    /// Whether the upload may be committed: no error (warnings do not block).
    public var canCommit: Bool { !problems.hasErrors }
}

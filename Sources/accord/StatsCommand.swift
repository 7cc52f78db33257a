import AccordCore
import AccordServices
import AccordStatistics
import AccordStore
import ArgumentParser
import Foundation

/// `accord stats import|validate|export|publish`: the shared migration statistics from the command line, through
/// the same application layer as the pages and the API.
struct StatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Shared migration statistics in SDMX: upload a state's figures, publish releases, export.",
        subcommands: [StatsImport.self, StatsValidate.self, StatsExport.self, StatsPublish.self])
}

/// What an upload is: the file, its flow and state, its format and mapping.
struct UploadOptions: ParsableArguments {
    @Argument(help: "The file: SDMX-CSV 2.0, or a spreadsheet's CSV or XLSX export.")
    var file: String

    @Option(help: "The dataflow: DF_MIGR_MOVEMENTS, DF_MIGR_RETURNS or DF_MIGR_IRREGULAR.")
    var flow: String

    @Option(help: "The reporting state (ISO 3166-1 alpha-3); by default the delegate's own.")
    var area: String?

    @Option(help: "sdmx-csv, csv or xlsx (by default from the file's extension: .xlsx, else sdmx-csv).")
    var format: UploadFormat?

    @Option(help: "A JSON file with the spreadsheet mapping (sheet, headerRow, columns, constants, labels).")
    var mapping: String?

    @Option(help: "The name of one of the state's saved mappings.")
    var savedMapping: String?

    func request() throws -> UploadRequest {
        let content: [UInt8]
        do {
            // Mapped, then copied once into the array: reading a 10 MB upload into a Data and copying that
            // took half the time of checking it (Benchmarks/, target 9 c).
            content = Array(try Data(contentsOf: URL(fileURLWithPath: file), options: .alwaysMapped))
        } catch {
            throw ValidationError("FILE: cannot read \(file): \(error.localizedDescription)")
        }
        let format = format ?? (file.lowercased().hasSuffix(".xlsx") ? .xlsx : .sdmxCSV)
        let mapping = try self.mapping.map { path in
            do {
                return try JSONDecoder().decode(
                    SpreadsheetMapping.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
            } catch {
                throw ValidationError("--mapping: \(path) is not a mapping: \(error)")
            }
        }
        return UploadRequest(
            flow: flow, area: area.map { ParticipantID($0) }, format: format,
            fileName: URL(fileURLWithPath: file).lastPathComponent, content: content, mapping: mapping,
            savedMapping: savedMapping)
    }
}

extension UploadFormat: ExpressibleByArgument {}

/// Prints an upload's problems and preview as a person reads them.
func printReport(_ preview: UploadPreview) {
    let problems = preview.report.problems
    print(
        "\(preview.fileName) (SHA-256 \(preview.sha256)): \(preview.report.table.count) observations of "
            + "\(preview.area)'s \(preview.flow.id) read; \(problems.errorCount) error(s), \(problems.warnings.count) "
            + "warning(s).")
    if !problems.problems.isEmpty {
        var table = TextTable("severity", "row", "column", "code", "rule", "problem")
        table.maxWidth = 90
        for problem in problems.inReadingOrder.prefix(200) {
            table.add(
                problem.isError ? "error" : "warning", problem.row.map(String.init) ?? "", problem.column ?? "",
                problem.code ?? "", problem.rule.rawValue, problem.message)
        }
        print(table.rendered)
        let kept = problems.counts.values.reduce(0, +)
        if kept > 200 { print("… and \(kept - 200) more.") }
    }
    if let changes = preview.report.preview {
        print(
            "Committing makes vintage \(preview.number): \(changes.added.count) added, \(changes.changed.count) "
                + "changed, \(changes.deleted.count) deleted, \(changes.kept.count) kept from the previous vintage, "
                + "\(changes.unchanged) unchanged (\(preview.report.vintage.count) observations in all).")
    }
}

/// `accord stats import`: validates a file and commits it as the state's next vintage when it has no error.
struct StatsImport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Commit a state's statistics as its next vintage: one ledger entry, all or nothing.",
        discussion: """
            The file is read and checked by every rule of RCM:DSD_MIGR_FLOW(1.0); its problems are listed by row, \
            column, code and rule. With no error (warnings do not block) it is committed as the state's next \
            vintage, recorded with the account, the time and the file's SHA-256; with any, nothing is committed \
            and the command exits with status 1.
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var upload: UploadOptions
    @OptionGroup var identity: IdentityOptions

    func run() async throws {
        let request = try upload.request()
        let (preview, entry) = try await withStore(try database.location(), logger: makeLogger()) { store in
            try await explainedStatistics {
                try await StatisticsService(store: store).importFile(
                    request, as: try await identity.actor(in: store))
            }
        }
        printReport(preview)
        guard let entry else {
            print("Refused: nothing was committed.")
            throw ExitCode(1)
        }
        print(
            "Committed as vintage \(preview.number) of \(preview.area)'s \(preview.flow.id), ledger entry \(entry.entry.sequence)."
        )
    }
}

/// `accord stats validate`: reads and checks a file, commits nothing.
struct StatsValidate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a state's statistics file against every rule and show the preview; commit nothing.",
        discussion: "Exits with status 1 when the file has an error.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var upload: UploadOptions
    @OptionGroup var identity: IdentityOptions

    func run() async throws {
        let request = try upload.request()
        let preview = try await withStore(try database.location(), logger: makeLogger()) { store in
            try await explainedStatistics {
                try await StatisticsService(store: store).validate(request, as: try await identity.actor(in: store))
            }
        }
        printReport(preview)
        if !preview.report.canCommit { throw ExitCode(1) }
    }
}

/// `accord stats export`: a flow's data, or the structure, in an SDMX format, as the reader may see them.
struct StatsExport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a dataflow's statistics (or the structure) as SDMX-ML 2.1, SDMX-JSON 2.0 or SDMX-CSV 2.0.",
        discussion: """
            The public (no --as) reads the newest release, with confidential and small cells withheld; the \
            Secretariat reads the committed figures by default (--release latest for what the public reads).
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case xml, json, csv }

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var identity: IdentityOptions

    @Option(help: "The dataflow; leave it out with --structure.")
    var flow: String?

    @Flag(help: "Write the SDMX-ML 2.1 structure message instead of data.")
    var structure = false

    @Option(help: "An SDMX key: one part per dimension, codes joined by +, empty for any (default: all).")
    var key = "all"

    @Option(help: "The first period (2024, 2024-Q1, 2024-01).")
    var startPeriod: String?

    @Option(help: "The last period.")
    var endPeriod: String?

    @Option(help: "xml (SDMX-ML 2.1 generic data), json (SDMX-JSON 2.0) or csv (SDMX-CSV 2.0).")
    var format: Format = .xml

    @Option(help: "TIME_PERIOD (series) or AllDimensions (a flat list).")
    var dimensionAtObservation: String = "TIME_PERIOD"

    @Option(help: "A release number, latest, or committed (the Secretariat's).")
    var release: String?

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    func run() async throws {
        guard structure || flow != nil else { throw ValidationError("name a --flow, or ask for the --structure") }
        guard let layout = DimensionAtObservation(rawValue: dimensionAtObservation) else {
            throw ValidationError("--dimension-at-observation: TIME_PERIOD or AllDimensions")
        }
        let sink = try OutputFile(output)
        let now = ISO8601DateFormatter().string(from: Date())
        try await withStore(try database.location(), logger: makeLogger()) { store in
            let statistics = StatisticsService(store: store)
            if structure {
                try await statistics.structure().writeStructureMessage(
                    id: "RCM_STRUCTURE", prepared: now, to: sink.write)
                return
            }
            let principal = try await identity.principal(in: store)
            let selection: StatisticsService.Selection
            switch release {
            case nil: selection = statistics.defaultSelection(for: principal)
            case "latest": selection = .newestRelease
            case "committed": selection = .committed
            case let text?:
                guard let number = Int(text), number > 0 else {
                    throw ValidationError("--release: a release number, latest or committed")
                }
                selection = .release(number)
            }
            let dataset = try await explainedStatistics {
                try await statistics.dataset(flow ?? "", selection, for: principal)
            }
            let chosen: DataSelection
            do {
                chosen = try DataSelection(
                    key: key, startPeriod: startPeriod, endPeriod: endPeriod, structure: dataset.structure)
            } catch let error as SelectionError {
                throw ValidationError("--\(error.parameter): \(error)")
            }
            var message = DataMessage(
                structure: dataset.structure, flow: dataset.flow,
                table: chosen.select(from: dataset.table, structure: dataset.structure),
                id: (dataset.isSynthetic ? "SYNTHETIC_" : "") + dataset.flow.id, prepared: now)
            message.dimensionAtObservation = layout
            message.isTest = dataset.isSynthetic
            message.name = dataset.isSynthetic ? SyntheticDataSet.source : nil
            switch format {
            case .xml: try message.writeGenericData(to: sink.write)
            case .json: try message.writeSDMXJSON(to: sink.write)
            case .csv: try message.writeSDMXCSV(to: sink.write)
            }
        }
        try sink.close()
    }
}

/// Where an export goes: a file, or standard output.
private final class OutputFile: Sendable {
    let handle: FileHandle

    init(_ path: String?) throws {
        guard let path else {
            handle = .standardOutput
            return
        }
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw ValidationError("--output: cannot write \(path)")
        }
        handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    }

    func write(_ chunk: ArraySlice<UInt8>) throws { try handle.write(contentsOf: Data(chunk)) }

    func close() throws { if handle !== FileHandle.standardOutput { try handle.close() } }
}

/// `accord stats publish`: the Secretariat publishes a release of the newest vintages.
struct StatsPublish: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Publish a statistical release: the newest vintage of every state and flow (the Secretariat).")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var identity: IdentityOptions

    @Option(help: "The day of publication, YYYY-MM-DD (default: today).")
    var date: String?

    @Option(help: "The release notes, in English.")
    var notes: String?

    func run() async throws {
        let day = date ?? String(ISO8601DateFormatter().string(from: Date()).prefix(10))
        guard let date = PartialDate(day), date.day != nil else { throw ValidationError("--date: YYYY-MM-DD") }
        let entry = try await withStore(try database.location(), logger: makeLogger()) { store in
            try await explainedStatistics {
                try await StatisticsService(store: store).publish(
                    on: date, notes: notes.map { LocalizedText.en($0) }, as: try await identity.actor(in: store))
            }
        }
        guard case .publishRelease(let release) = entry.entry.change else { return }
        print(
            "Published release \(release.number) of \(release.date): \(release.vintages.count) vintages, ledger entry \(entry.entry.sequence)."
        )
    }
}

/// `explained`, and the statistics' own refusals, as messages rather than traces.
func explainedStatistics<R>(_ body: () async throws -> R) async throws -> R {
    do {
        return try await explained(body)
    } catch let error as UploadError {
        throw Failure(description: "\(error)")
    }
}

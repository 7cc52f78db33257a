import AccordCore
import AccordServices
import AccordStore
import ArgumentParser

/// `accord reports --cycle CYCLE`: the report matrix of a reporting cycle — mandates × member states,
/// submitted, draft, late or none — and who has not filed, as the reader may see it.
struct ReportsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reports",
        abstract: "Show the report matrix of a reporting cycle: each member state's report on each mandate "
            + "(submitted, draft, late or none) and who has not filed.",
        discussion: "Without --as, once the database has accounts, only published reports count.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var identity: IdentityOptions

    @Option(help: "The reporting cycle's code (without it, the cycles are listed).")
    var cycle: String?

    @Option(help: "Only this member state's column.")
    var country: String?

    @Option(help: "Only this mandate's row.")
    var mandate: String?

    @Flag(help: "Print the matrix as JSON.")
    var json = false

    func run() async throws {
        let (state, matrix) = try await withStore(try database.location(), logger: makeLogger()) { store in
            let principal = try await identity.principal(in: store)
            let record = RecordService(store: store)
            let state = try await record.state(for: principal)
            guard let cycle else { return (state, nil as ReportMatrix?) }
            do {
                return (state, try await FollowUpService(record: record).matrix(of: .init(cycle), for: principal))
            } catch let error as NotFound {
                throw Failure(description: "--cycle: \(error)")
            }
        }
        guard var matrix else {
            var table = TextTable("cycle", "plan", "due", "title")
            for cycle in state.cycles.values.sorted(by: { $0.id < $1.id }) {
                table.add(cycle.id.rawValue, cycle.plan.rawValue, cycle.due?.description ?? "", cycle.title.original)
            }
            print(state.cycles.isEmpty ? "No reporting cycle is recorded." : table.rendered)
            return
        }
        if let country, !matrix.countries.contains(.init(country)) {
            throw Failure(description: "--country: '\(country)' is not a member state of the record")
        }
        if let mandate, !matrix.mandates.contains(.init(mandate)) {
            throw Failure(description: "--mandate: \(matrix.cycle) has no mandate '\(mandate)'")
        }
        matrix = matrix.filtered(country: country.map { .init($0) }, mandate: mandate.map { .init($0) })
        if json {
            try printJSON(matrix)
            return
        }
        print(Self.rendered(matrix, in: state))
    }

    /// The matrix as a table: one row per mandate, one column per member state, then who has not filed.
    static func rendered(_ matrix: ReportMatrix, in state: ProcessState) -> String {
        var table = TextTable(headers: ["mandate"] + matrix.countries.map(\.rawValue) + ["coordinator's report"])
        for mandate in matrix.mandates {
            let cells = matrix.row(of: mandate).map { $0.state.rawValue }
            let coordinator = matrix.coordinatorReports.first { $0.mandate == mandate }
            table.rows.append(
                [mandate.rawValue] + cells
                    + [coordinator.map { "\($0.state.rawValue) (\($0.country?.rawValue ?? ""))" } ?? "none"])
        }
        let title = state.cycles[matrix.cycle].map { "\($0.title.original) (\(matrix.cycle))" } ?? matrix.cycle.rawValue
        let due = state.cycles[matrix.cycle]?.due.map { ", due \($0)" } ?? ""
        var lines = ["Reports of \(title)\(due):", table.rendered, ""]
        for mandate in matrix.mandates {
            let missing = matrix.notFiled(on: mandate).map(\.rawValue)
            lines.append(
                "\(mandate): "
                    + (missing.isEmpty
                        ? "every member state has filed" : "not filed: \(missing.joined(separator: ", "))"))
        }
        return lines.joined(separator: "\n")
    }
}

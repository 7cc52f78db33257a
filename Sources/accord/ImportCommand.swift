import AccordCore
import AccordDocuments
import AccordServices
import AccordStore
import ArgumentParser
import Foundation

/// `accord import FILE.csv --authority REF`: applies a plan CSV through the rules, or lists every problem.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Apply a plan CSV (the format `accord export plan --format csv` writes) on an authority.",
        discussion: """
            The file is read against the record and shown as a diff. With no problem, its changes are appended \
            in one transaction, each checked by the rules; with any problem (a wrong header, a bad encoding, an \
            unknown lead, an impossible status, a clashing number, a change the authority does not cover), every \
            problem is listed by row and column and nothing is applied. Rows absent from the file are left as \
            they are: nothing is ever deleted.
            """)

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "The CSV file.")
    var file: String

    @Option(help: "A decision paragraph (RCM-XXV/1), or \"editorial: the reason\".")
    var authority: String

    @OptionGroup var identity: IdentityOptions

    @Flag(help: "Show the diff and the problems, but apply nothing.")
    var dryRun = false

    @Flag(inversion: .prefixedNo, help: "Draw a progress bar (default: on a terminal, for files over 500 rows).")
    var progress: Bool?

    func run() async throws {
        let authority = try Self.authority(self.authority)
        let bytes: [UInt8]
        do {
            bytes = Array(try Data(contentsOf: URL(fileURLWithPath: file)))
        } catch {
            throw ValidationError("FILE: cannot read \(file): \(error.localizedDescription)")
        }
        let rows = bytes.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
        let bar = (progress ?? (rows > 500)) ? ProgressBar("checking rows", force: progress == true) : nil
        let (plan, appended) = try await withRecord(database, logger: makeLogger()) { store in
            try await explained {
                try await Exports.importPlan(
                    into: RecordService(store: store), csv: bytes, authority: authority, apply: !dryRun,
                    as: try await identity.actor(in: store), progress: { bar?.update($0, of: $1) })
            }
        }
        guard plan.isAcceptable else {
            print("Refused: \(plan.problems.count) problem\(plan.problems.count == 1 ? "" : "s"); nothing was applied.")
            var table = TextTable("row", "column", "problem")
            table.maxWidth = 100
            for problem in plan.problems { table.add("\(problem.row)", problem.column, problem.reason) }
            print(table.rendered)
            throw ExitCode(1)
        }
        guard !plan.changes.isEmpty else {
            print("Nothing to apply: the file matches the record.")
            return
        }
        for line in plan.diff { print("  \(line)") }
        if dryRun {
            print("Dry run: \(plan.changes.count) change\(plan.changes.count == 1 ? "" : "s") would be applied.")
        } else {
            let range = appended.first.map { "\($0.entry.sequence)–\(appended.last!.entry.sequence)" } ?? ""
            print("Applied \(appended.count) change\(appended.count == 1 ? "" : "s") (ledger entries \(range)).")
        }
    }

    /// Reads `--authority`: a decision paragraph, or "editorial: reason".
    static func authority(_ text: String) throws -> Authority {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.lowercased().hasPrefix("editorial") {
            let reason = trimmed.dropFirst("editorial".count).drop { $0 == ":" || $0 == " " }
            guard !reason.isEmpty else {
                throw ValidationError("--authority: an editorial change needs a reason, as \"editorial: the reason\"")
            }
            return .editorial(reason: String(reason))
        }
        guard trimmed.contains("/") else {
            throw ValidationError(
                "--authority: '\(text)' is neither a decision paragraph (such as RCM-XXV/1) nor \"editorial: reason\"")
        }
        return .decision(DecisionID(trimmed))
    }
}

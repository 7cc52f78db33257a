import AccordCore
import AccordServices
import AccordStore
import ArgumentParser
import Foundation

/// `accord revision-report`: what the working plan (and a draft revision) changes since the last edition.
struct RevisionReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revision-report",
        abstract: "List every substantive difference from the last edition and the decision that covers it.",
        discussion: """
            The revision is the plan at the ledger head, plus the draft changes in --draft if given (a JSON \
            array of {"change", "actor", "authority"}, each change with its "kind"). Exits with status 1 when a \
            difference has no covering decision, or a draft change is refused: such a revision cannot be approved.

            Change kinds: \(Change.kinds.joined(separator: ", ")).
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var identity: IdentityOptions

    @Option(help: "A JSON file of draft changes to check on top of the working plan.")
    var draft: String?

    @Flag(help: "Print the report as JSON.")
    var json = false

    func run() async throws {
        let changes = try draft.map(Self.readDraft) ?? []
        let report = try await withRecord(database, logger: makeLogger()) { store in
            try await explained {
                try await RecordService(store: store).revisionReport(
                    draft: changes, for: try await identity.principal(in: store))
            }
        }
        if json {
            try printJSON(ReportOutput(report: report, isBlocked: report.isBlocked))
        } else {
            print(Self.render(report))
        }
        if report.isBlocked { throw ExitCode(1) }
    }

    static func readDraft(_ path: String) throws -> [ProposedChange] {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ValidationError("--draft: cannot read \(path): \(error.localizedDescription)")
        }
        do {
            return try JSONDecoder().decode([ProposedChange].self, from: data)
        } catch let error as DecodingError {
            // Named as the API names it: the field at fault and why (an unknown kind lists the kinds).
            let field = error.field.isEmpty ? "" : " \(error.field)"
            throw ValidationError(
                "--draft: \(path)\(field) \(error.reason) (the file is a JSON array of {change, actor, authority})")
        }
    }

    static func render(_ report: RevisionReport) -> String {
        let against = report.edition.map { "edition \($0) (ledger position \(report.from))" } ?? "no edition yet"
        var lines = [
            "Revision at ledger position \(report.head)"
                + (report.draftChanges > 0 ? " plus \(report.draftChanges) draft changes" : "")
                + ", against \(against)."
        ]
        if report.differences.isEmpty {
            lines.append("No substantive difference.")
        } else {
            var table = TextTable("item", "field", "before", "after", "covered by")
            for difference in report.differences {
                let source =
                    difference.entry.map { " (entry \($0))" } ?? difference.draftIndex.map { " (draft #\($0 + 1))" }
                    ?? ""
                table.add(
                    difference.item.rawValue, difference.field, difference.before ?? "—", difference.after ?? "—",
                    (difference.coveredBy?.rawValue ?? "NOT COVERED: \(difference.problem ?? "")") + source)
            }
            lines.append(table.rendered)
        }
        lines.append("\(report.editorialDifferences) editorial differences (translations, formatting, typo fixes).")
        for refusal in report.refusals {
            lines.append("Draft change #\(refusal.draftIndex + 1) refused: \(refusal.field): \(refusal.reason)")
        }
        lines.append(
            report.isBlocked
                ? "BLOCKED: the revision has differences without a covering decision; it cannot be approved."
                : "OK: every substantive difference is covered by a decision.")
        return lines.joined(separator: "\n")
    }

    /// The report with its verdict, which JSON would otherwise leave out (it is computed).
    struct ReportOutput: Encodable {
        var report: RevisionReport
        var isBlocked: Bool

        func encode(to encoder: any Encoder) throws {
            try report.encode(to: encoder)
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(isBlocked, forKey: .isBlocked)
        }

        enum Key: String, CodingKey { case isBlocked }
    }
}

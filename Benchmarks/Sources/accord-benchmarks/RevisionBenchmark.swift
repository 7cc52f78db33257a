import AccordCore
import Foundation

/// Governance target: checking a 1,000-change revision of a 2,000-activity plan against the rules, and
/// listing its substantive differences with their covering decisions, in no more than 50 ms.
///
/// The revision is what `accord revision-report --draft` checks: the changes are applied on top of the
/// plan through the rules (approval level included), then the plan is compared with the edition.
struct RevisionBenchmark {
    let options: Options

    static let target = 0.050

    func run() async -> Outcome {
        say("5. checking a 1,000-change revision of a 2,000-activity plan, \(options.viewRuns) runs")
        do {
            return try await measure()
        } catch {
            return .failed(.revisionCheck, "revision check", error: error)
        }
    }

    private func measure() async throws -> Outcome {
        let fixture = PlanFixture(activities: 2_000)
        let edition = try InMemoryLedger(fixture.changes).state
        var workload = Workload(on: fixture)
        let draft = (0..<1_000).map { _ in workload.next() }
        let recordedAt = Timestamp(millisecondsSince1970: 1_700_000_000_000)

        let report = RevisionReport(edition: 1, base: edition, entries: [], draft: draft, recordedAt: recordedAt)
        guard report.refusals.isEmpty, !report.isBlocked, !report.differences.isEmpty else {
            throw BenchmarkError(
                "the revision should pass with differences: \(report.refusals.count) refusals, "
                    + "\(report.differences.count) differences")
        }
        say(
            "   plan: \(Format.grouped(edition.items.count)) items; revision: \(Format.grouped(draft.count)) changes, "
                + "\(Format.grouped(report.differences.count)) substantive and \(report.editorialDifferences) editorial "
                + "differences")
        var differences = 0
        let samples = await sample(options.viewRuns) {
            differences +=
                RevisionReport(
                    edition: 1, base: edition, entries: [], draft: draft, recordedAt: recordedAt
                ).differences.count
        }
        guard differences > 0 else { throw BenchmarkError("the reports were empty") }
        let check = Check(
            name: "revision check", isMet: samples.median <= Self.target,
            figure: "median \(Format.duration(samples.median)), p95 \(Format.duration(samples.p95)) "
                + "(needs median ≤ \(Format.duration(Self.target)))")
        say("   target: \(check)")
        return Outcome(.revisionCheck, checks: [check], summary: "1,000-change revision checked ≤ 50 ms")
    }
}

/// A ledger kept in memory: the fixture's changes applied through the rules, as the store would append them.
struct InMemoryLedger {
    private(set) var state = ProcessState()

    init(_ changes: [ProposedChange]) throws {
        try append(changes)
    }

    mutating func append(_ changes: [ProposedChange]) throws {
        for change in changes {
            let entry = LedgerEntry(
                sequence: state.sequence + 1, recordedAt: Timestamp(millisecondsSince1970: 1_700_000_000_000),
                actor: change.actor, authority: change.authority, change: change.change)
            _ = try state.apply(entry)
        }
    }
}

import AccordCore

/// Governance target: comparing two editions of a 2,000-activity plan in no more than 50 ms.
///
/// The later edition is the earlier one after 600 more entries of the workload (decisions adding activities
/// and revising titles and timelines, status moves), the comparison `accord compare` and the API compute,
/// with a word-level diff of every changed text.
struct EditionComparisonBenchmark {
    let options: Options

    static let target = 0.050

    func run() async -> Outcome {
        say("6. comparing two editions of a 2,000-activity plan, \(options.viewRuns) runs")
        do {
            return try await measure()
        } catch {
            return .failed(.editionComparison, "edition comparison", error: error)
        }
    }

    private func measure() async throws -> Outcome {
        let fixture = PlanFixture(activities: 2_000)
        var ledger = try InMemoryLedger(fixture.changes)
        let first = ledger.state
        var workload = Workload(on: fixture, growth: 20)
        try ledger.append((0..<600).map { _ in workload.next() })
        let second = ledger.state

        let comparison = PlanComparison(from: first, to: second)
        guard !comparison.items.isEmpty else { throw BenchmarkError("the editions compare as the same") }
        say(
            "   editions: \(Format.grouped(first.items.count)) and \(Format.grouped(second.items.count)) items; "
                + "\(Format.grouped(comparison.items.count)) items differ "
                + "(\(comparison.summary.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")))"
        )
        var seen = 0
        let samples = await sample(options.viewRuns) {
            seen += PlanComparison(from: first, to: second).items.count
        }
        guard seen > 0 else { throw BenchmarkError("the comparisons were empty") }
        let check = Check(
            name: "edition comparison", isMet: samples.median <= Self.target,
            figure: "median \(Format.duration(samples.median)), p95 \(Format.duration(samples.p95)) "
                + "(needs median ≤ \(Format.duration(Self.target)))")
        say("   target: \(check)")
        return Outcome(.editionComparison, checks: [check], summary: "two 2,000-activity editions compared ≤ 50 ms")
    }
}

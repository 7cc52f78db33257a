import AccordCore
import AccordDocuments
import Foundation

/// Documents target: the DOCX of a 2,000-activity plan in no more than 300 ms, and at least 10× faster than
/// pandoc converting the same content from Markdown to DOCX, both timed in this run.
///
/// pandoc gets Accord's own Markdown rendering of the same plan, so both write the same text; its time
/// includes starting the process, which a user converting a file pays as well. Where pandoc is not installed
/// the ratio check is skipped and says how to install it.
struct DocumentBenchmark {
    let options: Options
    let workspace: Workspace

    static let target = 0.300
    static let ratioTarget = 10.0

    func run() async -> Outcome {
        say("7. the DOCX of a 2,000-activity plan, \(options.viewRuns) runs, against pandoc (Markdown → DOCX)")
        do {
            return try await measure()
        } catch {
            return .failed(.document, "plan document", error: error)
        }
    }

    private func measure() async throws -> Outcome {
        let fixture = PlanFixture(activities: 2_000)
        let state = try InMemoryLedger(fixture.changes).state
        let document = PlanDocument(
            state: state, edition: nil, languages: DocumentLanguages(.en),
            generatedOn: PartialDate(year: 2026, month: 11, day: 24)!)
        let docx = try document.docx()
        say(
            "   plan: \(Format.grouped(state.items.count)) items; DOCX \(Format.grouped(docx.count)) bytes "
                + "(zipped), Markdown \(Format.megabytes(document.markdown().utf8.count))")
        var written = 0
        let samples = try await sample(options.viewRuns) { written += try document.docx().count }
        guard written > 0 else { throw BenchmarkError("the documents were empty") }
        var checks = [
            Check(
                name: "DOCX of 2,000 activities", isMet: samples.median <= Self.target,
                figure: "median \(Format.duration(samples.median)), p95 \(Format.duration(samples.p95)) "
                    + "(needs median ≤ \(Format.duration(Self.target)))")
        ]
        say("   accord: \(checks[0])")

        guard let pandoc = Subprocess.find("pandoc") else {
            say("   pandoc: not installed (Debian: apt-get install pandoc); the ratio is not measured")
            return Outcome(.document, checks: checks, summary: "plan DOCX ≤ 300 ms (pandoc ratio skipped)")
        }
        let markdown = workspace.path("plan.md")
        try Data(document.markdown().utf8).write(to: URL(fileURLWithPath: markdown))
        let output = workspace.path("pandoc.docx")
        let runs = options.isQuick ? 2 : 5
        var pandocTimes: [Double] = []
        for _ in 0..<runs {
            let finished = try Subprocess.run(pandoc, ["-f", "markdown", "-t", "docx", "-o", output, markdown])
            guard finished.status == 0 else { throw BenchmarkError("pandoc exited with \(finished.status)") }
            pandocTimes.append(finished.seconds)
        }
        let pandocMedian = pandocTimes.sorted()[pandocTimes.count / 2]
        let ratio = pandocMedian / samples.median
        let check = Check(
            name: "faster than pandoc", isMet: ratio >= Self.ratioTarget,
            figure:
                "pandoc median \(Format.duration(pandocMedian)) over \(runs) runs, accord \(Format.duration(samples.median)): "
                + "\(Format.ratio(ratio)) (needs ≥ \(Format.ratio(Self.ratioTarget)))")
        say("   pandoc: \(check)")
        checks.append(check)
        return Outcome(.document, checks: checks, summary: "plan DOCX ≤ 300 ms and ≥ 10× pandoc")
    }
}

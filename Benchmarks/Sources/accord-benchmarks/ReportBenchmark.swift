import AccordCore
import AccordDocuments
import AccordStore
import Foundation

/// Reports target (issue 20): the report matrix of 35 countries × 200 mandates × 10 cycles (70,000 reports)
/// answered from the store in ≤ 20 ms, and the compilation DOCX of one cycle (7,000 reports) at least 10× faster
/// than pandoc converting the same compilation's Markdown, both timed in this run.
struct ReportBenchmark {
    let options: Options
    let workspace: Workspace

    static let matrixTarget = 0.020
    static let ratioTarget = 10.0

    var countries: Int { 35 }
    var mandates: Int { options.isQuick ? 20 : 200 }
    var cycles: Int { options.isQuick ? 2 : 10 }

    func run() async -> Outcome {
        say(
            "11. the report matrix of \(countries) countries × \(mandates) mandates × \(cycles) cycles from the store, "
                + "and one cycle's compilation DOCX against pandoc (Markdown → DOCX)")
        let store: Store
        do {
            store = try await Store.benchmark(at: workspace.path("reports.sqlite"))
        } catch {
            return .failed(.reports, "reports", error: error)
        }
        do {
            let outcome = try await measure(store)
            await store.close()
            return outcome
        } catch {
            await store.close()
            return .failed(.reports, "reports", error: error)
        }
    }

    private func measure(_ store: Store) async throws -> Outcome {
        let changes = fixture()
        let loading = try await seconds { try await store.append(changes, inBatchesOf: 2_000) }
        say("   loaded \(Format.grouped(changes.count)) ledger entries in \(Format.duration(loading))")
        let cycle = CycleID("CYCLE-01")

        // The matrix as the API answers the working side: the store's current state, then the cells.
        var cells = 0
        let samples = try await sample(options.viewRuns) {
            let state = try await store.currentState()
            cells += ReportMatrix(of: cycle, in: state)?.cells.count ?? 0
        }
        guard cells > 0 else { throw BenchmarkError("the matrix was empty") }
        var checks = [
            Check(
                name: "report matrix", isMet: samples.median <= Self.matrixTarget,
                figure: "median \(Format.duration(samples.median)), p95 \(Format.duration(samples.p95)) "
                    + "(needs median ≤ \(Format.duration(Self.matrixTarget)))")
        ]
        say("   matrix: \(checks[0])")

        let state = try await store.currentState()
        let record = try requireCycle(state.cycles[cycle])
        let document = CompilationDocument(
            state: state, cycle: record, languages: DocumentLanguages(.en),
            generatedOn: PartialDate(year: 2026, month: 12, day: 6)!)
        let docx = try document.docx()
        let markdown = document.markdown()
        say(
            "   compilation: \(Format.grouped(countries * mandates)) reports, DOCX \(Format.grouped(docx.count)) bytes "
                + "(zipped), Markdown \(Format.megabytes(markdown.utf8.count))")
        let runs = options.isQuick ? 3 : 5
        let compiled = try await sample(runs) { _ = try document.docx() }
        say("   accord: median \(Format.duration(compiled.median)) over \(runs) runs")
        guard let pandoc = Subprocess.find("pandoc") else {
            say("   pandoc: not installed (Debian: apt-get install pandoc); the ratio is not measured")
            return Outcome(.reports, checks: checks, summary: "matrix ≤ 20 ms (pandoc ratio skipped)")
        }
        let input = workspace.path("compilation.md")
        try Data(markdown.utf8).write(to: URL(fileURLWithPath: input))
        let output = workspace.path("compilation-pandoc.docx")
        var pandocTimes: [Double] = []
        for _ in 0..<(options.isQuick ? 1 : 3) {
            let finished = try Subprocess.run(pandoc, ["-f", "markdown", "-t", "docx", "-o", output, input])
            guard finished.status == 0 else { throw BenchmarkError("pandoc exited with \(finished.status)") }
            pandocTimes.append(finished.seconds)
        }
        let pandocMedian = pandocTimes.sorted()[pandocTimes.count / 2]
        let ratio = pandocMedian / compiled.median
        let check = Check(
            name: "compilation faster than pandoc", isMet: ratio >= Self.ratioTarget,
            figure: "pandoc median \(Format.duration(pandocMedian)) over \(pandocTimes.count) runs, accord "
                + "\(Format.duration(compiled.median)): \(Format.ratio(ratio)) (needs ≥ \(Format.ratio(Self.ratioTarget)))"
        )
        say("   pandoc: \(check)")
        checks.append(check)
        return Outcome(.reports, checks: checks, summary: "report matrix ≤ 20 ms and compilation ≥ 10× pandoc")
    }

    private func requireCycle(_ cycle: ReportingCycle?) throws -> ReportingCycle {
        guard let cycle else { throw BenchmarkError("the fixture's cycle is missing") }
        return cycle
    }

    static let memberStates = [
        "ATG", "ARG", "BHS", "BRB", "BLZ", "BOL", "BRA", "CAN", "CHL", "COL", "CRI", "CUB", "DMA", "DOM", "ECU", "SLV",
        "USA", "GRD", "GTM", "GUY", "HTI", "HND", "JAM", "MEX", "NIC", "PAN", "PRY", "PER", "KNA", "LCA", "VCT", "SUR",
        "TTO", "URY", "VEN",
    ]

    /// The record: member states, an external plan, its mandates and cycles, and every country's report on every
    /// mandate in every cycle, filed by the Secretariat on the country's behalf (one entry each).
    func fixture() -> [ProposedChange] {
        let secretariat = PlanFixture.secretariat
        func recorded(_ change: Change) -> ProposedChange {
            ProposedChange(change, by: secretariat, authority: .editorial(reason: "setting up the benchmark's record"))
        }
        // Participants need ISO 3166-1 codes: the 35 member states of the OAS.
        let states = Self.memberStates.prefix(countries).map { ParticipantID($0) }
        var changes = states.map {
            recorded(.addParticipant(Participant(id: $0, kind: .memberState, name: .en("Country \($0)"))))
        }
        let plan = ExternalPlanID("PLAN")
        changes.append(recorded(.addExternalPlan(ExternalPlan(id: plan, title: .en("An external plan")))))
        let mandateIDs = (0..<mandates).map { MandateID(String(format: "M%03d", $0)) }
        for (index, id) in mandateIDs.enumerated() {
            changes.append(
                recorded(
                    .addMandate(
                        Mandate(
                            id: id, plan: plan, paragraph: "\(index + 1)",
                            text: .en(
                                "Support the protection of migrant workers and their families, mandate \(index)."),
                            coordinator: states[index % countries]))))
        }
        for number in 1...cycles {
            changes.append(
                recorded(
                    .addCycle(
                        ReportingCycle(
                            id: CycleID(String(format: "CYCLE-%02d", number)), plan: plan,
                            title: .en("Reporting cycle \(number)")))))
        }
        for number in 1...cycles {
            for mandate in mandateIDs {
                for country in states {
                    let filing = ReportFiling(
                        cycle: CycleID(String(format: "CYCLE-%02d", number)), mandate: mandate, participant: country,
                        language: .en,
                        sections: ReportSections(
                            summary: .en("Goals met in part; \(country) reports on \(mandate)."),
                            actions: .en(
                                "Two workshops were held and 40 officials were trained in consular protection.")),
                        indicators: [
                            Indicator(
                                name: .en("Officials trained"), kind: .quantitative, unit: "persons", baseline: "0",
                                target: "50", actual: "40")
                        ], status: .submitted)
                    changes.append(
                        ProposedChange(.fileReport(filing), by: secretariat, authority: .participant(country)))
                }
            }
        }
        return changes
    }
}

import AccordCore
import Testing

/// National reports on external mandates: a delegate files and revises its own country's, the coordinators
/// the coordinator's report, the Secretariat on anyone's behalf (and says so) and publishes after review.
@Suite("Scenarios: mandates, national reports and events")
struct FollowUpScenarioTests {
    typealias F = FollowUpFixture

    @Test("Canada's delegate files a draft, revises it and submits it: three revisions, Canada's own, on time")
    func fileReviseSubmit() throws {
        var record = try F.record()
        let id = F.filing("CAN").reportID
        #expect(id == "CYCLE-2030/SPA-MW-1/CAN")
        try record.append(.fileReport(F.filing("CAN")), authority: .participant("CAN"), as: F.canadian)
        #expect(ReportMatrix(of: "CYCLE-2030", in: record.state)?.cell("SPA-MW-1", "CAN")?.state == .draft)
        try record.append(
            .fileReport(F.filing("CAN", actions: "Atelier, puis symposium")), authority: .participant("CAN"),
            as: F.canadian)
        try record.append(
            .fileReport(F.filing("CAN", status: .submitted, actions: "Atelier, puis symposium")),
            authority: .participant("CAN"), as: F.canadian)
        let report = try #require(record.state.reports[id])
        #expect(report.revision == 3)
        #expect(report.status == .submitted)
        #expect(report.recordedBy == .delegation && report.recorder == F.canadian.name)
        #expect(report.submitted == PartialDate("2023-11-14"))
        #expect(!record.state.isLate(report))
        let matrix = try #require(ReportMatrix(of: "CYCLE-2030", in: record.state))
        #expect(matrix.mandates == ["SPA-MW-1", "SPA-MW-2"])
        #expect(matrix.countries == ["CAN", "MEX", "USA"])
        #expect(matrix.cell("SPA-MW-1", "CAN")?.state == .submitted)
        #expect(matrix.cell("SPA-MW-1", "CAN")?.events == ["WS-2000-SANTIAGO"])
        #expect(matrix.notFiled(on: "SPA-MW-1") == ["MEX", "USA"])
        #expect(matrix.totals == [.submitted: 1, .noReport: 5])
        // The per-country and per-mandate views.
        #expect(matrix.filtered(country: "CAN").cells.map(\.state) == [.submitted, .noReport])
        #expect(matrix.filtered(mandate: "SPA-MW-2").cells.map(\.country) == ["CAN", "MEX", "USA"])
        #expect(matrix.filtered(country: "CAN", mandate: "SPA-MW-1").cells.count == 1)
        // A submitted report stays submitted: a revision cannot take it back to draft.
        #expect(
            record.refusal(of: .fileReport(F.filing("CAN")), authority: .participant("CAN"), as: F.canadian)?.shape
                == .ruleViolation("report.status", rule: "report-submitted"))
    }

    @Test("a report submitted after the due date is accepted and flagged late")
    func lateIsFlaggedNotRefused() throws {
        var record = try F.record()
        try record.append(
            .fileReport(F.filing("MEX", in: "QUEBEC-2001", status: .submitted)), authority: .participant("MEX"),
            as: F.mexican)
        let report = try #require(record.state.reports["QUEBEC-2001/SPA-MW-1/MEX"])
        #expect(record.state.isLate(report))
        #expect(ReportMatrix(of: "QUEBEC-2001", in: record.state)?.cell("SPA-MW-1", "MEX")?.state == .late)
        // Moving the due date changes the flag, not the record.
        var extended = F.pastDue
        extended.due = PartialDate("2024")
        try record.append(.amendCycle(extended))
        #expect(ReportMatrix(of: "QUEBEC-2001", in: record.state)?.cell("SPA-MW-1", "MEX")?.state == .submitted)
    }

    @Test("a delegate files only its own country's report; the Secretariat may on its behalf, and the report says so")
    func ownCountryOnly() throws {
        var record = try F.record()
        #expect(
            record.refusal(of: .fileReport(F.filing("CAN")), authority: .participant("CAN"), as: F.mexican)?.shape
                == .ruleViolation("report.participant", rule: "own-delegation"))
        #expect(
            record.refusal(of: .fileReport(F.filing("CAN")), authority: .participant("MEX"), as: F.mexican)?.shape
                == .ruleViolation("authority.participant", rule: "own-delegation"))
        // A report is the country's own act: an editorial authority does not carry it.
        #expect(
            record.refusal(of: .fileReport(F.filing("CAN")), authority: Fixture.editorial, as: F.secretariat)?.shape
                == .ruleViolation("authority", rule: "authority-kind"))
        #expect(
            record.refusal(of: .fileReport(F.filing("CAN")), authority: .participant("CAN"), as: F.observer)?.shape
                == .ruleViolation("actor.role", rule: "capacity"))
        #expect(
            record.refusal(of: .fileReport(F.filing("IOM")), authority: .participant("IOM"), as: F.secretariat)?.shape
                == .ruleViolation("report.participant", rule: "member-state"))
        try record.append(.fileReport(F.filing("CAN")), authority: .participant("CAN"), as: F.secretariat)
        #expect(record.state.reports["CYCLE-2030/SPA-MW-1/CAN"]?.recordedBy == .secretariat)
        // Canada's delegate then revises what the Secretariat filed for it.
        try record.append(.fileReport(F.filing("CAN")), authority: .participant("CAN"), as: F.canadian)
        #expect(record.state.reports["CYCLE-2030/SPA-MW-1/CAN"]?.recordedBy == .delegation)
    }

    @Test("only the coordinator or a co-coordinator files the coordinator's report")
    func coordinatorReport() throws {
        var record = try F.record()
        let filing = F.filing("USA", kind: .coordinator)
        #expect(filing.reportID == "CYCLE-2030/SPA-MW-1/coordinator")
        try record.append(.fileReport(filing), authority: .participant("USA"), as: F.american)
        // Mexico co-coordinates: it revises the same report.
        try record.append(
            .fileReport(F.filing("MEX", kind: .coordinator, status: .submitted)), authority: .participant("MEX"),
            as: F.mexican)
        let report = try #require(record.state.reports[filing.reportID])
        #expect(report.revision == 2 && report.participant == "MEX" && report.kind == .coordinator)
        #expect(
            record.refusal(
                of: .fileReport(F.filing("CAN", kind: .coordinator)), authority: .participant("CAN"), as: F.canadian)?
                .shape == .ruleViolation("report.participant", rule: "coordinator-report"))
        #expect(
            record.refusal(
                of: .fileReport(F.filing("USA", on: "SPA-MW-2", kind: .coordinator)), authority: .participant("USA"),
                as: F.american)?.shape == .ruleViolation("report.participant", rule: "coordinator-report"))
        let matrix = try #require(ReportMatrix(of: "CYCLE-2030", in: record.state))
        #expect(matrix.coordinatorReports.map(\.country) == ["MEX"])
        #expect(matrix.coordinatorReports.map(\.state) == [.submitted])
        #expect(matrix.cells.allSatisfy { $0.state == .noReport }, "a coordinator's report is no country's report")
    }

    @Test("draft → submitted → published: the Secretariat publishes a submitted report, which is then final")
    func publication() throws {
        var record = try F.record()
        let id = F.filing("CAN").reportID
        try record.append(.fileReport(F.filing("CAN")), authority: .participant("CAN"), as: F.canadian)
        #expect(record.refusal(of: .publishReport(id))?.shape == .ruleViolation("report", rule: "report-submitted"))
        #expect(
            record.refusal(
                of: .fileReport(F.filing("CAN", status: .published)), authority: .participant("CAN"), as: F.canadian)?
                .shape == .invalid("report.status"))
        try record.append(
            .fileReport(F.filing("CAN", status: .submitted)), authority: .participant("CAN"), as: F.canadian)
        #expect(
            record.refusal(of: .publishReport(id), authority: Fixture.editorial, as: F.canadian)?.shape
                == .ruleViolation("actor.role", rule: "capacity"))
        #expect(
            record.state.published(for: .outside(invited: nil)).reports.isEmpty, "a submitted report is not public")
        try record.append(.publishReport(id))
        #expect(record.state.published(for: .outside(invited: nil)).reports[id]?.status == .published)
        #expect(
            record.refusal(
                of: .fileReport(F.filing("CAN", status: .submitted)), authority: .participant("CAN"), as: F.canadian)?
                .shape == .ruleViolation("report", rule: "report-published"))
        #expect(record.refusal(of: .publishReport("CYCLE-2030/SPA-MW-1/USA"))?.shape == .unknownReference("report"))
    }

    @Test("the public's matrix counts only published reports; a draft shows as none")
    func publicMatrix() throws {
        var record = try F.record()
        try record.append(.fileReport(F.filing("CAN")), authority: .participant("CAN"), as: F.canadian)
        try record.append(
            .fileReport(F.filing("MEX", status: .submitted)), authority: .participant("MEX"), as: F.mexican)
        try record.append(
            .fileReport(F.filing("USA", status: .submitted)), authority: .participant("USA"), as: F.american)
        try record.append(.publishReport("CYCLE-2030/SPA-MW-1/USA"))
        let outside = try #require(
            ReportMatrix(of: "CYCLE-2030", in: record.state.published(for: .outside(invited: nil))))
        #expect(outside.row(of: "SPA-MW-1").map(\.state) == [.noReport, .noReport, .submitted])
        let inside = try #require(ReportMatrix(of: "CYCLE-2030", in: record.state))
        #expect(inside.row(of: "SPA-MW-1").map(\.state) == [.draft, .submitted, .submitted])
    }

    /// Unknown cycle, mandate, country or event, a co-coordinator who is the coordinator, an event ending before it
    /// starts, a quantitative indicator without baseline.
    @Test("bad input is refused naming the field")
    func badInput() throws {
        let record = try F.record()
        func refusal(_ filing: ReportFiling) -> Refusal? {
            record.refusal(
                of: .fileReport(filing), authority: .participant(filing.participant), as: F.secretariat)?.shape
        }
        #expect(refusal(F.filing("CAN", in: "NO-CYCLE")) == .unknownReference("report.cycle"))
        #expect(refusal(F.filing("CAN", on: "NO-MANDATE")) == .unknownReference("report.mandate"))
        #expect(
            record.refusal(of: .fileReport(F.filing("ZZZ")), authority: .participant("CAN"), as: F.secretariat)?.shape
                == .unknownReference("report.participant"))
        var filing = F.filing("CAN")
        filing.events = ["WS-2000-SANTIAGO", "NO-EVENT"]
        #expect(refusal(filing) == .unknownReference("report.events[1]"))
        filing = F.filing("CAN")
        filing.indicators = [
            Indicator(name: .en("Trained"), kind: .quantitative, unit: "persons", baseline: "0", actual: "12"),
            Indicator(name: .en("Workshops"), kind: .quantitative, target: "3", actual: "2"),
        ]
        #expect(refusal(filing) == .invalid("report.indicators[1].baseline"))
        filing.indicators[1].baseline = "about one"
        #expect(refusal(filing) == .invalid("report.indicators[1].baseline"))
        filing.indicators[1].baseline = "1"
        filing.indicators[1].actual = nil
        #expect(refusal(filing) == .invalid("report.indicators[1].actual"))
        filing.indicators[1] = Indicator(name: .en("Cooperation"), kind: .qualitative, actual: "Closer")
        #expect(refusal(filing) == nil, "a qualitative indicator needs no number")
        filing = F.filing("CAN")
        filing.sections.summary = .en("In English")
        #expect(refusal(filing) == .invalid("report.sections.summary.authoritative"))
        filing.sections = ReportSections()
        #expect(refusal(filing) == .invalid("report.sections"))
        filing.sections = ReportSections(links: ["javascript:alert(1)"])
        #expect(refusal(filing) == .invalid("report.sections.links[0]"))
        // The mandate must be of the cycle's plan.
        var elsewhere = record
        try elsewhere.append(.addExternalPlan(ExternalPlan(id: "QUEBEC-2001-PLAN", title: .en("Quebec"))))
        try elsewhere.append(.addMandate(Mandate(id: "QPA-1", plan: "QUEBEC-2001-PLAN", text: .en("Other"))))
        #expect(
            elsewhere.refusal(
                of: .fileReport(F.filing("CAN", on: "QPA-1")), authority: .participant("CAN"), as: F.secretariat)?
                .shape == .ruleViolation("report.mandate", rule: "cycle-plan"))

        var mandate = F.mandate
        mandate.id = "SPA-MW-3"
        mandate.coCoordinators = ["MEX", "USA"]
        #expect(record.refusal(of: .addMandate(mandate))?.shape == .invalid("mandate.coCoordinators[1]"))
        mandate.coCoordinators = ["MEX", "MEX"]
        #expect(record.refusal(of: .addMandate(mandate))?.shape == .duplicate("mandate.coCoordinators[1]"))
        mandate.coCoordinators = ["IOM"]
        #expect(
            record.refusal(of: .addMandate(mandate))?.shape
                == .ruleViolation("mandate.coCoordinators[0]", rule: "member-state"))
        mandate.coCoordinators = []
        mandate.plan = "NO-PLAN"
        #expect(record.refusal(of: .addMandate(mandate))?.shape == .unknownReference("mandate.plan"))
        #expect(record.refusal(of: .addMandate(F.mandate))?.shape == .duplicate("mandate.id"))

        var event = F.workshop
        event.id = "SYMPOSIUM-2000"
        event.start = PartialDate("2000-09-14")
        event.end = PartialDate("2000-09-12")
        #expect(record.refusal(of: .recordEvent(event))?.shape == .invalid("event.end"))
        // Partial dates: a month ends no earlier than a day within it.
        event.end = PartialDate("2000-09")
        #expect(record.refusal(of: .recordEvent(event)) == nil)
        event.organizers = [Organizer(role: .host)]
        #expect(record.refusal(of: .recordEvent(event))?.shape == .invalid("event.organizers[0]"))
        event.organizers = [Organizer(participant: "ZZZ", role: .host)]
        #expect(record.refusal(of: .recordEvent(event))?.shape == .unknownReference("event.organizers[0].participant"))

        var cycle = F.open
        cycle.id = "CYCLE-BAD"
        cycle.periodStart = PartialDate("2001")
        cycle.periodEnd = PartialDate("2000-12")
        #expect(record.refusal(of: .addCycle(cycle))?.shape == .invalid("cycle.periodEnd"))
    }

    @Test("the Secretariat keeps plans, mandates, cycles and events; a delegate cannot, nor a decision's citation")
    func secretariatRecords() throws {
        let record = try F.record()
        var event = F.workshop
        event.id = "SYMPOSIUM-2000"
        #expect(
            record.refusal(of: .recordEvent(event), authority: Fixture.editorial, as: F.canadian)?.shape
                == .ruleViolation("actor.role", rule: "capacity"))
        #expect(
            record.refusal(of: .recordEvent(event), authority: .participant("CAN"), as: F.secretariat)?.shape
                == .ruleViolation("authority", rule: "authority-kind"))
        #expect(
            record.refusal(of: .recordEvent(event), authority: .decision(Fixture.viceMinisterial))?.shape
                == .ruleViolation("authority.decision", rule: "declared-effect"))
        var mandate = F.mandate
        mandate.plan = "OTHER"
        #expect(
            record.refusal(of: .amendMandate(mandate))?.shape == .ruleViolation("mandate.plan", rule: "mandate-plan"))
    }

    @Test("a series' occurrences are its events by date; the next is due a period after the last")
    func series() throws {
        var record = try F.record()
        try record.append(
            .addEventSeries(
                EventSeries(
                    id: "WS-TRAVEL-DOCS", kind: .workshop, title: .en("Travel document security"), everyMonths: 12,
                    atLeastEveryMonths: 36)))
        #expect(record.state.nextOccurrence(of: "WS-TRAVEL-DOCS") == nil)
        for (id, date) in [("WS-DOCS-2008", "2008-03-10"), ("WS-DOCS-2006", "2006-11")] {
            try record.append(
                .recordEvent(
                    Event(
                        id: EventID(id), kind: .workshop, title: .en("Workshop"), start: PartialDate(date),
                        series: "WS-TRAVEL-DOCS")))
        }
        #expect(record.state.occurrences(of: "WS-TRAVEL-DOCS").map(\.id) == ["WS-DOCS-2006", "WS-DOCS-2008"])
        let next = try #require(record.state.nextOccurrence(of: "WS-TRAVEL-DOCS"))
        #expect(next.due == PartialDate("2009-03") && next.latest == PartialDate("2011-03"))
        #expect(PartialDate("2006")!.adding(months: 36) == PartialDate("2009"))
        #expect(PartialDate("2006-11")!.adding(months: 2) == PartialDate("2007-01"))
        var bad = EventSeries(id: "WS-BAD", kind: .training, title: .en("Bad"), everyMonths: 12, atLeastEveryMonths: 6)
        #expect(record.refusal(of: .addEventSeries(bad))?.shape == .invalid("series.atLeastEveryMonths"))
        bad.atLeastEveryMonths = nil
        bad.everyMonths = 0
        #expect(record.refusal(of: .addEventSeries(bad))?.shape == .invalid("series.everyMonths"))
    }
}

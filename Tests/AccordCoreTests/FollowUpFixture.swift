import AccordCore

/// The fixture's plan with an external plan to follow up: two mandates of the Santiago Plan of Action (the
/// first coordinated by the United States with Mexico), a cycle long past due and one due in 2030, and an
/// event reports can cite.
enum FollowUpFixture {
    static let canadian = GovernanceFixture.canadian
    static let mexican = GovernanceFixture.delegate
    static let american = Actor(name: "us.delegate", role: .delegate, participant: "USA")
    static let observer = Actor(name: "iom.officer", role: .observer, participant: "IOM")
    static let secretariat = GovernanceFixture.secretariat

    static let plan = ExternalPlan(
        id: "SANTIAGO-1998", title: .en("Santiago Plan of Action"), place: .en("Santiago"), date: PartialDate("1998"))
    static let mandate = Mandate(
        id: "SPA-MW-1", plan: "SANTIAGO-1998", text: .en("Support the IACHR", fr: "Soutenir la CIDH"),
        theme: .en("Migrant workers"), coordinator: "USA", coCoordinators: ["MEX"], activities: ["MPM-1.1"])
    static let second = Mandate(id: "SPA-MW-2", plan: "SANTIAGO-1998", text: .en("Second mandate"))
    /// Reports were due on 1 February 2001; the recorder's entries are dated November 2023.
    static let pastDue = ReportingCycle(
        id: "QUEBEC-2001", plan: "SANTIAGO-1998", title: .en("Towards Quebec"), due: PartialDate("2001-02-01"),
        meeting: "RCM-V")
    static let open = ReportingCycle(
        id: "CYCLE-2030", plan: "SANTIAGO-1998", title: .en("Open cycle"), due: PartialDate("2030-01"))
    static let workshop = Event(
        id: "WS-2000-SANTIAGO", kind: .workshop, title: .en("Workshop on best practices for migrant workers"),
        organizers: [
            Organizer(participant: "IOM", role: .organizer),
            Organizer(name: .en("CELADE"), role: .inCooperationWith),
            Organizer(participant: "USA", role: .underTheAuspicesOf),
        ], place: .en("Santiago, Chile"), start: PartialDate("2000-06"), mandates: ["SPA-MW-1"])

    static func record() throws(ChangeError) -> Recorder {
        var record = try Fixture.plan()
        for change: Change in [
            .addExternalPlan(plan), .addMandate(mandate), .addMandate(second), .addCycle(pastDue), .addCycle(open),
            .recordEvent(workshop),
        ] {
            try record.append(change)
        }
        return record
    }

    /// A report of `participant` on `mandate` in `cycle`, in French, citing the workshop.
    static func filing(
        _ participant: ParticipantID, on mandate: MandateID = "SPA-MW-1", in cycle: CycleID = "CYCLE-2030",
        kind: ReportKind = .national, status: ReportStatus = .draft, actions: String = "Atelier"
    ) -> ReportFiling {
        ReportFiling(
            cycle: cycle, mandate: mandate, participant: participant, kind: kind, language: .fr,
            sections: ReportSections(actions: LocalizedText(authoritative: .fr, es: nil, en: nil, fr: actions)),
            events: ["WS-2000-SANTIAGO"], status: status)
    }

    /// The delegate of `participant`.
    static func delegate(of participant: ParticipantID) -> Actor {
        Actor(name: "delegate.\(participant)", role: .delegate, participant: participant)
    }
}

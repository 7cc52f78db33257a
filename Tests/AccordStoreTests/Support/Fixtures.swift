import AccordCore
import AccordStore

/// A small record of the Regional Conference on Migration, built from real codes, that store tests start from.
///
/// `setup` is 10 entries: the opening record (the process, four participants, two bodies, the VII RCM of
/// Antigua Guatemala, 2002), then the VII RCM's paragraph 3 transcribed with its effects (the first line of
/// action, area and activity of the Plan of Action it restructured) and confirmed by the Presidency. It
/// leaves 13 projection rows: the decision and its three items change at the confirmation.
enum Fixture {
    static let secretariat = Actor(name: "maria.lopez", role: .secretariat)
    /// The Presidency Pro-Tempore, who confirms what the Secretariat transcribes.
    static let presidency = Actor(name: "jorge.ppt", role: .presidency, participant: "GTM")

    static let rcmVII: MeetingID = "RCM-VII"
    static let rcmVIII: MeetingID = "RCM-VIII"
    /// The VII RCM's paragraph restructuring the Plan of Action: the authority for the fixture's items.
    static let restructuring = Decision.id(meeting: rcmVII, paragraph: "3")
    /// A VIII RCM paragraph, for changes made after the first meeting.
    static let followUp = Decision.id(meeting: rcmVIII, paragraph: "5.b")

    static let lineOfAction: ItemNumber = "MPM"
    static let area: ItemNumber = "MPM-1"
    /// The fixture's activity, led by Mexico and Canada, approved by `restructuring`.
    static let activity: ItemNumber = "MPM-1.1"

    static var setup: [ProposedChange] {
        [
            editorial(
                .describeProcess(
                    Process(
                        id: "RCM",
                        name: .en("Regional Conference on Migration", es: "Conferencia Regional sobre Migración"),
                        languages: [.es, .en]))),
            editorial(.addParticipant(country("MEX", "Mexico", es: "México"))),
            editorial(.addParticipant(country("CAN", "Canada", es: "Canadá"))),
            editorial(.addParticipant(country("GTM", "Guatemala", es: "Guatemala"))),
            editorial(
                .addParticipant(
                    Participant(
                        id: "IOM", kind: .observerOrganization, name: .en("International Organization for Migration")))),
            editorial(.addBody(Body(id: "RCM", name: .en("Vice-Ministerial Conference"), level: .viceMinisterial))),
            editorial(
                .addBody(
                    Body(
                        id: "RCGM", name: .en("Regional Consultation Group on Migration"), level: .consultationGroup,
                        parent: "RCM"))),
            editorial(
                .addMeeting(
                    Meeting(
                        id: rcmVII, body: "RCM", title: .en("VII RCM"), start: PartialDate("2002-05-30"),
                        end: PartialDate("2002-05-31"), place: .en("Antigua Guatemala, Guatemala"), host: "GTM",
                        attendance: ["MEX", "CAN", "GTM", "IOM"]))),
        ]
            + decide(
                restructuring, kind: .declaration, text: "Restructures the Plan of Action into three lines of action.",
                [
                    .addItem(
                        PlanItem(
                            number: lineOfAction, kind: .lineOfAction, title: .en("Migration Policy and Management"),
                            status: .approved)),
                    .addItem(
                        PlanItem(
                            number: area, kind: .area, parent: lineOfAction, title: .en("Return of migrants"),
                            status: .approved)),
                    .addItem(
                        activity(
                            activity, title: "Workshop on dignified, safe and orderly return", leads: ["MEX", "CAN"])),
                ])
    }

    /// The VIII RCM (Cancún, 2003) and its paragraph 5.b, a "take note" transcribed and left pending: two
    /// entries that give later tests a second meeting.
    static var secondMeeting: [ProposedChange] {
        [
            editorial(
                .addMeeting(
                    Meeting(
                        id: rcmVIII, body: "RCM", title: .en("VIII RCM"), start: PartialDate("2003-05-29"),
                        end: PartialDate("2003-05-30"), place: .en("Cancún, Mexico"), host: "MEX",
                        attendance: ["MEX", "CAN", "GTM"]))),
            editorial(
                .recordDecision(
                    Decision(
                        meeting: rcmVIII, paragraph: "5.b", kind: .decision,
                        text: .en("Takes note of the progress of the return workshop and asks for its completion.")))),
        ]
    }

    /// An activity under the fixture's area.
    static func activity(
        _ number: ItemNumber, title: String, leads: [ParticipantID] = ["MEX"], status: Status = .approved
    ) -> PlanItem {
        PlanItem(
            number: number, kind: .activity, parent: area, title: .en(title), leads: leads.map(Lead.participant),
            status: status)
    }

    /// A change made under the Secretariat's editorial power.
    static func editorial(_ change: Change) -> ProposedChange {
        ProposedChange(change, by: secretariat, authority: .editorial(reason: "recorded from the meeting's report"))
    }

    /// A decision transcribed with the changes it declares, then confirmed by the Presidency: two entries, the
    /// second of which applies the effects.
    static func decide(
        _ id: DecisionID, kind: DecisionKind = .decision, text: String? = nil, _ effects: [Change]
    ) -> [ProposedChange] {
        // A paragraph number has no slash; a meeting's code may ("RCM-VIII/EXTRA").
        let paragraph = String(id.rawValue.split(separator: "/").last ?? "")
        let meeting = MeetingID(String(id.rawValue.dropLast(paragraph.count + 1)))
        return [
            editorial(
                .recordDecision(
                    Decision(
                        meeting: meeting, paragraph: paragraph, kind: kind, text: .en(text ?? "Paragraph \(paragraph)"),
                        effects: effects))),
            ProposedChange(.confirmDecision(id), by: presidency, authority: .decision(id)),
        ]
    }

    private static func country(_ code: ParticipantID, _ name: String, es: String) -> Participant {
        Participant(
            id: code, kind: .memberState, name: .en(name, es: es),
            history: [MembershipEvent(kind: .memberState, since: PartialDate(year: 1996))])
    }
}

extension Store {
    /// Appends the fixture's setup and returns the ledger head after it.
    @discardableResult
    func appendSetup() async throws -> LedgerHead {
        try await append(Fixture.setup)
        return try await head()
    }

    /// Every ledger entry, oldest first.
    func allEntries() async throws -> [StoredEntry] {
        var entries: [StoredEntry] = []
        var before: Int64?
        while true {
            let page = try await self.entries(before: before, limit: 500)
            guard let last = page.last else { break }
            entries += page
            before = last.sequence
        }
        return entries.reversed()
    }
}

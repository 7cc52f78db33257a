import AccordCore
import Testing

/// One change the rules must refuse, against `Fixture.plan()`.
struct RefusalCase: Sendable, CustomTestStringConvertible {
    var name: String
    var change: Change
    var authority: Authority
    var expected: Refusal

    var testDescription: String { name }

    init(_ name: String, _ change: Change, by authority: Authority = Fixture.editorial, _ expected: Refusal) {
        self.name = name
        self.change = change
        self.authority = authority
        self.expected = expected
    }
}

@Suite("Rules: refusals")
struct RefusalTests {
    static let rcm = Authority.decision(Fixture.viceMinisterial)
    static let rcgm = Authority.decision(Fixture.consultation)
    static let long = String(repeating: "x", count: TextLimit.title + 1)

    static func item(
        _ number: ItemNumber, _ kind: ItemKind = .activity, under parent: ItemNumber? = "MPM-1",
        workplan: WorkplanID? = nil, status: Status = .approved, leads: [Lead] = [],
        title: LocalizedText = .en("A new activity")
    ) -> Change {
        var item = Fixture.item(number, kind, under: parent, workplan: workplan, status: status, leads: leads)
        item.title = title
        return .addItem(item)
    }

    static let cases: [RefusalCase] = [
        .init(
            "unknown participant as lead", item("MPM-1.5", leads: [.participant("ZZZ")]), by: rcgm,
            .unknownReference("item.leads[0]")),
        .init(
            "unknown participant as second lead", item("MPM-1.5", leads: [.participant("MEX"), .participant("ZZZ")]),
            by: rcgm, .unknownReference("item.leads[1]")),
        .init("duplicate item number", item("MPM-1.1"), by: rcgm, .duplicate("item.number")),
        .init(
            "number of an archived item reused", item("MPM-2", .area, under: "MPM"), by: rcm,
            .duplicate("item.number")),
        .init(
            "ongoing back to proposed", .changeStatus(item: "MPM-1.1", to: .proposed), by: rcgm,
            .ruleViolation("status", rule: "status-transition")),
        .init(
            "completed item reopened", .changeStatus(item: "MPM-2", to: .ongoing), by: rcm,
            .ruleViolation("status", rule: "status-transition")),
        .init(
            "status of an unknown item", .changeStatus(item: "MPM-99", to: .completed), by: rcm,
            .unknownReference("number")),
        .init(
            "unknown decision as authority", .changeStatus(item: "MPM-1.1", to: .completed),
            by: .decision("RCM-XX/1"), .unknownReference("authority.decision")),
        .init(
            "new item approved editorially", item("MPM-1.5"),
            .ruleViolation("item.status", rule: "approval-needs-decision")),
        .init(
            "proposal approved editorially", .changeStatus(item: "HR", to: .approved),
            .ruleViolation("status", rule: "approval-needs-decision")),
        .init(
            "proposal withdrawn editorially", .changeStatus(item: "HR", to: .withdrawn),
            .ruleViolation("status", rule: "approval-needs-decision")),
        .init(
            "workplan adopted editorially",
            .addWorkplan(Workplan(id: "LON-CP2", body: "LON-CP", title: .en("Second"), status: .approved)),
            .ruleViolation("workplan.status", rule: "approval-needs-decision")),
        .init("title over the limit", item("MPM-1.5", title: .en(long)), by: rcgm, .invalid("item.title.en")),
        .init(
            "translation over the limit", item("MPM-1.5", title: .en("Fine", es: long)), by: rcgm,
            .invalid("item.title.es")),
        .init("blank title", item("MPM-1.5", title: .en("  ")), by: rcgm, .invalid("item.title.en")),
        .init(
            "authoritative text missing",
            item("MPM-1.5", title: LocalizedText(authoritative: .es, [.en: "Only English"])),
            by: rcgm, .invalid("item.title.es")),
        .init(
            "decision text over the limit",
            .recordDecision(
                Decision(
                    meeting: "RCM-V", paragraph: "4", kind: .decision,
                    text: .en(String(repeating: "x", count: TextLimit.text + 1)))),
            .invalid("decision.text.en")),
        .init(
            "editorial reason over the limit", .changeStatus(item: "MPM-1.1", to: .completed),
            by: .editorial(reason: String(repeating: "x", count: TextLimit.reason + 1)), .invalid("authority.editorial")
        ),
        .init(
            "editorial reason blank", .changeStatus(item: "MPM-1.1", to: .completed), by: .editorial(reason: ""),
            .invalid("authority.editorial")),
        .init(
            "non-ISO country code", .addParticipant(Participant(id: "XXX", kind: .memberState, name: .en("X"))),
            .invalid("participant.id")),
        .init(
            "alpha-2 code for an observer country",
            .addParticipant(Participant(id: "FR", kind: .observerCountry, name: .en("France"))),
            .invalid("participant.id")),
        .init(
            "organization taking the Secretariat's code",
            .addParticipant(Participant(id: "TS", kind: .observerOrganization, name: .en("Tech Society"))),
            .invalid("participant.id")),
        .init(
            "participant recorded twice", .addParticipant(Participant(id: "MEX", kind: .memberState, name: .en("M"))),
            .duplicate("participant.id")),
        .init("activity without parent", item("MPM-9", under: nil), by: rcgm, .invalid("item.parent")),
        .init(
            "area of the Plan of Action without parent", item("MPM-9", .area, under: nil), by: rcgm,
            .invalid("item.parent")),
        .init("unknown parent", item("MPM-9.1", under: "MPM-9"), by: rcgm, .unknownReference("item.parent")),
        .init("activity under an activity", item("MPM-1.1.1", under: "MPM-1.1"), by: rcgm, .invalid("item.parent")),
        .init(
            "Plan of Action activity under a workplan area", item("CP-1.5", under: "CP-1"), by: rcgm,
            .invalid("item.parent")),
        .init(
            "workplan activity under a Plan of Action area", item("CP-1.5", under: "MPM-1", workplan: "LON-CP"),
            by: rcgm, .invalid("item.parent")),
        .init(
            "item of an unknown workplan", item("TT-1", .area, under: nil, workplan: "LON-TT"), by: rcgm,
            .unknownReference("item.workplan")),
        .init(
            "new item under an archived area", item("MPM-2.2", under: "MPM-2"), by: rcgm,
            .ruleViolation("item.parent", rule: "archived-item")),
        .init(
            "cycle: area moved under its own activity",
            .amendItem(ItemAmendment(number: "MPM-1", parent: "MPM-1.1")), by: rcm, .invalid("amendment.parent")),
        .init(
            "cycle: line moved under itself", .amendItem(ItemAmendment(number: "MPM", parent: "MPM")), by: rcm,
            .invalid("amendment.parent")),
        .init(
            "amendment of an archived item", .amendItem(ItemAmendment(number: "MPM-2", title: .en("Renamed"))),
            by: rcm, .ruleViolation("amendment.number", rule: "archived-item")),
        .init(
            "amendment of an unknown item", .amendItem(ItemAmendment(number: "MPM-99", title: .en("Renamed"))),
            by: rcm, .unknownReference("amendment.number")),
        .init("amendment changing nothing", .amendItem(ItemAmendment(number: "MPM-1")), by: rcm, .invalid("amendment")),
        .init(
            "amendment naming an unknown lead",
            .amendItem(ItemAmendment(number: "MPM-1.1", leads: [.secretariat, .participant("ZZZ")])), by: rcm,
            .unknownReference("amendment.leads[1]")),
        .init(
            "workplan of a non-network body",
            .addWorkplan(Workplan(id: "RCGM-WP", body: "RCGM", title: .en("RCGM plan"), status: .approved)), by: rcgm,
            .ruleViolation("workplan.body", rule: "workplan-of-network")),
        .init(
            "workplan reopened",
            .amendWorkplan(Workplan(id: "LON-CP", body: "LON-CP", title: .en("CP"), status: .proposed)),
            by: rcgm, .ruleViolation("workplan.status", rule: "status-transition")),
        .init(
            "meeting ends before it starts",
            .addMeeting(Fixture.meeting("RCM-XX", of: "RCM", start: "2015-06-12", end: "2015-06-11")),
            .invalid("meeting.end")),
        .init(
            "meeting of an unknown body", .addMeeting(Fixture.meeting("LON-TT-1", of: "LON-TT")),
            .unknownReference("meeting.body")),
        .init(
            "meeting moved to another body", .amendMeeting(Fixture.meeting("RCM-V", of: "RCGM")),
            .ruleViolation("meeting.body", rule: "meeting-body")),
        .init(
            "body reporting to a lower body",
            .addBody(Body(id: "RCM2", name: .en("Higher"), level: .viceMinisterial, parent: "LON-CP")),
            .ruleViolation("body.parent", rule: "body-hierarchy")),
        .init(
            "decision paragraph malformed", .recordDecision(Fixture.decision("RCM-V", "3b")),
            .invalid("decision.paragraph")),
        .init(
            "decision of an unknown meeting", .recordDecision(Fixture.decision("RCM-XX", "1")),
            .unknownReference("decision.meeting")),
        .init(
            "decision paragraph recorded twice", .recordDecision(Fixture.decision("RCM-V", "3")),
            .duplicate("decision.paragraph")),
    ]

    @Test("each refusal names its case, field and rule", arguments: cases)
    func refusal(_ refusal: RefusalCase) throws {
        let record = try Fixture.plan()
        // Bound first so that a failure prints the change, not the whole fixture.
        let outcome = record.refusal(of: refusal.change, authority: refusal.authority)
        let error = try #require(outcome, "accepted: \(refusal.change.kind)")
        #expect(error.shape == refusal.expected)
        #expect(!error.reason.isEmpty)
        #expect(error.description.hasPrefix(error.field + ": "))
    }

    @Test(
        "malformed item numbers are refused",
        arguments: ["mpm-1", "MPM-", "M-1", "MPM-1.a", "MPM-1-2", "MPM-1..2", "1MP-1", "ABCDEFGHI-1", "MPM-12345", ""])
    func malformedNumber(number: String) throws {
        let record = try Fixture.plan()
        let error = record.refusal(of: Self.item(ItemNumber(number)), authority: Self.rcgm)
        #expect(error?.shape == .invalid("item.number"))
    }

    @Test(
        "malformed paragraph numbers are refused",
        arguments: ["3b", "3.", ".3", "a", "3.B", "3..1", "", "3.abcdefg", "3.b2"])
    func malformedParagraph(paragraph: String) throws {
        let record = try Fixture.plan()
        let error = record.refusal(of: .recordDecision(Fixture.decision("RCM-V", paragraph)))
        #expect(error?.shape == .invalid("decision.paragraph"))
    }

    @Test("an entry out of sequence is refused")
    func sequence() throws {
        let record = try Fixture.plan()
        var entry = record.entry(.changeStatus(item: "MPM-1.1", to: .completed), authority: Self.rcgm)
        entry.sequence += 1
        let error = record.refusal(of: entry)
        #expect(error?.shape == .invalid("sequence"))
    }

    @Test("an actor must be a recorded participant and have a name")
    func actor() throws {
        var record = try Fixture.plan()
        record.actor = Actor(name: "delegate", role: .delegate, participant: "ZZZ")
        let unknown = record.refusal(of: .changeStatus(item: "MPM-1.1", to: .completed))
        #expect(unknown?.shape == .unknownReference("actor.participant"))
        record.actor = Actor(name: " ", role: .secretariat)
        let blank = record.refusal(of: .changeStatus(item: "MPM-1.1", to: .completed))
        #expect(blank?.shape == .invalid("actor.name"))
    }

    @Test("a lead refusal names the missing code and what a lead may be")
    func leadMessage() throws {
        let record = try Fixture.plan()
        let outcome = record.refusal(of: Self.item("MPM-1.5", leads: [.participant("ZZZ")]), authority: Self.rcgm)
        let error = try #require(outcome)
        #expect(error.reason.contains("ZZZ") && error.reason.contains("TS"))
    }
}

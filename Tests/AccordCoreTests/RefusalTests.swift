import AccordCore
import Testing

/// One change the rules must refuse, against `Fixture.plan()`: an entry of its own, or the declared effect of
/// a decision of a meeting, transcribed and then confirmed.
struct RefusalCase: Sendable, CustomTestStringConvertible {
    var name: String
    var change: Change
    var via: Via
    var expected: Refusal

    enum Via: Sendable {
        /// The change is an entry on this authority.
        case entry(Authority)
        /// The change is the declared effect of a decision of this meeting.
        case effect(MeetingID)
    }

    var testDescription: String { name }

    init(_ name: String, _ change: Change, by authority: Authority = Fixture.editorial, _ expected: Refusal) {
        self.init(name, change, via: .entry(authority), expected)
    }

    init(_ name: String, _ change: Change, via: Via, _ expected: Refusal) {
        self.name = name
        self.change = change
        self.via = via
        self.expected = expected
    }

    /// The refusal of the change against `record`: of its entry, or of the transcription or confirmation of a
    /// decision declaring it, with the field read inside the effect ("item.title.en", not
    /// "effects[0].item.title.en").
    func refusal(in record: Recorder) throws -> ChangeError? {
        switch via {
        case .entry(let authority):
            return record.refusal(of: change, authority: authority)
        case .effect(let meeting):
            var copy = record
            let decision = Decision(
                meeting: meeting, paragraph: "90", kind: .conclusion, text: .en("Declares it"), effects: [change])
            let error: ChangeError?
            if let refused = copy.refusal(of: .recordDecision(decision)) {
                error = refused
            } else {
                try copy.transcribe(decision)
                copy.actor = Fixture.presidency
                error = copy.refusal(of: .confirmDecision(decision.id), authority: .decision(decision.id))
            }
            return error.map { $0.unprefixed("decision.effects[0].").unprefixed("effects[0].") }
        }
    }
}

extension ChangeError {
    /// The same error with `prefix` taken off its field, where the field starts with it.
    func unprefixed(_ prefix: String) -> ChangeError {
        guard field.hasPrefix(prefix) else { return self }
        let field = String(self.field.dropFirst(prefix.count))
        return switch self {
        case .invalid(_, let reason): .invalid(field: field, reason: reason)
        case .unknownReference(_, let reason): .unknownReference(field: field, reason: reason)
        case .duplicate(_, let reason): .duplicate(field: field, reason: reason)
        case .ruleViolation(_, let rule, let reason): .ruleViolation(field: field, rule: rule, reason: reason)
        }
    }
}

@Suite("Rules: refusals")
struct RefusalTests {
    static let rcm = RefusalCase.Via.effect("RCM-V")
    static let rcgm = RefusalCase.Via.effect("RCGM-2014-11")
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
            "unknown participant as lead", item("MPM-1.5", leads: [.participant("ZZZ")]), via: rcgm,
            .unknownReference("item.leads[0]")),
        .init(
            "unknown participant as second lead", item("MPM-1.5", leads: [.participant("MEX"), .participant("ZZZ")]),
            via: rcgm, .unknownReference("item.leads[1]")),
        .init("duplicate item number", item("MPM-1.1"), via: rcgm, .duplicate("item.number")),
        .init(
            "number of an archived item reused", item("MPM-2", .area, under: "MPM"), via: rcm,
            .duplicate("item.number")),
        .init(
            "ongoing back to proposed", .changeStatus(item: "MPM-1.1", to: .proposed), via: rcgm,
            .ruleViolation("status", rule: "status-transition")),
        .init(
            "completed item reopened", .changeStatus(item: "MPM-2", to: .ongoing), via: rcm,
            .ruleViolation("status", rule: "status-transition")),
        .init(
            "status of an unknown item", .changeStatus(item: "MPM-99", to: .completed), via: rcm,
            .unknownReference("number")),
        .init(
            "unknown decision as authority", .changeStatus(item: "MPM-1.1", to: .completed),
            by: .decision("RCM-XX/1"), .unknownReference("authority.decision")),
        .init(
            "a decision cited for a change it does not declare", .changeStatus(item: "MPM-1.1", to: .completed),
            by: .decision(Fixture.consultation), .ruleViolation("authority.decision", rule: "declared-effect")),
        .init(
            "a decision cited again for the change it declared", .changeStatus(item: "MPM-2", to: .completed),
            by: .decision(Fixture.completion), .ruleViolation("authority.decision", rule: "declared-effect")),
        .init(
            "a settlement as an entry of its own", .settleChallenge("C-1", .reject),
            .ruleViolation("change.kind", rule: "declared-effect")),
        .init(
            "a participant added editorially after the opening record",
            .addParticipant(Participant(id: "ARG", kind: .observerCountry, name: .en("Argentina"))),
            .ruleViolation("participant.id", rule: "opening-record")),
        .init(
            "a standing changed editorially",
            .amendParticipant(Participant(id: "MEX", kind: .observerCountry, name: .en("MEX"))),
            .ruleViolation("participant.kind", rule: "standing")),
        .init(
            "a participant admitted by a decision below the highest level",
            .addParticipant(Participant(id: "ARG", kind: .observerCountry, name: .en("Argentina"))), via: rcgm,
            .ruleViolation("authority", rule: "approval-level")),
        .init(
            "a noncharacter in a title",
            item("MPM-1.5", status: .proposed, title: .en("Workshop" + String(Unicode.Scalar(0xFFFE)!))),
            .invalid("item.title.en")),
        .init(
            "a NUL in a translation", item("MPM-1.5", status: .proposed, title: .en("Workshop", es: "Taller\u{0}")),
            .invalid("item.title.es")),
        .init(
            "a C1 control in a decision text",
            .recordDecision(Decision(meeting: "RCM-V", paragraph: "6", kind: .decision, text: .en("Adopts\u{85}"))),
            .invalid("decision.text.en")),
        .init(
            "a control character in an editorial reason", .changeStatus(item: "MPM-1.1", to: .pendingCompletion),
            by: .editorial(reason: "typo\u{1B}"), .invalid("authority.editorial")),
        .init(
            "a noncharacter in an effect's text, refused at transcription",
            item("MPM-1.5", title: .en("Workshop" + String(Unicode.Scalar(0xFDD0)!))), via: rcgm,
            .invalid("item.title.en")),
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
        .init("title over the limit", item("MPM-1.5", title: .en(long)), via: rcgm, .invalid("item.title.en")),
        .init(
            "translation over the limit", item("MPM-1.5", title: .en("Fine", es: long)), via: rcgm,
            .invalid("item.title.es")),
        .init("blank title", item("MPM-1.5", title: .en("  ")), via: rcgm, .invalid("item.title.en")),
        .init(
            "authoritative text missing",
            item("MPM-1.5", title: LocalizedText(authoritative: .es, [.en: "Only English"])),
            via: rcgm, .invalid("item.title.es")),
        .init(
            "decision text over the limit",
            .recordDecision(
                Decision(
                    meeting: "RCM-V", paragraph: "6", kind: .decision,
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
        .init("activity without parent", item("MPM-9", under: nil), via: rcgm, .invalid("item.parent")),
        .init(
            "area of the Plan of Action without parent", item("MPM-9", .area, under: nil), via: rcgm,
            .invalid("item.parent")),
        .init("unknown parent", item("MPM-9.1", under: "MPM-9"), via: rcgm, .unknownReference("item.parent")),
        .init("activity under an activity", item("MPM-1.1.1", under: "MPM-1.1"), via: rcgm, .invalid("item.parent")),
        .init(
            "Plan of Action activity under a workplan area", item("CP-1.5", under: "CP-1"), via: rcgm,
            .invalid("item.parent")),
        .init(
            "workplan activity under a Plan of Action area", item("CP-1.5", under: "MPM-1", workplan: "LON-CP"),
            via: rcgm, .invalid("item.parent")),
        .init(
            "item of an unknown workplan", item("TT-1", .area, under: nil, workplan: "LON-TT"), via: rcgm,
            .unknownReference("item.workplan")),
        .init(
            "new item under an archived area", item("MPM-2.2", under: "MPM-2"), via: rcgm,
            .ruleViolation("item.parent", rule: "archived-item")),
        .init(
            "cycle: area moved under its own activity",
            .amendItem(ItemAmendment(number: "MPM-1", parent: "MPM-1.1")), via: rcm, .invalid("amendment.parent")),
        .init(
            "cycle: line moved under itself", .amendItem(ItemAmendment(number: "MPM", parent: "MPM")), via: rcm,
            .invalid("amendment.parent")),
        .init(
            "amendment of an archived item", .amendItem(ItemAmendment(number: "MPM-2", title: .en("Renamed"))),
            via: rcm, .ruleViolation("amendment.number", rule: "archived-item")),
        .init(
            "amendment of an unknown item", .amendItem(ItemAmendment(number: "MPM-99", title: .en("Renamed"))),
            via: rcm, .unknownReference("amendment.number")),
        .init(
            "amendment changing nothing", .amendItem(ItemAmendment(number: "MPM-1")), via: rcm, .invalid("amendment")),
        .init(
            "amendment naming an unknown lead",
            .amendItem(ItemAmendment(number: "MPM-1.1", leads: [.secretariat, .participant("ZZZ")])), via: rcm,
            .unknownReference("amendment.leads[1]")),
        .init(
            "workplan of a non-network body",
            .addWorkplan(Workplan(id: "RCGM-WP", body: "RCGM", title: .en("RCGM plan"), status: .approved)), via: rcgm,
            .ruleViolation("workplan.body", rule: "workplan-of-network")),
        .init(
            "workplan reopened",
            .amendWorkplan(Workplan(id: "LON-CP", body: "LON-CP", title: .en("CP"), status: .proposed)),
            via: rcgm, .ruleViolation("workplan.status", rule: "status-transition")),
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
        let outcome = try refusal.refusal(in: record)
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
        let error = try RefusalCase("", Self.item(ItemNumber(number)), via: Self.rcgm, .invalid("")).refusal(in: record)
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
        var entry = record.entry(.changeStatus(item: "MPM-1.1", to: .completed), authority: Fixture.editorial)
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
        let outcome = try RefusalCase(
            "", Self.item("MPM-1.5", leads: [.participant("ZZZ")]), via: Self.rcgm, .invalid("")
        )
        .refusal(in: record)
        let error = try #require(outcome)
        #expect(error.reason.contains("ZZZ") && error.reason.contains("TS"))
    }
}

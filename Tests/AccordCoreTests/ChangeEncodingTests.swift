import AccordCore
import Foundation
import Testing

/// The ledger stores and hashes the canonical bytes of each entry, so their form is a contract: old entries
/// must read back to the same change, and the same change must always give the same bytes.
@Suite("Change and LedgerEntry encoding")
struct ChangeEncodingTests {
    /// One change of every case, each with its optional fields filled so that every field is exercised.
    static let samples: [Change] = [
        .describeProcess(
            Process(
                id: "RCM", name: .es("Conferencia Regional sobre Migración", en: "RCM"),
                languages: [.es, .en, .fr])),
        .addParticipant(
            Participant(
                id: "IACHR", kind: .observerOrganization, name: .en("IACHR"),
                history: [
                    MembershipEvent(
                        kind: .observerOrganization, since: PartialDate("2000-03"),
                        decision: Fixture.viceMinisterial, note: .en("Admitted by the V RCM, Washington"))
                ])),
        .amendParticipant(Participant(id: "MEX", kind: .memberState, name: .es("México", en: "Mexico"))),
        .addBody(Body(id: "LON-TT", name: .en("Trafficking LON"), level: .network, parent: "RCGM")),
        .addMeeting(
            Meeting(
                id: "RCM-XIX", body: "RCM", title: .en("XIX RCM"), start: PartialDate("2014-06-26"),
                end: PartialDate("2014-06-27"), place: .en("Managua, Nicaragua"), host: "NIC",
                attendance: ["MEX", "CAN", "NIC"])),
        .amendMeeting(Meeting(id: "RCM-III", body: "RCM", title: .en("III RCM"), start: PartialDate("1998"))),
        .recordDecision(
            Decision(
                meeting: "RCM-V", paragraph: "12.a.ii", kind: .declaration,
                text: .es("Aprobar el Plan de Acción", en: "Approve the Plan of Action"),
                note: .en("The source does not number this paragraph"),
                effects: [.changeStatus(item: "MPM-1.3", to: .completed), .approveRevisedPlan])),
        .confirmDecision("RCM-V/12.a.ii"),
        .rejectDecision("RCM-V/12.a.ii", reason: .en("The outcome document says 12.b")),
        .addItem(
            PlanItem(
                number: "MPM-1.3", kind: .activity, parent: "MPM-1", title: .en("Seminar", fr: "Séminaire"),
                text: .en("A seminar on consular protection"), leads: [.participant("MEX"), .secretariat],
                timeline: Timeline(text: .en("within 60 days of the IV RCM"), target: PartialDate("1999-03-29")),
                status: .ongoing, approvedBy: Fixture.consultation, note: .en("Placed by Accord"))),
        .amendItem(
            ItemAmendment(
                number: "MPM-1.3", title: .en("Workshop"), text: .en("Renamed"),
                leads: [.secretariat], timeline: Timeline(), parent: "MPM-2", note: .en("Source: seed 002"))),
        .changeStatus(item: "MPM-1.3", to: .pendingCompletion),
        .addWorkplan(
            Workplan(
                id: "LON-CP", body: "LON-CP", title: .en("Consular Protection"), status: .approved,
                approvedBy: Fixture.network)),
        .amendWorkplan(
            Workplan(
                id: "LON-CP", body: "LON-CP", title: .en("Consular Protection"),
                status: .completed)),
        .delegateWorkplanUpdates("LON-CP"),
        .submitProposal(
            Proposal(
                id: "MEX-2008", submitter: "MEX", title: .es("Revisar, depurar y actualizar", en: "Review"),
                submitted: PartialDate("2008"), tabledFor: "RCGM-2008", invited: ["IOM"],
                items: [
                    ProposalItem(
                        number: 1, text: .es("Cooperación", en: "Cooperation"),
                        target: Placement(parent: "MPM", workplan: "LON-CP", note: .en("a sub-item")))
                ])),
        .withdrawProposal("MEX-2008"),
        .fileComment(
            Comment(
                proposal: "MEX-2008", item: 3, participant: "CAN", stance: .supportsWithChanges,
                text: .en("Under the returns item"), placement: Placement(parent: "MPM-4"))),
        .tableDraft(
            DraftDecision(
                meeting: "RCM-XIX", paragraph: "4.a", kind: .decision, text: .en("Adopt"),
                effects: [.changeStatus(item: "MPM-1.3", to: .completed)])),
        .withdrawDraft("RCM-XIX/4.a"),
        .recordPosition(
            PositionStatement(
                draft: "RCM-XIX/4.a", participant: "USA", position: .reservation, note: .en("pending consultation"))),
        .adoptDraft("RCM-XIX/4.a"),
        .challengeEditorial(ChallengeStatement(sequence: 41, participant: "GTM", reason: .es("Es sustantivo"))),
        .settleChallenge("C-41", .reject),
        .approveRevisedPlan,
        .proposeEdition(
            Edition(number: 2, title: .en("Plan of Action, 2010"), date: PartialDate("2010-06")!, position: 90)),
        .approveEdition(2),
        .addStandingItem(
            StandingItem(
                id: "LON-TS-DOCS", body: "LON-TS", title: .en("Travel document standards"), lead: .participant("IOM"),
                purpose: .information, note: .en("Suggested by Canada"))),
        .setAgenda(
            Agenda(
                meeting: "RCGM-2008",
                items: [
                    AgendaEntry(
                        title: .en("Returns"), source: .standing, reference: "RCGM-RETURNS", leads: [.secretariat])
                ])),
        .approveAgenda("RCGM-2008"),
        .addExternalPlan(
            ExternalPlan(
                id: "SANTIAGO-1998", title: LocalizedText(authoritative: .fr, es: nil, en: nil, fr: "Plan d'action"),
                summit: .en("Summit of the Americas"), place: .es("Santiago"), date: PartialDate("1998"))),
        .addMandate(
            Mandate(
                id: "SPA-MW-1", plan: "SANTIAGO-1998", paragraph: "III.2",
                text: .en("Support the IACHR", fr: "Soutenir"),
                theme: .en("Migrant workers"), coordinator: "USA", coCoordinators: ["SLV", "MEX"],
                activities: ["HR-2.1"])),
        .amendMandate(Mandate(id: "SPA-MW-1", plan: "SANTIAGO-1998", text: .en("Support the IACHR"))),
        .addCycle(
            ReportingCycle(
                id: "QUEBEC-2001", plan: "SANTIAGO-1998", title: .en("Towards Quebec"),
                periodStart: PartialDate("1998-04"), periodEnd: PartialDate("2001-03"), due: PartialDate("2001-02-01"),
                meeting: "RCM-VI")),
        .amendCycle(ReportingCycle(id: "QUEBEC-2001", plan: "SANTIAGO-1998", title: .en("Towards Quebec"))),
        .fileReport(
            ReportFiling(
                cycle: "QUEBEC-2001", mandate: "SPA-MW-1", participant: "CAN", kind: .coordinator, language: .fr,
                sections: ReportSections(
                    summary: LocalizedText(authoritative: .fr, es: nil, en: "Summary", fr: "Résumé"),
                    actions: .en("Actions"), partnerships: .en("IOM"), financing: .en("CAD"),
                    beneficiaries: .en("Workers"), limitations: .en("None"), nextSteps: .en("Quebec"),
                    links: ["https://example.org/report"]),
                events: ["WS-2000-SANTIAGO"],
                indicators: [
                    Indicator(
                        name: .en("Persons trained"), kind: .quantitative, unit: "persons", baseline: "0",
                        target: "120", actual: "85.5", note: .en("Two sessions"))
                ], status: .submitted)),
        .publishReport("QUEBEC-2001/SPA-MW-1/CAN"),
        .recordEvent(
            Event(
                id: "WS-2000-SANTIAGO", kind: .workshop, title: .en("Workshop on best practices"),
                organizers: [
                    Organizer(participant: "IOM", role: .organizer),
                    Organizer(name: .en("CELADE"), role: .inCooperationWith),
                ], place: .en("Santiago, Chile"), start: PartialDate("2000-06"), end: PartialDate("2000-06"),
                mandates: ["SPA-MW-1"], activities: ["HR-2.1"], series: "WS-TRAVEL-DOCS", note: .en("Seed 000"))),
        .amendEvent(Event(id: "WS-2000-SANTIAGO", kind: .seminar, title: .en("Seminar"))),
        .addEventSeries(
            EventSeries(
                id: "WS-TRAVEL-DOCS", kind: .workshop, title: .en("Travel documents"), everyMonths: 12,
                atLeastEveryMonths: 36, activities: ["MPM-5"], note: .en("Seed 002, item 5"))),
        .addCode(CodeAddition(codelist: "CL_BORDER_POINT", code: "GTM_OCOS", names: .es("Ocós", en: "Ocós"))),
        .commitVintage(
            StatisticalVintage(
                flow: "DF_MIGR_RETURNS", area: "MEX", number: 2,
                file: .init(
                    name: "devoluciones.xlsx", format: "xlsx", sha256: String(repeating: "0f", count: 32), bytes: 8_192),
                data: .init(sha256: String(repeating: "a1", count: 32), observations: 27))),
        .publishRelease(
            StatisticalRelease(
                number: 1, date: PartialDate("2026-12-06")!, vintages: ["DF_MIGR_RETURNS/MEX/2"],
                notes: .en("First release", es: "Primera publicación"))),
        .attachFile(
            AccordCore.Attachment(
                number: 1, target: AttachmentTarget(kind: .meeting, id: "XIX-RCM"), name: "conclusiones.pdf",
                mediaType: "application/pdf", bytes: 52_431, sha256: String(repeating: "5e", count: 32),
                title: .es("Conclusiones", en: "Conclusions"), language: .es)),
    ]

    /// The `kind` each case is written with. The switch has no default, so adding a case to `Change` stops the
    /// build here until a sample and its kind are added.
    static func writtenKind(of change: Change) -> String {
        switch change {
        case .describeProcess: "describe-process"
        case .addParticipant: "add-participant"
        case .amendParticipant: "amend-participant"
        case .addBody: "add-body"
        case .addMeeting: "add-meeting"
        case .amendMeeting: "amend-meeting"
        case .recordDecision: "record-decision"
        case .confirmDecision: "confirm-decision"
        case .rejectDecision: "reject-decision"
        case .addItem: "add-item"
        case .amendItem: "amend-item"
        case .changeStatus: "change-status"
        case .addWorkplan: "add-workplan"
        case .amendWorkplan: "amend-workplan"
        case .delegateWorkplanUpdates: "delegate-workplan-updates"
        case .submitProposal: "submit-proposal"
        case .withdrawProposal: "withdraw-proposal"
        case .fileComment: "file-comment"
        case .tableDraft: "table-draft"
        case .withdrawDraft: "withdraw-draft"
        case .recordPosition: "record-position"
        case .adoptDraft: "adopt-draft"
        case .challengeEditorial: "challenge-editorial"
        case .settleChallenge: "settle-challenge"
        case .approveRevisedPlan: "approve-revised-plan"
        case .proposeEdition: "propose-edition"
        case .approveEdition: "approve-edition"
        case .addStandingItem: "add-standing-item"
        case .setAgenda: "set-agenda"
        case .approveAgenda: "approve-agenda"
        case .addExternalPlan: "add-external-plan"
        case .addMandate: "add-mandate"
        case .amendMandate: "amend-mandate"
        case .addCycle: "add-cycle"
        case .amendCycle: "amend-cycle"
        case .fileReport: "file-report"
        case .publishReport: "publish-report"
        case .recordEvent: "record-event"
        case .amendEvent: "amend-event"
        case .addEventSeries: "add-event-series"
        case .addCode: "add-code"
        case .commitVintage: "commit-vintage"
        case .publishRelease: "publish-release"
        case .attachFile: "attach-file"
        }
    }

    static func entry(_ change: Change, authority: Authority = .decision(Fixture.viceMinisterial)) -> LedgerEntry {
        LedgerEntry(
            sequence: 7, recordedAt: Timestamp(millisecondsSince1970: Fixture.epoch),
            actor: Actor(name: "ts.officer", role: .secretariat), authority: authority, change: change)
    }

    static func canonicalText(_ entry: LedgerEntry) throws -> String {
        String(decoding: try entry.canonicalEncoding(), as: UTF8.self)
    }

    @Test("the samples cover every case once")
    func coverage() {
        #expect(Set(Self.samples.map(Self.writtenKind)).count == 44)
        #expect(Self.samples.count == 44)
        // The list a refusal names and the OpenAPI document describes is the cases' own, in their order.
        #expect(Self.samples.map(\.kind) == Change.kinds)
    }

    @Test("kind strings are stable", arguments: samples)
    func kind(change: Change) {
        #expect(change.kind == Self.writtenKind(of: change))
    }

    @Test("every case round-trips through its canonical bytes, which are stable", arguments: samples)
    func roundTrip(change: Change) throws {
        let entry = Self.entry(change)
        let bytes = try entry.canonicalEncoding()
        let decoded = try LedgerEntry.decode(canonical: bytes)
        #expect(decoded == entry)
        #expect(try decoded.canonicalEncoding() == bytes)
        #expect(try entry.canonicalEncoding() == bytes)
    }

    @Test("canonical bytes have every object's keys sorted and no whitespace", arguments: samples)
    func sortedKeys(change: Change) throws {
        let bytes = try Self.entry(change).canonicalEncoding()
        // JSONSerialization is an independent writer: re-serializing with sorted keys must change nothing.
        let object = try JSONSerialization.jsonObject(with: Data(bytes))
        let resorted = try JSONSerialization.data(
            withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        #expect(Array(resorted) == bytes)
        #expect(!bytes.contains(UInt8(ascii: "\n")))
    }

    @Test("a status change is written exactly so")
    func statusSnapshot() throws {
        let text = try Self.canonicalText(Self.entry(.changeStatus(item: "MPM-1.3", to: .pendingCompletion)))
        #expect(
            text
                == #"{"actor":{"name":"ts.officer","role":"secretariat"},"authority":{"decision":"RCM-V/3"},"#
                + #""change":{"kind":"change-status","number":"MPM-1.3","status":"pending-completion"},"#
                + #""recordedAt":"2023-11-14T22:13:20.000Z","sequence":7}"#)
    }

    @Test("an amendment omits the fields it leaves alone, and writes leads as codes")
    func amendmentSnapshot() throws {
        let amendment = ItemAmendment(
            number: "MPM-1.1", leads: [.participant("MEX"), .secretariat],
            timeline: Timeline(target: PartialDate("2025-06")))
        var entry = Self.entry(.amendItem(amendment), authority: .editorial(reason: "typo in lead"))
        entry.actor = Actor(name: "maria.lopez", role: .delegate, participant: "MEX")
        #expect(
            try Self.canonicalText(entry)
                == #"{"actor":{"name":"maria.lopez","participant":"MEX","role":"delegate"},"#
                + #""authority":{"editorial":"typo in lead"},"#
                + #""change":{"amendment":{"leads":["MEX","TS"],"number":"MPM-1.1","timeline":{"target":"2025-06"}},"#
                + #""kind":"amend-item"},"recordedAt":"2023-11-14T22:13:20.000Z","sequence":7}"#)
    }

    @Test("a decision keeps its text in UTF-8, unescaped, with slashes as written")
    func decisionSnapshot() throws {
        let decision = Decision(
            meeting: "RCM-V", paragraph: "3.b", kind: .decision, text: .es("Aprobar la migración", en: "Approve"))
        #expect(
            try Self.canonicalText(Self.entry(.recordDecision(decision)))
                == #"{"actor":{"name":"ts.officer","role":"secretariat"},"authority":{"decision":"RCM-V/3"},"#
                + #""change":{"decision":{"effects":[],"id":"RCM-V/3.b","kind":"decision","meeting":"RCM-V","#
                + #""paragraph":"3.b","status":"pending","#
                + #""text":{"authoritative":"es","en":"Approve","es":"Aprobar la migración"}},"#
                + #""kind":"record-decision"},"recordedAt":"2023-11-14T22:13:20.000Z","sequence":7}"#)
    }

    @Test("an item is written with its kind and status names")
    func itemSnapshot() throws {
        let item = PlanItem(number: "HR", kind: .lineOfAction, title: .en("Human Rights"), status: .proposed)
        let text = try Self.canonicalText(Self.entry(.addItem(item)))
        #expect(
            text.contains(
                #""change":{"item":{"kind":"line-of-action","leads":[],"number":"HR","status":"proposed","#
                    + #""title":{"authoritative":"en","en":"Human Rights"}},"kind":"add-item"}"#))
    }

    @Test("any JSON of an entry encodes to the same canonical bytes, which alone the canonical reader accepts")
    func normalizes() throws {
        let loose = """
            {
              "sequence" : 7,
              "change" : { "status" : "completed", "kind" : "change-status", "number" : "MPM-1" },
              "authority" : { "decision" : "RCM-V\\/3" },
              "recordedAt" : "2023-11-14T22:13:20.000Z",
              "actor" : { "role" : "secretariat", "name" : "ts.officer" }
            }
            """
        #expect(throws: DecodingError.self) { try LedgerEntry.decode(canonical: Array(loose.utf8)) }
        let entry = try JSONDecoder().decode(LedgerEntry.self, from: Data(loose.utf8))
        #expect(entry == Self.entry(.changeStatus(item: "MPM-1", to: .completed)))
        #expect(try LedgerEntry.decode(canonical: try entry.canonicalEncoding()) == entry)
        #expect(
            try Self.canonicalText(entry)
                == #"{"actor":{"name":"ts.officer","role":"secretariat"},"authority":{"decision":"RCM-V/3"},"#
                + #""change":{"kind":"change-status","number":"MPM-1","status":"completed"},"#
                + #""recordedAt":"2023-11-14T22:13:20.000Z","sequence":7}"#)
    }

    @Test("an unknown kind or authority is refused rather than guessed")
    func unknownKind() throws {
        let base = try Self.canonicalText(Self.entry(.changeStatus(item: "MPM-1", to: .completed)))
        let unknownKind = base.replacingOccurrences(of: "change-status", with: "change-colour")
        let refusal = #expect(throws: DecodingError.self) {
            try LedgerEntry.decode(canonical: Array(unknownKind.utf8))
        }
        #expect(refusal?.field == "change.kind")
        #expect(
            refusal?.reason
                == "'change-colour' is not a kind of change; the kinds are \(Change.kinds.joined(separator: ", "))")
        #expect(refusal?.reason.contains("add-item, amend-item, change-status") == true)
        let noAuthority = base.replacingOccurrences(of: #"{"decision":"RCM-V/3"}"#, with: "{}")
        #expect(throws: DecodingError.self) { try LedgerEntry.decode(canonical: Array(noAuthority.utf8)) }
    }

    @Test("a report is written with its sections, indicator values as strings, and its kind and status names")
    func reportSnapshot() throws {
        let filing = ReportFiling(
            cycle: "QUEBEC-2001", mandate: "SPA-MW-1", participant: "CAN", language: .fr,
            sections: ReportSections(actions: LocalizedText(authoritative: .fr, es: nil, en: nil, fr: "Atelier")),
            events: ["WS-2000"],
            indicators: [Indicator(name: .en("Trained"), kind: .quantitative, baseline: "0", actual: "12.5")])
        var entry = Self.entry(.fileReport(filing), authority: .participant("CAN"))
        entry.actor = Actor(name: "ca.delegate", role: .delegate, participant: "CAN")
        #expect(
            try Self.canonicalText(entry)
                == #"{"actor":{"name":"ca.delegate","participant":"CAN","role":"delegate"},"#
                + #""authority":{"participant":"CAN"},"change":{"kind":"file-report","report":{"cycle":"QUEBEC-2001","#
                + #""events":["WS-2000"],"indicators":[{"actual":"12.5","baseline":"0","kind":"quantitative","#
                + #""name":{"authoritative":"en","en":"Trained"}}],"kind":"national","language":"fr","#
                + #""mandate":"SPA-MW-1","participant":"CAN","#
                + #""sections":{"actions":{"authoritative":"fr","fr":"Atelier"},"links":[]},"status":"draft"}},"#
                + #""recordedAt":"2023-11-14T22:13:20.000Z","sequence":7}"#)
    }

    @Test("a lead is a participant's code or TS")
    func leads() throws {
        let data = try JSONEncoder().encode([Lead.participant("MEX"), .secretariat, .participant("IOM")])
        #expect(String(decoding: data, as: UTF8.self) == #"["MEX","TS","IOM"]"#)
        #expect(
            try JSONDecoder().decode([Lead].self, from: data) == [
                .participant("MEX"), .secretariat, .participant("IOM"),
            ])
    }
}

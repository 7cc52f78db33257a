import AccordCore
import AccordStore
import Testing

/// The record as it stood at an earlier ledger position (the record's own history, entry by entry), and as it
/// stood on a date or after a meeting (history in the order it happened, whatever the order of typing).
@Suite("As-of views")
struct AsOfTests {
    /// Setup (1–10: MPM-1.1 approved at 10), the VIII RCM and its pending "take note" (11–12), MPM-1.1 reported
    /// ongoing (13), and the VIII RCM's paragraph 6 transcribed (14) and confirmed (15): MPM-1.2 added and
    /// MPM-1.1 completed.
    private static func appendHistory(to store: Store) async throws {
        try await store.appendSetup()
        try await store.append(Fixture.secondMeeting)
        try await store.append([Fixture.editorial(.changeStatus(item: Fixture.activity, to: .ongoing))])
        try await store.append(
            Fixture.decide(
                Self.completion,
                [
                    .addItem(Fixture.activity("MPM-1.2", title: "Return statistics")),
                    .changeStatus(item: Fixture.activity, to: .completed),
                ]))
    }

    static let completion = Decision.id(meeting: Fixture.rcmVIII, paragraph: "6")

    @Test("state(at:) shows each earlier status of an item", arguments: Backend.all)
    func stateAtPosition(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            try await Self.appendHistory(to: store)

            #expect(try await store.state(at: 10).items[Fixture.activity]?.status == .approved)
            #expect(try await store.state(at: 12).items[Fixture.activity]?.status == .approved)
            #expect(try await store.state(at: 13).items[Fixture.activity]?.status == .ongoing)
            // A transcription changes nothing until the Presidency confirms it.
            #expect(try await store.state(at: 14).items["MPM-1.2"] == nil)
            #expect(try await store.state(at: 14).decisions[Self.completion]?.status == .pending)
            #expect(try await store.state(at: 15).items["MPM-1.2"]?.status == .approved)
            #expect(try await store.state(at: 15).items[Fixture.activity]?.status == .completed)
            #expect(try await store.currentState().items[Fixture.activity]?.status == .completed)

            let early = try await store.state(at: 9)
            #expect(early.sequence == 9)
            #expect(early.items.isEmpty)
            #expect(early.decisions.keys.sorted() == [Fixture.restructuring])
            #expect(early.decisions[Fixture.restructuring]?.status == .pending)
            #expect(early.meetings[Fixture.rcmVIII] == nil)
            #expect(try await store.state(at: 0) == ProcessState())

            let error = await #expect(throws: ChangeError.self) { try await store.state(at: 16) }
            #expect(error?.field == "asOf")
        }
    }

    @Test("items(at:) lists the plan items valid at a position", arguments: Backend.all)
    func itemsAtPosition(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            try await Self.appendHistory(to: store)

            let then = try await store.items(at: 10)
            #expect(then.sequence == 10)
            #expect(Set(then.items.map(\.number)) == [Fixture.lineOfAction, Fixture.area, Fixture.activity])
            #expect(then.items.first { $0.number == Fixture.activity }?.status == .approved)

            let now = try await store.items()
            #expect(now.sequence == 15)
            #expect(Set(now.items.map(\.number)) == [Fixture.lineOfAction, Fixture.area, Fixture.activity, "MPM-1.2"])
            #expect(now.items.first { $0.number == Fixture.activity }?.status == .completed)

            #expect(try await store.items(at: 9).items.isEmpty)
            // Like state(at:), a position the ledger has not reached is refused rather than shown as "now".
            await #expect(throws: ChangeError.self) { try await store.items(at: 16) }
        }
    }

    @Test("position(after:) is the last entry a meeting (or an earlier one) authorized", arguments: Backend.all)
    func positionAfterMeeting(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            try await Self.appendHistory(to: store)
            // Entries after the VII RCM's confirmation that cite none of its decisions do not count.
            #expect(try await store.position(after: Fixture.rcmVII) == 10)
            #expect(try await store.position(after: Fixture.rcmVIII) == 15)

            let afterFirst = try await store.state(at: try await store.position(after: Fixture.rcmVII))
            #expect(afterFirst.items[Fixture.activity]?.status == .approved)
            #expect(afterFirst.items["MPM-1.2"] == nil)

            let error = await #expect(throws: ChangeError.self) { try await store.position(after: "RCM-XCIX") }
            #expect(error?.field == "meeting")
        }
    }

    @Test("position(after:) ignores a later meeting whose code starts with this meeting's code", arguments: Backend.all)
    func positionAfterMeetingWithSimilarCode(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            try await Self.appendHistory(to: store)
            // Codes may contain slashes, so "RCM-VIII/EXTRA" (an extraordinary session, 2004) has decisions
            // "RCM-VIII/EXTRA/1" that begin like those of the VIII RCM.
            let extraordinary: MeetingID = "RCM-VIII/EXTRA"
            try await store.append(
                [
                    Fixture.editorial(
                        .addMeeting(
                            Meeting(
                                id: extraordinary, body: "RCM", title: .en("Extraordinary VIII RCM"),
                                start: PartialDate("2004-02-10"))))
                ]
                    + Fixture.decide(
                        Decision.id(meeting: extraordinary, paragraph: "1"),
                        [.addItem(Fixture.activity("MPM-1.3", title: "Study of extra-regional flows"))]))

            #expect(try await store.position(after: Fixture.rcmVIII) == 15)
            #expect(try await store.position(after: extraordinary) == 18)
        }
    }

    @Test(
        "the plan after a meeting applies the decisions dated up to it, whatever order they were typed in",
        arguments: Backend.all)
    func afterMeetingByDate(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            try await store.appendSetup()
            // A secretariat digitizing its archive types the V RCM (March 2000) after the VII RCM (May 2002):
            // the V RCM's decision is transcribed last, yet it belongs before the restructuring.
            let rcmV: MeetingID = "RCM-V"
            try await store.append(
                [
                    Fixture.editorial(
                        .addMeeting(
                            Meeting(
                                id: rcmV, body: "RCM", title: .en("V RCM"), start: PartialDate("2000-03-23"),
                                end: PartialDate("2000-03-24"))))
                ]
                    + Fixture.decide(
                        Decision.id(meeting: rcmV, paragraph: "1"),
                        [
                            .addItem(
                                PlanItem(
                                    number: "PA", kind: .lineOfAction, title: .en("Plan of Action (1997)"),
                                    status: .approved)),
                            .addParticipant(
                                Participant(
                                    id: "IACHR", kind: .observerOrganization,
                                    name: .en("Inter-American Commission on Human Rights"),
                                    history: [
                                        MembershipEvent(
                                            kind: .observerOrganization, since: nil,
                                            decision: Decision.id(meeting: rcmV, paragraph: "1"))
                                    ])),
                        ]))
            // A translation entered today counts from today, not from the item's decision.
            try await store.append([
                Fixture.editorial(
                    .amendItem(
                        ItemAmendment(
                            number: Fixture.lineOfAction,
                            title: .en("Migration Policy and Management", es: "Políticas y Gestión Migratoria"))))
            ])

            let afterV = try await store.state(after: rcmV)
            // The restructuring of 2002 was typed first, but in March 2000 it had not happened.
            #expect(afterV.items[Fixture.lineOfAction] == nil)
            #expect(afterV.items[Fixture.activity] == nil)
            #expect(afterV.items["PA"]?.status == .approved)
            #expect(afterV.participants["IACHR"] != nil)
            #expect(afterV.decisions[Fixture.restructuring]?.status == .pending)
            #expect(afterV.decisions["RCM-V/1"]?.isInForce == true)

            let afterVII = try await store.state(after: Fixture.rcmVII)
            #expect(afterVII.items[Fixture.activity]?.status == .approved)
            #expect(afterVII.items["PA"] != nil)
            #expect(afterVII.items[Fixture.lineOfAction]?.title[.es] == nil)

            // Now, the translation is there; "as of" a ledger position stays the ledger's own order.
            let now = try await store.state(asOf: PartialDate("2100")!)
            #expect(now.items == (try await store.currentState()).items)
            #expect(try await store.state(at: 10).items["PA"] == nil)

            let unknown = await #expect(throws: ChangeError.self) { try await store.state(after: "RCM-XCIX") }
            #expect(unknown?.field == "meeting")
        }
    }
}

import AccordCore
import AccordStore
import Testing

/// The record as it stood at an earlier ledger position, or after a meeting, read from the projections.
@Suite("As-of views")
struct AsOfTests {
    /// Setup (1–12: MPM-1.1 approved at 12), the VIII RCM (13–14), MPM-1.1 ongoing (15), MPM-1.2 added (16),
    /// MPM-1.1 completed (17).
    private static func appendHistory(to store: Store) async throws {
        try await store.appendSetup()
        try await store.append(Fixture.secondMeeting)
        try await store.append([
            Fixture.decided(.changeStatus(item: Fixture.activity, to: .ongoing), by: Fixture.followUp),
            Fixture.decided(.addItem(Fixture.activity("MPM-1.2", title: "Return statistics")), by: Fixture.followUp),
            Fixture.decided(.changeStatus(item: Fixture.activity, to: .completed), by: Fixture.followUp),
        ])
    }

    @Test("state(at:) shows each earlier status of an item", arguments: Backend.all)
    func stateAtPosition(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            try await Self.appendHistory(to: store)

            #expect(try await store.state(at: 12).items[Fixture.activity]?.status == .approved)
            #expect(try await store.state(at: 14).items[Fixture.activity]?.status == .approved)
            #expect(try await store.state(at: 15).items[Fixture.activity]?.status == .ongoing)
            #expect(try await store.state(at: 15).items["MPM-1.2"] == nil)
            #expect(try await store.state(at: 16).items["MPM-1.2"]?.status == .approved)
            #expect(try await store.state(at: 17).items[Fixture.activity]?.status == .completed)
            #expect(try await store.currentState().items[Fixture.activity]?.status == .completed)

            let early = try await store.state(at: 9)
            #expect(early.sequence == 9)
            #expect(early.items.isEmpty)
            #expect(early.decisions.keys.sorted() == [Fixture.restructuring])
            #expect(early.meetings[Fixture.rcmVIII] == nil)
            #expect(try await store.state(at: 0) == ProcessState())

            let error = await #expect(throws: ChangeError.self) { try await store.state(at: 18) }
            #expect(error?.field == "asOf")
        }
    }

    @Test("items(at:) lists the plan items valid at a position", arguments: Backend.all)
    func itemsAtPosition(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            try await Self.appendHistory(to: store)

            let then = try await store.items(at: 12)
            #expect(then.sequence == 12)
            #expect(Set(then.items.map(\.number)) == [Fixture.lineOfAction, Fixture.area, Fixture.activity])
            #expect(then.items.first { $0.number == Fixture.activity }?.status == .approved)

            let now = try await store.items()
            #expect(now.sequence == 17)
            #expect(Set(now.items.map(\.number)) == [Fixture.lineOfAction, Fixture.area, Fixture.activity, "MPM-1.2"])
            #expect(now.items.first { $0.number == Fixture.activity }?.status == .completed)

            #expect(try await store.items(at: 5).items.isEmpty)
            // Like state(at:), a position the ledger has not reached is refused rather than shown as "now".
            await #expect(throws: ChangeError.self) { try await store.items(at: 18) }
        }
    }

    @Test("position(after:) is the last entry a meeting (or an earlier one) authorized", arguments: Backend.all)
    func positionAfterMeeting(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            try await Self.appendHistory(to: store)
            // Editorial entries after the VII RCM's last decision (the VIII RCM's meeting record) do not count.
            #expect(try await store.position(after: Fixture.rcmVII) == 12)
            #expect(try await store.position(after: Fixture.rcmVIII) == 17)

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
            try await store.append([
                Fixture.editorial(
                    .addMeeting(
                        Meeting(
                            id: extraordinary, body: "RCM", title: .en("Extraordinary VIII RCM"),
                            start: PartialDate("2004-02-10")))),
                Fixture.editorial(
                    .recordDecision(
                        Decision(meeting: extraordinary, paragraph: "1", kind: .decision, text: .en("Adds a study.")))),
                Fixture.decided(
                    .addItem(Fixture.activity("MPM-1.3", title: "Study of extra-regional flows")),
                    by: Decision.id(meeting: extraordinary, paragraph: "1")),
            ])

            #expect(try await store.position(after: Fixture.rcmVIII) == 17)
            #expect(try await store.position(after: extraordinary) == 20)
        }
    }
}

import AccordCore
import AccordStore
import Testing

/// The state each outside readership reads is kept for the newest position, and is never older than the record.
@Suite struct PublishedStateTests {
    @Test func theKeptStateFollowsEveryAppend() async throws {
        try await withStore(.sqlite) { store in
            try await store.appendSetup()
            let outside = Readership.outside(invited: nil)
            let first = try await store.currentState(for: outside)
            #expect(first == (try await store.currentState()).published(for: outside))
            // A proposed item is not published; once approved by a decision in force, the public reads it.
            try await store.append([
                Fixture.editorial(.addItem(Fixture.activity("MPM-1.2", title: "Seminar on return", status: .proposed)))
            ])
            #expect(try await store.currentState(for: outside).items["MPM-1.2"] == nil)
            #expect(try await store.currentState(for: .workingSide).items["MPM-1.2"] != nil)
            try await store.append(
                Fixture.decide(
                    Decision.id(meeting: Fixture.rcmVII, paragraph: "4"),
                    [.changeStatus(item: "MPM-1.2", to: .approved)]))
            let after = try await store.currentState(for: outside)
            #expect(after.items["MPM-1.2"]?.status == .approved)
            #expect(after == (try await store.currentState()).published(for: outside))
        }
    }
}

import AccordCore
import AccordStore
import Testing

/// Two app processes writing to one database at once must never fork the chain or lose a change.
@Suite("Concurrent writers")
struct ConcurrencyTests {
    static let changesPerWriter = 50

    @Test("two stores appending at once keep one gapless, valid chain", arguments: Backend.all)
    func twoWritersOneChain(_ backend: Backend) async throws {
        try await withDatabase(backend) { database in
            try await withOpenStore(database) { first in
                let setup = try await first.appendSetup()
                // A second Store has its own pool, lock and cache: it stands in for a second app process.
                try await withOpenStore(database) { second in
                    try await withThrowingTaskGroup(of: Void.self) { group in
                        for index in 0..<(2 * Self.changesPerWriter) {
                            let store = index.isMultiple(of: 2) ? first : second
                            let number = ItemNumber("MPM-1.\(index + 2)")
                            group.addTask {
                                try await store.append(
                                    .addItem(Fixture.activity(number, title: "Activity \(number)", status: .proposed)),
                                    by: Fixture.secretariat, authority: .editorial(reason: "proposal recorded"))
                            }
                        }
                        try await group.waitForAll()
                    }

                    let expected = setup.sequence + Int64(2 * Self.changesPerWriter)
                    for store in [first, second] {
                        #expect(try await store.head().sequence == expected)
                        #expect(try await store.currentState().items.count == 3 + 2 * Self.changesPerWriter)
                    }
                    let entries = try await second.allEntries()
                    #expect(entries.map(\.sequence) == Array(1...expected))
                    for (earlier, later) in zip(entries, entries.dropFirst()) {
                        #expect(later.previousHash == earlier.hash, "the chain forks at entry \(later.sequence)")
                    }
                    #expect(Set(entries.map(\.hash)).count == entries.count)
                    let report = try await first.verify()
                    #expect(report.isValid, "\(report.problem ?? "")")
                    #expect(report.entries == expected)
                }
            }
        }
    }

    @Test(
        "many reads at once, more than there are connections, while changes are appended",
        .timeLimit(.minutes(5)),
        arguments: Backend.all)
    func readsWaitForAConnection(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            try await store.appendSetup()
            let start = try await store.head().sequence
            // Twenty readers share a few connections (at most 8 per store on two cores): each must wait its turn and
            // be answered. Not more: on a loaded machine a reader waiting over the pool's 10 s is refused, rightly.
            let seen = try await withThrowingTaskGroup(of: (Int64, Int).self) { group in
                group.addTask {
                    for _ in 0..<5 {
                        try await store.append(
                            .changeStatus(item: Fixture.activity, to: .ongoing), by: Fixture.secretariat,
                            authority: .editorial(reason: "progress report"))
                        try await store.append(
                            .changeStatus(item: Fixture.activity, to: .pendingCompletion), by: Fixture.secretariat,
                            authority: .editorial(reason: "progress report"))
                    }
                    return (-1, 0)
                }
                for _ in 0..<20 {
                    group.addTask {
                        let (sequence, items) = try await store.items()
                        return (sequence, items.count)
                    }
                }
                var seen: [(Int64, Int)] = []
                for try await result in group where result.0 >= 0 { seen.append(result) }
                return seen
            }
            #expect(seen.count == 20)
            let end = try await store.head().sequence
            #expect(end == start + 10)
            for (sequence, count) in seen {
                #expect((start...end).contains(sequence))
                #expect(count == (try await store.items(at: sequence).items.count))
            }
        }
    }

    @Test("a store judges each change against the ledger head, not against what it last saw", arguments: Backend.all)
    func rulesSeeOtherWriters(_ backend: Backend) async throws {
        try await withDatabase(backend) { database in
            try await withOpenStore(database) { first in
                try await first.appendSetup()
                #expect(try await first.currentState().items[Fixture.activity]?.status == .approved)
                try await withOpenStore(database) { second in
                    // The other process completes the activity; `first` last saw it approved.
                    try await second.append(
                        Fixture.decide("RCM-VII/4", [.changeStatus(item: Fixture.activity, to: .completed)]))

                    // Withdrawing an approved item is allowed, a completed one is not: the head decides.
                    let withdrawal = Fixture.decide(
                        "RCM-VII/5", [.changeStatus(item: Fixture.activity, to: .withdrawn)])
                    let error = await #expect(throws: ChangeError.self) { try await first.append(withdrawal) }
                    #expect(error?.field == "effects[0].status")

                    // And the other way round: a lead only the other process registered is accepted.
                    try await second.append(
                        Fixture.decide(
                            "RCM-VII/6",
                            [.addParticipant(Participant(id: "BLZ", kind: .memberState, name: .en("Belize")))]))
                    let led = try await first.append(
                        Fixture.decide(
                            "RCM-VII/7",
                            [.addItem(Fixture.activity("MPM-1.2", title: "Smuggling case study", leads: ["BLZ"]))]))
                    #expect(led.last?.entry.sequence == 16)

                    let state = try await second.currentState()
                    #expect(state.items[Fixture.activity]?.status == .completed)
                    #expect(state.items["MPM-1.2"]?.leads == [.participant("BLZ")])
                    let report = try await second.verify()
                    #expect(report.isValid, "\(report.problem ?? "")")
                }
            }
        }
    }
}

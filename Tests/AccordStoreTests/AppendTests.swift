import AccordCore
import AccordStore
import Testing

/// Appending changes and reading them back: the entries, the chain, the current state and the projections.
@Suite("Append and read back")
struct AppendTests {
    @Test("entries come back as appended, chained hash to hash", arguments: Backend.all)
    func entriesAndChain(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            var appended: [AppendedEntry] = []
            for change in Fixture.setup {
                appended.append(try await store.append(change.change, by: change.actor, authority: change.authority))
            }

            let stored = try await store.allEntries()
            #expect(stored.map(\.sequence) == Array(1...Int64(Fixture.setup.count)))
            #expect(try stored.map { try $0.decoded() } == appended.map(\.entry))
            #expect(stored.map(\.hash) == appended.map(\.hash))
            #expect(stored.map(\.kind) == Fixture.setup.map(\.change.kind))
            #expect(stored.first?.previousHash == HashChain.genesis)
            for (earlier, later) in zip(stored, stored.dropFirst()) {
                #expect(
                    later.previousHash == earlier.hash, "entry \(later.sequence) must link to entry \(earlier.sequence)"
                )
            }
            for entry in stored {
                #expect(HashChain.hash(previous: entry.previousHash, entry: Array(entry.entry.utf8)) == entry.hash)
            }
            #expect(try await store.head() == LedgerHead(sequence: 10, hash: appended.last!.hash))
            #expect(try await store.entry(5)?.decoded() == appended[4].entry)
            #expect(try await store.entry(11) == nil)
        }
    }

    @Test("the current state holds what was appended, and equals the projections and a replay", arguments: Backend.all)
    func currentStateMatchesProjections(_ backend: Backend) async throws {
        try await withDatabase(backend) { database in
            let current = try await withOpenStore(database) { store in
                let appended = try await store.append(Fixture.setup)
                #expect(appended.map(\.entry.sequence) == Array(1...10))

                let state = try await store.currentState()
                #expect(state.sequence == 10)
                #expect(state.process?.name.original == "Regional Conference on Migration")
                #expect(Set(state.participants.keys) == ["MEX", "CAN", "GTM", "IOM"])
                #expect(state.meetings[Fixture.rcmVII]?.host == "GTM")
                let activity = try #require(state.items[Fixture.activity])
                #expect(activity.leads == [.participant("MEX"), .participant("CAN")])
                #expect(activity.status == .approved)
                #expect(activity.approvedBy == Fixture.restructuring)
                #expect(state.lastChanged[.item(Fixture.activity)] == 10)
                #expect(state.decisions[Fixture.restructuring]?.inForceSince == 10)

                // The projections, read back through SQL, must say exactly what the in-memory state says.
                #expect(try await store.state(at: 10) == state)
                let report = try await store.verify()
                #expect(report.isValid, "\(report.problem ?? "")")
                #expect(report.entries == 10)
                #expect(report.projectionRows == 13)
                return state
            }
            // A second store starts with no cache: it loads the state from the projections alone.
            let (reloaded, head) = try await withOpenStore(database) { reopened in
                (try await reopened.currentState(), try await reopened.head())
            }
            #expect(reloaded == current)
            #expect(head.sequence == 10)
        }
    }

    @Test("a change to an entity adds a version and keeps the older one", arguments: Backend.all)
    func versionsAccumulate(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            try await store.appendSetup()
            try await store.append(Fixture.secondMeeting)
            // Reporting progress is the Secretariat's, on its editorial authority.
            let started = try await store.append(
                .changeStatus(item: Fixture.activity, to: .ongoing), by: Fixture.secretariat,
                authority: .editorial(reason: "the workshop has begun"))

            #expect(started.entry.sequence == 13)
            #expect(started.changed == [.item(Fixture.activity)])
            #expect(try await store.history(of: .item(Fixture.activity)) == [10, 13])
            #expect(try await store.currentState().items[Fixture.activity]?.status == .ongoing)
            let report = try await store.verify()
            #expect(report.isValid, "\(report.problem ?? "")")
            #expect(report.projectionRows == 16)
        }
    }
}

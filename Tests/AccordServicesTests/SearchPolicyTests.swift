import AccordCore
import AccordDemo
import AccordStore
import AccordTestSupport
import Testing

@testable import AccordServices

/// Search goes through the one read policy (issue 19.5): on the demo, on both databases, each audience finds
/// exactly what it may read — the public never a proposed item, a draft or a proposal, an observer the
/// proposals that invite it.
@Suite struct SearchPolicyTests {
    @Test(arguments: Backend.all) func eachAudienceFindsWhatItMayRead(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            try await store.append(Demo.changes)
            var accounts = AccountService(store: store)
            accounts.cost = 4
            for (username, role, participant) in [
                ("ts.officer", "secretariat", nil), ("iom", "observer", "IOM"), ("reader", "public", nil),
            ] {
                try await accounts.addAccount(
                    username: username, displayName: username, role: role, participant: participant, language: "en",
                    password: "a long test password")
            }
            let record = RecordService(store: store)
            let secretariat = try await accounts.principal(acting: "ts.officer")
            let observer = try await accounts.principal(acting: "iom")
            let state = try await store.currentState()

            // A proposed item, found by its code and its words by the working side only.
            let proposed = try #require(
                state.items.values.filter { $0.status == .proposed }.min { $0.number < $1.number })
            let words =
                proposed.number.rawValue + " "
                + SearchText.words(in: proposed.title.original).prefix(3)
                .joined(separator: " ")
            let working = try await record.search(words, for: secretariat)
            #expect(working.hits.contains { $0.kind == "item" && $0.id == proposed.number.rawValue }, "\(words)")
            for principal in [nil, try await accounts.principal(acting: "reader"), observer] {
                let outside = try await record.search(words, for: principal)
                #expect(!outside.hits.contains { $0.id == proposed.number.rawValue }, "\(outside.hits)")
            }

            // Proposals: an observer finds those that invite it, the public none.
            for proposal in state.proposals.values {
                let query = proposal.id.rawValue
                let byObserver = try await record.search(query, for: observer, limit: 200)
                let invited = proposal.invited.contains("IOM")
                #expect(byObserver.hits.contains { $0.kind == "proposal" && $0.id == query } == invited, "\(query)")
                #expect(!(try await record.search(query, for: nil, limit: 200)).hits.contains { $0.kind == "proposal" })
                #expect(try await record.search(query, for: secretariat, limit: 200).hits.contains { $0.id == query })
            }

            // Whatever the public searches for, every hit is something its own state holds.
            let published = state.published(for: .outside(invited: nil))
            for query in ["migracion", "plan", "MEX", "taller", "protección consular", "LON"] {
                for hit in try await record.search(query, for: nil, limit: 200).hits {
                    let entity = try #require(EntityRef(kind: hit.kind, id: hit.id))
                    #expect(published.holds(entity), "the public found \(entity) searching '\(query)'")
                }
            }
            // Limits: the query's length and the number of hits.
            await #expect(throws: AuthError.invalid(field: "q", reason: "search for at most 200 characters")) {
                try await record.search(String(repeating: "a", count: 201), for: nil)
            }
            let one = try await record.search("migracion", for: secretariat, limit: 1)
            #expect(one.hits.count == 1 && one.more)
        }
    }
}

import AccordCore
import AccordStore
import Testing

/// A change the rules refuse, with what must be stored first and the error it must get.
struct Refusal: Sendable, CustomTestStringConvertible {
    /// The case of `ChangeError`, without its words.
    enum Kind: Sendable, Equatable {
        case invalid, unknownReference, duplicate, ruleViolation

        init(_ error: ChangeError) {
            switch error {
            case .invalid: self = .invalid
            case .unknownReference: self = .unknownReference
            case .duplicate: self = .duplicate
            case .ruleViolation: self = .ruleViolation
            }
        }
    }

    var testDescription: String
    /// Valid changes appended before the refused ones.
    var prepare: [ProposedChange] = []
    /// Appended as one batch; the batch must be refused as a whole.
    var attempt: [ProposedChange]
    var kind: Kind
    var field: String

    static let all: [Refusal] = [
        Refusal(
            testDescription: "a lead that is not a participant",
            attempt: Fixture.decide(
                "RCM-VII/4", [.addItem(Fixture.activity("MPM-1.2", title: "Study", leads: ["BLZ"]))]),
            kind: .unknownReference, field: "effects[0].item.leads[0]"),
        Refusal(
            testDescription: "completed back to ongoing",
            prepare: Fixture.decide("RCM-VII/4", [.changeStatus(item: Fixture.activity, to: .completed)]),
            attempt: Fixture.decide("RCM-VII/5", [.changeStatus(item: Fixture.activity, to: .ongoing)]),
            kind: .ruleViolation, field: "effects[0].status"),
        Refusal(
            testDescription: "an authority that is no recorded decision",
            attempt: [
                ProposedChange(
                    .changeStatus(item: Fixture.activity, to: .ongoing), by: Fixture.secretariat,
                    authority: .decision("RCM-XII/4"))
            ],
            kind: .unknownReference, field: "authority.decision"),
        Refusal(
            testDescription: "a recorded decision cited for a change it does not declare",
            attempt: [
                ProposedChange(
                    .changeStatus(item: Fixture.activity, to: .completed), by: Fixture.secretariat,
                    authority: .decision(Fixture.restructuring))
            ],
            kind: .ruleViolation, field: "authority.decision"),
        Refusal(
            testDescription: "an item number already taken",
            attempt: Fixture.decide("RCM-VII/4", [.addItem(Fixture.activity(Fixture.activity, title: "Another"))]),
            kind: .duplicate, field: "effects[0].item.number"),
        Refusal(
            testDescription: "a title over the limit",
            attempt: Fixture.decide(
                "RCM-VII/4",
                [.addItem(Fixture.activity("MPM-1.2", title: String(repeating: "a", count: TextLimit.title + 1)))]),
            kind: .invalid, field: "decision.effects[0].item.title.en"),
        Refusal(
            testDescription: "a decision whose third effect is bad",
            attempt: Fixture.decide(
                "RCM-VII/4",
                [
                    .addItem(Fixture.activity("MPM-1.2", title: "First, valid")),
                    .addItem(Fixture.activity("MPM-1.3", title: "Second, valid")),
                    .addItem(Fixture.activity("MPM-1.4", title: "Third, led by a stranger", leads: ["BLZ"])),
                ]),
            kind: .unknownReference, field: "effects[2].item.leads[0]"),
    ]
}

/// Refused changes are refused whole: the error names the field, and nothing of the batch is stored.
@Suite("Refused changes store nothing")
struct RefusalTests {
    @Test(
        "refused with the field at fault, leaving ledger and projections as they were", arguments: Backend.all,
        Refusal.all)
    func refusedChangeStoresNothing(_ backend: Backend, _ refusal: Refusal) async throws {
        try await withDatabase(backend) { database in
            let (headBefore, stateBefore) = try await withOpenStore(database) { store in
                try await store.appendSetup()
                try await store.append(refusal.prepare)
                let headBefore = try await store.head()
                let stateBefore = try await store.currentState()

                let error = await #expect(throws: ChangeError.self) { try await store.append(refusal.attempt) }
                #expect(error.map(Refusal.Kind.init) == refusal.kind, "\(String(describing: error))")
                #expect(error?.field == refusal.field)

                #expect(try await store.head() == headBefore)
                #expect(try await store.allEntries().count == Int(headBefore.sequence))
                #expect(try await store.currentState() == stateBefore)
                for number in Self.newNumbers(in: refusal) {
                    #expect(try await store.items().items.contains { $0.number == number } == false)
                }
                // The refusal must not have poisoned this store's cached state: the next change follows the old head.
                let next = try await store.append(
                    .addItem(Fixture.activity("MPM-1.9", title: "Accepted afterwards", status: .proposed)),
                    by: Fixture.secretariat, authority: .editorial(reason: "a proposal"))
                #expect(next.entry.sequence == headBefore.sequence + 1)
                #expect(next.entry.sequence == 11 + Int64(refusal.prepare.count))
                return (headBefore, stateBefore)
            }
            // A store with no cache, reading only what the database holds, sees no trace of the refused batch.
            try await withOpenStore(database) { reopened in
                let state = try await reopened.currentState()
                #expect(state.sequence == headBefore.sequence + 1)
                for number in Self.newNumbers(in: refusal) { #expect(state.items[number] == nil) }
                #expect(state.items[Fixture.activity] == stateBefore.items[Fixture.activity])
                let report = try await reopened.verify()
                #expect(report.isValid, "\(report.problem ?? "")")
            }
        }
    }

    /// The item numbers a refusal's batch tried to add.
    private static func newNumbers(in refusal: Refusal) -> [ItemNumber] {
        refusal.attempt.flatMap { proposed -> [Change] in
            if case .recordDecision(let decision) = proposed.change { return decision.effects }
            return [proposed.change]
        }.compactMap { change in
            if case .addItem(let item) = change, item.number != Fixture.activity { return item.number }
            return nil
        }
    }
}

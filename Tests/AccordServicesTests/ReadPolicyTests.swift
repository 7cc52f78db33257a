import AccordCore
import AccordDemo
import AccordServices
import AccordStore
import Testing

/// The one read policy, on the values: what each audience reads of the demo's record.
@Suite("Read policy")
struct ReadPolicyTests {
    /// The demo's record, as the ledger leaves it.
    static let demo: ProcessState = {
        var state = ProcessState()
        for (index, proposed) in Demo.changes.enumerated() {
            let entry = LedgerEntry(
                sequence: Int64(index + 1), recordedAt: Timestamp(millisecondsSince1970: 1_700_000_000_000),
                actor: proposed.actor, authority: proposed.authority, change: proposed.change)
            state = try! state.applying(entry).state
        }
        return state
    }()

    @Test("the public reads no proposed item, proposed workplan, draft, draft agenda, proposal or challenge")
    func publicReadsThePublished() throws {
        let state = Self.demo
        #expect(state.items.values.contains { $0.status == .proposed }, "the demo has proposed items to hide")
        let published = state.published(for: Audience.public.readership)
        #expect(!published.items.values.contains { $0.status == .proposed })
        #expect(!published.workplans.values.contains { $0.status == .proposed })
        #expect(published.items.values.allSatisfy { $0.workplan.map { published.workplans[$0] != nil } ?? true })
        #expect(published.drafts.isEmpty && published.standingItems.isEmpty && published.challenges.isEmpty)
        #expect(published.editorials.isEmpty && published.proposals.isEmpty && published.comments.isEmpty)
        #expect(published.agendas.values.allSatisfy { $0.status == .approved })
        #expect(published.decisions == state.decisions && published.meetings == state.meetings)
    }

    @Test("each audience reads what its role gives it")
    func audiences() {
        let state = Self.demo
        for audience in [Audience.secretariat, .presidency, .delegate("MEX"), .trial] {
            #expect(state.published(for: audience.readership) == state, "\(audience) reads the whole record")
        }
        for audience in [Audience.public, .reader, .observer("IOM")] {
            #expect(state.published(for: audience.readership) != state, "\(audience) reads less")
        }
        let invited = state.proposals.values.filter { $0.invited.contains("IOM") }.map(\.id)
        #expect(
            Set(state.published(for: Audience.observer("IOM").readership).proposals.keys) == Set(invited),
            "an observer reads the proposals that invite it, and only those")
    }

    @Test("nobody, and a reader, change nothing; an account acts as itself")
    func writesNeedAnActor() throws {
        #expect(throws: AuthError.notSignedIn) { try RecordService.actor(of: nil) }
        func principal(_ role: String, _ participant: String?) -> Principal {
            Principal(
                AccountRecord(
                    username: "someone", displayName: "", role: role, participant: participant, language: "en",
                    passwordHash: "", createdAt: 0),
                csrfToken: nil)
        }
        #expect(principal("public", nil).actor == nil)
        #expect(throws: AuthError.self) { try RecordService.actor(of: principal("public", nil)) }
        let delegate = try RecordService.actor(of: principal("delegate", "MEX"))
        #expect(delegate == Actor(name: "someone", role: .delegate, participant: "MEX"))
    }
}

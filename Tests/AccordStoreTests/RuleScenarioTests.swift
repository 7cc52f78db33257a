import AccordCore
import AccordDemo
import AccordStore
import Testing

/// The rules through a real store, on both databases: the demo's history by date, refusals that leave the
/// ledger head where it was, and typo fixes checked against Debian's hunspell dictionaries.
@Suite("Rules through the store")
struct RuleScenarioTests {
    @Test(
        "the plan after the V RCM (2000) is the plan of March 2000, though the demo types 2002 first",
        arguments: Backend.all)
    func demoHistoryByDate(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            try await store.append(Demo.changes)

            let afterV = try await store.state(after: "RCM-V")
            // The VII RCM's restructuring (May 2002) was typed before the V RCM's decision, but had not happened.
            #expect(afterV.items["LA-1"] == nil && afterV.items["MPM-1"] == nil)
            #expect(afterV.decisions["RCM-VII/1"]?.status == .pending)
            // The IACHR was admitted then; the XXIII RCM's workplan was far off.
            #expect(afterV.decisions["RCM-V/1"]?.isInForce == true)
            #expect(afterV.participants["IACHR"]?.kind == .observerOrganization)
            #expect(afterV.workplans["LON-TS"] == nil)

            let afterVII = try await store.state(after: "RCM-VII")
            #expect(afterVII.items["LA-1"]?.status == .approved)
            #expect(afterVII.items["HR-5.1"]?.approvedBy == "RCM-IV/2")
            // The progress the Secretariat reported in 2025 is not history of 2002.
            #expect(afterVII.items["MPM-3"]?.status == .approved)

            let afterXXIII = try await store.state(after: "RCM-XXIII")
            #expect(afterXXIII.items["LA-1"]?.status == .approved)
            #expect(afterXXIII.workplans["LON-TS"]?.status == .approved)
            let afterXXIV = try await store.state(after: "RCM-XXIV")
            #expect(afterXXIV.items["LA-1"]?.status == .superseded)

            let now = try await store.currentState()
            #expect(try await store.state(asOf: PartialDate("2100")!).items == now.items)
        }
    }

    @Test(
        "each way around the rules is refused through the store, and the ledger head does not move",
        arguments: Backend.all)
    func bypassesLeaveTheHead(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            try await store.append(Demo.changes)
            let state = try await store.currentState()
            let secretariat = Actor(name: "ana.ts", role: .secretariat)
            var fifth = try #require(state.meetings["RCM-V"])
            fifth.attendance.removeAll { $0 == "MEX" }
            var argentina = try #require(state.participants["ARG"])
            argentina.kind = .memberState
            var unhcr = try #require(state.participants["UNHCR"])
            unhcr.history.append(MembershipEvent(kind: .observerOrganization, since: nil, decision: "RCM-II/1"))
            let attempts: [(ProposedChange, String)] = [
                // Attendance rewritten after the meeting decided.
                (
                    ProposedChange(.amendMeeting(fifth), by: secretariat, authority: .editorial(reason: "typo")),
                    "attendance-fixed"
                ),
                // Standing changed by an editorial entry, and an unrelated decision written into a history.
                (
                    ProposedChange(
                        .amendParticipant(argentina), by: secretariat, authority: .editorial(reason: "typo")),
                    "standing"
                ),
                (
                    ProposedChange(.amendParticipant(unhcr), by: secretariat, authority: .decision("RCM-II/1")),
                    "declared-effect"
                ),
                (
                    ProposedChange(
                        .addParticipant(Participant(id: "BRA", kind: .observerCountry, name: .en("Brazil"))),
                        by: secretariat, authority: .editorial(reason: "new observer")),
                    "opening-record"
                ),
                // A decision cited for what it never said.
                (
                    ProposedChange(
                        .amendItem(ItemAmendment(number: "TS-1", title: .en("Redefined"))), by: secretariat,
                        authority: .decision("RCM-II/1")),
                    "declared-effect"
                ),
                // A workplan the RCM approved, withdrawn editorially.
                (
                    ProposedChange(
                        .amendWorkplan(
                            Workplan(
                                id: "LON-TS", body: "LON-TS", title: state.workplans["LON-TS"]!.title,
                                status: .withdrawn)),
                        by: secretariat, authority: .editorial(reason: "outdated")),
                    "approval-level"
                ),
                // An edition published by the Secretariat alone.
                (
                    ProposedChange(
                        .approveEdition(1), by: secretariat, authority: .decision(Demo.strategicPlanAdopted)),
                    "capacity"
                ),
            ]
            for (attempt, rule) in attempts {
                let head = try await store.head()
                let error = await #expect(throws: ChangeError.self) { try await store.append([attempt]) }
                if case .ruleViolation(_, let refused, _)? = error {
                    #expect(refused == rule, "\(attempt.change.kind): \(error!)")
                } else {
                    Issue.record("\(attempt.change.kind) was not refused by a rule: \(String(describing: error))")
                }
                #expect(try await store.head() == head)
            }
            #expect(try await store.currentState() == state)
            #expect(try await store.verify().isValid)
        }
    }

    @Test(
        "a typo fix is editorial only where hunspell says the old word is none and the new one is",
        arguments: Backend.all)
    func typoFixesAgainstTheDictionary(_ backend: Backend) async throws {
        let lexicon = HunspellLexicon()
        guard lexicon.knows(.en) else {
            Issue.record(
                "hunspell with the en_US dictionary is not installed (apt-get install hunspell hunspell-en-us)")
            return
        }
        #expect(lexicon.contains("returns", in: .en) && !lexicon.contains("retruns", in: .en))
        #expect(lexicon.contains("migración", in: .es) == lexicon.knows(.es))
        try await withDatabase(backend) { database in
            try await withOpenStore(database) { store in
                try await store.appendSetup()
                try await store.append(
                    Fixture.decide(
                        Decision.id(meeting: Fixture.rcmVII, paragraph: "4"),
                        [
                            .addItem(Fixture.activity("MPM-1.2", title: "Workshop on retruns")),
                            .addItem(Fixture.activity("MPM-1.3", title: "Regular migration")),
                        ]))
                // A real misspelling, fixed: editorial, and open to challenge.
                let fixed = try await store.append(
                    .amendItem(ItemAmendment(number: "MPM-1.2", title: .en("Workshop on returns"))),
                    by: Fixture.secretariat, authority: .editorial(reason: "typo"))
                #expect(fixed.changed.contains(.editorial(fixed.entry.sequence)))
                // "regular" is a word: "irregular" redefines the activity.
                let head = try await store.head()
                let error = await #expect(throws: ChangeError.self) {
                    try await store.append(
                        .amendItem(ItemAmendment(number: "MPM-1.3", title: .en("Irregular migration"))),
                        by: Fixture.secretariat, authority: .editorial(reason: "typo"))
                }
                #expect(error?.field == "amendment.title.en")
                #expect(try await store.head() == head)
                #expect(try await store.verify().isValid)
            }
            // Verify replays with the store's dictionary: without one, the fix above is no longer editorial.
            let location = database.location
            let blind = try await Store.open(location, logger: .tests, lexicon: EmptyLexicon())
            let report = try await blind.verify()
            await blind.close()
            #expect(!report.isValid)
            #expect(
                report.problem?.contains("approval-level") == true || report.problem?.contains("substantive") == true)
        }
    }
}

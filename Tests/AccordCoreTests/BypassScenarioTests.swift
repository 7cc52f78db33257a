import AccordCore
import Testing

/// Each way around the rules that issue 17 found, tried again: every one is refused now, saying why, and the
/// state is left as it was. Each test failed on the rules before declared effects.
@Suite("Scenarios: no path around consensus or the approval level")
struct BypassScenarioTests {
    static let secretariat = GovernanceFixture.secretariat

    /// A draft of the XX RCM changing MPM-10.1's lead, with the member states' positions.
    static func tabled(_ positions: [ParticipantID: Position]) throws -> (Recorder, DraftDecision) {
        var record = try GovernanceFixture.record()
        let draft = DraftDecision(
            meeting: "RCM-XX", paragraph: "4", kind: .decision, text: .en("Canada leads the workshop"),
            effects: [.amendItem(ItemAmendment(number: "MPM-10.1", leads: [.participant("CAN")]))])
        try record.append(.tableDraft(draft))
        for (member, position) in positions.sorted(by: { $0.key < $1.key }) {
            try GovernanceFixture.position(&record, draft.id, member, position)
        }
        return (record, draft)
    }

    @Test("consensus typed instead of computed: a transcription of a tabled paragraph cannot override an objection")
    func transcriptionCannotOverrideTheRoom() throws {
        var (record, draft) = try Self.tabled(["MEX": .objects, "CAN": .supports, "USA": .supports])
        let transcription = Decision(
            meeting: "RCM-XX", paragraph: "4", kind: .decision, text: .en("Canada leads the workshop"),
            effects: draft.effects)
        let refusal = try #require(record.refusal(of: .recordDecision(transcription)))
        #expect(refusal.shape == .ruleViolation("decision.paragraph", rule: "transcription-overrides-room"))
        #expect(refusal.reason.contains("MEX objects"))
        #expect(record.state.items["MPM-10.1"]?.leads == [.participant("MEX")])

        // Once consensus holds, the paragraph is adopted as the draft it is, never typed in.
        try GovernanceFixture.position(&record, draft.id, "MEX", .doesNotObject)
        let holds = try #require(record.refusal(of: .recordDecision(transcription)))
        #expect(holds.reason.contains("adopt the draft"))
        try record.append(.adoptDraft(draft.id), authority: .decision(draft.decisionID))
        #expect(record.state.decisions[draft.decisionID]?.adoption?.joining == ["CAN", "MEX", "USA"])
    }

    @Test("attendance rewritten after the fact: a delegation that took a position stays on the record")
    func attendanceIsFixedOnceAMeetingDecides() throws {
        var (record, draft) = try Self.tabled(["MEX": .objects, "CAN": .supports, "USA": .supports])
        var rewritten = try #require(record.state.meetings["RCM-XX"])
        rewritten.attendance.removeAll { $0 == "MEX" }
        let refusal = try #require(record.refusal(of: .amendMeeting(rewritten)))
        #expect(refusal.shape == .ruleViolation("meeting.attendance", rule: "attendance-fixed"))
        #expect(
            record.refusal(of: .adoptDraft(draft.id), authority: .decision(draft.decisionID))?.shape
                == .ruleViolation("positions", rule: "consensus"))

        // Only a decision of the meeting's own body corrects the record, as its declared effect.
        var below = record
        #expect(throws: ChangeError.self) { try below.decide([.amendMeeting(rewritten)], at: "RCGM-2014-11") }
        try record.decide([.amendMeeting(rewritten)], at: "RCM-V", kind: .decision)
        #expect(record.state.meetings["RCM-XX"]?.attendance.contains("MEX") == false)
        // The meeting's place, not who attended, may still be corrected editorially.
        var placed = try #require(record.state.meetings["RCM-XX"])
        placed.place = .en("Mexico City")
        try record.append(.amendMeeting(placed))
    }

    /// The opening record with an observer country, Argentina, present at the V RCM; then the V RCM's
    /// paragraph 3 closes the opening record.
    static func withArgentina() throws -> Recorder {
        var record = try Fixture.institutions()
        try record.append(
            .addParticipant(
                Participant(
                    id: "ARG", kind: .observerCountry, name: .en("Argentina"),
                    history: [MembershipEvent(kind: .observerCountry, since: nil, note: .en("Observer [B]"))])))
        var fifth = try #require(record.state.meetings["RCM-V"])
        fifth.attendance.append("ARG")
        try record.append(.amendMeeting(fifth))
        try record.decide([], at: "RCM-V", paragraph: "3", kind: .decision)
        try record.append(.addMeeting(Fixture.meeting("RCM-XX", of: "RCM", start: "2015-06-25")))
        return record
    }

    @Test("standing changed by an editorial entry: no promotion, no late admission, no unrelated decision in a history")
    func standingNeverChangesEditorially() throws {
        var record = try Self.withArgentina()
        let promoted = Participant(
            id: "ARG", kind: .memberState, name: .en("Argentina"),
            history: [MembershipEvent(kind: .observerCountry, since: nil, note: .en("Observer [B]"))])
        #expect(
            record.refusal(of: .amendParticipant(promoted), authority: .editorial(reason: "typo"))?.shape
                == .ruleViolation("participant.kind", rule: "standing"))
        let newcomer = Participant(id: "IACHR", kind: .observerOrganization, name: .en("IACHR"))
        #expect(
            record.refusal(of: .addParticipant(newcomer))?.shape
                == .ruleViolation("participant.id", rule: "opening-record"))
        var cited = try #require(record.state.participants["IOM"])
        cited.history.append(
            MembershipEvent(kind: .observerOrganization, since: nil, decision: Fixture.viceMinisterial))
        #expect(
            record.refusal(of: .amendParticipant(cited))?.shape
                == .ruleViolation("participant.history", rule: "standing"))
        // Even a decision of the highest body writes only itself into a history.
        var unrelated = record
        #expect(throws: ChangeError.self) { try unrelated.decide([.amendParticipant(cited)], at: "RCM-XX") }
        #expect(record.state.participants["ARG"]?.kind == .observerCountry)
        #expect(record.state.participants["IACHR"] == nil)

        // The way it is done: a decision of the highest body declares the admission, IACHR at the V RCM.
        let admission = Decision.id(meeting: "RCM-V", paragraph: "9")
        let admitted = Participant(
            id: "IACHR", kind: .observerOrganization, name: .en("IACHR"),
            history: [MembershipEvent(kind: .observerOrganization, since: PartialDate("2000-03"), decision: admission)])
        var low = record
        #expect(throws: ChangeError.self) { try low.decide([.addParticipant(admitted)], at: "RCGM-2014-11") }
        try record.decide([.addParticipant(admitted)], at: "RCM-V", paragraph: "9", kind: .decision)
        #expect(record.state.participants["IACHR"]?.history.last?.decision == admission)
    }

    @Test("a participant made a member later is not a member at an earlier meeting")
    func standingAsItWasAtTheMeeting() throws {
        var record = try Self.withArgentina()
        let promotion = Decision.id(meeting: "RCM-XX", paragraph: "1")
        let promoted = Participant(
            id: "ARG", kind: .memberState, name: .en("Argentina"),
            history: [
                MembershipEvent(kind: .observerCountry, since: nil, note: .en("Observer [B]")),
                MembershipEvent(kind: .memberState, since: nil, decision: promotion),
            ])
        try record.decide([.amendParticipant(promoted)], at: "RCM-XX", paragraph: "1", kind: .decision)
        #expect(record.state.participants["ARG"]?.kind == .memberState)

        // At the V RCM of 2000 Argentina was an observer: its position is refused and consensus leaves it out.
        let draft = DraftDecision(meeting: "RCM-V", paragraph: "20", kind: .decision, text: .en("Take note"))
        try record.append(.tableDraft(draft))
        #expect(Consensus(on: record.state.drafts[draft.id]!, in: record.state).present == ["CAN", "MEX", "USA"])
        let refusal = GovernanceFixture.refusal(
            record, .recordPosition(PositionStatement(draft: draft.id, participant: "ARG", position: .objects)),
            as: Actor(name: "delegate.arg", role: .delegate, participant: "ARG"), authority: .participant("ARG"))
        #expect(refusal?.shape == .ruleViolation("position.participant", rule: "observers-take-no-position"))
        #expect(refusal?.reason.contains("observer-country at RCM-V") == true)
    }

    @Test("a decision authorizes only what it declares: a decision cited for another change is refused, saying so")
    func decisionsAuthorizeOnlyTheirEffects() throws {
        var record = try GovernanceFixture.record()
        // RCM-V/4 completed MPM-2 and declares nothing about MPM-10.
        let redefine = Change.amendItem(ItemAmendment(number: "MPM-10", title: .en("Redefined")))
        let unrelated = try #require(record.refusal(of: redefine, authority: .decision(Fixture.completion)))
        #expect(unrelated.shape == .ruleViolation("authority.decision", rule: "declared-effect"))
        #expect(unrelated.reason.hasPrefix("RCM-V/4 declares no change to MPM-10"))
        // RCM-V/3 declared MPM-10's addition: citing it again authorizes nothing more.
        let again = try #require(record.refusal(of: redefine, authority: .decision(Fixture.viceMinisterial)))
        #expect(again.reason.contains("RCM-V/3 declares its change to MPM-10 as effects[2]"))
        #expect(again.reason.contains("came into force, entry"))
        // A "take note" paragraph declares nothing.
        let note = try record.decide([], at: "RCGM-2014-11", paragraph: "9")
        #expect(
            record.refusal(of: .changeStatus(item: "MPM-1.1", to: .completed), authority: .decision(note))?.shape
                == .ruleViolation("authority.decision", rule: "declared-effect"))
        // A decision the Secretariat has just transcribed authorizes nothing until the Presidency confirms it.
        let base = record.state
        let since = record.entries.count
        let transcribed = Decision(
            meeting: "RCM-XX", paragraph: "8", kind: .decision, text: .en("Canada leads"),
            effects: [.amendItem(ItemAmendment(number: "MPM-10.1", leads: [.participant("CAN")]))])
        try record.transcribe(transcribed)
        let early = try #require(
            record.refusal(of: transcribed.effects[0], authority: .decision(transcribed.id)))
        #expect(early.reason.contains("applies when the Presidency confirms"))
        #expect(record.state.items["MPM-10.1"]?.leads == [.participant("MEX")])
        let now = record.entries.last!.recordedAt
        let pending = RevisionReport(edition: 1, base: base, entries: Array(record.entries[since...]), recordedAt: now)
        #expect(pending.differences.isEmpty)
        try record.confirm(transcribed.id)
        #expect(record.state.items["MPM-10.1"]?.leads == [.participant("CAN")])
        // Confirmed, the change is covered by the decision and the effect that declared it.
        let confirmed = RevisionReport(
            edition: 1, base: base, entries: Array(record.entries[since...]), recordedAt: now)
        #expect(
            confirmed.differences.map { "\($0.item) \($0.field) \($0.coveredBy?.rawValue ?? "-") \($0.effect ?? -1)" }
                == ["MPM-10.1 leads RCM-XX/8 0"])
    }

    @Test("a transcription needs a second person: only the Presidency confirms, and not as the transcriber")
    func transcriptionNeedsASecondPerson() throws {
        var record = try GovernanceFixture.record()
        let decision = Decision(
            meeting: "RCM-XX", paragraph: "8", kind: .decision, text: .en("Completes the workshop"),
            effects: [.changeStatus(item: "MPM-10.1", to: .completed)])
        try record.transcribe(decision)
        #expect(record.state.decisions[decision.id]?.status == .pending)
        #expect(
            record.refusal(of: .confirmDecision(decision.id), authority: .decision(decision.id))?.shape
                == .ruleViolation("actor.role", rule: "capacity"))
        let sameName = Actor(name: Fixture.secretariat.name, role: .presidency)
        #expect(
            record.refusal(of: .confirmDecision(decision.id), authority: .decision(decision.id), as: sameName)?.shape
                == .ruleViolation("actor.name", rule: "second-person"))
        try record.append(
            .rejectDecision(decision.id, reason: .en("The Declaration numbers it 9")),
            authority: .decision(decision.id), as: Fixture.presidency)
        #expect(record.state.decisions[decision.id]?.status == .rejected)
        #expect(record.state.items["MPM-10.1"]?.status == .approved)
        #expect(
            record.refusal(
                of: .confirmDecision(decision.id), authority: .decision(decision.id), as: Fixture.presidency)?
                .shape == .ruleViolation("decision", rule: "transcription-pending"))
        // A rejected transcription may be made again, and confirmed.
        try record.transcribe(decision)
        try record.confirm(decision.id)
        #expect(record.state.items["MPM-10.1"]?.status == .completed)
    }

    @Test("a meeting's decisions are recorded only once it has begun")
    func decisionsOnlyOnceTheMeetingHasBegun() throws {
        var record = try GovernanceFixture.record()
        // The fixture's entries are dated November 2023.
        try record.append(.addMeeting(Fixture.meeting("RCM-XL", of: "RCM", start: "2030-06-01")))
        try record.append(.addMeeting(Fixture.meeting("RCM-XLI", of: "RCM")))
        for meeting in ["RCM-XL", "RCM-XLI"] as [MeetingID] {
            let decision = Decision(meeting: meeting, paragraph: "1", kind: .decision, text: .en("Adopts"))
            #expect(
                record.refusal(of: .recordDecision(decision))?.shape
                    == .ruleViolation("decision.meeting", rule: "meeting-begun"))
        }
        // A draft may be tabled ahead of its meeting, but not adopted before it meets.
        var future = try #require(record.state.meetings["RCM-XL"])
        future.attendance = ["MEX"]
        try record.append(.amendMeeting(future))
        let draft = DraftDecision(meeting: "RCM-XL", paragraph: "1", kind: .decision, text: .en("Adopts"))
        try record.append(.tableDraft(draft))
        try GovernanceFixture.position(&record, draft.id, "MEX", .supports)
        #expect(
            record.refusal(of: .adoptDraft(draft.id), authority: .decision(draft.decisionID))?.shape
                == .ruleViolation("decision.meeting", rule: "meeting-begun"))
    }

    @Test("workplans are inside the rules: changed by a decision at their level, or their network's once delegated")
    func workplansUnderTheApprovalLevel() throws {
        var record = try GovernanceFixture.record()
        // A workplan the RCM adopted, like the Counter-Smuggling Work Plan.
        let adoption = try record.decide(
            [
                .addWorkplan(Workplan(id: "LON-WP", body: "LON-CP", title: .en("Work plan"), status: .approved)),
                .addItem(Fixture.item("WP-1", .area, workplan: "LON-WP")),
            ], at: "RCM-V", kind: .decision)
        let withdrawn = Workplan(id: "LON-WP", body: "LON-CP", title: .en("Work plan"), status: .withdrawn)
        let editorial = try #require(record.refusal(of: .amendWorkplan(withdrawn)))
        #expect(editorial.shape == .ruleViolation("workplan.status", rule: "approval-level"))
        #expect(editorial.reason.contains("workplan LON-WP was approved by \(adoption)"))
        #expect(
            record.refusal(
                of: .amendWorkplan(Workplan(id: "LON-WP", body: "LON-CP", title: .en("Plan"), status: .approved)))?
                .shape == .ruleViolation("workplan.title", rule: "approval-level"))

        // The network's own meeting cannot update it, nor give itself the power to, until the RCM delegates.
        let networkUpdate = [Change.addItem(Fixture.item("WP-2", .area, workplan: "LON-WP"))]
        var early = record
        #expect(throws: ChangeError.self) { try early.decide(networkUpdate, at: "LON-CP-2015") }
        var selfDelegated = record
        #expect(throws: ChangeError.self) {
            try selfDelegated.decide([.delegateWorkplanUpdates("LON-WP")], at: "LON-CP-2015")
        }
        #expect(
            record.refusal(of: .delegateWorkplanUpdates("LON-WP"))?.shape
                == .ruleViolation("change.kind", rule: "declared-effect"))
        let delegation = try record.decide([.delegateWorkplanUpdates("LON-WP")], at: "RCM-XX", kind: .decision)
        #expect(record.state.workplans["LON-WP"]?.updatesDelegatedBy == delegation)
        try record.decide(networkUpdate, at: "LON-CP-2015")
        #expect(record.state.items["WP-2"]?.status == .approved)
        // The delegation is the network's, not any lower body's: the RCGM still cannot end the workplan.
        var other = record
        #expect(throws: ChangeError.self) { try other.decide([.amendWorkplan(withdrawn)], at: "RCGM-2014-11") }
    }

    @Test("the plan as of a date applies the decisions dated up to it, whatever order they were typed in")
    func historyInTheOrderItHappened() throws {
        var record = try GovernanceFixture.record()
        // Typed now: the XX RCM (2015) completes MPM-10.1, then the V RCM (2000) is found to have approved HR.
        try record.decide([.changeStatus(item: "MPM-10.1", to: .completed)], at: "RCM-XX", kind: .decision)
        try record.decide([.changeStatus(item: "HR", to: .approved)], at: "RCM-V", kind: .decision)
        // A translation entered today counts from today.
        try record.append(.amendItem(ItemAmendment(number: "MPM-1", title: .en("Item MPM-1", es: "Punto MPM-1"))))

        let after2000 = ProcessState.replaying(record.entries, asOf: PartialDate("2000-03-24")!)
        #expect(after2000.items["HR"]?.status == .approved)
        #expect(after2000.items["MPM-1"] == nil, "the RCGM of 2014 approved it")
        #expect(after2000.items["MPM-10.1"]?.status == .approved)

        let after2015 = ProcessState.replaying(record.entries, asOf: PartialDate("2015-06-25")!)
        #expect(after2015.items["MPM-10.1"]?.status == .completed)
        #expect(after2015.items["MPM-1"]?.title[.es] == nil)

        let now = ProcessState.replaying(record.entries, asOf: PartialDate("2100")!)
        #expect(now.items == record.state.items)
        #expect(now.decisions == record.state.decisions)
    }
}

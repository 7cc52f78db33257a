import AccordCore
import Testing

/// Meetings that decide (DESIGN.md §3 rules 2–3), as the seeds describe them.
@Suite("Scenarios: meetings that decide")
struct DecisionScenarioTests {
    static let newLead = ItemAmendment(number: "MPM-10.1", leads: [.participant("CAN"), .secretariat])

    @Test("an RCGM conclusion that redefines an RCM-approved activity is refused, naming what is needed")
    func consultationGroupCannotRedefine() throws {
        var record = try GovernanceFixture.record()
        let draft = DraftDecision(
            meeting: "RCGM-2014-11", paragraph: "7", kind: .conclusion, text: .en("Canada leads the workshop"),
            effects: [.amendItem(Self.newLead)])
        try record.append(.tableDraft(draft))
        for member in ["MEX", "CAN", "USA"] as [ParticipantID] {
            try GovernanceFixture.position(&record, draft.id, member, .supports)
        }
        let refusal = try #require(record.refusal(of: .adoptDraft(draft.id), authority: .decision("RCGM-2014-11/7")))
        #expect(refusal.shape == .ruleViolation("effects[0].amendment.leads", rule: "approval-level"))
        // The refusal names the item, its approving decision and level, and the body that could do it.
        for words in ["MPM-10.1", "RCM-V/5", "vice-ministerial", "RCM", "RCGM-2014-11/7"] {
            #expect(refusal.reason.contains(words), "\(refusal.reason) lacks \(words)")
        }
        #expect(record.state.items["MPM-10.1"]?.leads == [.participant("MEX")])
        #expect(record.state.decisions["RCGM-2014-11/7"] == nil)
    }

    @Test("the same change at the RCM: refused while a reservation is pending, applied once it is lifted")
    func conferenceAdoptsByConsensus() throws {
        var record = try GovernanceFixture.record()
        let draft = DraftDecision(
            meeting: "RCM-XX", paragraph: "4.a", kind: .decision, text: .en("Canada leads the workshop"),
            effects: [.amendItem(Self.newLead)])
        try record.append(.tableDraft(draft))
        try GovernanceFixture.position(&record, draft.id, "MEX", .supports)
        try GovernanceFixture.position(&record, draft.id, "CAN", .supports)
        try GovernanceFixture.position(&record, draft.id, "USA", .reservation)

        let pending = try #require(record.refusal(of: .adoptDraft(draft.id), authority: .decision("RCM-XX/4.a")))
        #expect(pending.shape == .ruleViolation("positions", rule: "consensus"))
        #expect(pending.reason.contains("USA has a reservation pending domestic consultation"))
        #expect(Consensus(on: record.state.drafts[draft.id]!, in: record.state).reserving == ["USA"])

        try GovernanceFixture.position(&record, draft.id, "USA", .doesNotObject)
        let changed = try record.append(.adoptDraft(draft.id), authority: .decision("RCM-XX/4.a"))
        #expect(Set(changed) == [.draft(draft.id), .decision("RCM-XX/4.a"), .item("MPM-10.1")])
        #expect(record.state.items["MPM-10.1"]?.leads == Self.newLead.leads)
        let decision = try #require(record.state.decisions["RCM-XX/4.a"])
        #expect(decision.adoption?.joining == ["CAN", "MEX", "USA"])
        #expect(record.state.drafts[draft.id]?.status == .adopted)
        // The approval stays with the decision that approved the item; the change is traced by its entry.
        #expect(record.state.items["MPM-10.1"]?.approvedBy == GovernanceFixture.workshopApproval)
    }

    @Test("consensus needs every member state present: silence, an objection and an empty room block it")
    func consensusIsComputed() throws {
        var record = try GovernanceFixture.record()
        let draft = DraftDecision(meeting: "RCM-XX", paragraph: "5", kind: .decision, text: .en("Take note"))
        try record.append(.tableDraft(draft))
        try GovernanceFixture.position(&record, draft.id, "MEX", .supports)
        var consensus = Consensus(on: record.state.drafts[draft.id]!, in: record.state)
        #expect(consensus.silent == ["CAN", "USA"])
        #expect(!consensus.isReached)
        try GovernanceFixture.position(&record, draft.id, "CAN", .objects)
        try GovernanceFixture.position(&record, draft.id, "USA", .doesNotObject)
        consensus = Consensus(on: record.state.drafts[draft.id]!, in: record.state)
        #expect(consensus.objecting == ["CAN"])
        #expect(
            record.refusal(of: .adoptDraft(draft.id), authority: .decision("RCM-XX/5"))?.reason.contains("CAN objects")
                == true)
        // Observers present (IOM) never count.
        #expect(!consensus.present.contains("IOM"))
        try GovernanceFixture.position(&record, draft.id, "CAN", .supports)
        try record.append(.adoptDraft(draft.id), authority: .decision("RCM-XX/5"))
        #expect(record.state.decisions["RCM-XX/5"] != nil)
    }

    @Test("IACHR is admitted as an observer by a decision of the V RCM")
    func iachrAdmission() throws {
        var record = try GovernanceFixture.record()
        let admitted = MembershipEvent(
            kind: .observerOrganization, since: PartialDate("2000-03"), decision: "RCM-V/9",
            note: .en("Admitted as observer by the V RCM, Washington, March 2000"))
        let draft = DraftDecision(
            meeting: "RCM-V", paragraph: "9", kind: .declaration, text: .en("Admit the IACHR as observer"),
            effects: [
                .addParticipant(
                    Participant(
                        id: "IACHR", kind: .observerOrganization,
                        name: .en("Inter-American Commission on Human Rights"),
                        history: [admitted]))
            ])
        try record.append(.tableDraft(draft))
        for member in ["MEX", "CAN", "USA"] as [ParticipantID] {
            try GovernanceFixture.position(&record, draft.id, member, .supports)
        }
        #expect(record.state.participants["IACHR"] == nil)
        try record.append(.adoptDraft(draft.id), authority: .decision("RCM-V/9"))
        #expect(record.state.participants["IACHR"]?.history == [admitted])
        // As an observer it takes no position on a later draft.
        try record.append(
            .tableDraft(DraftDecision(meeting: "RCM-XX", paragraph: "1", kind: .decision, text: .en("X"))))
        var secretariat = record
        secretariat.actor = GovernanceFixture.secretariat
        let refusal = secretariat.refusal(
            of: .recordPosition(PositionStatement(draft: "RCM-XX/1", participant: "IACHR", position: .supports)),
            authority: .participant("IACHR"))
        #expect(refusal?.shape == .ruleViolation("position.participant", rule: "observers-take-no-position"))
    }

    @Test("positions: a delegate speaks only for its country; the Secretariat's record says it recorded it")
    func whoRecordsPositions() throws {
        var record = try GovernanceFixture.record()
        try record.append(
            .tableDraft(DraftDecision(meeting: "RCM-XX", paragraph: "2", kind: .decision, text: .en("X"))))
        let forCanada = Change.recordPosition(
            PositionStatement(draft: "RCM-XX/2", participant: "CAN", position: .objects))
        let byMexico = GovernanceFixture.refusal(
            record, forCanada, as: GovernanceFixture.delegate, authority: .participant("CAN"))
        #expect(byMexico?.shape == .ruleViolation("position.participant", rule: "own-delegation"))
        let wrongAuthority = GovernanceFixture.refusal(
            record, forCanada, as: GovernanceFixture.canadian, authority: .participant("MEX"))
        #expect(wrongAuthority?.shape == .ruleViolation("authority.participant", rule: "own-delegation"))

        try GovernanceFixture.append(
            &record, forCanada, as: GovernanceFixture.secretariat, authority: .participant("CAN"))
        #expect(record.state.drafts["RCM-XX/2"]?.position(of: "CAN")?.recordedBy == .secretariat)
        try GovernanceFixture.append(&record, forCanada, as: GovernanceFixture.canadian, authority: .participant("CAN"))
        let recorded = try #require(record.state.drafts["RCM-XX/2"]?.position(of: "CAN"))
        #expect(recorded.recordedBy == .delegation)
        #expect(recorded.recorder == "john.smith")
        #expect(record.state.drafts["RCM-XX/2"]?.positions.count == 1)
    }

    @Test("bad drafts and adoptions are refused with their rule")
    func badInput() throws {
        var record = try GovernanceFixture.record()
        // A paragraph nobody drafted.
        #expect(
            record.refusal(of: .adoptDraft("RCM-XX/77"), authority: .decision("RCM-XX/77"))?.shape
                == .unknownReference("draft"))
        // An effect on an archived item: MPM-2 is completed.
        let archived = DraftDecision(
            meeting: "RCM-XX", paragraph: "3", kind: .decision, text: .en("Rename"),
            effects: [.amendItem(ItemAmendment(number: "MPM-2", title: .en("Renamed")))])
        try record.append(.tableDraft(archived))
        for member in ["MEX", "CAN", "USA"] as [ParticipantID] {
            try GovernanceFixture.position(&record, archived.id, member, .supports)
        }
        #expect(
            record.refusal(of: .adoptDraft(archived.id), authority: .decision("RCM-XX/3"))?.shape
                == .ruleViolation("effects[0].amendment.number", rule: "archived-item"))
        // Adoption cites the decision it becomes, not another one.
        #expect(
            record.refusal(of: .adoptDraft(archived.id), authority: .decision(Fixture.viceMinisterial))?.shape
                == .ruleViolation("authority", rule: "adoption-authority"))
        // A draft whose effect is not a kind of effect.
        let wrongEffect = DraftDecision(
            meeting: "RCM-XX", paragraph: "4", kind: .decision, text: .en("X"), effects: [.approveAgenda("RCM-XX")])
        #expect(record.refusal(of: .tableDraft(wrongEffect))?.shape == .invalid("draft.effects[0]"))
        // A position from a member state that was not there.
        try record.append(
            .addMeeting(Fixture.meeting("RCM-XXI", of: "RCM", start: "2016-11-17", attendance: ["MEX", "CAN"])))
        let elsewhere = DraftDecision(meeting: "RCM-XXI", paragraph: "1", kind: .decision, text: .en("X"))
        try record.append(.tableDraft(elsewhere))
        let refusal = GovernanceFixture.refusal(
            record, .recordPosition(PositionStatement(draft: elsewhere.id, participant: "USA", position: .supports)),
            as: Actor(name: "us", role: .delegate, participant: "USA"), authority: .participant("USA"))
        #expect(refusal?.shape == .ruleViolation("position.participant", rule: "attendance"))
    }
}

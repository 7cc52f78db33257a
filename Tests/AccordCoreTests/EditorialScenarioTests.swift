import AccordCore
import Testing

/// Substantive against editorial, challenges, editions and the revision report (DESIGN.md §3 rules 1, 2, 4, 6).
@Suite("Scenarios: editorial changes, challenges and editions")
struct EditorialScenarioTests {
    static let translation = ItemAmendment(
        number: "MPM-10.1",
        title: .en("Workshop on returns", es: "Taller sobre el retorno", fr: "Atelier sur les retours"))

    @Test(
        "weights: translations, formatting and typo fixes are editorial; the agreed text, numbers and leads are not",
        arguments: [
            ("Workshop on returns", "Workshop  on Returns.", true),
            ("Workshop on retruns", "Workshop on returns", true),
            ("Workshop on returns in 2015", "Workshop on returns in 2016", false),
            ("Workshop on returns", "Seminar on returns", false),
            ("Workshop on returns", "Workshop on regional returns", false),
        ])
    func wording(before: String, after: String, editorial: Bool) {
        #expect(Substance.isWording(before, after) == editorial)
    }

    @Test("an editorial change may translate an approved item but not redefine it")
    func editorialLimits() throws {
        var record = try GovernanceFixture.record()
        try record.append(.amendItem(Self.translation))
        #expect(record.state.editorials[record.state.sequence]?.item == "MPM-10.1")

        let redefine = ItemAmendment(number: "MPM-10.1", title: .en("Seminar on returns"))
        let refusal = try #require(record.refusal(of: .amendItem(redefine)))
        #expect(refusal.shape == .ruleViolation("amendment.title.en", rule: "approval-level"))
        #expect(refusal.reason.contains("substantive, not editorial"))
        #expect(refusal.reason.contains("RCM-V/3"))
        #expect(
            record.refusal(of: .amendItem(ItemAmendment(number: "MPM-10.1", leads: [.secretariat])))?.shape
                == .ruleViolation("amendment.leads", rule: "approval-level"))
        // Reporting progress is editorial; ending the commitment is not.
        try record.append(.changeStatus(item: "MPM-10.1", to: .ongoing))
        #expect(
            record.refusal(of: .changeStatus(item: "MPM-10.1", to: .withdrawn))?.shape
                == .ruleViolation("status", rule: "approval-level"))
        #expect(
            record.refusal(
                of: .changeStatus(item: "MPM-10.1", to: .withdrawn), authority: .decision(Fixture.consultation))?
                .shape == .ruleViolation("status", rule: "approval-level"))
        try record.append(
            .changeStatus(item: "MPM-10.1", to: .completed), authority: .decision(Fixture.viceMinisterial))
        // A proposal is not yet a commitment: the Secretariat may reword it freely.
        try record.append(.amendItem(ItemAmendment(number: "HR", title: .en("Human Rights of Migrants"))))
    }

    @Test("a challenged editorial change is held: the item reverts, cannot change, and blocks an edition until settled")
    func challenge() throws {
        var record = try GovernanceFixture.record()
        let original = record.state.items["MPM-10.1"]!
        try record.append(.amendItem(Self.translation))
        let sequence = record.state.sequence
        let challenge = Change.challengeEditorial(
            ChallengeStatement(sequence: sequence, participant: "MEX", reason: .es("«el retorno» cambia el alcance")))
        // Only a member state challenges, through its delegate or the Secretariat.
        #expect(
            GovernanceFixture.refusal(
                record,
                .challengeEditorial(ChallengeStatement(sequence: sequence, participant: "IOM", reason: .en("x"))),
                as: GovernanceFixture.secretariat, authority: .participant("IOM"))?.shape
                == .ruleViolation("challenge.participant", rule: "member-challenges"))
        try GovernanceFixture.append(&record, challenge, as: GovernanceFixture.delegate, authority: .participant("MEX"))
        let id = Challenge.id(of: sequence)
        #expect(record.state.challenges[id]?.status == .held)
        #expect(record.state.items["MPM-10.1"] == original)
        #expect(
            record.refusal(of: .amendItem(Self.translation))?.shape
                == .ruleViolation("amendment.number", rule: "held-change"))

        try record.append(.recordDecision(Fixture.decision("RCM-XX", "8", kind: .decision)))
        let edition = Edition(
            number: 1, title: .en("Plan of Action 2015"), date: PartialDate("2015-06")!, position: record.state.sequence
        )
        let blocked = try #require(record.refusal(of: .publishEdition(edition), authority: .decision("RCM-XX/8")))
        #expect(blocked.shape == .ruleViolation("edition", rule: "revision-report"))
        #expect(blocked.reason.contains(id.rawValue))

        // A decision below the item's level cannot confirm it; the RCM can, or can reject it.
        #expect(
            record.refusal(of: .settleChallenge(id, .confirm), authority: .decision(Fixture.consultation))?.shape
                == .ruleViolation("authority", rule: "approval-level"))
        var confirmed = record
        try confirmed.append(.settleChallenge(id, .confirm), authority: .decision("RCM-XX/8"))
        #expect(confirmed.state.items["MPM-10.1"]?.title == Self.translation.title)
        try record.append(.settleChallenge(id, .reject), authority: .decision("RCM-XX/8"))
        #expect(record.state.items["MPM-10.1"] == original)
        #expect(record.state.challenges[id]?.settledBy == "RCM-XX/8")
        try record.append(.publishEdition(edition), authority: .decision("RCM-XX/8"))
        #expect(record.state.editions[1]?.approvedBy == "RCM-XX/8")
    }

    @Test("an edition needs a decision of the conference, the next number and a position already reached")
    func editions() throws {
        var record = try GovernanceFixture.record()
        let edition = Edition(number: 1, title: .en("Plan of Action"), date: PartialDate("2015")!, position: 5)
        #expect(
            record.refusal(of: .publishEdition(edition))?.shape == .ruleViolation("authority", rule: "edition-approval")
        )
        #expect(
            record.refusal(of: .publishEdition(edition), authority: .decision(Fixture.consultation))?.shape
                == .ruleViolation("authority", rule: "edition-approval"))
        var second = edition
        second.number = 2
        #expect(
            record.refusal(of: .publishEdition(second), authority: .decision(Fixture.viceMinisterial))?.shape
                == .invalid("edition.number"))
        var future = edition
        future.position = 10_000
        #expect(
            record.refusal(of: .publishEdition(future), authority: .decision(Fixture.viceMinisterial))?.shape
                == .invalid("edition.position"))
        try record.append(.publishEdition(edition), authority: .decision(Fixture.viceMinisterial))
        #expect(
            record.refusal(of: .publishEdition(second), authority: .decision(Fixture.viceMinisterial))?.shape
                == .invalid("edition.position"))
    }

    @Test("the revision report lists each substantive difference with the agreement that covers it")
    func revisionReport() throws {
        var record = try GovernanceFixture.record()
        let base = record.state
        let since = record.entries.count
        try record.append(.amendItem(Self.translation))
        try record.append(
            .amendItem(ItemAmendment(number: "MPM-10.1", leads: [.participant("CAN")])),
            authority: .decision(Fixture.viceMinisterial))
        try record.append(
            .addItem(Fixture.item("MPM-10.2", .activity, under: "MPM-10")), authority: .decision(Fixture.consultation))
        let now = Timestamp(millisecondsSince1970: Fixture.epoch)
        let clean = RevisionReport(edition: 1, base: base, entries: Array(record.entries[since...]), recordedAt: now)
        #expect(!clean.isBlocked)
        #expect(clean.editorialDifferences == 2)
        #expect(
            clean.differences.map { "\($0.item) \($0.field) \($0.coveredBy?.rawValue ?? "-")" } == [
                "MPM-10.1 leads RCM-V/3", "MPM-10.2 added RCGM-2014-11/4.b",
            ])

        // A draft revision that redefines MPM-10.1 on an RCGM conclusion: shown, uncovered, and blocking.
        let draft = [
            ProposedChange(
                .amendItem(ItemAmendment(number: "MPM-10.1", title: .en("Seminar on returns"))),
                by: GovernanceFixture.secretariat, authority: .decision(Fixture.consultation)),
            ProposedChange(
                .changeStatus(item: "MPM-999", to: .completed), by: GovernanceFixture.secretariat,
                authority: .decision(Fixture.viceMinisterial)),
        ]
        let report = RevisionReport(
            edition: 1, base: base, entries: Array(record.entries[since...]), draft: draft, recordedAt: now)
        #expect(report.isBlocked)
        let uncovered = try #require(report.differences.first { $0.field == "title.en" })
        #expect(uncovered.coveredBy == nil)
        #expect(uncovered.draftIndex == 0)
        #expect(uncovered.after == "Seminar on returns")
        #expect(uncovered.problem?.contains("RCM-V/3") == true)
        #expect(report.refusals.map(\.draftIndex) == [1])
    }
}

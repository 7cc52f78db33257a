import AccordCore
import Testing

/// A dictionary of a few words per language, standing in for hunspell in Core's tests (Core has no I/O; the
/// store's tests use the real dictionaries).
struct WordList: Lexicon {
    var words: [Language: Set<String>]

    static let sample = WordList(words: [
        .en: [
            "workshop", "Workshop", "on", "returns", "regular", "irregular", "migration", "Migration", "seminar",
            "without", "with", "every", "two", "years", "migrants", "lawful", "unlawful",
        ],
        .es: ["taller", "sobre", "retornos", "migración", "regular", "irregular"],
    ])

    /// Like hunspell, a word known in lowercase is known capitalized too.
    func contains(_ word: String, in language: Language) -> Bool {
        words[language]?.contains(word) == true || words[language]?.contains(word.lowercased()) == true
    }
}

/// Substantive against editorial, challenges, editions and the revision report (DESIGN.md §3 rules 1, 2, 4, 6).
@Suite("Scenarios: editorial changes, challenges and editions")
struct EditorialScenarioTests {
    static let translation = ItemAmendment(
        number: "MPM-10.1",
        title: .en("Workshop on returns", es: "Taller sobre el retorno", fr: "Atelier sur les retours"))

    @Test(
        "weights: translations, formatting and dictionary-verified typo fixes are editorial; meaning is not",
        arguments: [
            ("Workshop on returns", "Workshop  on Returns.", true),
            ("Workshop on retruns", "Workshop on returns", true),
            ("Workshop on returns in 2015", "Workshop on returns in 2016", false),
            ("Workshop on returns", "Seminar on returns", false),
            ("Workshop on returns", "Workshop on regional returns", false),
            // "regular" is a word: turning it into its opposite is never a typo fix.
            ("Regular migration", "Irregular migration", false),
            // Not a word either way round, but the fix would negate a word: substantive.
            ("Rregular migration", "Irregular migration", false),
            // Negations and numbers are never fixed silently, whatever the dictionary says.
            ("Workshop wihtout migrants", "Workshop without migrants", false),
            ("Workshop every tow years", "Workshop every two years", false),
            // A fix must stay within a letter or two of the misspelling.
            ("Workshop on rtxqzs", "Workshop on returns", false),
        ])
    func wording(before: String, after: String, editorial: Bool) {
        #expect(Substance.isWording(before, after, in: .en, lexicon: WordList.sample) == editorial)
    }

    @Test("without a dictionary no typo fix is verifiable: the rules fail closed")
    func noDictionary() {
        #expect(!Substance.isWording("Workshop on retruns", "Workshop on returns", in: .en))
        #expect(Substance.isWording("Workshop on returns", "Workshop  on Returns.", in: .en))
    }

    @Test("\"regular\" → \"irregular\" in an approved title is substantive, refused as an editorial typo fix")
    func regularToIrregular() throws {
        var record = try GovernanceFixture.record()
        record.lexicon = WordList.sample
        try record.decide(
            [
                .addItem(
                    PlanItem(
                        number: "MPM-10.2", kind: .activity, parent: "MPM-10", title: .en("Regular migration"),
                        status: .approved))
            ],
            at: "RCM-XX", kind: .decision)
        let refusal = try #require(
            record.refusal(of: .amendItem(ItemAmendment(number: "MPM-10.2", title: .en("Irregular migration")))))
        #expect(refusal.shape == .ruleViolation("amendment.title.en", rule: "approval-level"))
        // A real misspelling of the same item is fixed editorially, and stays open to challenge.
        try record.decide(
            [
                .addItem(
                    PlanItem(
                        number: "MPM-10.3", kind: .activity, parent: "MPM-10", title: .en("Workshop on retruns"),
                        status: .approved))
            ],
            at: "RCM-XX", kind: .decision)
        try record.append(.amendItem(ItemAmendment(number: "MPM-10.3", title: .en("Workshop on returns"))))
        #expect(record.state.editorialsOpenToChallenge().first?.item == "MPM-10.3")
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
        #expect(refusal.reason.contains("RCM-V/5"))
        #expect(
            record.refusal(of: .amendItem(ItemAmendment(number: "MPM-10.1", leads: [.secretariat])))?.shape
                == .ruleViolation("amendment.leads", rule: "approval-level"))
        // The Secretariat's note is not the agreed text: editorial.
        try record.append(.amendItem(ItemAmendment(number: "MPM-10.1", note: .en("Held in Mexico City (source X)."))))
        // Reporting progress is editorial; ending the commitment is not.
        try record.append(.changeStatus(item: "MPM-10.1", to: .ongoing))
        #expect(
            record.refusal(of: .changeStatus(item: "MPM-10.1", to: .withdrawn))?.shape
                == .ruleViolation("status", rule: "approval-level"))
        // An RCGM decision declaring the withdrawal is below the RCM's level.
        var below = record
        #expect(
            throws: ChangeError.self,
            performing: { try below.decide([.changeStatus(item: "MPM-10.1", to: .withdrawn)], at: "RCGM-2014-11") })
        try record.decide([.changeStatus(item: "MPM-10.1", to: .completed)], at: "RCM-XX", kind: .decision)
        #expect(record.state.items["MPM-10.1"]?.status == .completed)
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

        let edition = Edition(
            number: 1, title: .en("Plan of Action 2015"), date: PartialDate("2015-06")!, position: record.state.sequence
        )
        let blocked = try #require(record.refusal(of: .proposeEdition(edition)))
        #expect(blocked.shape == .ruleViolation("edition", rule: "revision-report"))
        #expect(blocked.reason.contains(id.rawValue))

        // A settlement is a decision's declared effect, never an entry of its own.
        #expect(
            record.refusal(of: .settleChallenge(id, .reject))?.shape
                == .ruleViolation("change.kind", rule: "declared-effect"))
        // A decision below the item's level cannot confirm it; the RCM can, or can reject it.
        var below = record
        let confirmation = Decision(
            meeting: "RCGM-2014-11", paragraph: "9", kind: .conclusion, text: .en("Confirms"),
            effects: [.settleChallenge(id, .confirm)])
        try below.transcribe(confirmation)
        #expect(
            GovernanceFixture.refusal(
                below, .confirmDecision(confirmation.id), as: Fixture.presidency,
                authority: .decision(confirmation.id))?.shape
                == .ruleViolation("effects[0].authority", rule: "approval-level"))
        var confirmed = record
        try confirmed.decide([.settleChallenge(id, .confirm)], at: "RCM-XX", paragraph: "8", kind: .decision)
        #expect(confirmed.state.items["MPM-10.1"]?.title == Self.translation.title)
        let rejection = try record.decide(
            [.settleChallenge(id, .reject), .approveRevisedPlan], at: "RCM-XX", paragraph: "8", kind: .decision)
        #expect(record.state.items["MPM-10.1"] == original)
        #expect(record.state.challenges[id]?.settledBy == rejection)
        var unblocked = edition
        unblocked.position = record.state.sequence
        try record.append(.proposeEdition(unblocked))
        try record.append(.approveEdition(1), authority: .decision(rejection), as: Fixture.presidency)
        #expect(record.state.editions[1]?.approvedBy == "RCM-XX/8")
        #expect(record.state.editions[1]?.isPublished == true)
    }

    @Test("an edition in two steps: the Secretariat proposes, the Presidency approves on a decision that declares it")
    func editions() throws {
        var record = try GovernanceFixture.record()
        let edition = Edition(number: 1, title: .en("Plan of Action"), date: PartialDate("2015")!, position: 5)
        // The Secretariat alone can no longer publish: it proposes, and a proposal is not published.
        try record.append(.proposeEdition(edition))
        #expect(record.state.editions[1]?.isPublished == false)
        #expect(
            record.refusal(of: .approveEdition(1), authority: .decision(Fixture.viceMinisterial))?.shape
                == .ruleViolation("actor.role", rule: "capacity"))
        // The Presidency cites a decision of the highest level that declares the approval of a revised plan.
        let presidency = Fixture.presidency
        #expect(
            GovernanceFixture.refusal(
                record, .approveEdition(1), as: presidency, authority: .decision(Fixture.viceMinisterial))?.shape
                == .ruleViolation("authority.decision", rule: "declared-effect"))
        #expect(
            GovernanceFixture.refusal(record, .approveEdition(1), as: presidency, authority: .editorial(reason: "ok"))?
                .shape == .ruleViolation("authority", rule: "edition-approval"))
        let low = Decision(
            meeting: "RCGM-2014-11", paragraph: "20", kind: .conclusion, text: .en("Approves the plan"),
            effects: [.approveRevisedPlan])
        try record.transcribe(low)
        #expect(
            GovernanceFixture.refusal(record, .confirmDecision(low.id), as: presidency, authority: .decision(low.id))?
                .shape == .ruleViolation("effects[0].authority", rule: "approval-level"))
        let approval = try record.decide([.approveRevisedPlan], at: "RCM-XX", kind: .decision)
        // A pending transcription authorizes nothing yet.
        let pending = Decision(
            meeting: "RCM-XX", paragraph: "30", kind: .decision, text: .en("Approves"), effects: [.approveRevisedPlan])
        try record.transcribe(pending)
        #expect(
            GovernanceFixture.refusal(record, .approveEdition(1), as: presidency, authority: .decision(pending.id))?
                .shape == .ruleViolation("authority.decision", rule: "edition-approval"))

        var second = edition
        second.number = 2
        #expect(record.refusal(of: .proposeEdition(second))?.shape == .invalid("edition.number"))
        var future = edition
        future.position = 10_000
        #expect(record.refusal(of: .proposeEdition(future))?.shape == .invalid("edition.position"))
        try record.append(.approveEdition(1), authority: .decision(approval), as: presidency)
        #expect(record.state.editions[1]?.approvedBy == approval)
        second.position = record.state.sequence
        try record.append(.proposeEdition(second))
        // One edition per declaration: the same decision does not approve a second one.
        #expect(
            GovernanceFixture.refusal(record, .approveEdition(2), as: presidency, authority: .decision(approval))?
                .shape == .ruleViolation("authority.decision", rule: "edition-approval"))
    }

    @Test("the revision report lists each substantive difference with the decision whose effect made it")
    func revisionReport() throws {
        var record = try GovernanceFixture.record()
        let base = record.state
        let since = record.entries.count
        try record.append(.amendItem(Self.translation))
        let leads = try record.decide(
            [.amendItem(ItemAmendment(number: "MPM-10.1", leads: [.participant("CAN")]))], at: "RCM-XX",
            kind: .decision)
        let added = try record.decide(
            [.addItem(Fixture.item("MPM-10.2", .activity, under: "MPM-10"))], at: "RCGM-2014-11")
        let now = Timestamp(millisecondsSince1970: Fixture.epoch)
        let clean = RevisionReport(edition: 1, base: base, entries: Array(record.entries[since...]), recordedAt: now)
        #expect(!clean.isBlocked)
        #expect(clean.editorialDifferences == 2)
        #expect(
            clean.differences.map { "\($0.item) \($0.field) \($0.coveredBy?.rawValue ?? "-") \($0.effect ?? -1)" } == [
                "MPM-10.1 leads \(leads) 0", "MPM-10.2 added \(added) 0",
            ])

        // A draft revision that redefines MPM-10.1 citing a decision that declares no such change: shown,
        // uncovered, and blocking.
        let draft = [
            ProposedChange(
                .amendItem(ItemAmendment(number: "MPM-10.1", title: .en("Seminar on returns"))),
                by: GovernanceFixture.secretariat, authority: .decision(Fixture.consultation)),
            ProposedChange(
                .changeStatus(item: "MPM-999", to: .completed), by: GovernanceFixture.secretariat,
                authority: .editorial(reason: "cleanup")),
        ]
        let report = RevisionReport(
            edition: 1, base: base, entries: Array(record.entries[since...]), draft: draft, recordedAt: now)
        #expect(report.isBlocked)
        let uncovered = try #require(report.differences.first { $0.field == "title.en" })
        #expect(uncovered.coveredBy == nil)
        #expect(uncovered.draftIndex == 0)
        #expect(uncovered.after == "Seminar on returns")
        #expect(uncovered.problem?.contains("RCGM-2014-11/4.b declares no change to MPM-10.1") == true)
        #expect(report.refusals.map(\.draftIndex) == [1])
    }
}

import AccordCore
import Testing

/// Proposals and comments: Mexico proposes, Canada comments, observers only where invited.
@Suite("Scenarios: proposals and comments")
struct ProposalScenarioTests {
    static let proposal = Proposal(
        id: "MEX-REVIEW", submitter: "MEX", title: .es("Revisar, depurar y actualizar el Plan de Acción"),
        tabledFor: "RCM-XX", invited: [],
        items: [
            ProposalItem(number: 1, text: .en("Cooperation on migration management best practices")),
            ProposalItem(
                number: 2, text: .en("Convergence of repatriation processes"), target: Placement(parent: "MPM")),
        ])

    static func comment(_ item: Int, by participant: ParticipantID, _ stance: Stance = .supportsWithChanges) -> Change {
        .fileComment(
            Comment(
                proposal: "MEX-REVIEW", item: item, participant: participant, stance: stance,
                text: .en("Under Migration Policies and Management"), placement: Placement(parent: "MPM-10")))
    }

    static func proposed() throws -> Recorder {
        var record = try GovernanceFixture.record()
        try GovernanceFixture.append(
            &record, .submitProposal(proposal), as: GovernanceFixture.delegate, authority: .participant("MEX"))
        return record
    }

    @Test("a member state's delegate submits; another comments on each item; the matrix shows who answered")
    func commentMatrix() throws {
        var record = try Self.proposed()
        try GovernanceFixture.append(
            &record, Self.comment(1, by: "CAN"), as: GovernanceFixture.canadian, authority: .participant("CAN"))
        try GovernanceFixture.append(
            &record, Self.comment(2, by: "CAN", .hasConcerns), as: GovernanceFixture.canadian,
            authority: .participant("CAN"))
        // Filing again replaces Canada's comment on item 2; the ledger keeps both.
        try GovernanceFixture.append(
            &record, Self.comment(2, by: "CAN", .supports), as: GovernanceFixture.canadian,
            authority: .participant("CAN"))
        let matrix = try #require(CommentMatrix(of: "MEX-REVIEW", in: record.state))
        #expect(matrix.participants == ["CAN", "USA"])
        #expect(
            matrix.rows.map { $0.cells.map { $0.stance?.rawValue ?? "-" } } == [
                ["supports-with-changes", "-"], ["supports", "-"],
            ])
        // The proposal is on the agenda of the meeting it is tabled for.
        let agenda = try #require(Agenda.suggested(for: "RCM-XX", in: record.state, today: PartialDate("2015-01-01")!))
        #expect(agenda.items.contains { $0.source == .proposal && $0.reference == "MEX-REVIEW" })
    }

    @Test("refused: an observer not invited, a delegate for another country, a missing item, a withdrawn proposal")
    func refusals() throws {
        var record = try Self.proposed()
        #expect(
            GovernanceFixture.refusal(
                record, Self.comment(1, by: "IOM"), as: GovernanceFixture.secretariat, authority: .participant("IOM"))?
                .shape == .ruleViolation("comment.participant", rule: "observer-invited"))
        #expect(
            GovernanceFixture.refusal(
                record, Self.comment(1, by: "CAN"), as: GovernanceFixture.delegate, authority: .participant("CAN"))?
                .shape == .ruleViolation("comment.participant", rule: "own-delegation"))
        #expect(
            GovernanceFixture.refusal(
                record, Self.comment(3, by: "CAN"), as: GovernanceFixture.canadian, authority: .participant("CAN"))?
                .shape == .unknownReference("comment.item"))
        // A comment is the participant's own act: an editorial authority does not carry it.
        #expect(
            GovernanceFixture.refusal(
                record, Self.comment(1, by: "CAN"), as: GovernanceFixture.secretariat, authority: Fixture.editorial)?
                .shape == .ruleViolation("authority", rule: "authority-kind"))
        // Only Mexico (or the Secretariat for it) withdraws Mexico's proposal; then it takes no comment.
        #expect(
            GovernanceFixture.refusal(
                record, .withdrawProposal("MEX-REVIEW"), as: GovernanceFixture.canadian, authority: .participant("CAN"))?
                .shape == .ruleViolation("authority.participant", rule: "own-delegation"))
        try GovernanceFixture.append(
            &record, .withdrawProposal("MEX-REVIEW"), as: GovernanceFixture.delegate, authority: .participant("MEX"))
        #expect(
            GovernanceFixture.refusal(
                record, Self.comment(1, by: "CAN"), as: GovernanceFixture.canadian, authority: .participant("CAN"))?
                .shape == .ruleViolation("comment.proposal", rule: "proposal-open"))
    }

    @Test("an invited observer comments; an observer never submits")
    func observers() throws {
        var invited = Self.proposal
        invited.id = "MEX-INVITED"
        invited.invited = ["IOM"]
        var record = try GovernanceFixture.record()
        try GovernanceFixture.append(
            &record, .submitProposal(invited), as: GovernanceFixture.secretariat, authority: .participant("MEX"))
        let iom = Actor(name: "iom.liaison", role: .observer, participant: "IOM")
        try GovernanceFixture.append(
            &record,
            .fileComment(
                Comment(
                    proposal: "MEX-INVITED", item: 1, participant: "IOM", stance: .supports, text: .en("IOM can help"))),
            as: iom, authority: .participant("IOM"))
        #expect(record.state.comments["MEX-INVITED/1/IOM"] != nil)
        var byObserver = Self.proposal
        byObserver.id = "IOM-1"
        byObserver.submitter = "IOM"
        #expect(
            GovernanceFixture.refusal(record, .submitProposal(byObserver), as: iom, authority: .participant("IOM"))?
                .shape
                == .ruleViolation("proposal.submitter", rule: "member-proposes"))
    }
}

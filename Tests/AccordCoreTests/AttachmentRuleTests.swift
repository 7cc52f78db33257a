import AccordCore
import Testing

/// Who may attach what (issue 19 §2): the Secretariat to anything, a delegation to its own country's
/// proposals and comments only; and an attachment is read by whoever reads what it is attached to.
@Suite("Attachment rules")
struct AttachmentRuleTests {
    static let digest = String(repeating: "5e", count: 32)

    static func file(_ number: Int, to kind: AttachmentTarget.Kind, _ id: String, name: String = "anexo.pdf")
        -> Change
    {
        .attachFile(
            AccordCore.Attachment(
                number: number, target: AttachmentTarget(kind: kind, id: id), name: name,
                mediaType: "application/pdf", bytes: 1_024, sha256: digest))
    }

    @Test("a delegation attaches to its own proposal, never to another's or to a meeting")
    func ownDocuments() throws {
        var record = try ProposalScenarioTests.proposed()
        let mexico = GovernanceFixture.delegate
        let canada = GovernanceFixture.canadian
        try GovernanceFixture.append(
            &record, Self.file(1, to: .proposal, "MEX-REVIEW"), as: mexico, authority: .participant("MEX"))
        #expect(record.state.attachments[1]?.attached?.by == mexico.name)
        #expect(record.state.attachments(to: AttachmentTarget(kind: .proposal, id: "MEX-REVIEW")).count == 1)

        // Canada's delegate on Mexico's proposal, under either authority.
        let forMexico = GovernanceFixture.refusal(
            record, Self.file(2, to: .proposal, "MEX-REVIEW"), as: canada, authority: .participant("MEX"))
        #expect(forMexico?.field == "attachment.target")
        #expect(
            GovernanceFixture.refusal(
                record, Self.file(2, to: .proposal, "MEX-REVIEW"), as: canada, authority: .participant("CAN"))
                != nil)
        // A meeting's documents are the Secretariat's.
        let meeting = GovernanceFixture.refusal(
            record, Self.file(2, to: .meeting, "RCM-XX"), as: mexico, authority: Fixture.editorial)
        #expect(meeting?.field == "actor.role")
        #expect(
            GovernanceFixture.refusal(
                record, Self.file(2, to: .meeting, "RCM-XX"), as: GovernanceFixture.secretariat,
                authority: Fixture.editorial) == nil)
        // The Secretariat on Mexico's behalf, under Mexico's authority.
        #expect(
            GovernanceFixture.refusal(
                record, Self.file(2, to: .proposal, "MEX-REVIEW"), as: GovernanceFixture.secretariat,
                authority: .participant("MEX")) == nil)
    }

    @Test("the target must exist, the name be plain, the number the next")
    func checkedFields() throws {
        let record = try ProposalScenarioTests.proposed()
        let ts = GovernanceFixture.secretariat
        func field(_ change: Change) -> String? {
            GovernanceFixture.refusal(record, change, as: ts, authority: Fixture.editorial)?.field
        }
        #expect(field(Self.file(1, to: .meeting, "RCM-NONE")) == "attachment.target.id")
        #expect(field(Self.file(1, to: .decision, "RCM-XX/99")) == "attachment.target.id")
        #expect(field(Self.file(1, to: .meeting, "RCM-XX", name: "../etc/passwd")) == "attachment.name")
        #expect(field(Self.file(1, to: .meeting, "RCM-XX", name: "a\r\nb.pdf")) == "attachment.name")
        #expect(field(Self.file(1, to: .meeting, "RCM-XX", name: "a\"b.pdf")) == "attachment.name")
        #expect(field(Self.file(2, to: .meeting, "RCM-XX")) == "attachment.number")
        var html = AccordCore.Attachment(
            number: 1, target: AttachmentTarget(kind: .meeting, id: "RCM-XX"), name: "a.html", mediaType: "text/html",
            bytes: 10, sha256: Self.digest)
        #expect(field(.attachFile(html)) == "attachment.mediaType")
        html.mediaType = "application/pdf"
        html.attached = .init(sequence: 1, by: "someone else", at: Timestamp(millisecondsSince1970: 0))
        #expect(field(.attachFile(html)) == "attachment.attached")
    }

    @Test("the public reads a proposal's files only where it reads the proposal")
    func readership() throws {
        var record = try ProposalScenarioTests.proposed()
        try GovernanceFixture.append(
            &record, Self.file(1, to: .proposal, "MEX-REVIEW"), as: GovernanceFixture.delegate,
            authority: .participant("MEX"))
        try GovernanceFixture.append(
            &record, Self.file(2, to: .meeting, "RCM-XX"), as: GovernanceFixture.secretariat,
            authority: Fixture.editorial)
        let outside = record.state.published(for: .outside(invited: nil))
        #expect(outside.attachments.keys.sorted() == [2])
        #expect(outside.lastChanged[.attachment(1)] == nil)
        #expect(record.state.published(for: .workingSide).attachments.count == 2)
    }
}

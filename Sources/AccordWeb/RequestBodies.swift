import AccordCore
import AccordStatistics
import Foundation
import NIOCore

/// Every kind of body Accord reads from a request, each read as its route reads it: the API's JSON bodies
/// through `JSONBody.decode`, the pages' forms through `FormBody.decode`, and the agenda editor's numbered
/// fields through `AgendaEditor.edited`.
///
/// The fuzz targets `accord-fuzz json` and `accord-fuzz form` feed outside bytes through these lists, so they
/// reach every decoder a client can reach, and learn from each outcome which inputs get further. A route that
/// reads a new kind of body adds it here.
package enum RequestBodies {
    /// Reads `bytes` as every JSON body of the API: for each kind, `accepted`, or the field its refusal names.
    package static func readJSON(_ bytes: [UInt8]) -> [String] {
        let buffer = ByteBuffer(bytes: bytes)
        func read<T: Decodable>(_ type: T.Type) -> String {
            outcome(T.self) { _ = try JSONBody.decode(buffer, as: T.self) }
        }
        return [
            // The record routes' POST and PUT bodies, one per entity.
            read(Signed<Keyed<Participant>>.self), read(Signed<Keyed<Body>>.self), read(Signed<Keyed<Meeting>>.self),
            read(Signed<Keyed<Decision>>.self), read(Signed<Keyed<Workplan>>.self), read(Signed<Keyed<Proposal>>.self),
            read(Signed<Keyed<StandingItem>>.self), read(Signed<Keyed<Edition>>.self),
            read(Signed<Keyed<PlanItem>>.self),
            // The other routes' bodies.
            read(Signed<Keyed<Comment>>.self), read(Signed<Keyed<Agenda>>.self),
            read(Signed<Keyed<DraftDecision>>.self), read(Signed<NoFields>.self),
            read(Signed<ItemController.AmendmentBody>.self), read(Signed<ItemController.StatusBody>.self),
            read(Signed<DecisionController.PositionBody>.self), read(Signed<EditionController.ChallengeBody>.self),
            read(Signed<EditionController.SettlementBody>.self), read(EditionController.DraftBody.self),
            read(Signed<ExportController.ImportBody>.self), read(SessionController.Credentials.self),
            read(LedgerController.CosignatureBody.self), read(Signed<DecisionController.RejectBody>.self),
            // The statistics' bodies (the uploaded files themselves are read by AccordStatistics).
            read(StatisticsController.PublishBody.self), read(SpreadsheetMapping.self),
            read(Signed<StatisticsController.CodeBody>.self),
            // Marking the changes since the last visit as seen.
            read(VisitController.MarkSeenBody.self),
            // The Secretariat's accounts and tokens.
            read(AccountController.CreateBody.self), read(AccountController.UpdateBody.self),
            read(AccountController.TokenBody.self),
        ]
    }

    /// Reads `text` as every page form: for each kind, `accepted`, or the field its refusal names.
    package static func readForm(_ text: String) -> [String] {
        func read<T: Decodable>(_ type: T.Type) -> String {
            outcome(T.self) { _ = try FormBody.decode(text, as: T.self) }
        }
        var outcomes = [
            read(PageFormGuard.AntiForgery.self), read(SignInPages.Credentials.self),
            read(ProposalForms.ProposalFields.self), read(ProposalForms.CommentFields.self),
            read(PositionForms.PositionFields.self), read(PositionForms.AdoptionFields.self),
            read(ChallengeForms.ChallengeFields.self), read(ChallengeForms.SettlementFields.self),
            read(MeetingPages.DecisionFields.self), read(TranscriptionForms.ReviewFields.self),
            read(EditionForms.ProposalFields.self), read(EditionForms.ApprovalFields.self),
            read(ChangesPage.SeenFields.self),
            read(AccountPages.AccountFields.self), read(AccountPages.StateFields.self),
            read(AccountPages.TokenFields.self),
        ]
        // The agenda editor reads its numbered fields from a dictionary, against the agenda it edits.
        if let fields = try? FormBody.decode(text, as: [String: String].self) {
            outcomes.append(
                outcome(Agenda.self) { _ = try AgendaEditor.edited(editedAgenda, fields: fields, language: .en) })
            // Which of the fields the forms read the text holds (the editor's rows by name, without their number).
            outcomes += fields.keys.map { $0.filter { !$0.isNumber } }.filter(formFields.contains).map { "field \($0)" }
        }
        return outcomes
    }

    /// The names of the fields the forms read, the agenda editor's without their row number.
    private static let formFields: Set<String> = [
        "csrf", "username", "password", "id", "participant", "title", "items", "tabledFor", "item", "stance", "text",
        "parent", "draft", "position", "note", "sequence", "reason", "decision", "settlement", "paragraph", "kind",
        "source", "status", "keep", "purpose", "new", "newPurpose", "through",
    ]

    /// "Kind: accepted", or "Kind: " and the field the refusal names.
    private static func outcome<T>(_ type: T.Type, _ read: () throws -> Void) -> String {
        do {
            try read()
            return "\(T.self): accepted"
        } catch {
            return "\(T.self): \(Problem(error).field ?? "refused")"
        }
    }

    /// An agenda of three items, for the editor's fields to edit.
    private static let editedAgenda = Agenda(
        meeting: "RCM-V",
        items: ["Opening", "Plan of Action", "Closing"].map {
            AgendaEntry(title: LocalizedText(authoritative: .en, [.en: $0]), source: .other, purpose: .discussion)
        })
}

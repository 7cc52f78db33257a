import AccordCore
import AccordTestSupport
import Foundation
import Testing

@testable import AccordWeb

/// A whole outcome document transcribed in one form (issue 19.1), in English: each paragraph with its kind,
/// text, sub-paragraphs and effects becomes a transcription entry, pending until the Presidency confirms it.
@Suite struct OutcomeDocumentFormTests {
    @Test(arguments: Backend.all) func aWholeDocumentInOneForm(_ backend: Backend) async throws {
        try await withPages(backend) { pages in
            // The form, for the Secretariat only, with as many blocks as asked.
            let form = try await pages.get("/en/meetings/RCM-XXIX/transcription?paragraphs=12", as: .secretariat)
            #expect(form.status == 200 && form.text.contains("name=\"p12-text\"") && form.text.contains("p12-add-kind"))
            #expect(!form.text.contains("name=\"p13-text\""))
            #expect(try await pages.get("/en/meetings/RCM-XXIX/transcription", as: .delegateMEX).status == 403)

            // Three paragraphs; the second has sub-paragraphs, the third approves an activity; block 4 is blank.
            var fields: [String: String] = [
                "source": "Declaration of the XXIX RCM",
                "p1-paragraph": "101", "p1-kind": "decision", "p1-text": "Takes note of the report of the RCGM.",
                "p2-paragraph": "102", "p2-kind": "decision", "p2-text": "Instructs the RCGM:",
                "p2-subparagraphs": "to revise the workplan;\nto report at the next meeting.",
                "p3-paragraph": "103", "p3-kind": "decision", "p3-text": "Approves the activity on document standards.",
                "p3-status-item": "MPM-3.1", "p3-status-to": "approved",
                "p4-paragraph": "104", "p4-kind": "decision", "p4-text": "",
            ]
            let head = try await pages.store.head().sequence
            var invalid = fields
            invalid["p3-status-to"] = "finished"
            let bad = try await pages.call(
                .post, "/en/meetings/RCM-XXIX/transcription", as: .secretariat, form: invalid)
            #expect(bad.status == 422 && bad.text.contains("p3-status-to"), "\(bad.status)")
            let refused = try await pages.call(
                .post, "/en/meetings/RCM-XXIX/transcription", as: .delegateMEX, form: fields)
            #expect(refused.status == 403)
            #expect(try await pages.store.head().sequence == head, "a refused form records nothing")

            let recorded = try await pages.call(
                .post, "/en/meetings/RCM-XXIX/transcription", as: .secretariat, form: fields)
            #expect(recorded.status == 303, "\(AuthorizationMatrixTests.refusal(recorded.text))")

            // One transcription entry per paragraph and sub-paragraph, each pending; nothing applied yet.
            #expect(try await pages.store.head().sequence == head + 5)
            var state = try await pages.store.currentState()
            let ids = ["101", "102", "102.a", "102.b", "103"].map { DecisionID("RCM-XXIX/\($0)") }
            for id in ids {
                let decision = try #require(state.decisions[id], "\(id)")
                #expect(decision.status == .pending && decision.transcriber == "ts.officer")
            }
            #expect(state.decisions["RCM-XXIX/104"] == nil, "a block without text is no paragraph")
            #expect(state.decisions["RCM-XXIX/102.b"]?.text[.en] == "to report at the next meeting.")
            #expect(state.decisions["RCM-XXIX/103"]?.effects == [.changeStatus(item: "MPM-3.1", to: .approved)])
            #expect(state.items["MPM-3.1"]?.status == .proposed)
            let meeting = try await pages.get("/en/meetings/RCM-XXIX", as: .secretariat)
            #expect(meeting.text.contains("102 (a)") && meeting.text.contains("102 (b)"))

            // The Presidency confirms paragraph 103: its effect applies.
            let confirmed = try await pages.call(
                .post, "/en/decisions/confirm", as: .presidency, form: ["decision": "RCM-XXIX/103"])
            #expect(confirmed.status == 303)
            state = try await pages.store.currentState()
            #expect(state.items["MPM-3.1"]?.status == .approved)

            // The same paragraphs again are the rules' to refuse, whole.
            fields["p1-paragraph"] = "105"
            let again = try await pages.call(
                .post, "/en/meetings/RCM-XXIX/transcription", as: .secretariat, form: fields)
            #expect(again.status == 409, "\(again.status)")
            #expect(try await pages.store.currentState().decisions["RCM-XXIX/105"] == nil)
        }
    }
}

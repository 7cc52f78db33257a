import AccordCore
import AccordTestSupport
import Foundation
import Testing

@testable import AccordWeb

/// A participant's page with its dated history, and a decision's page with what it did (issue 19.1), in
/// French: an observer admitted by a transcribed paragraph appears, once the Presidency confirms it, with
/// its standing since the meeting, the admitting decision and the ledger entry that recorded it.
@Suite struct ParticipantPageTests {
    @Test(arguments: Backend.all) func anAdmissionShowsOnTheParticipantAndTheDecision(_ backend: Backend)
        async throws
    {
        try await withPages(backend) { pages in
            // Setup: two paragraphs of the XXIX RCM, one admitting an observer, one approving an activity.
            let fields: [String: String] = [
                "source": "Déclaration de la XXIX CRM",
                "p1-paragraph": "106", "p1-kind": "decision", "p1-text": "Admet le CIDPM comme observateur.",
                "p1-observer-id": "ICMPD", "p1-observer-name": "Centre international (CIDPM)",
                "p1-observer-kind": "observer-organization",
                "p2-paragraph": "107", "p2-kind": "decision", "p2-text": "Approuve l'activité sur les documents.",
                "p2-status-item": "MPM-3.1", "p2-status-to": "approved",
            ]
            let recorded = try await pages.call(
                .post, "/fr/meetings/RCM-XXIX/transcription", as: .secretariat, form: fields)
            #expect(recorded.status == 303, "\(AuthorizationMatrixTests.refusal(recorded.text))")
            #expect(try await pages.get("/fr/participants/ICMPD").status == 404, "not admitted before confirmation")
            let pending = try await pages.get("/fr/decisions?id=RCM-XXIX%2F106")
            #expect(
                pending.text.contains("Ce qu&#39;elle fera une fois en vigueur")
                    || pending.text.contains("Ce qu'elle fera"))

            // Act: the Presidency confirms both.
            for paragraph in ["106", "107"] {
                let confirmed = try await pages.call(
                    .post, "/fr/decisions/confirm", as: .presidency, form: ["decision": "RCM-XXIX/\(paragraph)"])
                #expect(confirmed.status == 303)
            }
            let head = try await pages.store.head().sequence
            let state = try await pages.store.currentState()
            let admitted = try #require(state.participants["ICMPD"])
            let start = try #require(state.meetings["RCM-XXIX"]?.start)
            #expect(admitted.history.first?.decision == "RCM-XXIX/106")

            // The participant's page, for everyone: its standing since the meeting, by the decision, and the
            // ledger entry that admitted it (the confirmation of paragraph 106, one before the last).
            let page = try await pages.get("/fr/participants/ICMPD")
            #expect(page.status == 200)
            #expect(
                page.text.contains("Centre international (CIDPM) (ICMPD)")
                    && page.text.contains("organisation observatrice"))
            #expect(page.text.contains("<td>\(start.description)</td>"))
            #expect(page.text.contains("RCM-XXIX/106</a>"))
            #expect(page.text.contains("#\(head - 1)</a>") && !page.text.contains("#\(head)</a>"))
            let list = try await pages.get("/fr/participants")
            #expect(
                list.text.contains("href=\"/fr/participants/ICMPD\"")
                    && list.text.contains("href=\"/fr/participants/MEX\""))
            let attended = try #require(state.meetings.values.first { $0.attendance.contains("MEX") }).id.rawValue
            let mexico = try await pages.get("/fr/participants/MEX")
            #expect(mexico.text.contains("État membre") && mexico.text.contains("href=\"/fr/meetings/\(attended)\""))

            // Each decision's page says what it did, linked to what it changed.
            let admission = try await pages.get("/fr/decisions?id=RCM-XXIX%2F106")
            #expect(admission.text.contains("Ce qu&#39;elle a fait") || admission.text.contains("Ce qu'elle a fait"))
            #expect(admission.text.contains("Admet <a href=\"/fr/participants/ICMPD\">"))
            let approval = try await pages.get("/fr/decisions?id=RCM-XXIX%2F107")
            #expect(approval.text.contains("href=\"/fr/items/MPM-3.1\""))
            #expect(state.items["MPM-3.1"]?.status == .approved)

            // The meeting's attendance links each participant's page.
            let meeting = try await pages.get("/fr/meetings/\(attended)")
            #expect(meeting.text.contains("href=\"/fr/participants/MEX\""))
        }
    }
}

import AccordCore
import AccordStore
import AccordTestSupport
import Foundation
import HTTPTypes
import Testing

@testable import AccordWeb

/// The steps that need a second person (issue 17.2 and 17.4), through the API and through the pages, on both
/// databases: a transcribed decision stays pending — and shows so — until the Presidency confirms or
/// rejects it; an edition is proposed by the Secretariat with its revision report and approved by the
/// Presidency citing the decision of the highest body. Each is refused for the wrong role, and a refusal
/// stores nothing.
@Suite("A second person: transcriptions confirmed and editions approved by the Presidency")
struct SecondPersonTests {
    static let paragraph = "RCM-XXIX/92"

    @Test(
        "a transcription from the meeting page is pending, shown so, until the Presidency confirms it",
        arguments: Backend.all)
    func transcriptionConfirmedThroughThePages(_ backend: Backend) async throws {
        try await withPages(backend) { pages in
            try await Self.transcribeThroughThePage(pages, paragraph: "92", approving: "MPM-3.1")
            let store = pages.store
            #expect(try await store.currentState().decisions[DecisionID(Self.paragraph)]?.status == .pending)
            #expect(try await store.currentState().items["MPM-3.1"]?.status == .proposed, "nothing applies yet")

            // Shown pending to everyone; the Confirm and Reject buttons only to the Presidency.
            let uri = "/en/decisions?id=RCM-XXIX%2F92"
            for role in [Role.presidency, .secretariat, .delegateMEX, .anonymous] {
                let page = try await pages.get(uri, as: role)
                #expect(page.status == 200 && page.text.contains("pending confirmation"), "\(role): \(page.status)")
                let buttons =
                    page.text.contains("action=\"/en/decisions/confirm\"")
                    && page.text.contains("action=\"/en/decisions/reject\"")
                #expect(buttons == (role == .presidency), "\(role) sees the review buttons: \(buttons)")
            }
            let meeting = try await pages.get("/en/meetings/RCM-XXIX", as: .presidency)
            #expect(meeting.text.contains("pending confirmation"))
            #expect(meeting.text.contains("action=\"/en/decisions/confirm\""), "the meeting page offers them too")

            // Refused for anyone but the Presidency, before anything is stored.
            let head = try await store.head()
            for role in [Role.secretariat, .delegateMEX, .observer, .reader] {
                let refused = try await pages.call(
                    .post, "/en/decisions/confirm", as: role, form: ["decision": Self.paragraph])
                #expect(refused.status == 403, "\(role): \(refused.status)")
            }
            let anonymous = try await pages.call(
                .post, "/en/decisions/confirm", as: .anonymous, form: ["decision": Self.paragraph])
            #expect([401, 403].contains(anonymous.status))
            #expect(try await store.head() == head)

            let confirmed = try await pages.call(
                .post, "/en/decisions/confirm", as: .presidency, form: ["decision": Self.paragraph])
            #expect(confirmed.status == 303 && confirmed.headers[.location] == uri, "\(confirmed.status)")
            let state = try await store.currentState()
            #expect(state.decisions[DecisionID(Self.paragraph)]?.status == .inForce)
            #expect(state.items["MPM-3.1"]?.status == .approved, "the declared effect applied on confirmation")
            let page = try await pages.get(uri, as: .presidency)
            #expect(!page.text.contains("pending confirmation") && !page.text.contains("/en/decisions/confirm"))
            #expect(page.text.contains("confirmed by the Presidency at entry \(head.sequence + 1)"))
            // A second confirmation is the rules' to refuse.
            let again = try await pages.call(
                .post, "/en/decisions/confirm", as: .presidency, form: ["decision": Self.paragraph])
            #expect(again.status == 409 && again.text.contains("not a transcription awaiting confirmation"))
        }
    }

    @Test(
        "the Presidency rejects a transcription through the page, saying why; nothing of it applies",
        arguments: Backend.all)
    func transcriptionRejectedThroughThePages(_ backend: Backend) async throws {
        try await withPages(backend) { pages in
            try await Self.transcribeThroughThePage(pages, paragraph: "93", approving: "MPM-3.1")
            let head = try await pages.store.head()
            let secretariat = try await pages.call(
                .post, "/en/decisions/reject", as: .secretariat, form: ["decision": "RCM-XXIX/93", "reason": "No."])
            #expect(secretariat.status == 403)
            let withoutReason = try await pages.call(
                .post, "/en/decisions/reject", as: .presidency, form: ["decision": "RCM-XXIX/93", "reason": " "])
            #expect(withoutReason.status == 422 && withoutReason.text.contains("reason"))
            #expect(try await pages.store.head() == head)

            let rejected = try await pages.call(
                .post, "/en/decisions/reject", as: .presidency,
                form: ["decision": "RCM-XXIX/93", "reason": "The outcome document has no paragraph 93"])
            #expect(rejected.status == 303)
            let state = try await pages.store.currentState()
            #expect(state.decisions["RCM-XXIX/93"]?.status == .rejected)
            #expect(state.items["MPM-3.1"]?.status == .proposed)
            let page = try await pages.get("/en/decisions?id=RCM-XXIX%2F93")
            #expect(page.text.contains("transcription rejected") && page.text.contains("has no paragraph 93"))
        }
    }

    @Test("through the API, only the Presidency confirms or rejects a transcription", arguments: Backend.all)
    func transcriptionReviewedThroughTheAPI(_ backend: Backend) async throws {
        try await withPages(backend) { pages in
            let decision =
                #"{"authority":{"editorial":"Declaration of the XXIX RCM"},"decision":{"meeting":"RCM-XXIX","paragraph":"94","kind":"decision","text":{"authoritative":"en","en":"Approves the activity on document standards."},"effects":[{"kind":"change-status","number":"MPM-3.1","status":"approved"}]}}"#
            let transcribed = try await pages.call(.post, "/api/v1/decisions", as: .secretariat, json: decision)
            #expect(transcribed.status == 201, "\(transcribed.text)")
            let cite = #"{"authority":{"decision":"RCM-XXIX/94"}}"#
            let head = try await pages.store.head()
            for role in [Role.secretariat, .delegateMEX] {
                let refused = try await pages.call(.post, "/api/v1/decisions/RCM-XXIX/94/confirm", as: role, json: cite)
                #expect(refused.status == 409 && refused.text.contains("\"rule\":\"capacity\""), "\(refused.text)")
            }
            #expect(
                try await pages.call(.post, "/api/v1/decisions/RCM-XXIX/94/confirm", as: .observer, json: cite).status
                    == 409)
            #expect(
                try await pages.call(.post, "/api/v1/decisions/RCM-XXIX/94/confirm", as: .reader, json: cite).status
                    == 403)
            #expect(
                try await pages.call(.post, "/api/v1/decisions/RCM-XXIX/94/confirm", as: .anonymous, json: cite).status
                    == 401)
            // Confirming cites the decision itself.
            let miscited = try await pages.call(
                .post, "/api/v1/decisions/RCM-XXIX/94/confirm", as: .presidency,
                json: #"{"authority":{"editorial":"looks right"}}"#)
            #expect(miscited.status == 409 && miscited.text.contains("transcription-review"), "\(miscited.text)")
            #expect(try await pages.store.head() == head)

            let confirmed = try await pages.call(
                .post, "/api/v1/decisions/RCM-XXIX/94/confirm", as: .presidency, json: cite)
            #expect(confirmed.status == 200 && confirmed.text.contains("\"status\":\"in-force\""), "\(confirmed.text)")
            #expect(try await pages.store.currentState().items["MPM-3.1"]?.status == .approved)

            let reason = #"{"authority":{"decision":"RCM-XXIX/94"},"reason":{"authoritative":"en","en":"Too late."}}"#
            let late = try await pages.call(
                .post, "/api/v1/decisions/RCM-XXIX/94/reject", as: .presidency, json: reason)
            #expect(late.status == 409 && late.text.contains("transcription-pending"), "\(late.text)")
        }
    }

    @Test(
        "an edition in two steps through the pages: the Secretariat proposes, the Presidency approves",
        arguments: Backend.all)
    func editionThroughThePages(_ backend: Backend) async throws {
        try await withPages(backend) { pages in
            try await Self.revisedPlanApproved(pages)
            let editions = try await pages.get("/en/editions", as: .secretariat)
            #expect(editions.text.contains("Revision report") && editions.text.contains("Propose the edition 1"))
            #expect(!(try await pages.get("/en/editions", as: .presidency)).text.contains("action=\"/en/editions\""))
            #expect(
                !(try await pages.get("/en/editions")).text.contains("Revision report"),
                "the report is a working document")

            let fields = ["title": "Plan of Action, 2026 edition", "date": "2026-12"]
            let head = try await pages.store.head()
            for role in [Role.presidency, .delegateMEX, .observer] {
                let refused = try await pages.call(.post, "/en/editions", as: role, form: fields)
                #expect(refused.status == 403, "\(role) proposed an edition: \(refused.status)")
            }
            let undated = try await pages.call(
                .post, "/en/editions", as: .secretariat, form: ["title": "x", "date": "soon"])
            #expect(undated.status == 422 && undated.text.contains("date"))
            #expect(try await pages.store.head() == head)

            let proposed = try await pages.call(.post, "/en/editions", as: .secretariat, form: fields)
            #expect(proposed.status == 303, "\(PageClient.refusal(proposed))")
            let edition = try #require(try await pages.store.currentState().editions[1])
            #expect(edition.status == .proposed && edition.position == head.sequence)
            #expect(!(try await pages.get("/en/editions")).text.contains("2026 edition"), "not published yet")
            let review = try await pages.get("/en/editions", as: .presidency)
            #expect(review.text.contains("proposed, awaiting the Presidency"))
            #expect(review.text.contains("action=\"/en/editions/1/approve\"") && review.text.contains("RCM-XXIX/95"))

            let afterProposal = try await pages.store.head()
            let secretariat = try await pages.call(
                .post, "/en/editions/1/approve", as: .secretariat, form: ["decision": "RCM-XXIX/95"])
            #expect(secretariat.status == 403)
            // Citing a decision that approves no revised plan is the rules' to refuse, saying so.
            let miscited = try await pages.call(
                .post, "/en/editions/1/approve", as: .presidency, form: ["decision": "RCM-V/1"])
            #expect(
                miscited.status == 409 && miscited.text.contains("declares no approval of a revised Plan of Action"))
            #expect(try await pages.store.head() == afterProposal)

            let approved = try await pages.call(
                .post, "/en/editions/1/approve", as: .presidency, form: ["decision": "RCM-XXIX/95"])
            #expect(approved.status == 303, "\(PageClient.refusal(approved))")
            let published = try await pages.store.currentState().editions[1]
            #expect(published?.status == .approved && published?.approvedBy == "RCM-XXIX/95")
            let publicPage = try await pages.get("/en/editions")
            #expect(
                publicPage.text.contains("Edition 1: Plan of Action, 2026 edition")
                    && !publicPage.text.contains("awaiting"))
        }
    }

    @Test("an edition in two steps through the API, each step refused for the other role", arguments: Backend.all)
    func editionThroughTheAPI(_ backend: Backend) async throws {
        try await withPages(backend) { pages in
            try await Self.revisedPlanApproved(pages)
            let head = try await pages.store.head()
            let edition =
                #"{"authority":{"editorial":"proposed with its revision report"},"edition":{"number":1,"title":{"authoritative":"en","en":"2026 edition"},"date":"2026-12","position":\#(head.sequence)}}"#
            let byPresidency = try await pages.call(.post, "/api/v1/editions", as: .presidency, json: edition)
            #expect(
                byPresidency.status == 409 && byPresidency.text.contains("\"rule\":\"capacity\""),
                "\(byPresidency.text)")
            let proposed = try await pages.call(.post, "/api/v1/editions", as: .secretariat, json: edition)
            #expect(proposed.status == 201 && proposed.text.contains("\"status\":\"proposed\""), "\(proposed.text)")

            let cite = #"{"authority":{"decision":"RCM-XXIX/95"}}"#
            let bySecretariat = try await pages.call(.post, "/api/v1/editions/1/approve", as: .secretariat, json: cite)
            #expect(bySecretariat.status == 409 && bySecretariat.text.contains("\"rule\":\"capacity\""))
            let editorial = try await pages.call(
                .post, "/api/v1/editions/1/approve", as: .presidency, json: #"{"authority":{"editorial":"fine"}}"#)
            #expect(editorial.status == 409 && editorial.text.contains("edition-approval"), "\(editorial.text)")
            #expect(
                try await pages.call(.post, "/api/v1/editions/2/approve", as: .presidency, json: cite).status == 404)

            let approved = try await pages.call(.post, "/api/v1/editions/1/approve", as: .presidency, json: cite)
            #expect(
                approved.status == 200 && approved.text.contains("\"approvedBy\":\"RCM-XXIX/95\""), "\(approved.text)")
            let twice = try await pages.call(.post, "/api/v1/editions/1/approve", as: .presidency, json: cite)
            #expect(twice.status == 409 && twice.text.contains("already approved"))
        }
    }

    /// The Secretariat records paragraph `paragraph` of the XXIX RCM through the meeting page's form, declaring
    /// that it approves `item`.
    static func transcribeThroughThePage(_ pages: PageClient, paragraph: String, approving item: String) async throws {
        let recorded = try await pages.call(
            .post, "/en/meetings/RCM-XXIX/decisions", as: .secretariat,
            form: [
                "paragraph": paragraph, "kind": "decision", "text": "Approves the activity on document standards.",
                "source": "Declaration of the XXIX RCM", "item": item, "status": "approved",
            ])
        #expect(recorded.status == 303, "\(PageClient.refusal(recorded))")
    }

    /// Paragraph 95 of the XXIX RCM, which approves a revised plan: transcribed through the API, confirmed by
    /// the Presidency through the page.
    static func revisedPlanApproved(_ pages: PageClient) async throws {
        let decision =
            #"{"authority":{"editorial":"Declaration of the XXIX RCM"},"decision":{"meeting":"RCM-XXIX","paragraph":"95","kind":"decision","text":{"authoritative":"en","en":"Approves the revised Plan of Action."},"effects":[{"kind":"approve-revised-plan"}]}}"#
        let transcribed = try await pages.call(.post, "/api/v1/decisions", as: .secretariat, json: decision)
        #expect(transcribed.status == 201, "\(transcribed.text)")
        let confirmed = try await pages.call(
            .post, "/en/decisions/confirm", as: .presidency, form: ["decision": "RCM-XXIX/95"])
        #expect(confirmed.status == 303, "\(PageClient.refusal(confirmed))")
    }
}

extension PageClient {
    /// What a refusal page says, without the page around it.
    static func refusal(_ answer: Answer) -> String {
        "\(answer.status) " + AuthorizationMatrixTests.refusal(answer.text)
    }
}

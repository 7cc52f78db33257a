import AccordCore
import AccordStore
import Foundation
import Testing

@testable import AccordWeb

/// A delegation's work in the browser: positions on a draft decision at a meeting, a proposal, comments
/// on another country's proposal — each as the delegation itself or by the Secretariat on its behalf, and
/// never for another country.
@Suite("Delegations at work in the pages")
struct ParticipationPageTests {
    static let secretariat = Actor(name: "ts.officer", role: .secretariat)

    /// The XXX RCM with every member state and two observers present, and paragraph 1 tabled: it would
    /// make `item` ongoing.
    static func tableDraft(on item: ItemNumber, _ store: Store) async throws -> [ParticipantID] {
        let state = try await store.currentState()
        let members = state.participants.values.filter { $0.kind == .memberState }.map(\.id).sorted()
        let meeting = Meeting(
            id: "RCM-XXX", body: "RCM", title: LocalizedText(authoritative: .en, [.en: "XXX RCM"]),
            start: PartialDate("2025-11-20"), attendance: members + ["IOM", "UNHCR"])
        _ = try await store.append(.addMeeting(meeting), by: secretariat, authority: .editorial(reason: "minutes"))
        let draft = DraftDecision(
            meeting: "RCM-XXX", paragraph: "1", kind: .decision,
            text: LocalizedText(authoritative: .en, [.en: "Begins the work on \(item)."]),
            effects: [.changeStatus(item: item, to: .ongoing)])
        _ = try await store.append(.tableDraft(draft), by: secretariat, authority: .editorial(reason: "drafting"))
        return members
    }

    @Test("delegations record their own positions, the Secretariat the others', and adopts at consensus")
    func positionsAndAdoption() async throws {
        try await withPages { pages in
            let item = try await pages.approvedActivity()
            let members = try await Self.tableDraft(on: item, pages.store)

            // Mexico's delegate is offered Mexico only.
            let page = try await pages.get("/en/meetings/RCM-XXX", as: .delegateMEX)
            #expect(page.text.contains(#"<option value="MEX">"#) && !page.text.contains(#"<option value="CAN">"#))
            #expect(!page.text.contains("/en/meetings/RCM-XXX/adopt"), "only the Secretariat adopts")

            let own = try await pages.call(
                .post, "/en/meetings/RCM-XXX/positions", as: .delegateMEX,
                form: ["draft": "1", "participant": "MEX", "position": "supports", "note": "Con gusto"])
            #expect(own.status == 303, "\(own.text)")

            // Canada's delegate cannot speak for Mexico, whatever the form says; nothing is stored.
            let head = try await pages.store.head()
            let forged = try await pages.call(
                .post, "/en/meetings/RCM-XXX/positions", as: .delegateCAN,
                form: ["draft": "1", "participant": "MEX", "position": "objects"])
            #expect(forged.status == 403 && forged.text.contains("record a position for MEX"), "\(forged.text)")
            #expect(try await pages.store.head() == head)

            for member in members where member != "MEX" {
                let answer = try await pages.call(
                    .post, "/en/meetings/RCM-XXX/positions", as: .secretariat,
                    form: ["draft": "1", "participant": member.rawValue, "position": "does-not-object"])
                #expect(answer.status == 303, "\(member): \(answer.text)")
            }
            let draft = try #require(try await pages.store.currentState().drafts["RCM-XXX/1"])
            #expect(draft.positions.first { $0.participant == "MEX" }?.recordedBy == .delegation)
            #expect(draft.positions.first { $0.participant == "CAN" }?.recordedBy == .secretariat)

            let spanish = try await pages.get("/es/meetings/RCM-XXX", as: .secretariat)
            #expect(spanish.text.contains("apoya") && spanish.text.contains("no objeta"))
            #expect(spanish.text.contains("registrada por la Secretaría en su nombre"))
            #expect(
                spanish.text.contains("/es/meetings/RCM-XXX/adopt"), "consensus is reached: the Secretariat may adopt")

            let adopted = try await pages.call(
                .post, "/en/meetings/RCM-XXX/adopt", as: .secretariat, form: ["draft": "1"])
            #expect(adopted.status == 303, "\(adopted.text)")
            let after = try await pages.store.currentState()
            #expect(after.decisions["RCM-XXX/1"] != nil)
            #expect(after.items[item]?.status == .ongoing)
            let itemPage = try await pages.get("/en/items/\(item.rawValue)")
            #expect(itemPage.text.contains("RCM-XXX/1"), "the item's provenance shows the decision")
        }
    }

    @Test("a delegation submits a proposal and another comments on it, in its own language")
    func proposalAndComments() async throws {
        try await withPages { pages in
            let bad = try await pages.call(
                .post, "/en/proposals", as: .delegateMEX,
                form: ["id": "MEX-FORM", "participant": "MEX", "title": "Returns", "items": " \n "])
            #expect(bad.status == 422 && bad.text.contains("items"), "\(bad.status) \(bad.text.prefix(200))")
            #expect(try await pages.store.currentState().proposals["MEX-FORM"] == nil)

            let forged = try await pages.call(
                .post, "/en/proposals", as: .delegateMEX,
                form: ["id": "CAN-FORM", "participant": "CAN", "title": "Not ours", "items": "One"])
            #expect(forged.status == 403 && forged.text.contains("for CAN"), "\(forged.text.prefix(200))")

            let submitted = try await pages.call(
                .post, "/es/proposals", as: .delegateMEX,
                form: [
                    "id": "MEX-FORM", "participant": "MEX", "title": "Retorno y reintegración",
                    "items": "Un taller regional\r\nEstadísticas compartidas\r\n",
                ])
            #expect(submitted.status == 303, "\(submitted.text.prefix(300))")
            let proposal = try #require(try await pages.store.currentState().proposals["MEX-FORM"])
            #expect(proposal.submitter == "MEX" && proposal.items.count == 2)
            #expect(proposal.title.authoritative == .es && proposal.items[1].text[.es] == "Estadísticas compartidas")

            let comment = try await pages.call(
                .post, "/en/proposals/MEX-FORM/comments", as: .delegateCAN,
                form: [
                    "item": "2", "participant": "CAN", "stance": "has-concerns", "text": "Which indicators?",
                    "parent": "LA-1",
                ])
            #expect(comment.status == 303, "\(comment.text.prefix(300))")
            let matrix = try await pages.get("/fr/proposals/MEX-FORM", as: .delegateMEX)
            #expect(matrix.text.contains("a des réserves") && matrix.text.contains("Which indicators?"))
            #expect(matrix.text.contains("→ LA-1"))

            // An observer the proposal does not invite neither sees it nor comments on it.
            let head = try await pages.store.head()
            #expect(try await pages.get("/en/proposals/MEX-FORM", as: .observer).status == 404)
            let observer = try await pages.call(
                .post, "/en/proposals/MEX-FORM/comments", as: .observer,
                form: ["item": "1", "participant": "IOM", "stance": "supports", "text": "Yes"])
            #expect(observer.status == 409 && observer.text.contains("does not invite"), "\(observer.text.prefix(300))")
            #expect(try await pages.store.head() == head)
        }
    }
}

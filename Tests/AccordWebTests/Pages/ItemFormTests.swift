import AccordCore
import AccordStore
import AccordTestSupport
import Foundation
import Testing

@testable import AccordWeb

/// The Secretariat adds a workplan row and amends a plan item from the pages (issue 19.1), under the authority
/// the API asks for; Core's rules decide, exactly as for the API: a translation is editorial, a new lead for
/// an approved row needs a decision.
@Suite struct ItemFormTests {
    @Test(arguments: Backend.all) func addAndAmendUnderAnAuthority(_ backend: Backend) async throws {
        try await withPages(backend) { pages in
            // An approved activity of the plan (MPM-3.1), and a row of the Trafficking and Smuggling network's
            // workplan (TS-5.1), under whose area a new row is added.
            let approvedRow = try await pages.approvedActivity()
            let before = try await pages.store.currentState()
            let row = try #require(before.items[approvedRow])
            #expect(row.status == .approved && row.title.authoritative != .fr)
            let code = row.number.rawValue
            let workplanRow = try #require(before.items["TS-5.1"])
            let workplan = try #require(workplanRow.workplan)
            let parent = try #require(workplanRow.parent)
            let plan = try await pages.get("/en/plan", as: .secretariat)
            #expect(plan.text.contains("action=\"/en/items\"") && plan.text.contains("name=\"add-workplan\""))
            #expect(!(try await pages.get("/en/plan", as: .delegateMEX)).text.contains("action=\"/en/items\""))

            // A proposed row of the Trafficking and Smuggling network's workplan, on an editorial reason.
            let number = "\(parent.rawValue).99"
            var add: [String: String] = [
                "add-number": number, "add-kind": "activity", "add-parent": parent.rawValue,
                "add-workplan": workplan.rawValue, "add-title": "Regional workshop on document fraud",
                "add-leads": "PAN, TS", "add-status": "proposed",
            ]
            let head = try await pages.store.head().sequence
            let noAuthority = try await pages.call(.post, "/en/items", as: .secretariat, form: add)
            #expect(noAuthority.status == 422 && noAuthority.text.contains("reason"), "\(noAuthority.status)")
            add["reason"] = "row transcribed from the network's report"
            #expect(try await pages.call(.post, "/en/items", as: .delegateMEX, form: add).status == 403)
            #expect(try await pages.store.head().sequence == head, "a refusal records nothing")
            let added = try await pages.call(.post, "/en/items", as: .secretariat, form: add)
            #expect(added.status == 303 && added.headers[.location] == "/en/items/\(number)", "\(added.status)")
            var state = try await pages.store.currentState()
            let stored = try #require(state.items[ItemNumber(number)])
            #expect(stored.workplan == workplan && stored.parent == parent && stored.status == .proposed)
            #expect(stored.leads == [.participant("PAN"), .secretariat])
            let entry = try #require(try await pages.store.entry(head + 1)?.decoded())
            #expect(entry.authority == .editorial(reason: "row transcribed from the network's report"))

            // An approved row is not added on an editorial reason: that takes a decision's declared effect.
            var approved = add
            approved["add-number"] = "\(parent.rawValue).98"
            approved["add-status"] = "approved"
            let refused = try await pages.call(.post, "/en/items", as: .secretariat, form: approved)
            #expect(refused.status == 409 && refused.text.contains("decision"), "\(refused.status)")

            // The approved row's French title corrected as a translation, from its page in French.
            let page = try await pages.get("/fr/items/\(code)", as: .secretariat)
            #expect(page.text.contains("action=\"/fr/items/\(code)/amend\""))
            let translated = try await pages.call(
                .post, "/fr/items/\(code)/amend", as: .secretariat,
                form: ["amend-title": "Titre corrigé", "reason": "traduction"])
            #expect(translated.status == 303, "\(AuthorizationMatrixTests.refusal(translated.text))")
            state = try await pages.store.currentState()
            #expect(state.items[row.number]?.title[.fr] == "Titre corrigé")
            #expect(state.items[row.number]?.title.original == row.title.original, "the authoritative text is kept")

            // Its lead is substance: an editorial reason is refused, saying a decision is needed, and so is a
            // decision that does not declare the change.
            let lead = try await pages.call(
                .post, "/fr/items/\(code)/amend", as: .secretariat, form: ["amend-leads": "MEX", "reason": "coquille"])
            #expect(lead.status == 409 && lead.text.contains("decision"), "\(lead.status)")
            let cited = try await pages.call(
                .post, "/fr/items/\(code)/amend", as: .secretariat,
                form: ["amend-leads": "MEX", "decision": try #require(state.decisions.keys.min()).rawValue])
            #expect(cited.status == 409, "\(cited.status)")
            #expect(try await pages.store.currentState().items[row.number]?.leads == row.leads)
        }
    }
}

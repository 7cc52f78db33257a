import AccordCore
import AccordTestSupport
import Foundation
import Testing

@testable import AccordWeb

/// "Adopt or update a workplan" as a draft decision's effects, from the pages (issue 19.1): the Secretariat
/// tables a paragraph adopting a network's new workplan with its rows, records the positions of all present and
/// adopts it; the workplan appears in the plan's annexes through Core's rules. A second paragraph updates it —
/// its title, a row, the delegation of its updates to its network.
@Suite struct WorkplanDraftTests {
    /// Records an RCM meeting with every member state present, tables `draft` at it as paragraph
    /// `paragraph`, records "all present: does not object" and adopts it; returns the adoption's answer.
    static func adopt(
        _ draft: [String: String], paragraph: String, at meeting: String, _ pages: PageClient
    ) async throws -> PageClient.Answer {
        var fields = draft
        fields["paragraph"] = paragraph
        fields["kind"] = "decision"
        let tabled = try await pages.call(.post, "/en/meetings/\(meeting)/drafts", as: .secretariat, form: fields)
        #expect(tabled.status == 303, "\(AuthorizationMatrixTests.refusal(tabled.text))")
        let positions = try await pages.call(
            .post, "/en/meetings/\(meeting)/positions/all", as: .secretariat,
            form: ["draft": paragraph, "all": "does-not-object"])
        #expect(positions.status == 303, "\(AuthorizationMatrixTests.refusal(positions.text))")
        return try await pages.call(
            .post, "/en/meetings/\(meeting)/adopt", as: .secretariat, form: ["draft": paragraph])
    }

    @Test(arguments: Backend.all) func aDraftAdoptsAWorkplanAndAnotherUpdatesIt(_ backend: Backend) async throws {
        try await withPages(backend) { pages in
            // Setup: the XXX RCM, every member state present.
            let state = try await pages.store.currentState()
            var meeting = [
                "body": "RCM", "id": "RCM-XXX", "title": "XXX RCM", "start": "2026-11-20",
                "source": "list of participants",
            ]
            for member in state.participants.values where member.kind == .memberState {
                meeting["present-\(member.id.rawValue)"] = "on"
            }
            let convened = try await pages.call(.post, "/en/meetings", as: .secretariat, form: meeting)
            #expect(convened.status == 303, "\(AuthorizationMatrixTests.refusal(convened.text))")
            let form = try await pages.get("/en/meetings/RCM-XXX", as: .secretariat)
            #expect(form.text.contains("Adopt or update a workplan") && form.text.contains("name=\"workplan-rows\""))
            let french = try await pages.get("/fr/meetings/RCM-XXX", as: .secretariat)
            #expect(french.text.contains("Adopter ou actualiser un plan de travail"))

            // Bad input is refused naming the field, and nothing is recorded.
            let head = try await pages.store.head().sequence
            var bad = ["paragraph": "4", "kind": "decision", "text": "Adopts.", "workplan-id": "LON-CP-2027"]
            let noNetwork = try await pages.call(.post, "/en/meetings/RCM-XXX/drafts", as: .secretariat, form: bad)
            #expect(noNetwork.status == 422 && noNetwork.text.contains("workplan-body"), "\(noNetwork.status)")
            bad["workplan-body"] = "LON-CP"
            bad["workplan-title"] = "Workplan 2027"
            bad["workplan-rows"] = "CP27-1 | Consular fairs | MEX | next year"
            let badRow = try await pages.call(.post, "/en/meetings/RCM-XXX/drafts", as: .secretariat, form: bad)
            #expect(badRow.status == 422 && badRow.text.contains("workplan-rows"), "\(badRow.status)")
            #expect(badRow.text.contains("line 1"))
            #expect(try await pages.store.head().sequence == head)

            // Act: paragraph 5 adopts the Consular Protection network's 2027 workplan with an area and an action.
            let adoption = [
                "text": "Adopts the 2027 workplan of the Consular Protection Network.",
                "workplan-id": "LON-CP-2027", "workplan-body": "LON-CP",
                "workplan-title": "Consular Protection Network workplan 2027",
                "workplan-rows": "CP27-1 | Consular protection in emergencies | MEX, CAN\n"
                    + "CP27-1.1 | Joint consular fairs | TS | 2027-06",
            ]
            let adopted = try await Self.adopt(adoption, paragraph: "5", at: "RCM-XXX", pages)
            #expect(adopted.status == 303, "\(AuthorizationMatrixTests.refusal(adopted.text))")

            // The workplan, approved by the decision, and its rows, through Core's rules.
            var after = try await pages.store.currentState()
            let workplan = try #require(after.workplans["LON-CP-2027"])
            #expect(workplan.status == .approved && workplan.approvedBy == "RCM-XXX/5" && workplan.body == "LON-CP")
            let area = try #require(after.items["CP27-1"])
            #expect(area.kind == .area && area.workplan == "LON-CP-2027" && area.leads.count == 2)
            let action = try #require(after.items["CP27-1.1"])
            #expect(action.parent == "CP27-1" && action.leads == [.secretariat])
            #expect(action.timeline?.target?.description == "2027-06")
            #expect(after.decisions["RCM-XXX/5"]?.effects.count == 3)
            // It appears in the plan's annexes, for everyone.
            let annexes = try await pages.get("/en/plan?version=annexes")
            #expect(annexes.status == 200)
            #expect(annexes.text.contains("Consular Protection Network workplan 2027"), "the public sees it")
            #expect(annexes.text.contains("Joint consular fairs"))

            // Act: paragraph 6 renames it, adds an action and delegates its updates to the network.
            let update = [
                "text": "Updates the 2027 workplan and delegates its updates to the Network.",
                "workplan-id": "LON-CP-2027", "workplan-title": "Consular Protection Network workplan 2027–2028",
                "workplan-rows": "CP27-1.2 | Emergency questionnaire update | GTM", "workplan-delegate": "on",
            ]
            let updated = try await Self.adopt(update, paragraph: "6", at: "RCM-XXX", pages)
            #expect(updated.status == 303, "\(AuthorizationMatrixTests.refusal(updated.text))")
            after = try await pages.store.currentState()
            let renamed = try #require(after.workplans["LON-CP-2027"])
            #expect(renamed.title[.en] == "Consular Protection Network workplan 2027–2028")
            #expect(renamed.updatesDelegatedBy == "RCM-XXX/6" && renamed.approvedBy == "RCM-XXX/5")
            #expect(after.items["CP27-1.2"]?.workplan == "LON-CP-2027")
        }
    }

    /// Core decides, not the form: a network's own meeting cannot rename a workplan the RCM approved before
    /// the RCM delegated its updates; the adoption is refused naming the decision it would need.
    @Test func aNetworkCannotUpdateWhatTheRCMApprovedWithoutDelegation() async throws {
        try await withPages(.sqlite) { pages in
            let state = try await pages.store.currentState()
            var meeting = [
                "body": "RCM", "id": "RCM-XXX", "title": "XXX RCM", "start": "2026-11-20", "source": "list",
            ]
            for member in state.participants.values where member.kind == .memberState {
                meeting["present-\(member.id.rawValue)"] = "on"
            }
            #expect(try await pages.call(.post, "/en/meetings", as: .secretariat, form: meeting).status == 303)
            let adoption = [
                "text": "Adopts the workplan.", "workplan-id": "LON-CP-2027", "workplan-body": "LON-CP",
                "workplan-title": "Workplan 2027",
            ]
            #expect(try await Self.adopt(adoption, paragraph: "5", at: "RCM-XXX", pages).status == 303)
            meeting["body"] = "LON-CP"
            meeting["id"] = "LON-CP-2026-11"
            meeting["title"] = "Consular Protection Network, November 2026"
            meeting["start"] = "2026-11-25"
            #expect(try await pages.call(.post, "/en/meetings", as: .secretariat, form: meeting).status == 303)
            let rename = ["text": "Renames the workplan.", "workplan-id": "LON-CP-2027", "workplan-title": "Renamed"]
            let refused = try await Self.adopt(rename, paragraph: "1", at: "LON-CP-2026-11", pages)
            #expect(refused.status == 409, "\(AuthorizationMatrixTests.refusal(refused.text))")
            #expect(refused.text.contains("RCM-XXX/5"), "names the approval")
            #expect(try await pages.store.currentState().workplans["LON-CP-2027"]?.title[.en] == "Workplan 2027")
        }
    }
}

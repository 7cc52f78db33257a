import AccordCore
import AccordTestSupport
import Foundation
import Testing

@testable import AccordWeb

/// The Secretariat records a meeting, its attendance and a draft decision with its effects from the pages
/// (issue 19.1), in French, without JavaScript; the same rules as the API decide, and no one else may.
@Suite struct MeetingFormTests {
    @Test(arguments: Backend.all) func theSecretariatRecordsAMeetingAndTablesADraftFromThePages(_ backend: Backend)
        async throws
    {
        try await withPages(backend) { pages in
            // The forms are offered to the Secretariat only.
            let list = try await pages.get("/fr/meetings", as: .secretariat)
            #expect(list.text.contains("Enregistrer une réunion") && list.text.contains("name=\"present-MEX\""))
            #expect(!(try await pages.get("/fr/meetings", as: .delegateMEX)).text.contains("Enregistrer une réunion"))

            // Act: the meeting, as a delegation tries it and as the Secretariat records it.
            let meeting: [String: String] = [
                "body": "RCGM", "id": "RCGM-2026-03", "title": "Réunion du GRCM, San Salvador, mars 2026",
                "start": "2026-03-10", "end": "2026-03-11", "place": "San Salvador", "host": "SLV",
                "theme": "Migration et développement",
                "present-MEX": "on", "present-CAN": "on", "present-SLV": "on", "present-IOM": "on",
                "source": "note de convocation",
            ]
            let refused = try await pages.call(.post, "/fr/meetings", as: .delegateMEX, form: meeting)
            #expect(refused.status == 403)
            let recorded = try await pages.call(.post, "/fr/meetings", as: .secretariat, form: meeting)
            #expect(recorded.status == 303, "\(AuthorizationMatrixTests.refusal(recorded.text))")
            #expect(recorded.headers[.location] == "/fr/meetings/RCGM-2026-03")
            var state = try await pages.store.currentState()
            let stored = try #require(state.meetings["RCGM-2026-03"])
            #expect(stored.attendance == ["CAN", "IOM", "MEX", "SLV"])
            #expect(stored.title.authoritative == .fr && stored.host == "SLV")
            #expect(stored.start == PartialDate("2026-03-10") && stored.place?[.fr] == "San Salvador")
            #expect(stored.theme?[.fr] == "Migration et développement")

            // The attendance, corrected before the meeting decides anything: the United States was there too.
            var attendance = meeting.filter { $0.key.hasPrefix("present-") }
            attendance["present-USA"] = "on"
            attendance["source"] = "liste des participants"
            let corrected = try await pages.call(
                .post, "/fr/meetings/RCGM-2026-03/attendance", as: .secretariat, form: attendance)
            #expect(corrected.status == 303, "\(AuthorizationMatrixTests.refusal(corrected.text))")
            state = try await pages.store.currentState()
            #expect(state.meetings["RCGM-2026-03"]?.attendance.contains("USA") == true)

            // A draft decision with three effects: a new line of action, an observer admitted, a standing item.
            let draft: [String: String] = [
                "paragraph": "3.b", "kind": "conclusion", "text": "Recommande une nouvelle ligne d'action.",
                "add-number": "TL", "add-kind": "line-of-action", "add-parent": "", "add-title": "Ligne d'essai",
                "add-leads": "MEX, TS", "add-target": "", "amend-number": "", "status-item": "",
                "observer-id": "ICMPD",
                "observer-name": "Centre international pour le développement des politiques migratoires",
                "observer-kind": "observer-organization", "standing-id": "RCGM-TEST", "standing-title": "Point d'essai",
                "standing-purpose": "information",
            ]
            var invalid = draft
            invalid["add-kind"] = "chapter"
            let bad = try await pages.call(.post, "/fr/meetings/RCGM-2026-03/drafts", as: .secretariat, form: invalid)
            #expect(bad.status == 422 && bad.text.contains("add-kind"), "\(bad.status)")
            let tabled = try await pages.call(.post, "/fr/meetings/RCGM-2026-03/drafts", as: .secretariat, form: draft)
            #expect(tabled.status == 303, "\(AuthorizationMatrixTests.refusal(tabled.text))")
            state = try await pages.store.currentState()
            let stored3b = try #require(state.drafts["RCGM-2026-03/3.b"])
            #expect(stored3b.effects.map(\.kind) == ["add-item", "add-participant", "add-standing-item"])
            if case .addItem(let item) = stored3b.effects[0] {
                #expect(item.leads == [.participant("MEX"), .secretariat] && item.title[.fr] == "Ligne d'essai")
            }

            // The meeting's page shows the draft, to the working side only.
            let page = try await pages.get("/fr/meetings/RCGM-2026-03", as: .secretariat)
            #expect(
                page.text.contains("Recommande une nouvelle ligne d&#39;action.")
                    || page.text.contains("Recommande une nouvelle ligne d'action."))
            #expect(page.text.contains("Présenter un projet de décision"))
            #expect(!(try await pages.get("/fr/meetings/RCGM-2026-03")).text.contains("Recommande une nouvelle"))
        }
    }
}

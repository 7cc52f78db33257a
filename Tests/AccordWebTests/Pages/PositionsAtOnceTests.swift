import AccordCore
import AccordTestSupport
import Foundation
import Testing

@testable import AccordWeb

/// A meeting's positions as the chair reads them out — "all present: does not object", then the exceptions —
/// recorded by the Secretariat in one form on a draft tabled with its sub-paragraphs (issue 19.1), in Spanish:
/// one position entry per member state present, through the rules, and consensus computed from them.
@Suite struct PositionsAtOnceTests {
    /// The ten member states present (the United States absent) and the observer that attended.
    static let present = ["BLZ", "CAN", "CRI", "DOM", "GTM", "HND", "MEX", "NIC", "PAN", "SLV"]

    @Test(arguments: Backend.all) func allPresentWithAnExceptionThenConsensus(_ backend: Backend) async throws {
        try await withPages(backend) { pages in
            // Setup: the meeting, and paragraph 4 with two sub-paragraphs, the second with the label it has.
            var meeting: [String: String] = [
                "body": "RCGM", "id": "RCGM-2026-07", "title": "GRCM, julio de 2026", "start": "2026-07-14",
                "present-IOM": "on", "source": "lista de participantes",
            ]
            for code in Self.present { meeting["present-\(code)"] = "on" }
            let convened = try await pages.call(.post, "/es/meetings", as: .secretariat, form: meeting)
            #expect(convened.status == 303, "\(AuthorizationMatrixTests.refusal(convened.text))")
            let draft = [
                "paragraph": "4", "kind": "conclusion", "text": "Acuerda:",
                "subparagraphs": "Fortalecer la cooperación consular;\n\n(b) Informar en la próxima reunión.",
            ]
            let tabled = try await pages.call(.post, "/es/meetings/RCGM-2026-07/drafts", as: .secretariat, form: draft)
            #expect(tabled.status == 303, "\(AuthorizationMatrixTests.refusal(tabled.text))")
            var state = try await pages.store.currentState()
            #expect(state.drafts["RCGM-2026-07/4"]?.text[.es] == "Acuerda:")
            #expect(state.drafts["RCGM-2026-07/4.a"]?.text[.es] == "Fortalecer la cooperación consular;")
            #expect(state.drafts["RCGM-2026-07/4.b"]?.text[.es] == "Informar en la próxima reunión.")
            let page = try await pages.get("/es/meetings/RCGM-2026-07", as: .secretariat)
            #expect(page.text.contains("4 a) (") && page.text.contains("4 b) ("))
            #expect(page.text.contains("Todos los presentes") && page.text.contains("name=\"position-CAN\""))
            #expect(!page.text.contains("name=\"position-USA\""), "the absent United States takes no position")

            // A delegation may not speak for all present, nor may a position that is not one be recorded.
            let before = try await pages.store.head().sequence
            var positions = ["draft": "4", "all": "does-not-object"]
            let refused = try await pages.call(
                .post, "/es/meetings/RCGM-2026-07/positions/all", as: .delegateMEX, form: positions)
            #expect(refused.status == 403)
            var invalid = positions
            invalid["position-MEX"] = "abstains"
            let bad = try await pages.call(
                .post, "/es/meetings/RCGM-2026-07/positions/all", as: .secretariat, form: invalid)
            #expect(bad.status == 422 && bad.text.contains("position-MEX"), "\(bad.status)")
            #expect(try await pages.store.head().sequence == before, "a refused form records nothing")

            // Act: all present do not object, except Canada, whose reservation waits for consultation.
            positions["position-CAN"] = "reservation-pending-consultation"
            positions["note-CAN"] = "Consulta interna"
            positions["position-MEX"] = ""
            let recorded = try await pages.call(
                .post, "/es/meetings/RCGM-2026-07/positions/all", as: .secretariat, form: positions)
            #expect(recorded.status == 303, "\(AuthorizationMatrixTests.refusal(recorded.text))")

            // Check: one entry per member state present, each a position recorded on its behalf.
            #expect(try await pages.store.head().sequence == before + Int64(Self.present.count))
            state = try await pages.store.currentState()
            var four = try #require(state.drafts["RCGM-2026-07/4"])
            #expect(four.positions.map(\.participant.rawValue).sorted() == Self.present)
            #expect(four.positions.allSatisfy { $0.recordedBy == .secretariat && $0.recorder == "ts.officer" })
            let canada = try #require(four.position(of: "CAN"))
            #expect(canada.position == .reservation && canada.note?[.es] == "Consulta interna")
            #expect(four.positions.filter { $0.position == .doesNotObject }.count == Self.present.count - 1)
            #expect(state.drafts["RCGM-2026-07/4.a"]?.positions.isEmpty == true, "only the draft chosen")
            #expect(!Consensus(on: four, in: state).isReached)
            let early = try await pages.call(
                .post, "/es/meetings/RCGM-2026-07/adopt", as: .secretariat, form: ["draft": "4"])
            #expect(early.status == 409, "Canada's reservation blocks consensus: \(early.status)")

            // Canada's consultation ends: all present again, now with Canada supporting; the draft is adopted.
            positions["position-CAN"] = "supports"
            positions["note-CAN"] = ""
            let again = try await pages.call(
                .post, "/es/meetings/RCGM-2026-07/positions/all", as: .secretariat, form: positions)
            #expect(again.status == 303, "\(AuthorizationMatrixTests.refusal(again.text))")
            state = try await pages.store.currentState()
            four = try #require(state.drafts["RCGM-2026-07/4"])
            #expect(four.positions.count == Self.present.count && four.position(of: "CAN")?.position == .supports)
            #expect(Consensus(on: four, in: state).isReached)
            let adopted = try await pages.call(
                .post, "/es/meetings/RCGM-2026-07/adopt", as: .secretariat, form: ["draft": "4"])
            #expect(adopted.status == 303, "\(AuthorizationMatrixTests.refusal(adopted.text))")
            state = try await pages.store.currentState()
            let decision = try #require(state.decisions["RCGM-2026-07/4"])
            #expect(decision.isInForce && decision.adoption?.joining.count == Self.present.count)
        }
    }

    @Test func subParagraphsAreLetteredOrKeepTheirLabel() throws {
        let lines = try SubParagraphs.read("uno\n(c) tres\nd) cuatro", under: "2", field: "subparagraphs")
        #expect(lines.map(\.paragraph) == ["2.a", "2.c", "2.d"] && lines.map(\.text) == ["uno", "tres", "cuatro"])
        #expect(try SubParagraphs.read("i\nii", under: "2.b", field: "f").map(\.paragraph) == ["2.b.i", "2.b.ii"])
        #expect(throws: (any Error).self) { try SubParagraphs.read("a) uno\na) otra", under: "2", field: "f") }
        #expect(SubParagraphs.label("3.a", .es) == "3 a)" && SubParagraphs.label("3.a", .en) == "3 (a)")
        #expect(SubParagraphs.label("3", .fr) == "3")
    }
}

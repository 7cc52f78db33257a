import AccordCore
import AccordStore
import Foundation
import Testing

@testable import AccordWeb

/// A member state challenges an editorial change as substantive from the item's page (DESIGN §3, rule 4).
@Suite("Challenges in the pages")
struct ChallengePageTests {
    @Test("a delegation challenges an editorial change for its own country only, and the item page shows it held")
    func challengeFromTheItemPage() async throws {
        try await withPages { pages in
            let number = try await pages.approvedActivity()
            let state = try await pages.store.currentState()
            let item = try #require(state.items[number])
            // The Secretariat revises a translation of the title, an editorial change.
            var title = item.title
            let translation: Language = title.authoritative == .es ? .en : .es
            title[translation] = (title[translation] ?? title.original) + " (revised)"
            let change = try await pages.store.append(
                .amendItem(ItemAmendment(number: item.number, title: title)),
                by: ParticipationPageTests.secretariat, authority: .editorial(reason: "wording"))
            let path = "/en/items/\(item.number.rawValue)"

            // Mexico's delegate is offered the challenge, for Mexico only; the public is not.
            let offered = try await pages.get(path, as: .delegateMEX)
            #expect(offered.text.contains("\(path)/challenges"), "the challenge form is offered")
            #expect(offered.text.contains(#"<option value="MEX">"#) && !offered.text.contains(#"<option value="CAN">"#))
            #expect(!(try await pages.get(path, as: .reader)).text.contains("\(path)/challenges"))

            // Canada's delegate cannot challenge in Mexico's name; nothing is stored.
            let head = try await pages.store.head()
            let forged = try await pages.call(
                .post, "\(path)/challenges", as: .delegateCAN,
                form: ["sequence": String(change.entry.sequence), "participant": "MEX", "reason": "Not ours to say"])
            #expect(forged.status == 403, "\(forged.text)")
            #expect(try await pages.store.head() == head)

            // The form's item must be the changed one.
            let elsewhere = try #require(
                state.items.values.filter { $0.status == .approved && $0.number != item.number }.map(\.number).min())
            let misplaced = try await pages.call(
                .post, "/en/items/\(elsewhere.rawValue)/challenges", as: .delegateMEX,
                form: ["sequence": String(change.entry.sequence), "participant": "MEX", "reason": "Wrong item"])
            #expect(misplaced.status == 422 && misplaced.text.contains("sequence"), "\(misplaced.text)")
            #expect(try await pages.store.head() == head)

            let filed = try await pages.call(
                .post, "\(path)/challenges", as: .delegateMEX,
                form: [
                    "sequence": String(change.entry.sequence), "participant": "MEX", "reason": "It narrows the scope",
                ])
            #expect(filed.status == 303, "\(filed.text)")
            let challenge = try #require(
                try await pages.store.currentState().challenges[Challenge.id(of: change.entry.sequence)])
            #expect(challenge.challenger == "MEX" && challenge.status == .held)
            let challengeEntry = try await pages.store.head().sequence
            // The public reads that the item is held, not who challenged it or who filed it.
            let held = try await pages.get(path, as: .reader).text
            #expect(held.contains("Challenged as substantive; held until a decision"))
            #expect(!held.contains("#\(challengeEntry) ") && !held.contains("challenge-editorial"))
            #expect(!held.contains("It narrows the scope"))

            // The item page says so, in the reader's language, and offers no second challenge.
            let shown = try await pages.get("/es/items/\(item.number.rawValue)", as: .delegateCAN)
            #expect(shown.text.contains("Impugnado por") && shown.text.contains("en suspenso hasta una decisión"))
            #expect(shown.text.contains("It narrows the scope"))
            #expect(!shown.text.contains("/challenges\""), "a challenged change is not offered again")

            // A second challenge of the same change is refused by the rules, with a reason.
            let again = try await pages.call(
                .post, "\(path)/challenges", as: .delegateCAN,
                form: ["sequence": String(change.entry.sequence), "participant": "CAN", "reason": "Also"])
            #expect((400..<500).contains(again.status) && again.status != 403, "\(again.status) \(again.text)")

            // Only a decision settles it, as its declared effect: the settle form citing a decision that declares
            // no settlement is refused, and a transcription declaring it settles it once the Presidency confirms.
            let decision = try #require(state.decisions.keys.max())
            let settle = [
                "sequence": String(change.entry.sequence), "decision": decision.rawValue, "settlement": "reject",
            ]
            #expect(!(try await pages.get(path, as: .delegateMEX)).text.contains("/challenges/settle"))
            #expect(
                try await pages.call(.post, "\(path)/challenges/settle", as: .delegateMEX, form: settle).status == 403)
            #expect(try await pages.get(path, as: .secretariat).text.contains("\(path)/challenges/settle"))
            let cited = try await pages.call(.post, "\(path)/challenges/settle", as: .secretariat, form: settle)
            #expect(cited.status == 409, "\(cited.text)")
            let settlement = Decision(
                meeting: "RCM-XXIX", paragraph: "91", kind: .decision,
                text: LocalizedText(authoritative: .en, [.en: "Keeps the earlier wording."]),
                effects: [.settleChallenge(Challenge.id(of: change.entry.sequence), .reject)])
            _ = try await pages.store.append(
                .recordDecision(settlement), by: ParticipationPageTests.secretariat,
                authority: .editorial(reason: "transcribed"))
            _ = try await pages.store.append(
                .confirmDecision(settlement.id), by: AccordCore.Actor(name: "ppt.officer", role: .presidency),
                authority: .decision(settlement.id))
            let after = try await pages.store.currentState()
            #expect(after.challenges[Challenge.id(of: change.entry.sequence)]?.status == .rejected)
            #expect(after.items[item.number]?.title == item.title, "the item says what it said before the change")
            #expect(try await pages.get(path, as: .secretariat).text.contains("change rejected"))
            // Challenges are working documents: the public sees the item, not who challenged what.
            let published = try await pages.get(path, as: .reader).text
            #expect(!published.contains("Challenged by") && !published.contains("It narrows the scope"))
        }
    }
}

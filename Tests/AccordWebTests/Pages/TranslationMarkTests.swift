import AccordCore
import AccordStore
import Foundation
import Testing

@testable import AccordWeb

/// Content in the viewer's language, marked where the translation is older than its source — in the plan,
/// on the item's page and in the Secretariat's list of what needs translating.
@Suite("Translation marks")
struct TranslationMarkTests {
    @Test(
        "a translation older than its source is marked in the plan and on the item page and listed for the Secretariat until it is redone"
    )
    func staleTranslationsAreMarked() async throws {
        try await withPages { pages in
            let secretariat = Actor(name: "ts.officer", role: .secretariat)
            let drafting = Authority.editorial(reason: "drafting")
            _ = try await pages.store.append(
                .addItem(
                    PlanItem(
                        number: "HR-77", kind: .activity, parent: "HR-7",
                        title: LocalizedText(
                            authoritative: .en, [.en: "Regional shelters", .es: "Albergues regionales"]),
                        leads: [.secretariat], status: .proposed)),
                by: secretariat, authority: drafting)
            let fresh = try await pages.get("/es/items/HR-77", as: .secretariat)
            #expect(fresh.text.contains("Albergues regionales") && !fresh.text.contains("mark stale"))
            #expect(try await Self.planRow("HR-77", in: pages)?.contains("mark stale") == false)

            // The English source changes; the Spanish translation now lags behind it.
            _ = try await pages.store.append(
                .amendItem(
                    ItemAmendment(
                        number: "HR-77",
                        title: LocalizedText(
                            authoritative: .en, [.en: "Regional shelters and reception", .es: "Albergues regionales"]
                        ))),
                by: secretariat, authority: drafting)
            let page = try await pages.get("/es/items/HR-77", as: .secretariat)
            #expect(page.text.contains("Albergues regionales"), "the Spanish text is shown")
            #expect(page.text.contains("mark stale"), "and marked as older than its source")
            let english = try await pages.get("/en/items/HR-77", as: .secretariat)
            #expect(english.text.contains("Regional shelters and reception") && !english.text.contains("mark stale"))
            let work = try await pages.get("/en/translations", as: .secretariat)
            #expect(work.text.contains("HR-77"))
            // In the plan too, in the row of that item, in Spanish but not in English.
            #expect(try await Self.planRow("HR-77", in: pages)?.contains("mark stale") == true)
            #expect(try await Self.planRow("HR-77", in: pages, language: "en")?.contains("mark stale") == false)

            // Translated again: the mark goes.
            _ = try await pages.store.append(
                .amendItem(
                    ItemAmendment(
                        number: "HR-77",
                        title: LocalizedText(
                            authoritative: .en,
                            [.en: "Regional shelters and reception", .es: "Albergues regionales y recepción"]))),
                by: secretariat, authority: drafting)
            let redone = try await pages.get("/es/items/HR-77", as: .secretariat)
            #expect(redone.text.contains("Albergues regionales y recepción") && !redone.text.contains("mark stale"))
            #expect(try await Self.planRow("HR-77", in: pages)?.contains("mark stale") == false)
        }
    }

    /// The row of item `number` in the plan's proposed items, as the Secretariat reads them in `language`.
    private static func planRow(_ number: String, in pages: PageClient, language: String = "es") async throws -> String?
    {
        let plan = try await pages.get("/\(language)/plan?version=proposed", as: .secretariat).text
        guard let start = plan.range(of: ">\(number)</a>") else { return nil }
        return plan[start.upperBound...].components(separatedBy: "</tr>").first
    }
}

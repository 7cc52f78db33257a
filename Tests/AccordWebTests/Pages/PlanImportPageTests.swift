import AccordCore
import AccordDocuments
import AccordTestSupport
import Foundation
import Testing

@testable import AccordWeb

/// The plan CSV uploaded from a page (issue 19.1), in Spanish: a file with a problem is shown by row and
/// column and records nothing; a good one is checked first — its changes shown, nothing recorded — then
/// applied under an editorial reason, in one entry per change.
@Suite struct PlanImportPageTests {
    @Test(arguments: Backend.all) func checkedThenApplied(_ backend: Backend) async throws {
        try await withPages(backend) { pages in
            let form = try await pages.get("/es/plan/import", as: .secretariat)
            #expect(form.status == 200 && form.text.contains("name=\"csv\"") && form.text.contains("value=\"yes\""))
            #expect(try await pages.get("/es/plan/import", as: .delegateMEX).status == 403)
            let csv = try await pages.get("/api/v1/exports/plan?format=csv", as: .secretariat).text
            let head = try await pages.store.head().sequence

            // A wrong header: refused by row and column, nothing recorded, the file kept in the form.
            let broken = csv.replacingOccurrences(of: "title_fr", with: "titre")
            let refused = try await pages.call(
                .post, "/es/plan/import", as: .secretariat,
                form: ["csv": broken, "reason": "traducciones", "apply": "yes"])
            #expect(refused.status == 200 && refused.text.contains("no se registró nada"), "\(refused.status)")
            #expect(refused.text.contains("<td>1</td><td><code>title_fr</code></td>"))
            #expect(refused.text.contains("titre"), "the file stays in the form to be corrected")
            #expect(try await pages.store.head().sequence == head)

            // A French title added to one item: checked first, then applied.
            let (translated, item) = try Self.translatingOneTitle(csv)
            let edited = ["csv": translated, "reason": "traducciones al francés"]
            #expect(
                try await pages.call(.post, "/es/plan/import", as: .delegateMEX, form: edited).status == 403)
            var check = edited
            check["apply"] = "no"
            let checked = try await pages.call(.post, "/es/plan/import", as: .secretariat, form: check)
            #expect(checked.status == 200 && checked.text.contains("Sin problemas: 1 cambio(s)"), "\(checked.status)")
            #expect(
                checked.text.contains("<td>\(item.rawValue)</td>") && checked.text.contains("<td>Titre traduit</td>"))
            #expect(try await pages.store.head().sequence == head, "a check records nothing")

            var apply = edited
            apply["apply"] = "yes"
            let applied = try await pages.call(.post, "/es/plan/import", as: .secretariat, form: apply)
            #expect(applied.status == 200 && applied.text.contains("1 cambio(s) registrados"), "\(applied.status)")
            #expect(try await pages.store.head().sequence == head + 1)
            #expect(try await pages.store.currentState().items[item]?.title[.fr] == "Titre traduit")
            let entry = try #require(try await pages.store.entry(head + 1)?.decoded())
            #expect(
                entry.authority == .editorial(reason: "traducciones al francés") && entry.actor.name == "ts.officer")
        }
    }

    /// `csv` (the plan's CSV download) with a French title, "Titre traduit", given to the first item that has
    /// none: an editorial translation, one change.
    static func translatingOneTitle(_ csv: String) throws -> (csv: String, item: ItemNumber) {
        var lines = csv.components(separatedBy: "\r\n")
        let titleFR = try #require(PlanCSV.columns.firstIndex(of: "title_fr"))
        let index = try #require(
            lines.firstIndex { line in
                let fields = line.split(separator: ",", omittingEmptySubsequences: false)
                return line.hasPrefix("item,") && !line.contains("\"") && fields.count == PlanCSV.columns.count
                    && fields[titleFR].isEmpty
            })
        var fields = lines[index].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        fields[titleFR] = "Titre traduit"
        lines[index] = fields.joined(separator: ",")
        return (lines.joined(separator: "\r\n"), ItemNumber(fields[1]))
    }
}

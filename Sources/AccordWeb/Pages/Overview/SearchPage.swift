import AccordCore
import AccordServices
import AccordStore
import Foundation

/// Full-text search over the record — items, decisions, drafts, proposals, comments, meetings, participants,
/// bodies, workplans and standing items — in every language at once, ignoring case and accents ("migracion"
/// finds "migración"), through the store's index and the one read policy (`RecordService.search`).
enum SearchPage {
    static func add(to pages: PageRoutes) {
        let record = pages.record
        pages.page("search") { viewer, request, _ in
            let query = (request.uri.queryParameters["q"].map(String.init) ?? "").trimmingCharacters(in: .whitespaces)
            var main = HTML()
            main.element("h1", text: viewer.t(.search))
            main.element(
                "form",
                [("class", "inline"), ("method", "get"), ("action", viewer.link("/search").path), ("role", "search")]
            ) {
                html in
                html.element("label") { html in
                    html.element("span", text: viewer.t(.searchFor))
                    html.open("input", [("type", "search"), ("name", "q"), ("value", query), ("size", "40")])
                }
                html.element("button", [("type", "submit")], text: viewer.t(.search))
            }
            guard !query.isEmpty else { return PageContent(title: viewer.t(.search), main: main, section: .search) }
            let results = try await record.search(
                query, for: viewer.principal, limit: RecordService.searchLimit, language: viewer.language)
            main.element(
                "p", text: "\(results.hits.count)\(results.more ? "+" : "") \(viewer.t(.results))")
            main.element("ol") { html in
                for hit in results.hits {
                    html.element("li") { html in
                        if let link = link(to: hit, viewer: viewer) {
                            html.link(link, hit.id)
                        } else {
                            html.text(hit.id)
                        }
                        html.text(" (\(UIText.searchKind(hit.kind, viewer.language))) — ")
                        html.element(
                            "span", [("lang", hit.language.rawValue)], text: hit.title.text(in: hit.language))
                    }
                }
            }
            return PageContent(title: viewer.t(.search), main: main, section: .search)
        }
    }

    /// The page that shows what `hit` found, where there is one.
    static func link(to hit: SearchHit, viewer: Viewer) -> Link? {
        switch hit.kind {
        case "item": viewer.link("/items/\(hit.id)")
        case "decision": viewer.link("/decisions", [("id", hit.id)])
        case "draft": hit.id.split(separator: "/").first.map { viewer.link("/meetings/\($0)") }
        case "meeting": viewer.link("/meetings/\(hit.id)")
        case "proposal": viewer.link("/proposals/\(hit.id)")
        case "comment": hit.proposal.map { viewer.link("/proposals/\($0)") }
        case "standing-item": nil
        case "workplan": viewer.link("/plan", [("version", "annexes")])
        default: nil
        }
    }
}

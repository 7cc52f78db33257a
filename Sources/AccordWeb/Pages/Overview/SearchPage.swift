import AccordCore
import AccordServices
import AccordStore
import Foundation

/// Full-text search over items, decisions, proposals and comments, in every language at once, ignoring
/// case and accents ("migracion" finds "migración"); only what the viewer may see is searched.
enum SearchPage {
    struct Hit {
        var link: Link
        var label: String
        var text: LocalizedText
        var language: Language
    }

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
            guard query.count <= 200 else {
                throw AuthError.invalid(field: "q", reason: "search for at most 200 characters")
            }
            let hits = search(query, in: try await record.state(for: viewer.principal), viewer: viewer)
            main.element("p", text: "\(hits.count) \(viewer.t(.results))")
            main.element("ol") { html in
                for hit in hits.prefix(200) {
                    html.element("li") { html in
                        html.link(hit.link, hit.label)
                        html.text(" — ")
                        html.element(
                            "span", [("lang", hit.language.rawValue)], text: hit.text[hit.language] ?? "")
                    }
                }
            }
            return PageContent(title: viewer.t(.search), main: main, section: .search)
        }
    }

    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    /// Every visible text that contains all the words of `query`, in the viewer's language first.
    static func search(_ query: String, in state: ProcessState, viewer: Viewer) -> [Hit] {
        let words = fold(query).split(separator: " ").map(String.init)
        var hits: [Hit] = []
        func consider(_ texts: [LocalizedText?], link: Link, label: String) {
            for text in texts.compactMap({ $0 }) {
                let languages = [viewer.language] + Language.allCases.filter { $0 != viewer.language }
                for language in languages {
                    guard let value = text[language] else { continue }
                    let folded = fold(value)
                    if words.allSatisfy({ folded.contains($0) }) {
                        hits.append(Hit(link: link, label: label, text: text, language: language))
                        return
                    }
                }
            }
        }
        for item in state.items.values.sorted(by: Plan.inReadingOrder) {
            consider(
                [item.title, item.text], link: viewer.link("/items/\(item.number.rawValue)"),
                label: item.number.rawValue)
        }
        for decision in state.decisions.values.sorted(by: { $0.id < $1.id }) {
            consider(
                [decision.text], link: viewer.link("/decisions", [("id", decision.id.rawValue)]),
                label: decision.id.rawValue)
        }
        for proposal in state.proposals.values.sorted(by: { $0.id < $1.id }) {
            let link = viewer.link("/proposals/\(proposal.id.rawValue)")
            consider([proposal.title], link: link, label: proposal.id.rawValue)
            for item in proposal.items {
                consider([item.text], link: link, label: "\(proposal.id.rawValue) \(item.number)")
            }
            for comment in state.comments.values where comment.proposal == proposal.id {
                consider(
                    [comment.text], link: link,
                    label:
                        "\(proposal.id.rawValue) \(comment.item.map(String.init) ?? "") · \(viewer.name(comment.participant, in: state))"
                )
            }
        }
        return hits
    }
}

import AccordCore
import AccordServices
import AccordStore

/// The Secretariat's list of what needs translating: every item, decision and meeting title whose text is
/// missing in a language, and every item translation older than its source.
enum TranslationsPage {
    struct Need {
        var link: Link
        var label: String
        var missing: [Language]
        var stale: [Language]
    }

    static func add(to pages: PageRoutes) {
        let record = pages.record
        pages.page("translations") { viewer, _, _ in
            try viewer.policy.require(viewer.policy.seesTranslationWork, "see the translation work list")
            let state = try await record.state(for: viewer.principal)
            let staleTranslations = try await record.staleTranslations(in: state)
            var needs: [Need] = []
            func missing(_ texts: [LocalizedText?]) -> [Language] {
                Language.allCases.filter { language in
                    texts.contains { text in text.map { ($0[language] ?? "").isEmpty } ?? false }
                }
            }
            for item in state.items.values.sorted(by: Plan.inReadingOrder) {
                let stale = (staleTranslations[item.number] ?? []).sorted { $0.rawValue < $1.rawValue }
                let gaps = missing([item.title, item.text])
                if !gaps.isEmpty || !stale.isEmpty {
                    needs.append(
                        Need(
                            link: viewer.link("/items/\(item.number.rawValue)"),
                            label: "\(item.number.rawValue) \(viewer.words(item.title))", missing: gaps, stale: stale))
                }
            }
            for decision in state.decisions.values.sorted(by: { $0.id < $1.id }) {
                let gaps = missing([decision.text])
                if !gaps.isEmpty {
                    needs.append(
                        Need(
                            link: viewer.link("/decisions", [("id", decision.id.rawValue)]),
                            label: decision.id.rawValue,
                            missing: gaps, stale: []))
                }
            }
            var main = HTML()
            main.element("h1", text: viewer.t(.translations))
            main.element("p", text: "\(needs.count) \(viewer.t(.needTranslation))")
            main.element("table") { html in
                html.element("thead") { html in
                    html.element("tr") { html in
                        for key: UIText in [.item, .missingIn, .olderThanSource] {
                            html.element("th", [("scope", "col")], text: viewer.t(key))
                        }
                    }
                }
                html.element("tbody") { html in
                    for need in needs {
                        html.element("tr") { html in
                            html.element("td") { $0.link(need.link, need.label) }
                            html.element("td", text: need.missing.map(\.rawValue).joined(separator: ", "))
                            html.element("td", text: need.stale.map(\.rawValue).joined(separator: ", "))
                        }
                    }
                }
            }
            return PageContent(title: viewer.t(.translations), main: main, section: .translations)
        }
    }
}

import AccordCore
import AccordServices
import AccordStore

/// The ledger, newest first, fifty entries a page: who changed what, when, and on whose authority, with
/// each entry's hash so that anyone can check the chain.
enum LedgerPage {
    static func add(to pages: PageRoutes) {
        let record = pages.record
        pages.page("ledger") { viewer, request, _ in
            let before = request.uri.queryParameters["before"].flatMap { Int64(String($0)) }
            let entries = try await record.entries(before: before, limit: 50, for: viewer.principal)
            let state = try await record.state(for: viewer.principal)
            var main = HTML()
            main.element("h1", text: viewer.t(.ledger))
            main.element("table") { html in
                html.element("thead") { html in
                    html.element("tr") { html in
                        for key: UIText in [.number, .when, .who, .change, .authority, .hash] {
                            html.element("th", [("scope", "col")], text: viewer.t(key))
                        }
                    }
                }
                html.element("tbody") { html in
                    for stored in entries {
                        guard let entry = try? stored.decoded() else { continue }
                        html.element("tr") { html in
                            html.element("td", text: "\(entry.sequence)")
                            html.element("td", text: entry.recordedAt.description)
                            html.element("td", text: entry.actor.description)
                            html.element("td") { html in
                                html.text(ItemPage.describe(entry.change, viewer: viewer))
                                if let number = item(of: entry.change) {
                                    html.text(" ")
                                    html.link(viewer.link("/items/\(number.rawValue)"), number.rawValue)
                                }
                            }
                            html.element("td") {
                                Authorities.write(entry.authority, viewer: viewer, state: state, into: &$0)
                            }
                            html.element("td") { $0.element("code", text: String(stored.hash.prefix(12))) }
                        }
                    }
                }
            }
            if let last = entries.last, last.sequence > 1 {
                main.element("p") {
                    $0.link(viewer.link("/ledger", [("before", "\(last.sequence)")]), viewer.t(.older))
                }
            }
            return PageContent(title: viewer.t(.ledger), main: main, section: .ledger)
        }
    }

    /// The plan item a change is about, if any.
    static func item(of change: Change) -> ItemNumber? {
        switch change {
        case .addItem(let item): item.number
        case .amendItem(let amendment): amendment.number
        case .changeStatus(let number, _): number
        default: nil
        }
    }
}

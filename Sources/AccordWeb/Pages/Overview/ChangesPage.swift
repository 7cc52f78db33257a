import AccordCore
import AccordServices
import AccordStore

/// `/{lang}/changes`: what changed since the signed-in reader's last visit, grouped by what it touched, each
/// change linked to its page, with a "Mark as seen" button (a form: it works without JavaScript). Reading the
/// page moves nothing; the button moves the mark to the position the page was read at, never backwards. Below,
/// the account's own e-mail digest (`ChangesPage+Digest.swift`).
enum ChangesPage {
    /// The button's fields: the position the page showed the changes through.
    struct SeenFields: Decodable, Sendable {
        var through: String?
    }

    static func add(to pages: PageRoutes) {
        let visits = Visits(record: pages.record)
        let store = pages.record.store
        // Not cached: the list depends on the account's mark, which moves without a ledger entry.
        pages.page("changes", cached: false) { viewer, _, _ in
            let changes = try await visits.changes(for: viewer.principal, language: viewer.language)
            let subscription = try await Digests.subscription(for: viewer.principal, in: store)
            return render(changes, subscription: subscription, viewer: viewer)
        }
        pages.form("changes/seen", SeenFields.self) { viewer, fields, _ in
            let through = FormBody.trimmed(fields.through)
            guard through.isEmpty || Int64(through) != nil else {
                throw AuthError.invalid(field: "through", reason: "give the ledger position the page showed")
            }
            _ = try await visits.markSeen(through: Int64(through), for: viewer.principal)
            return viewer.link("/changes")
        }
        addDigestForms(to: pages)
    }

    static func render(_ changes: ChangesSinceVisit, subscription: DigestSubscription?, viewer: Viewer)
        -> PageContent
    {
        let language = viewer.language
        var main = HTML()
        main.element("h1", text: VisitText.title(language))
        main.element("p", text: VisitText.span(since: changes.since, through: changes.through, language))
        if changes.count == 0 {
            main.element("p", [("role", "status")], text: VisitText.nothing(language))
        } else {
            main.element("p", [("role", "status")]) {
                $0.element("strong", text: VisitText.count(changes.count, language))
            }
        }
        if changes.through > changes.since {
            main.element("form", [("method", "post"), ("action", viewer.link("/changes/seen").path)]) { html in
                Forms.token(viewer, &html)
                html.open("input", [("type", "hidden"), ("name", "through"), ("value", "\(changes.through)")])
                html.element("button", [("type", "submit")], text: VisitText.markSeen(language))
            }
        }
        for group in changes.groups {
            main.element("section", [("class", "changes"), ("aria-labelledby", "changes-\(group.category)")]) { html in
                html.element(
                    "h2", [("id", "changes-\(group.category)")],
                    text: "\(VisitText.group(group.category, language)) (\(group.changes.count))")
                html.element("ul") { html in
                    for change in group.changes {
                        html.element("li") { html in
                            if let link = change.entry.link {
                                html.link(Link(link), change.entry.title)
                            } else {
                                html.element("strong", text: change.entry.title)
                            }
                            if !change.entry.summary.isEmpty {
                                html.text(" — " + String(change.entry.summary.prefix(240)))
                            }
                            html.element("small", text: " · " + VisitText.position(change.sequence, language))
                        }
                    }
                }
            }
        }
        digestSection(subscription, viewer: viewer, &main)
        return PageContent(title: VisitText.title(language), main: main, section: .dashboard)
    }
}

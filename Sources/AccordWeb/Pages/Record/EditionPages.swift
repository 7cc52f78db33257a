import AccordCore
import AccordDocuments
import AccordServices
import AccordStore
import Hummingbird

/// The published editions, and a side-by-side comparison of any two states of the plan: items added,
/// removed and changed, with word-level highlights.
enum EditionPages {
    static func add(to pages: PageRoutes) {
        let record = pages.record
        EditionForms.add(to: pages)
        // Not cached by ledger position: a witness's cosignature changes the page without a ledger entry.
        pages.page("editions", cached: false) { viewer, _, _ in
            let state = try await record.state(for: viewer.principal)
            var main = HTML()
            main.element("h1", text: viewer.t(.editions))
            let editions = state.editions.values.sorted { $0.number > $1.number }
            if editions.isEmpty { main.element("p", text: viewer.t(.noEditions)) }
            // Signed first (when the head moved without a checkpoint), so that it may cover the newest edition.
            let latest = try await record.checkpoint()
            var anchors: [Int: (LedgerAnchor?, [Witnessing])] = [:]
            for edition in editions where edition.isPublished {
                anchors[edition.number] = (
                    try await record.anchor(at: edition.position),
                    try await record.witnesses(covering: edition.position)
                )
            }
            main.element("ul") { html in
                for edition in editions {
                    html.element("li") { html in
                        html.link(
                            viewer.link("/plan", [("at", "edition:\(edition.number)")]),
                            "\(viewer.t(.edition)) \(edition.number): \(viewer.words(edition.title))")
                        html.text(" (\(edition.date.description))")
                        if !edition.isPublished {
                            html.text(" — ")
                            html.element("strong", [("class", "pending")], text: viewer.t(RecordWords.proposed))
                        }
                        if let decision = edition.approvedBy {
                            html.text(" — \(viewer.t(.approvedBy)) ")
                            html.link(viewer.link("/decisions", [("id", decision.rawValue)]), decision.rawValue)
                        }
                        if let (anchor, witnesses) = anchors[edition.number] {
                            CheckpointPanel.edition(
                                anchor, witnesses: witnesses, state: state, viewer: viewer, &html)
                        }
                    }
                }
            }
            main.element("h2", text: viewer.t(.compare))
            compareForm(
                from: editions.dropFirst().first.map { "edition:\($0.number)" } ?? "", to: "", state, viewer, &main)
            // Below the comparison, which stays the page's first form: the working side's revision report and
            // next step, then the checkpoint.
            if viewer.policy.seesWorkingState {
                EditionForms.section(
                    try await record.revisionReport(for: viewer.principal), state: state, viewer: viewer, &main)
            }
            CheckpointPanel.latest(
                latest, witnesses: latest?.witnesses ?? [], state: state, viewer: viewer, &main)
            return PageContent(title: viewer.t(.editions), main: main, section: .editions)
        }
        pages.page("compare") { viewer, request, _ in
            let from = request.uri.queryParameters["from"].map(String.init) ?? ""
            let to = request.uri.queryParameters["to"].map(String.init) ?? ""
            let old = try await PlanPoints.state(from, record: record, viewer: viewer, field: "from")
            let new = try await PlanPoints.state(to, record: record, viewer: viewer, field: "to")
            let current = try await record.state(for: viewer.principal)
            // Both states are what the viewer may see, so the comparison shows no unpublished item either.
            let comparison = PlanComparison(from: old, to: new)
            return render(comparison, from: from, to: to, state: current, viewer: viewer)
        }
    }

    static func compareForm(from: String, to: String, _ state: ProcessState, _ viewer: Viewer, _ html: inout HTML) {
        html.element("form", [("class", "inline"), ("method", "get"), ("action", viewer.link("/compare").path)]) {
            html in
            let options = PlanPoints.options(state: state, viewer: viewer)
            Forms.select("from", viewer.t(.from), options, selected: from, &html)
            Forms.select("to", viewer.t(.to), options, selected: to, &html)
            html.element("button", [("type", "submit")], text: viewer.t(.compare))
        }
    }

    static func render(_ comparison: PlanComparison, from: String, to: String, state: ProcessState, viewer: Viewer)
        -> PageContent
    {
        var main = HTML()
        main.element("h1", text: viewer.t(.compare))
        compareForm(from: from, to: to, state, viewer, &main)
        let added = comparison.items.filter { $0.added != nil }.count
        let removed = comparison.items.filter { $0.removed != nil }.count
        main.element("p", [("class", "kpis")]) { html in
            html.element("span", text: "\(viewer.t(.added)): \(added)")
            html.text(" · ")
            html.element("span", text: "\(viewer.t(.removed)): \(removed)")
            html.text(" · ")
            html.element("span", text: "\(viewer.t(.changed)): \(comparison.items.count - added - removed)")
        }
        guard !comparison.items.isEmpty else {
            main.element("p", text: viewer.t(.noDifferences))
            return PageContent(title: viewer.t(.compare), main: main, section: .editions)
        }
        main.element("table", [("class", "compare")]) { html in
            html.element("thead") { html in
                html.element("tr") { html in
                    html.element("th", [("scope", "col")], text: viewer.t(.number))
                    html.element("th", [("scope", "col")], text: viewer.t(.before))
                    html.element("th", [("scope", "col")], text: viewer.t(.after))
                }
            }
            html.element("tbody") { html in
                for change in comparison.items { row(change, viewer: viewer, &html) }
            }
        }
        return PageContent(title: viewer.t(.compare), main: main, section: .editions)
    }

    private static func row(_ change: PlanComparison.ItemChange, viewer: Viewer, _ html: inout HTML) {
        html.element("tr") { html in
            html.element("th", [("scope", "row")]) { html in
                html.text(change.number.rawValue)
                html.element("div", [("class", "muted")], text: change.kinds.joined(separator: ", "))
            }
            html.element("td") { html in
                if change.added != nil {
                    html.element("em", [("class", "muted")], text: viewer.t(.notThere))
                    return
                }
                if let status = change.status {
                    html.element("div", text: "\(viewer.t(.status)): \(viewer.status(status.before))")
                }
                let texts = change.texts.filter { $0.language == viewer.language || $0.isAuthoritative }
                if texts.isEmpty { html.element("del", text: change.title) }
                for text in texts { words(text, side: .before, &html) }
            }
            html.element("td") { html in
                if change.removed != nil {
                    // Left the current version: say how (completed, withdrawn, superseded) when the record knows.
                    let how = change.status.map { " (\(viewer.status($0.after)))" } ?? ""
                    html.element("em", [("class", "muted")], text: viewer.t(.removed) + how)
                    return
                }
                if let status = change.status {
                    html.element("div", text: "\(viewer.t(.status)): \(viewer.status(status.after))")
                }
                let texts = change.texts.filter { $0.language == viewer.language || $0.isAuthoritative }
                if texts.isEmpty { html.element(change.added != nil ? "ins" : "span", text: change.title) }
                for text in texts { words(text, side: .after, &html) }
            }
        }
    }

    enum Side { case before, after }

    /// One side of a word diff: the removed words struck out on the left, the added ones marked on the right.
    private static func words(_ change: PlanComparison.TextChange, side: Side, _ html: inout HTML) {
        html.element("p", [("lang", change.language.rawValue)]) { html in
            html.element("span", [("class", "muted")], text: "\(change.field) (\(change.language.rawValue)) ")
            for segment in change.diff.segments {
                switch (segment, side) {
                case (.same(let text), _): html.text(text)
                case (.removed(let text), .before): html.element("del", text: text)
                case (.added(let text), .after): html.element("ins", text: text)
                default: break
                }
            }
        }
    }
}

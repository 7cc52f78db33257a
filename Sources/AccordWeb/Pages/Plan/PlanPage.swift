import AccordCore
import AccordDocuments
import AccordServices
import AccordStore
import Hummingbird

/// The Plan of Action: current version, archive, proposed items and annexes, as it stands now or as of a
/// meeting or an edition, filtered by line of action, lead, status and due date, with its downloads.
enum PlanPage {
    /// What the reader asked for, from the query.
    struct Query {
        var version = "current"
        var at = ""
        var line = ""
        var lead = ""
        var status = ""
        var due = ""

        init(_ request: Request) {
            let query = request.uri.queryParameters
            version = query["version"].map(String.init) ?? "current"
            at = query["at"].map(String.init) ?? ""
            line = query["line"].map(String.init) ?? ""
            lead = query["lead"].map(String.init) ?? ""
            status = query["status"].map(String.init) ?? ""
            due = query["due"].map(String.init) ?? ""
        }
    }

    static func add(to pages: PageRoutes) {
        let record = pages.record
        pages.page("plan") { viewer, request, _ in
            let query = Query(request)
            let state = try await PlanPoints.state(query.at, record: record, viewer: viewer, field: "at")
            // Stale translations are marked in the plan as it stands now, which is what translators work on;
            // the plan as of a meeting or an edition shows the texts of then without marks.
            let stale = query.at.isEmpty ? try await record.staleTranslations(in: state) : [:]
            return render(query, state: state, stale: stale, viewer: viewer)
        }
    }

    /// - Parameter stale: the languages in which each item's translation is older than its source.
    static func render(_ query: Query, state: ProcessState, stale: [ItemNumber: Set<Language>], viewer: Viewer)
        -> PageContent
    {
        var main = HTML(capacity: 600_000)
        let behind = Set(stale.compactMap { $0.value.contains(viewer.language) ? $0.key : nil })
        main.element("h1", text: viewer.t(.planOfAction))
        controls(query, state: state, viewer: viewer, &main)
        downloads(query, viewer: viewer, &main)
        let due = PartialDate(query.due)
        let policy = viewer.policy
        if query.version == "annexes" {
            let annexes = Plan.annexes(
                Array(state.workplans.values), items: Array(state.items.values), version: .current)
            for annex in annexes {
                main.element("h2", text: viewer.words(annex.workplan.title))
                table(
                    annex.nodes, state: state, query: query, due: due, behind: behind, viewer: viewer, annex: true,
                    &main)
            }
            if annexes.isEmpty { main.element("p", text: Words.noItems(viewer.language)) }
        } else {
            let version = PlanVersion(rawValue: query.version) ?? .current
            guard version != .proposed || policy.seesWorkingState else {
                main.element("p", [("class", "notice")], text: viewer.t(.notPublished))
                return PageContent(title: viewer.t(.planOfAction), main: main, section: .plan)
            }
            let view = Plan.view(version, of: Array(state.items.values), asOf: state.sequence)
            main.element("p", [("class", "muted")]) { html in
                html.text("\(viewer.t(.ledgerPosition)) \(view.asOf)")
            }
            table(
                view.nodes, state: state, query: query, due: due, behind: behind, viewer: viewer, annex: false, &main)
        }
        // Items are added to the plan as it stands now, not to the plan as of a meeting or an edition.
        if query.at.isEmpty { ItemForms.newItem(state: state, viewer: viewer, &main) }
        return PageContent(title: viewer.t(.planOfAction), main: main, section: .plan)
    }

    /// The version tabs, the "as of" switch and the filters: one GET form, so every view has a URL.
    private static func controls(_ query: Query, state: ProcessState, viewer: Viewer, _ html: inout HTML) {
        html.element(
            "form", [("class", "filters autosubmit"), ("method", "get"), ("action", viewer.link("/plan").path)]
        ) {
            html in
            var versions: [(String, String)] = [
                ("current", viewer.t(.currentVersion)), ("archive", viewer.t(.archiveVersion)),
                ("annexes", viewer.t(.annexes)),
            ]
            if viewer.policy.seesWorkingState { versions.append(("proposed", viewer.t(.proposedItems))) }
            Forms.select("version", viewer.t(.version), versions, selected: query.version, &html)
            Forms.select(
                "at", viewer.t(.asOf), PlanPoints.options(state: state, viewer: viewer), selected: query.at, &html)
            let lines = state.items.values.filter { $0.kind == .lineOfAction }
                .sorted(by: Plan.inReadingOrder)
            Forms.select(
                "line", viewer.t(.lineOfAction),
                [("", viewer.t(.all))]
                    + lines.map { ($0.number.rawValue, "\($0.number.rawValue) \(viewer.words($0.title))") },
                selected: query.line, &html)
            var leads = Set<Lead>()
            // By index, so that no item is copied just to read its leads.
            var index = state.items.values.startIndex
            while index != state.items.values.endIndex {
                leads.formUnion(state.items.values[index].leads)
                state.items.values.formIndex(after: &index)
            }
            Forms.select(
                "lead", viewer.t(.lead),
                [("", viewer.t(.all))]
                    + leads.map { ($0.description, viewer.leads([$0], in: state)) }.sorted { $0.1 < $1.1 },
                selected: query.lead, &html)
            Forms.select(
                "status", viewer.t(.status),
                [("", viewer.t(.all))] + Status.allCases.map { ($0.rawValue, viewer.status($0)) },
                selected: query.status, &html)
            Forms.field("due", viewer.t(.dueBy), value: query.due, &html)
            html.element("button", [("type", "submit")], text: viewer.t(.show))
        }
    }

    private static func downloads(_ query: Query, viewer: Viewer, _ html: inout HTML) {
        let edition = query.at.hasPrefix("edition:") ? String(query.at.dropFirst(8)) : ""
        html.element("p", [("class", "downloads")]) { html in
            html.text(viewer.t(.download) + ": ")
            for format in ["docx", "pdf", "html", "md", "csv"] {
                html.link(
                    Link(
                        "/api/v1/exports/plan",
                        query: [("format", format), ("lang", viewer.language.rawValue), ("edition", edition)]),
                    format.uppercased())
            }
            html.link(
                Link("/api/v1/exports/plan", query: [("format", "docx"), ("lang", "es,en"), ("edition", edition)]),
                "DOCX es | en")
        }
    }

    /// The plan as a table, one row per item, indented by depth; filters keep an item when it matches and
    /// keep its ancestors as context.
    /// - Parameter behind: the items whose translation into the viewer's language is older than its source.
    private static func table(
        _ nodes: [PlanNode], state: ProcessState, query: Query, due: PartialDate?, behind: Set<ItemNumber>,
        viewer: Viewer, annex: Bool, _ html: inout HTML
    ) {
        var rows = HTML(capacity: 500_000)
        var count = 0
        func matches(_ item: PlanItem) -> Bool {
            if !query.status.isEmpty, item.status.rawValue != query.status { return false }
            if !query.lead.isEmpty, !item.leads.contains(where: { $0.description == query.lead }) { return false }
            if let due {
                guard let target = item.timeline?.target, !due.isBefore(target) else { return false }
            }
            return true
        }
        let filtered = !query.status.isEmpty || !query.lead.isEmpty || due != nil
        func visit(_ node: PlanNode, depth: Int) -> HTML? {
            var below = HTML(capacity: 0)
            var shown = false
            for child in node.children {
                if let part = visit(child, depth: depth + 1) {
                    below.append(part)
                    shown = true
                }
            }
            let own = !node.isContext && (!filtered || matches(node.item))
            guard own || shown else { return nil }
            var out = HTML(capacity: 512)
            row(
                node, depth: depth, state: state, isStale: behind.contains(node.item.number), viewer: viewer,
                annex: annex, into: &out)
            out.append(below)
            if own { count += 1 }
            return out
        }
        for node in nodes where query.line.isEmpty || node.item.number.rawValue == query.line {
            if let part = visit(node, depth: 0) { rows.append(part) }
        }
        guard count > 0 else {
            html.element("p", text: Words.noItems(viewer.language))
            return
        }
        html.element("table", [("class", "plan")]) { html in
            html.element("caption", [("class", "muted")], text: "\(count) \(viewer.t(.itemsShown))")
            html.element("thead") { html in
                html.element("tr") { html in
                    for key: UIText in annex
                        ? [.number, .areaOfActivity, .lead, .timeline, .status]
                        : [.number, .item, .lead, .timeline, .status]
                    {
                        html.element("th", [("scope", "col")], text: viewer.t(key))
                    }
                }
            }
            html.element("tbody") { $0.append(rows) }
        }
    }

    private static func row(
        _ node: PlanNode, depth: Int, state: ProcessState, isStale: Bool, viewer: Viewer, annex: Bool,
        into html: inout HTML
    ) {
        let item = node.item
        let kind: String =
            switch item.kind {
            case .lineOfAction: "line"
            case .area: "area"
            case .activity: "activity"
            }
        html.element("tr", [("class", node.isContext ? "\(kind) context" : kind)]) { html in
            html.element("td") { $0.link(viewer.link("/items/\(item.number.rawValue)"), item.number.rawValue) }
            html.element("td", [("class", "depth-\(min(depth, 4))")]) { html in
                viewer.write(item.title, stale: isStale, into: &html)
                if let text = item.text, !annex {
                    html.element("div", [("class", "muted")]) { viewer.write(text, stale: isStale, into: &$0) }
                }
            }
            html.element("td", text: viewer.leads(item.leads, in: state))
            html.element("td") { html in
                if let timeline = item.timeline {
                    viewer.write(timeline.text, into: &html)
                    if let target = timeline.target {
                        html.element("span", [("class", "muted")], text: " (\(target.description))")
                    }
                }
            }
            html.element("td", [("class", "status")], text: viewer.status(item.status))
        }
    }
}

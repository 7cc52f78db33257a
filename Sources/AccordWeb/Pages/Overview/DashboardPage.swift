import AccordCore
import AccordDocuments
import AccordServices
import AccordStore

/// The dashboard: the plan at a glance, with charts drawn on the server — status by line of action,
/// overdue activities by lead, and the changes each meeting's decisions made.
enum DashboardPage {
    static func add(to pages: PageRoutes) {
        let record = pages.record
        let visits = Visits(record: record)
        // A signed-in reader's page also depends on its mark, which moves without a ledger entry.
        let signedIn: @Sendable (Viewer) -> Bool = { $0.principal.map { !$0.isTrial } ?? false }
        let mark: @Sendable (Viewer) async throws -> String = {
            signedIn($0) ? "\(try await visits.mark(for: $0.principal))" : ""
        }
        pages.page("", variant: mark) { viewer, _, _ in
            let state = try await record.state(for: viewer.principal)
            let changes = try await record.changesPerMeeting(for: viewer.principal)
            let sinceLastVisit =
                signedIn(viewer)
                ? try await visits.changes(for: viewer.principal, language: viewer.language).count : nil
            return render(
                state: state, changesByMeeting: changes, today: AgendaEditor.today(), viewer: viewer,
                sinceLastVisit: sinceLastVisit)
        }
    }

    /// - Parameter sinceLastVisit: for a signed-in reader, how many records changed since its last visit.
    static func render(
        state: ProcessState, changesByMeeting: [MeetingID: Int], today: PartialDate, viewer: Viewer,
        sinceLastVisit: Int? = nil
    ) -> PageContent {
        let items = state.items.values
        let activities = items.filter { $0.kind == .activity }
        let overdue = activities.filter { item in
            item.status.isCurrent && item.timeline?.target.map { $0.isBefore(today) } == true
        }
        var main = HTML()
        main.element("h1", text: viewer.t(.dashboard))
        if let sinceLastVisit {
            main.element("p", [("class", "since-last-visit")]) { html in
                html.link(viewer.link("/changes"), VisitText.count(sinceLastVisit, viewer.language))
            }
        }
        main.element("div", [("class", "kpis")]) { html in
            for (label, value) in [
                (viewer.t(.currentActivities), activities.filter { $0.status.isCurrent }.count),
                (viewer.t(.overdue), overdue.count), (viewer.t(.decisions), state.decisions.count),
                (viewer.t(.meetings), state.meetings.count),
            ] {
                html.element("div") { html in
                    html.element("strong", text: "\(value)")
                    html.text(label)
                }
            }
        }
        // Status by line of action: each activity counted under the line it belongs to.
        let lines = items.filter { $0.kind == .lineOfAction }.sorted(by: Plan.inReadingOrder)
        let byNumber = Dictionary(uniqueKeysWithValues: items.map { ($0.number, $0) })
        func line(of item: PlanItem) -> ItemNumber? {
            var current = item
            while let parent = current.parent, let next = byNumber[parent] { current = next }
            return current.kind == .lineOfAction ? current.number : nil
        }
        let statuses = Status.allCases.filter { viewer.policy.seesWorkingState || $0 != .proposed }
        var counts: [ItemNumber: [Status: Int]] = [:]
        for activity in activities {
            if let line = line(of: activity) { counts[line, default: [:]][activity.status, default: 0] += 1 }
        }
        main.element("h2", text: viewer.t(.statusByLine))
        BarChart(
            title: viewer.t(.statusByLine), series: statuses.map(viewer.status),
            bars: lines.map { line in
                BarChart.Bar(
                    label: "\(line.number.rawValue) \(viewer.words(line.title))",
                    values: statuses.map { counts[line.number]?[$0] ?? 0 })
            }
        ).render(into: &main)

        main.element("h2", text: viewer.t(.overdueByLead))
        if overdue.isEmpty {
            main.element("p", text: viewer.t(.nothingOverdue))
        } else {
            BarChart(
                title: viewer.t(.overdueByLead), series: [viewer.t(.overdue)],
                bars: overdueByLead(overdue, in: state, viewer: viewer)
            ).render(into: &main)
        }

        main.element("h2", text: viewer.t(.changesPerMeeting))
        let meetings = state.meetings.values.filter { changesByMeeting[$0.id] != nil }.sorted(
            by: Meetings.chronological)
        if meetings.isEmpty {
            main.element("p", text: Words.noItems(viewer.language))
        } else {
            BarChart(
                title: viewer.t(.changesPerMeeting), series: [viewer.t(.changes)],
                bars: meetings.map {
                    BarChart.Bar(label: viewer.words($0.title), values: [changesByMeeting[$0.id] ?? 0])
                }
            ).render(into: &main)
        }
        return PageContent(title: viewer.t(.dashboard), main: main, section: .dashboard)
    }

    /// The overdue activities by lead, each counted once: under its leads together ("Mexico, Canada"), or
    /// under "no lead"; past the fourteenth bar, the rest share one. So the bars add up to the overdue count
    /// above them, which counting an activity under each of its leads, and not at all without one, did not.
    static func overdueByLead(_ overdue: [PlanItem], in state: ProcessState, viewer: Viewer) -> [BarChart.Bar] {
        var counts: [String: Int] = [:]
        for item in overdue {
            let label = item.leads.isEmpty ? UIText.noLead(viewer.language) : viewer.leads(item.leads, in: state)
            counts[label, default: 0] += 1
        }
        let largestFirst = counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
        var bars = largestFirst.prefix(14).map { BarChart.Bar(label: $0.key, values: [$0.value]) }
        let rest = largestFirst.dropFirst(14).reduce(0) { $0 + $1.value }
        if rest > 0 { bars.append(BarChart.Bar(label: UIText.otherLeads(viewer.language), values: [rest])) }
        return bars
    }
}

import AccordCore
import AccordDocuments
import AccordServices

/// The report matrix of a cycle — mandates × member states, submitted, draft, late or none, and who has not
/// filed — and each report laid out as a review group reads it: the mandate's text, then what the country did,
/// then the events it cites with their organizers. Read through the read policy: the public sees published
/// reports only.
enum ReportPages {
    static func add(to pages: PageRoutes) {
        let attachmentLimit = pages.attachmentLimit
        let record = pages.record
        let reports = FollowUpService(record: record)
        pages.page("reports") { viewer, request, _ in
            let state = try await record.state(for: viewer.principal)
            var main = HTML()
            main.element("h1", text: ReportText.reports(viewer.language))
            guard let code = request.uri.queryParameters["cycle"].map(String.init) else {
                cycles(state, viewer, &main)
                return PageContent(title: ReportText.reports(viewer.language), main: main)
            }
            let matrix = try await reports.matrix(of: .init(code), for: viewer.principal).filtered(
                country: request.uri.queryParameters["country"].map { ParticipantID(String($0)) },
                mandate: request.uri.queryParameters["mandate"].map { MandateID(String($0)) })
            render(matrix, state: state, viewer: viewer, &main)
            if let cycle = state.cycles[matrix.cycle] {
                ReportForms.fileForm(cycle: cycle, current: nil, state: state, viewer: viewer, &main)
            }
            return PageContent(title: "\(ReportText.reports(viewer.language)) · \(code)", main: main)
        }
        pages.page("reports/{cycle}/{mandate}/{participant}") { viewer, _, context in
            let id = NationalReport.id(
                cycle: context.parameters.get("cycle") ?? "", mandate: context.parameters.get("mandate") ?? "",
                segment: context.parameters.get("participant") ?? "")
            let report = try await reports.report(id, for: viewer.principal)
            let state = try await record.state(for: viewer.principal)
            var main = HTML()
            render(report, state: state, viewer: viewer, &main)
            AttachmentPages.section(
                [AttachmentTarget(kind: .report, id: report.id.rawValue)], state: state,
                limit: attachmentLimit, viewer: viewer, &main)
            ReportForms.publishForm(report, viewer: viewer, &main)
            if let cycle = state.cycles[report.cycle] {
                ReportForms.fileForm(cycle: cycle, current: report, state: state, viewer: viewer, &main)
            }
            return PageContent(title: "\(ReportText.report(viewer.language)) · \(report.participant)", main: main)
        }
    }

    /// The list of cycles, each linking to its matrix.
    static func cycles(_ state: ProcessState, _ viewer: Viewer, _ html: inout HTML) {
        html.element("h2", text: ReportText.cycles(viewer.language))
        let cycles = state.cycles.values.sorted { $0.id < $1.id }
        if cycles.isEmpty { html.element("p", text: Words.noItems(viewer.language)) }
        html.element("ul") { html in
            for cycle in cycles {
                html.element("li") { html in
                    html.link(viewer.link("/reports", [("cycle", cycle.id.rawValue)]), viewer.words(cycle.title))
                    if let plan = state.externalPlans[cycle.plan] { html.text(" — \(viewer.words(plan.title))") }
                    if let due = cycle.due { html.text(" · \(ReportText.due(viewer.language)) \(due)") }
                }
            }
        }
    }

    static func render(_ matrix: ReportMatrix, state: ProcessState, viewer: Viewer, _ html: inout HTML) {
        let language = viewer.language
        let cycle = state.cycles[matrix.cycle]
        html.element("h2") { html in
            html.text("\(ReportText.cycle(language)) \(matrix.cycle.rawValue): ")
            viewer.write(cycle?.title, into: &html)
        }
        if let cycle {
            html.element("p") { html in
                if let plan = state.externalPlans[cycle.plan] {
                    html.text("\(ReportText.plan(language)): \(viewer.words(plan.title))")
                    if let date = plan.date { html.text(" (\(date))") }
                }
                if let due = cycle.due { html.text(" · \(ReportText.due(language)): \(due)") }
                if let meeting = cycle.meeting {
                    html.text(" · \(ReportText.receivedBy(language)): ")
                    html.link(viewer.link("/meetings/\(meeting.rawValue)"), meeting.rawValue)
                }
            }
        }
        html.element("p", [("class", "downloads")]) { html in
            html.text(ReportText.compilation(language) + ": ")
            html.link(
                Link("/api/v1/exports/compilation/" + matrix.cycle.rawValue, query: [("lang", language.rawValue)]),
                "DOCX")
        }
        html.element("table", [("class", "matrix")]) { html in
            html.element("thead") { html in
                html.element("tr") { html in
                    html.element("th", [("scope", "col")], text: ReportText.mandate(language))
                    for country in matrix.countries {
                        html.element("th", [("scope", "col"), ("title", viewer.name(country, in: state))]) { html in
                            html.link(
                                viewer.link(
                                    "/reports", [("cycle", matrix.cycle.rawValue), ("country", country.rawValue)]),
                                country.rawValue)
                        }
                    }
                    html.element("th", [("scope", "col")], text: ReportText.coordinatorReport(language))
                }
            }
            html.element("tbody") { html in
                for mandate in matrix.mandates {
                    html.element("tr") { html in
                        html.element("th", [("scope", "row")]) { html in
                            html.link(
                                viewer.link(
                                    "/reports", [("cycle", matrix.cycle.rawValue), ("mandate", mandate.rawValue)]),
                                mandate.rawValue)
                        }
                        for cell in matrix.cells where cell.mandate == mandate { write(cell, matrix, viewer, &html) }
                        if let cell = matrix.coordinatorReports.first(where: { $0.mandate == mandate }) {
                            write(cell, matrix, viewer, &html)
                        } else {
                            html.element("td", [("class", "state-none")], text: ReportText.state(.noReport, language))
                        }
                    }
                }
            }
        }
        html.element("h2", text: ReportText.notFiled(language))
        html.element("ul") { html in
            for mandate in matrix.mandates {
                let missing = matrix.notFiled(on: mandate)
                html.element("li") { html in
                    html.element("strong", text: mandate.rawValue)
                    html.text(
                        ": "
                            + (missing.isEmpty
                                ? ReportText.everyoneFiled(language)
                                : missing.map { viewer.name($0, in: state) }.joined(separator: ", ")))
                }
            }
        }
    }

    /// One cell: its state in words, linking to the report when there is one.
    private static func write(_ cell: ReportMatrix.Cell, _ matrix: ReportMatrix, _ viewer: Viewer, _ html: inout HTML) {
        let words = ReportText.state(cell.state, viewer.language)
        html.element("td", [("class", "state-\(cell.state.rawValue)")]) { html in
            guard let report = cell.report else { return html.text(words) }
            html.link(viewer.link("/reports/\(report.rawValue)"), words)
        }
    }

    /// A report as a review group reads it: the mandate's text, then what the country did, then the events it
    /// cites with their organizers and roles.
    static func render(_ report: NationalReport, state: ProcessState, viewer: Viewer, _ html: inout HTML) {
        let language = viewer.language
        let mandate = state.mandates[report.mandate]
        html.element("h1") { html in
            html.text(
                report.kind == .coordinator
                    ? "\(ReportText.coordinatorReport(language)) · \(report.mandate)"
                    : "\(ReportText.report(language)) · \(viewer.name(report.participant, in: state)) · \(report.mandate)"
            )
        }
        html.element("p") { html in
            html.text("\(ReportText.cycle(language)): ")
            html.link(viewer.link("/reports", [("cycle", report.cycle.rawValue)]), report.cycle.rawValue)
            html.text(
                " · \(ReportText.status(report.status, language)) · \(ReportText.revision(language)) \(report.revision)"
            )
            if let submitted = report.submitted { html.text(" · \(submitted)") }
            if state.isLate(report) { html.element("strong", text: " · \(ReportText.late(language))") }
            html.text(" · \(ReportText.language(language)): \(report.language.rawValue)")
            html.text(" · \(ReportText.recordedBy(language)): ")
            html.text(report.recordedBy == .secretariat ? ReportText.onBehalf(language) : report.recorder)
        }
        // The report as a document for the review group, in the viewer's language and in the report's own.
        html.element("p", [("class", "downloads")]) { html in
            html.text(ReportText.download(language) + ": ")
            let path = "/api/v1/exports/report/" + report.id.rawValue
            for format in ["docx", "pdf", "html"] {
                html.link(Link(path, query: [("format", format), ("lang", language.rawValue)]), format.uppercased())
                html.text(" ")
            }
            if report.language != language {
                html.link(
                    Link(path, query: [("format", "docx"), ("lang", report.language.rawValue)]),
                    "DOCX (\(report.language.rawValue))")
            }
        }
        if let mandate {
            html.element("section", [("class", "mandate")]) { html in
                html.element("h2", text: ReportText.mandate(language))
                html.element("blockquote") { viewer.write(mandate.text, into: &$0) }
                html.element("p", [("class", "muted")]) { html in
                    if let theme = mandate.theme { html.text("\(ReportText.theme(language)): \(viewer.words(theme))") }
                    if let coordinator = mandate.coordinator {
                        html.text(" · \(ReportText.coordinator(language)): \(viewer.name(coordinator, in: state))")
                    }
                    if !mandate.coCoordinators.isEmpty {
                        html.text(
                            " · \(ReportText.coCoordinators(language)): "
                                + mandate.coCoordinators.map { viewer.name($0, in: state) }.joined(separator: ", "))
                    }
                }
            }
        }
        for (name, text) in report.sections.texts {
            guard let text else { continue }
            html.element("h2", text: ReportText.section(name)(language))
            for paragraph in viewer.words(text).split(separator: "\n\n") {
                html.element("p", [("lang", text[language] == nil ? text.authoritative.rawValue : language.rawValue)]) {
                    $0.text(String(paragraph))
                }
            }
        }
        if !report.sections.links.isEmpty {
            // External addresses are shown, never linked: pages link only into the site.
            html.element("h2", text: ReportText.links(language))
            html.element("ul") { html in
                for link in report.sections.links { html.element("li") { $0.element("code", text: link) } }
            }
        }
        if !report.indicators.isEmpty { indicators(report.indicators, viewer, &html) }
        let events = report.events.compactMap { state.events[$0] }
        if !events.isEmpty {
            html.element("h2", text: ReportText.events(language))
            html.element("ul") { html in
                for event in events { html.element("li") { self.event(event, state: state, viewer: viewer, &$0) } }
            }
        }
    }

    private static func indicators(_ indicators: [Indicator], _ viewer: Viewer, _ html: inout HTML) {
        let language = viewer.language
        html.element("h2", text: ReportText.indicators(language))
        html.element("table") { html in
            html.element("thead") { html in
                html.element("tr") { html in
                    for header in [ReportText.indicator, .unit, .baseline, .target, .actual] {
                        html.element("th", [("scope", "col")], text: header(language))
                    }
                }
            }
            html.element("tbody") { html in
                for indicator in indicators {
                    html.element("tr") { html in
                        html.element("td") { viewer.write(indicator.name, into: &$0) }
                        for value in [indicator.unit, indicator.baseline, indicator.target, indicator.actual] {
                            html.element("td", text: value ?? "—")
                        }
                    }
                }
            }
        }
    }

    /// An event: its kind and title, where and when, and who organized it in what role.
    static func event(_ event: Event, state: ProcessState, viewer: Viewer, _ html: inout HTML) {
        let language = viewer.language
        html.element("strong") { viewer.write(event.title, into: &$0) }
        html.text(" (\(ReportText.kind(event.kind, language))")
        if let place = event.place { html.text(", \(viewer.words(place))") }
        if let start = event.start {
            html.text(", \(start)" + (event.end.map { $0 == start ? "" : "–\($0)" } ?? ""))
        }
        html.text(")")
        guard !event.organizers.isEmpty else { return }
        html.element("ul") { html in
            for organizer in event.organizers {
                html.element("li") { html in
                    html.text("\(ReportText.role(organizer.role, language)): ")
                    if let name = organizer.name {
                        viewer.write(name, into: &html)
                        if let participant = organizer.participant { html.text(" (\(participant))") }
                    } else if let participant = organizer.participant {
                        html.text(viewer.name(participant, in: state))
                    }
                }
            }
        }
    }
}

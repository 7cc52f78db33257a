import AccordCore
import AccordServices

/// Filing a report through the pages: a delegation for its own country, the Secretariat on any country's
/// behalf, each section written in the report's language (which becomes its authoritative text); and the
/// Secretariat's publishing. Core's rules decide the rest (a coordinator's report, a report already published),
/// and a refusal page names the field.
enum ReportForms {
    /// The sections a form writes, in the order a report lays them out.
    static let sections = [
        "summary", "actions", "partnerships", "financing", "beneficiaries", "limitations", "nextSteps",
    ]

    static func add(to pages: PageRoutes) {
        let reports = FollowUpService(record: pages.record)
        pages.form("reports/{cycle}", [String: String].self) { viewer, fields, context in
            let filing = try filing(cycle: .init(context.parameters.get("cycle") ?? ""), fields: fields)
            try viewer.policy.require(
                viewer.policy.recordsPositions && viewer.policy.mayAct(for: filing.participant),
                "file a report for \(filing.participant)")
            let (_, report) = try await reports.file(filing, as: viewer.principal)
            return viewer.link("/reports/\(report.id.rawValue)")
        }
        pages.form("reports/{cycle}/{mandate}/{participant}/publish", PageFormGuard.AntiForgery.self) {
            viewer, _, context in
            try viewer.policy.require(viewer.policy.recordsDecisions, "publish a report")
            let id = NationalReport.id(
                cycle: context.parameters.get("cycle") ?? "", mandate: context.parameters.get("mandate") ?? "",
                segment: context.parameters.get("participant") ?? "")
            _ = try await reports.publish(id, as: viewer.principal)
            return viewer.link("/reports/\(id.rawValue)")
        }
    }

    /// The filing the form describes. Each section is written in the report's language; events are checked
    /// as `event.CODE`; links are one per line.
    static func filing(cycle: CycleID, fields: [String: String]) throws -> ReportFiling {
        let participant = ParticipantID(
            try FormBody.required(fields["participant"], "participant", "choose the country the report is by"))
        let mandate = MandateID(try FormBody.required(fields["mandate"], "mandate", "choose the mandate"))
        guard let language = Language(rawValue: FormBody.trimmed(fields["language"])) else {
            throw AuthError.invalid(field: "language", reason: "choose the language the report is written in")
        }
        let kind = ReportKind(rawValue: FormBody.trimmed(fields["kind"])) ?? .national
        let status = ReportStatus(rawValue: FormBody.trimmed(fields["status"])) ?? .draft
        func text(_ name: String) -> LocalizedText? {
            let value = FormBody.trimmed(fields[name])
            return value.isEmpty ? nil : LocalizedText(authoritative: language, [language: value])
        }
        let links = FormBody.trimmed(fields["links"]).split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let events = fields.keys.filter { $0.hasPrefix("event.") }.map { EventID(String($0.dropFirst(6))) }.sorted()
        return ReportFiling(
            cycle: cycle, mandate: mandate, participant: participant, kind: kind, language: language,
            sections: ReportSections(
                summary: text("summary"), actions: text("actions"), partnerships: text("partnerships"),
                financing: text("financing"), beneficiaries: text("beneficiaries"), limitations: text("limitations"),
                nextSteps: text("nextSteps"), links: links),
            events: events, status: status)
    }

    /// The filing form of `cycle`, for whoever may speak for a member state; filled with `current` (a report
    /// being revised) when there is one.
    static func fileForm(
        cycle: ReportingCycle, current: NationalReport?, state: ProcessState, viewer: Viewer, _ html: inout HTML
    ) {
        guard viewer.policy.recordsPositions, current?.status != .published else { return }
        let members = state.participants.values.filter { $0.kind == .memberState }.map(\.id).sorted()
        let speakers =
            current.map { viewer.policy.speaksFor(among: [$0.participant]) }
            ?? viewer.policy.speaksFor(among: members)
        guard !speakers.isEmpty else { return }
        let language = viewer.language
        let mandates = state.mandates.values.filter { $0.plan == cycle.plan }.map(\.id).sorted()
        html.element("h2", text: ReportText.fileReport(language))
        let action = viewer.link("/reports/\(cycle.id.rawValue)").path
        html.element("form", [("class", "stack"), ("method", "post"), ("action", action)]) { html in
            Forms.token(viewer, &html)
            Forms.select(
                "participant", ReportText.country(language), speakers.map { ($0.rawValue, viewer.name($0, in: state)) },
                selected: current?.participant.rawValue ?? "", &html)
            Forms.select(
                "mandate", ReportText.mandate(language), mandates.map { ($0.rawValue, $0.rawValue) },
                selected: current?.mandate.rawValue ?? "", &html)
            Forms.select(
                "kind", ReportText.kind(language),
                [
                    (ReportKind.national.rawValue, ReportText.report(language)),
                    (ReportKind.coordinator.rawValue, ReportText.coordinatorReport(language)),
                ], selected: current?.kind.rawValue ?? "", &html)
            Forms.select(
                "language", ReportText.language(language),
                Language.allCases.map { ($0.rawValue, $0.rawValue) },
                selected: (current?.language ?? language).rawValue, &html)
            for name in sections {
                let value = current?.sections.texts.first { $0.name == name }?.text?.original ?? ""
                html.element("label") { html in
                    html.element("span", text: ReportText.section(name)(language))
                    html.element("textarea", [("name", name), ("rows", "4")], text: value)
                }
            }
            html.element("label") { html in
                html.element("span", text: ReportText.links(language))
                html.element(
                    "textarea", [("name", "links"), ("rows", "2")],
                    text: current?.sections.links.joined(separator: "\n") ?? "")
            }
            let events = state.events.values.sorted {
                ($0.start?.description ?? "", $0.id) < ($1.start?.description ?? "", $1.id)
            }
            html.element("fieldset") { html in
                html.element("legend", text: ReportText.events(language))
                for event in events {
                    html.element("label") { html in
                        var attributes: [(StaticString, String)] = [
                            ("type", "checkbox"), ("name", "event.\(event.id)"),
                        ]
                        if current?.events.contains(event.id) == true { attributes.append(("checked", "")) }
                        html.open("input", attributes)
                        html.text(" \(viewer.words(event.title))" + (event.start.map { " (\($0))" } ?? ""))
                    }
                }
            }
            Forms.select(
                "status", ReportText.statusField(language),
                [ReportStatus.draft, .submitted].map { ($0.rawValue, ReportText.status($0, language)) },
                selected: current?.status.rawValue ?? "", &html)
            html.element("button", [("type", "submit")], text: ReportText.fileReport(language))
        }
    }

    /// The Secretariat's button that publishes a submitted report.
    static func publishForm(_ report: NationalReport, viewer: Viewer, _ html: inout HTML) {
        guard viewer.policy.recordsDecisions, report.status == .submitted else { return }
        let action = viewer.link("/reports/\(report.id.rawValue)/publish").path
        html.element("form", [("method", "post"), ("action", action)]) { html in
            Forms.token(viewer, &html)
            html.element("button", [("type", "submit")], text: ReportText.publish(viewer.language))
        }
    }
}

import AccordCore
import AccordDocuments
import AccordServices
import Foundation

/// The agenda editor: the Secretariat starts from the record's suggestion (standing items, activities due,
/// proposals tabled, workplan updates), edits titles and purposes, drops and adds items, and saves the
/// draft; the Presidency approves it, after which it no longer changes.
enum AgendaEditor {
    static func add(to pages: PageRoutes) {
        let record = pages.record
        pages.page("meetings/{code}/agenda", cached: false) { viewer, _, context in
            try viewer.policy.require(viewer.policy.seesWorkingState, "see draft agendas")
            let state = try await record.state(for: viewer.principal)
            let code = MeetingID(context.parameters.get("code") ?? "")
            guard let meeting = state.meetings[code] else {
                throw Problem.notFound("meeting", code.rawValue, field: "code")
            }
            let agenda = state.agendas[code] ?? Agenda.suggested(for: code, in: state, today: today())
            return render(meeting, agenda: agenda, isStored: state.agendas[code] != nil, viewer: viewer)
        }
        // The editor's rows are numbered (title0, keep0, …), so its fields are read by name.
        pages.form("meetings/{code}/agenda", [String: String].self) { viewer, fields, context in
            try viewer.policy.require(viewer.policy.draftsAgendas, "draft agendas")
            let code = MeetingID(context.parameters.get("code") ?? "")
            let state = try await record.state(for: viewer.principal)
            guard state.meetings[code] != nil else { throw Problem.notFound("meeting", code.rawValue, field: "code") }
            let base = state.agendas[code] ?? Agenda.suggested(for: code, in: state, today: today())
            let agenda = try edited(base ?? Agenda(meeting: code, items: []), fields: fields, language: viewer.language)
            try await record.record(
                .setAgenda(agenda), authority: .editorial(reason: "agenda drafted by the Secretariat"),
                as: viewer.principal)
            return viewer.link("/meetings/\(code.rawValue)/agenda")
        }
        pages.form("meetings/{code}/agenda/approve", PageFormGuard.AntiForgery.self) { viewer, _, context in
            try viewer.policy.require(viewer.policy.approvesAgendas, "approve agendas")
            let code = MeetingID(context.parameters.get("code") ?? "")
            try await record.record(
                .approveAgenda(code), authority: .editorial(reason: "agenda approved by the Presidency Pro-Tempore"),
                as: viewer.principal)
            return viewer.link("/meetings/\(code.rawValue)")
        }
    }

    /// The agenda as the form left it: rows kept in order with their edited titles and purposes, then the
    /// new rows that have a title.
    static func edited(_ base: Agenda, fields: [String: String], language: Language) throws -> Agenda {
        var items: [AgendaEntry] = []
        for (index, entry) in base.items.enumerated() where fields["keep\(index)"] != nil {
            var entry = entry
            let title = (fields["title\(index)"] ?? "").trimmingCharacters(in: .whitespaces)
            guard !title.isEmpty else {
                throw AuthError.invalid(
                    field: "title\(index)", reason: "an agenda item needs a title; untick it to drop it")
            }
            entry.title[language] = title
            if let purpose = fields["purpose\(index)"].flatMap(AgendaPurpose.init(rawValue:)) {
                entry.purpose = purpose
            }
            items.append(entry)
        }
        for index in 0..<3 {
            let title = (fields["new\(index)"] ?? "").trimmingCharacters(in: .whitespaces)
            guard !title.isEmpty else { continue }
            let purpose = fields["newPurpose\(index)"].flatMap(AgendaPurpose.init(rawValue:)) ?? .discussion
            items.append(
                AgendaEntry(
                    title: LocalizedText(authoritative: language, [language: title]), source: .other, purpose: purpose))
        }
        return Agenda(meeting: base.meeting, items: items, status: .draft)
    }

    static func render(_ meeting: Meeting, agenda: Agenda?, isStored: Bool, viewer: Viewer) -> PageContent {
        var main = HTML()
        main.element("h1", text: "\(Words.agenda(viewer.language)): \(viewer.words(meeting.title))")
        let status = agenda.map { isStored ? $0.status.rawValue : "suggested" } ?? "none"
        main.element(
            "p", [("class", "notice")], text: "\(viewer.t(.status)): \(UIText.agendaState(status, viewer.language))")
        let policy = viewer.policy
        if let agenda, agenda.status == .draft, policy.draftsAgendas {
            editForm(meeting, agenda, viewer, &main)
        } else if let agenda {
            list(agenda, viewer: viewer, &main)
        }
        if let agenda, isStored, agenda.status == .draft, policy.approvesAgendas {
            main.element(
                "form",
                [("method", "post"), ("action", viewer.link("/meetings/\(meeting.id.rawValue)/agenda/approve").path)]
            ) { html in
                Forms.token(viewer, &html)
                html.element("button", [("type", "submit")], text: viewer.t(.approveAgenda))
            }
        }
        main.element("p") { $0.link(viewer.link("/meetings/\(meeting.id.rawValue)"), viewer.words(meeting.title)) }
        return PageContent(title: Words.agenda(viewer.language), main: main, section: .meetings)
    }

    static func list(_ agenda: Agenda, viewer: Viewer, _ html: inout HTML) {
        html.element("ol") { html in
            for entry in agenda.items {
                html.element("li") { html in
                    viewer.write(entry.title, into: &html)
                    html.element(
                        "span", [("class", "muted")], text: " (\(Words.purpose(entry.purpose, viewer.language)))")
                }
            }
        }
    }

    private static func editForm(_ meeting: Meeting, _ agenda: Agenda, _ viewer: Viewer, _ html: inout HTML) {
        let purposes = AgendaPurpose.allCases.map { ($0.rawValue, Words.purpose($0, viewer.language)) }
        html.element(
            "form", [("method", "post"), ("action", viewer.link("/meetings/\(meeting.id.rawValue)/agenda").path)]
        ) { html in
            Forms.token(viewer, &html)
            html.element("table") { html in
                html.element("thead") { html in
                    html.element("tr") { html in
                        for key: UIText in [.keep, .item, .purpose] {
                            html.element("th", [("scope", "col")], text: viewer.t(key))
                        }
                    }
                }
                html.element("tbody") { html in
                    for (index, entry) in agenda.items.enumerated() {
                        html.element("tr") { html in
                            html.element("td") { html in
                                html.open(
                                    "input",
                                    [
                                        ("type", "checkbox"), ("name", "keep\(index)"), ("checked", ""),
                                        ("aria-label", viewer.t(.keep)),
                                    ])
                            }
                            html.element("td") { html in
                                html.open(
                                    "input",
                                    [
                                        ("type", "text"), ("name", "title\(index)"),
                                        ("value", viewer.words(entry.title)),
                                        ("aria-label", viewer.t(.item)), ("size", "60"),
                                    ])
                            }
                            html.element("td") { html in
                                select("purpose\(index)", purposes, entry.purpose.rawValue, viewer, &html)
                            }
                        }
                    }
                    for index in 0..<3 {
                        html.element("tr") { html in
                            html.element("td", text: "+")
                            html.element("td") { html in
                                html.open(
                                    "input",
                                    [
                                        ("type", "text"), ("name", "new\(index)"), ("aria-label", viewer.t(.newItem)),
                                        ("size", "60"),
                                    ])
                            }
                            html.element("td") { select("newPurpose\(index)", purposes, "discussion", viewer, &$0) }
                        }
                    }
                }
            }
            html.element("button", [("type", "submit")], text: viewer.t(.saveDraft))
        }
    }

    private static func select(
        _ name: String, _ options: [(String, String)], _ selected: String, _ viewer: Viewer, _ html: inout HTML
    ) {
        html.element("select", [("name", name), ("aria-label", viewer.t(.purpose))]) { html in
            for (value, label) in options {
                Forms.option(value, label, isSelected: value == selected, &html)
            }
        }
    }

    static func today() -> PartialDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return PartialDate(year: parts.year!, month: parts.month, day: parts.day)!
    }
}

import AccordCore
import AccordDocuments
import AccordServices
import Foundation

/// Meetings: the list, and one meeting with its attendance, agenda, decisions and (for the working side)
/// draft decisions with each delegation's position. The Secretariat records what the meeting decided here.
enum MeetingPages {
    static func add(to pages: PageRoutes) {
        let attachmentLimit = pages.attachmentLimit
        let record = pages.record
        pages.page("meetings") { viewer, _, _ in
            let state = try await record.state(for: viewer.principal)
            var main = HTML()
            main.element("h1", text: viewer.t(.meetings))
            main.element("p") { $0.link(viewer.link("/participants"), ParticipantText.participants(viewer.language)) }
            for body in state.bodies.values.sorted(by: { ($0.level, $1.id) > ($1.level, $0.id) }) {
                let meetings = state.meetings.values.filter { $0.body == body.id }.sorted(by: Meetings.chronological)
                guard !meetings.isEmpty else { continue }
                main.element("h2", text: viewer.words(body.name))
                main.element("ul") { html in
                    for meeting in meetings.reversed() {
                        html.element("li") { html in
                            html.link(viewer.link("/meetings/\(meeting.id.rawValue)"), viewer.words(meeting.title))
                            let when = [meeting.start?.description, viewer.words(meeting.place)]
                                .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " · ")
                            if !when.isEmpty { html.element("span", [("class", "muted")], text: " — \(when)") }
                        }
                    }
                }
            }
            if viewer.policy.recordsDecisions { MeetingForms.newMeeting(state: state, viewer: viewer, &main) }
            return PageContent(title: viewer.t(.meetings), main: main, section: .meetings)
        }
        pages.page("meetings/{code}") { viewer, _, context in
            let state = try await record.state(for: viewer.principal)
            let code = MeetingID(context.parameters.get("code") ?? "")
            guard let meeting = state.meetings[code] else {
                throw Problem.notFound("meeting", code.rawValue, field: "code")
            }
            return render(meeting, state: state, attachmentLimit: attachmentLimit, viewer: viewer)
        }
        pages.form("meetings/{code}/decisions", DecisionFields.self) { viewer, fields, context in
            let code = MeetingID(context.parameters.get("code") ?? "")
            try viewer.policy.require(viewer.policy.recordsDecisions, "record a meeting's decisions")
            try await Self.record(fields, meeting: code, viewer: viewer, record: record)
            return viewer.link("/meetings/\(code.rawValue)")
        }
    }

    static func render(_ meeting: Meeting, state: ProcessState, attachmentLimit: Int, viewer: Viewer) -> PageContent {
        let policy = viewer.policy
        var main = HTML()
        main.element("h1", text: viewer.words(meeting.title))
        main.element("dl", [("class", "facts")]) { html in
            let dates = [meeting.start?.description, meeting.end?.description].compactMap { $0 }
            html.element("dt", text: Words.dates(viewer.language))
            html.element("dd", text: dates.isEmpty ? "—" : dates.joined(separator: " – "))
            html.element("dt", text: Words.place(viewer.language))
            html.element("dd", text: meeting.place.map(viewer.words) ?? "—")
            if let theme = meeting.theme {
                html.element("dt", text: MeetingFormText.theme(viewer.language))
                html.element("dd") { viewer.write(theme, into: &$0) }
            }
            if let host = meeting.host {
                html.element("dt", text: viewer.t(.host))
                html.element("dd", text: viewer.name(host, in: state))
            }
            html.element("dt", text: Words.attendance(viewer.language))
            html.element("dd") { html in
                for (index, participant) in meeting.attendance.enumerated() {
                    if index > 0 { html.text(", ") }
                    html.link(viewer.link("/participants/\(participant.rawValue)"), viewer.name(participant, in: state))
                }
            }
        }
        // Once the meeting has decided, its attendance is the record of who decided: only a decision corrects it.
        if policy.recordsDecisions, !state.hasOutcome(meeting.id) {
            MeetingForms.attendanceForm(meeting, state: state, viewer: viewer, &main)
        }
        main.element("p", [("class", "downloads")]) { html in
            html.text(viewer.t(.download) + ": ")
            let lang = [("lang", viewer.language.rawValue)]
            html.link(
                Link("/api/v1/exports/agenda/\(meeting.id.rawValue)", query: lang),
                "\(Words.agenda(viewer.language)) DOCX")
            html.link(
                Link("/api/v1/exports/conclusions/\(meeting.id.rawValue)", query: lang),
                "\(Words.conclusions(viewer.language)) DOCX")
            html.link(Link("/api/v1/exports/statement/\(meeting.id.rawValue)", query: lang), "Akoma Ntoso")
        }
        main.element("h2", text: Words.agenda(viewer.language))
        if let agenda = state.agendas[meeting.id] {
            AgendaEditor.list(agenda, viewer: viewer, &main)
        } else {
            main.element("p", [("class", "muted")], text: viewer.t(.noAgenda))
        }
        if policy.seesWorkingState {
            main.element("p") {
                $0.link(viewer.link("/meetings/\(meeting.id.rawValue)/agenda"), viewer.t(.agendaEditor))
            }
        }
        main.element("h2", text: viewer.t(.decisions))
        let decisions = state.decisions.values.filter { $0.meeting == meeting.id }.sorted { $0.id < $1.id }
        if decisions.isEmpty { main.element("p", text: Words.noDecisions(viewer.language)) }
        DecisionPages.list(decisions, state: state, viewer: viewer, &main)
        if policy.seesWorkingState {
            let drafts = state.drafts.values.filter { $0.meeting == meeting.id && $0.status == .draft }
            if !drafts.isEmpty {
                main.element("h2", text: viewer.t(.draftDecisions))
                for draft in drafts.sorted(by: { $0.id < $1.id }) {
                    positions(draft, meeting, state, viewer, &main)
                    PositionForms.forms(draft, meeting, state: state, viewer: viewer, &main)
                }
            }
        }
        if policy.recordsDecisions {
            MeetingForms.draftForm(meeting, state: state, viewer: viewer, &main)
            recordForm(meeting, state: state, viewer: viewer, &main)
            main.element("p") { html in
                html.link(
                    viewer.link("/meetings/\(meeting.id.rawValue)/transcription"), OutcomeText.title(viewer.language))
            }
        }
        AttachmentPages.section(
            [AttachmentTarget(kind: .meeting, id: meeting.id.rawValue)], state: state, limit: attachmentLimit,
            viewer: viewer, &main)
        return PageContent(title: viewer.words(meeting.title), main: main, section: .meetings)
    }

    /// A draft and every member state present with its position, or the gap that blocks consensus.
    private static func positions(
        _ draft: DraftDecision, _ meeting: Meeting, _ state: ProcessState, _ viewer: Viewer, _ html: inout HTML
    ) {
        html.element(
            "h3",
            text:
                "\(SubParagraphs.label(draft.paragraph, viewer.language)) (\(Words.kind(draft.kind, viewer.language)))")
        html.element("p") { viewer.write(draft.text, into: &$0) }
        html.element("table") { html in
            html.element("thead") { html in
                html.element("tr") { html in
                    html.element("th", [("scope", "col")], text: viewer.t(.memberState))
                    html.element("th", [("scope", "col")], text: viewer.t(.position))
                }
            }
            html.element("tbody") { html in
                let present = meeting.attendance.filter { state.participants[$0]?.kind == .memberState }
                for participant in present {
                    let record = draft.positions.last { $0.participant == participant }
                    html.element("tr") { html in
                        html.element("td", text: viewer.name(participant, in: state))
                        html.element("td") { html in
                            guard let record else { return html.text(viewer.t(.noPositionYet)) }
                            html.text(UIText.position(record.position, viewer.language))
                            if record.recordedBy == .secretariat {
                                html.element(
                                    "span", [("class", "muted")], text: " (\(viewer.t(.recordedBySecretariat)))")
                            }
                            if let note = record.note {
                                html.element("div", [("class", "muted")]) { viewer.write(note, into: &$0) }
                            }
                        }
                    }
                }
            }
        }
    }

    /// The Secretariat's form: one paragraph of the outcome document, and what it does to the plan.
    private static func recordForm(_ meeting: Meeting, state: ProcessState, viewer: Viewer, _ html: inout HTML) {
        html.element("h2", text: viewer.t(.recordDecision))
        html.element(
            "form",
            [
                ("class", "stack"), ("method", "post"),
                ("action", viewer.link("/meetings/\(meeting.id.rawValue)/decisions").path),
            ]
        ) { html in
            Forms.token(viewer, &html)
            Forms.field("paragraph", Words.paragraph(viewer.language), required: true, &html)
            Forms.select(
                "kind", Words.kind(viewer.language),
                DecisionKind.allCases.map { ($0.rawValue, Words.kind($0, viewer.language)) }, selected: "conclusion",
                &html)
            Forms.textarea(
                "text", "\(viewer.t(.text)) (\(UIText.languageName(viewer.language)))", required: true, &html)
            Forms.field("source", viewer.t(.source), value: viewer.t(.outcomeDocument), required: true, &html)
            let items = state.items.values.filter { !$0.status.allowedNext.isEmpty }.sorted(by: Plan.inReadingOrder)
            Forms.select(
                "item", viewer.t(.effectOnItem),
                [("", viewer.t(.noEffect))]
                    + items.map { ($0.number.rawValue, "\($0.number.rawValue) \(viewer.words($0.title))") }, &html)
            Forms.select(
                "status", viewer.t(.newStatus), Status.allCases.map { ($0.rawValue, viewer.status($0)) },
                selected: "approved", &html)
            html.element("button", [("type", "submit")], text: viewer.t(.recordDecision))
        }
    }

    /// The decision form's fields: the paragraph, and the status it gives an item, if any.
    struct DecisionFields: Decodable, Sendable {
        var paragraph: String?
        var kind: String?
        var text: String?
        var source: String?
        var item: String?
        var status: String?
    }

    /// Records the paragraph, transcribed from the outcome document, with the effect it declares: pending
    /// until the Presidency confirms the transcription, which applies the effect.
    static func record(_ fields: DecisionFields, meeting: MeetingID, viewer: Viewer, record: RecordService)
        async throws
    {
        let paragraph = FormBody.trimmed(fields.paragraph)
        let text = try FormBody.required(fields.text, "text", "write the paragraph's text")
        guard let kind = DecisionKind(rawValue: fields.kind ?? "") else {
            throw AuthError.invalid(field: "kind", reason: "choose conclusion, decision, recommendation or declaration")
        }
        let source = try FormBody.required(
            fields.source, "source", "say which document the paragraph is transcribed from")
        var effects: [Change] = []
        if let item = fields.item, !item.isEmpty {
            guard let status = Status(rawValue: fields.status ?? "") else {
                throw AuthError.invalid(field: "status", reason: "choose the status the decision gives the item")
            }
            effects.append(.changeStatus(item: ItemNumber(item), to: status))
        }
        let decision = Decision(
            meeting: meeting, paragraph: paragraph, kind: kind, text: viewer.typed(text), effects: effects)
        try await record.record(.recordDecision(decision), authority: .editorial(reason: source), as: viewer.principal)
    }
}

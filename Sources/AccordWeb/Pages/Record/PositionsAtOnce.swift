import AccordCore
import AccordServices

/// The Secretariat records the positions of every member state present on a draft in one form, as a meeting
/// reads them out: "all present: does not object", then the exceptions (issue 19.1). Each member state gets
/// its own position entry, recorded through the rules exactly as one recorded alone — the record says the
/// Secretariat recorded it on the delegation's behalf — all in one transaction: if the rules refuse one, none
/// is recorded. Consensus is then computed from them, never set.
enum PositionsAtOnce {
    static func add(to pages: PageRoutes) {
        let record = pages.record
        // Read whole, as a dictionary: there is one field per member state present (`position-MEX`).
        pages.form("meetings/{code}/positions/all", [String: String].self) { viewer, fields, context in
            try viewer.policy.require(viewer.policy.recordsDecisions, "record the positions of all present")
            let code = MeetingID(context.parameters.get("code") ?? "")
            let paragraph = try FormBody.required(fields["draft"], "draft", "choose the draft decision")
            let state = try await record.state(for: viewer.principal)
            guard let meeting = state.meetings[code] else {
                throw Problem.notFound("meeting", code.rawValue, field: "code")
            }
            let draft = DraftID(Decision.id(meeting: code, paragraph: paragraph).rawValue)
            guard state.drafts[draft] != nil else {
                throw Problem.notFound("draft decision", draft.rawValue, field: "draft")
            }
            let statements = try Self.statements(fields, draft: draft, meeting: meeting, state: state, viewer: viewer)
            try await record.record(
                statements.map { (.recordPosition($0), .participant($0.participant)) }, as: viewer.principal)
            return viewer.link("/meetings/\(code.rawValue)")
        }
    }

    /// The member states present at `meeting`, as Core counts them: by their standing on its first day.
    static func memberStates(at meeting: Meeting, in state: ProcessState) -> [ParticipantID] {
        meeting.attendance.filter { state.standing(of: $0, on: meeting.start) == .memberState }
    }

    /// One statement per member state present: the position chosen for all present, unless the form gives
    /// it its own (`position-MEX`), with its note (`note-MEX`) if any.
    static func statements(
        _ fields: [String: String], draft: DraftID, meeting: Meeting, state: ProcessState, viewer: Viewer
    ) throws -> [PositionStatement] {
        guard let all = Position(rawValue: FormBody.trimmed(fields["all"])) else {
            throw AuthError.invalid(field: "all", reason: "choose the position of all present")
        }
        let present = memberStates(at: meeting, in: state)
        guard !present.isEmpty else {
            throw AuthError.invalid(
                field: "draft", reason: "no member state is recorded as present at \(meeting.id); record its attendance"
            )
        }
        return try present.map { participant in
            let field = "position-\(participant.rawValue)"
            let chosen = FormBody.trimmed(fields[field])
            var position = all
            if !chosen.isEmpty {
                guard let own = Position(rawValue: chosen) else {
                    throw AuthError.invalid(field: field, reason: "'\(chosen)' is not a position")
                }
                position = own
            }
            let note = FormBody.trimmed(fields["note-\(participant.rawValue)"])
            return PositionStatement(
                draft: draft, participant: participant, position: position,
                note: note.isEmpty ? nil : viewer.typed(note))
        }
    }

    /// The form under a draft, for the Secretariat: the position of all present, and a row per member state
    /// present whose choice defaults to it.
    static func form(
        _ draft: DraftDecision, _ meeting: Meeting, state: ProcessState, viewer: Viewer, _ html: inout HTML
    ) {
        let present = memberStates(at: meeting, in: state)
        guard viewer.policy.recordsDecisions, !present.isEmpty else { return }
        let language = viewer.language
        let positions = Position.allCases.map { ($0.rawValue, UIText.position($0, language)) }
        let action = viewer.link("/meetings/\(meeting.id.rawValue)/positions/all").path
        html.element("form", [("class", "stack"), ("method", "post"), ("action", action)]) { html in
            Forms.token(viewer, &html)
            html.open("input", [("type", "hidden"), ("name", "draft"), ("value", draft.paragraph)])
            Forms.select("all", PositionsText.allPresent(language), positions, selected: "does-not-object", &html)
            html.element("table") { html in
                html.element("caption", text: PositionsText.exceptions(language))
                html.element("thead") { html in
                    html.element("tr") { html in
                        html.element("th", [("scope", "col")], text: viewer.t(.memberState))
                        html.element("th", [("scope", "col")], text: viewer.t(.position))
                        html.element("th", [("scope", "col")], text: viewer.t(.note))
                    }
                }
                html.element("tbody") { html in
                    for participant in present {
                        let name = viewer.name(participant, in: state)
                        html.element("tr") { html in
                            html.element("th", [("scope", "row")], text: name)
                            html.element("td") { html in
                                html.element(
                                    "select",
                                    [
                                        ("name", "position-\(participant.rawValue)"),
                                        ("aria-label", "\(viewer.t(.position)): \(name)"),
                                    ]
                                ) { html in
                                    Forms.option("", PositionsText.asAll(language), isSelected: true, &html)
                                    for (value, label) in positions {
                                        Forms.option(value, label, isSelected: false, &html)
                                    }
                                }
                            }
                            html.element("td") { html in
                                html.open(
                                    "input",
                                    [
                                        ("type", "text"), ("name", "note-\(participant.rawValue)"),
                                        ("aria-label", "\(viewer.t(.note)): \(name)"),
                                    ])
                            }
                        }
                    }
                }
            }
            html.element("button", [("type", "submit")], text: PositionsText.record(language))
        }
    }
}

/// The all-present form's words, in Spanish, English and French.
enum PositionsText {
    static func allPresent(_ language: Language) -> String {
        language.pick(("Todos los presentes", "All present", "Tous les présents"))
    }
    static func exceptions(_ language: Language) -> String {
        language.pick(
            (
                "Excepciones (las demás delegaciones toman la posición de todos)",
                "Exceptions (every other delegation takes the position of all present)",
                "Exceptions (les autres délégations prennent la position de tous)"
            ))
    }
    static func asAll(_ language: Language) -> String {
        language.pick(("— como todos —", "— as all present —", "— comme tous —"))
    }
    static func record(_ language: Language) -> String {
        language.pick(
            (
                "Registrar las posiciones de todos los presentes", "Record the positions of all present",
                "Enregistrer les positions de tous les présents"
            ))
    }
}

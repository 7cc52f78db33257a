import AccordCore
import AccordDocuments
import AccordServices

/// The Secretariat's daily acts on meetings, from pages (issue 19.1): recording a meeting — its body, code,
/// title, dates, place, host and who attended — correcting its attendance, and tabling a draft decision with
/// the effects it declares. Each is recorded through `RecordService` as the signed-in account, and Core's rules
/// decide exactly as they do for the API (a meeting that has decided keeps its attendance, say).
///
/// The forms' fields are read by name (`present-MEX`, `add-title`…), since their number follows the record.
enum MeetingForms {
    static func add(to pages: PageRoutes) {
        let record = pages.record
        OutcomeDocumentForm.add(to: pages)
        pages.form("meetings", [String: String].self) { viewer, fields, _ in
            try viewer.policy.require(viewer.policy.recordsDecisions, "record meetings")
            let state = try await record.state(for: viewer.principal)
            let meeting = try Self.meeting(from: fields, state: state, viewer: viewer)
            try await record.record(
                .addMeeting(meeting), authority: .editorial(reason: try source(fields)), as: viewer.principal)
            return viewer.link("/meetings/\(meeting.id.rawValue)")
        }
        pages.form("meetings/{code}/attendance", [String: String].self) { viewer, fields, context in
            try viewer.policy.require(viewer.policy.recordsDecisions, "record who attended a meeting")
            let code = MeetingID(context.parameters.get("code") ?? "")
            let state = try await record.state(for: viewer.principal)
            guard var meeting = state.meetings[code] else {
                throw Problem.notFound("meeting", code.rawValue, field: "code")
            }
            meeting.attendance = present(in: fields, state: state)
            try await record.record(
                .amendMeeting(meeting), authority: .editorial(reason: try source(fields)), as: viewer.principal)
            return viewer.link("/meetings/\(code.rawValue)")
        }
        pages.form("meetings/{code}/drafts", [String: String].self) { viewer, fields, context in
            try viewer.policy.require(viewer.policy.recordsDecisions, "table draft decisions")
            let code = MeetingID(context.parameters.get("code") ?? "")
            let state = try await record.state(for: viewer.principal)
            guard let meeting = state.meetings[code] else {
                throw Problem.notFound("meeting", code.rawValue, field: "code")
            }
            let draft = try Self.draft(from: fields, at: meeting, state: state, viewer: viewer)
            // Its sub-paragraphs are drafts of their own, tabled with it in one transaction: each is a
            // paragraph of the outcome document, on which the delegations take a position and which is adopted.
            let subParagraphs = try SubParagraphs.read(
                fields["subparagraphs"], under: draft.paragraph, field: "subparagraphs"
            ).map {
                DraftDecision(meeting: code, paragraph: $0.paragraph, kind: draft.kind, text: viewer.typed($0.text))
            }
            try await record.record(
                ([draft] + subParagraphs).map {
                    (.tableDraft($0), .editorial(reason: "draft tabled by the Secretariat"))
                }, as: viewer.principal)
            return viewer.link("/meetings/\(code.rawValue)")
        }
    }

    // MARK: Reading the forms

    /// The meeting the new-meeting form describes.
    static func meeting(from fields: [String: String], state: ProcessState, viewer: Viewer) throws -> Meeting {
        let body = try FormBody.required(fields["body"], "body", "choose the body that meets")
        let code = try FormBody.required(fields["id"], "id", "give the meeting a code, such as RCGM-2025-03")
        let title = try FormBody.required(fields["title"], "title", "give the meeting its usual name")
        let place = FormBody.trimmed(fields["place"])
        let theme = FormBody.trimmed(fields["theme"])
        let host = FormBody.trimmed(fields["host"])
        return Meeting(
            id: MeetingID(code), body: BodyID(body), title: viewer.typed(title),
            start: try date(fields, "start"), end: try date(fields, "end"),
            place: place.isEmpty ? nil : viewer.typed(place), host: host.isEmpty ? nil : ParticipantID(host),
            attendance: present(in: fields, state: state), theme: theme.isEmpty ? nil : viewer.typed(theme))
    }

    /// The draft decision the draft form describes, with an effect for each of its sections that is filled.
    static func draft(from fields: [String: String], at meeting: Meeting, state: ProcessState, viewer: Viewer)
        throws -> DraftDecision
    {
        let paragraph = try FormBody.required(fields["paragraph"], "paragraph", "number the paragraph, such as 3.b")
        let text = try FormBody.required(fields["text"], "text", "write the paragraph's text")
        guard let kind = DecisionKind(rawValue: fields["kind"] ?? "") else {
            throw AuthError.invalid(field: "kind", reason: "choose conclusion, decision, recommendation or declaration")
        }
        let decision = Decision.id(meeting: meeting.id, paragraph: paragraph)
        var effects: [Change] = []
        if let item = try addedItem(fields, viewer: viewer) { effects.append(.addItem(item)) }
        if let amendment = try amendment(fields, state: state, viewer: viewer) { effects.append(.amendItem(amendment)) }
        let statusItem = FormBody.trimmed(fields["status-item"])
        if !statusItem.isEmpty {
            guard let status = Status(rawValue: fields["status-to"] ?? "") else {
                throw AuthError.invalid(field: "status-to", reason: "choose the status the decision gives the item")
            }
            effects.append(.changeStatus(item: ItemNumber(statusItem), to: status))
        }
        let observer = FormBody.trimmed(fields["observer-id"]).uppercased()
        if !observer.isEmpty {
            let name = try FormBody.required(fields["observer-name"], "observer-name", "give the observer's name")
            guard let kind = ParticipantKind(rawValue: fields["observer-kind"] ?? ""), kind != .memberState else {
                throw AuthError.invalid(field: "observer-kind", reason: "choose observer country or organization")
            }
            effects.append(
                .addParticipant(
                    Participant(
                        id: ParticipantID(observer), kind: kind, name: viewer.typed(name),
                        history: [MembershipEvent(kind: kind, since: meeting.start, decision: decision)])))
        }
        let standing = FormBody.trimmed(fields["standing-id"])
        if !standing.isEmpty {
            let title = try FormBody.required(
                fields["standing-title"], "standing-title", "give the standing agenda item a title")
            effects.append(
                .addStandingItem(
                    StandingItem(
                        id: StandingItemID(standing), body: meeting.body, title: viewer.typed(title),
                        purpose: AgendaPurpose(rawValue: fields["standing-purpose"] ?? "") ?? .discussion,
                        approvedBy: decision)))
        }
        effects += try WorkplanEffects.read(fields, state: state, viewer: viewer)
        return DraftDecision(
            meeting: meeting.id, paragraph: paragraph, kind: kind, text: viewer.typed(text), effects: effects)
    }

    /// The item the "add an item" section describes, approved by the decision; nil when its number is blank.
    static func addedItem(_ fields: [String: String], viewer: Viewer) throws -> PlanItem? {
        let number = FormBody.trimmed(fields["add-number"])
        guard !number.isEmpty else { return nil }
        guard let kind = ItemKind(rawValue: fields["add-kind"] ?? "") else {
            throw AuthError.invalid(field: "add-kind", reason: "choose line of action, area or activity")
        }
        let title = try FormBody.required(fields["add-title"], "add-title", "give the new item its title")
        let parent = FormBody.trimmed(fields["add-parent"])
        let target = try date(fields, "add-target")
        return PlanItem(
            number: ItemNumber(number), kind: kind, parent: parent.isEmpty ? nil : ItemNumber(parent),
            title: viewer.typed(title), leads: leads(fields["add-leads"]),
            timeline: target.map { Timeline(target: $0) }, status: .approved)
    }

    /// The amendment the "amend an item" section describes, field by field: a blank field stays as it is, and
    /// a text is changed in the viewer's language, keeping the others.
    static func amendment(_ fields: [String: String], state: ProcessState, viewer: Viewer) throws -> ItemAmendment? {
        let number = FormBody.trimmed(fields["amend-number"])
        guard !number.isEmpty else { return nil }
        guard let item = state.items[ItemNumber(number)] else {
            throw AuthError.invalid(field: "amend-number", reason: "no item has the number '\(number)'")
        }
        var amendment = ItemAmendment(number: item.number)
        let (title, text) = (FormBody.trimmed(fields["amend-title"]), FormBody.trimmed(fields["amend-text"]))
        if !title.isEmpty {
            var changed = item.title
            changed[viewer.language] = title
            amendment.title = changed
        }
        if !text.isEmpty {
            var changed = item.text ?? viewer.typed(text)
            changed[viewer.language] = text
            amendment.text = changed
        }
        if !FormBody.trimmed(fields["amend-leads"]).isEmpty { amendment.leads = leads(fields["amend-leads"]) }
        if let target = try date(fields, "amend-target") {
            var timeline = item.timeline ?? Timeline()
            timeline.target = target
            amendment.timeline = timeline
        }
        guard !amendment.isEmpty else {
            throw AuthError.invalid(
                field: "amend-number", reason: "fill the fields of \(number) that the decision changes")
        }
        return amendment
    }

    /// The participants ticked present (`present-MEX`), in the record's order.
    static func present(in fields: [String: String], state: ProcessState) -> [ParticipantID] {
        state.participants.keys.sorted().filter { fields["present-\($0.rawValue)"] != nil }
    }

    /// Leads written as codes separated by commas: a participant's code, or TS for the Secretariat.
    static func leads(_ text: String?) -> [Lead] {
        FormBody.trimmed(text).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).uppercased() }
            .filter { !$0.isEmpty }
            .map { $0 == Lead.secretariatCode ? .secretariat : .participant(ParticipantID($0)) }
    }

    /// An optional date field, YYYY-MM-DD (or YYYY-MM, YYYY).
    static func date(_ fields: [String: String], _ name: String) throws -> PartialDate? {
        let text = FormBody.trimmed(fields[name])
        guard !text.isEmpty else { return nil }
        guard let date = PartialDate(text) else {
            throw AuthError.invalid(field: name, reason: "'\(text)' is not a date like 2025-03-12")
        }
        return date
    }

    /// Where the record comes from, which the ledger keeps as the editorial authority.
    static func source(_ fields: [String: String]) throws -> String {
        try FormBody.required(fields["source"], "source", "say which document the record is taken from")
    }

    // MARK: The forms

    /// The new-meeting form, on the list of meetings.
    static func newMeeting(state: ProcessState, viewer: Viewer, _ html: inout HTML) {
        let language = viewer.language
        html.element("h2", text: MeetingFormText.recordMeeting(language))
        html.element("form", [("class", "stack"), ("method", "post"), ("action", viewer.link("/meetings").path)]) {
            html in
            Forms.token(viewer, &html)
            Forms.select(
                "body", MeetingFormText.body(language),
                state.bodies.values.sorted { ($0.level, $1.id) > ($1.level, $0.id) }.map {
                    ($0.id.rawValue, viewer.words($0.name))
                }, &html)
            Forms.field("id", viewer.t(.code), required: true, &html)
            Forms.field("title", viewer.t(.title), required: true, &html)
            Forms.field("start", MeetingFormText.firstDay(language), type: "date", &html)
            Forms.field("end", MeetingFormText.lastDay(language), type: "date", &html)
            Forms.field("place", Words.place(language), &html)
            Forms.field("theme", MeetingFormText.theme(language), &html)
            Forms.select(
                "host", viewer.t(.host),
                [("", viewer.t(.none))] + countries(state).map { ($0.id.rawValue, viewer.words($0.name)) }, &html)
            attendance(state: state, present: [], viewer: viewer, &html)
            Forms.field("source", viewer.t(.source), value: viewer.t(.outcomeDocument), required: true, &html)
            html.element("button", [("type", "submit")], text: MeetingFormText.recordMeeting(language))
        }
    }

    /// The attendance form, on a meeting's page.
    static func attendanceForm(_ meeting: Meeting, state: ProcessState, viewer: Viewer, _ html: inout HTML) {
        let action = viewer.link("/meetings/\(meeting.id.rawValue)/attendance").path
        html.element("form", [("class", "stack"), ("method", "post"), ("action", action)]) { html in
            Forms.token(viewer, &html)
            attendance(state: state, present: Set(meeting.attendance), viewer: viewer, &html)
            Forms.field("source", viewer.t(.source), value: viewer.t(.outcomeDocument), required: true, &html)
            html.element("button", [("type", "submit")], text: MeetingFormText.saveAttendance(viewer.language))
        }
    }

    /// A box to tick for every participant: member states first, then observers.
    private static func attendance(
        state: ProcessState, present: Set<ParticipantID>, viewer: Viewer, _ html: inout HTML
    ) {
        html.element("fieldset") { html in
            html.element("legend", text: Words.attendance(viewer.language))
            let participants = state.participants.values.sorted {
                ($0.kind == .memberState ? 0 : 1, $0.id.rawValue) < ($1.kind == .memberState ? 0 : 1, $1.id.rawValue)
            }
            for participant in participants {
                html.element("label", [("class", "check")]) { html in
                    var attributes: [(StaticString, String)] = [
                        ("type", "checkbox"), ("name", "present-\(participant.id.rawValue)"),
                    ]
                    if present.contains(participant.id) { attributes.append(("checked", "")) }
                    html.open("input", attributes)
                    html.text(" \(viewer.words(participant.name)) (\(participant.id.rawValue))")
                }
            }
        }
    }

    /// The draft form, on a meeting's page: the paragraph, and a section for each kind of effect it may declare.
    static func draftForm(_ meeting: Meeting, state: ProcessState, viewer: Viewer, _ html: inout HTML) {
        let language = viewer.language
        html.element("h2", text: MeetingFormText.tableDraft(language))
        let action = viewer.link("/meetings/\(meeting.id.rawValue)/drafts").path
        html.element("form", [("class", "stack"), ("method", "post"), ("action", action)]) { html in
            Forms.token(viewer, &html)
            Forms.field("paragraph", Words.paragraph(language), required: true, &html)
            Forms.select(
                "kind", Words.kind(language), DecisionKind.allCases.map { ($0.rawValue, Words.kind($0, language)) },
                selected: "conclusion", &html)
            Forms.textarea("text", "\(viewer.t(.text)) (\(UIText.languageName(language)))", required: true, &html)
            Forms.textarea("subparagraphs", MeetingFormText.subParagraphs(language), &html)
            effects(prefix: "", state: state, viewer: viewer, &html)
            html.element("button", [("type", "submit")], text: MeetingFormText.tableDraft(language))
        }
    }

    /// A section for each kind of effect a paragraph may declare, its fields named with `prefix` ("p3-" in the
    /// whole-document form): fill only what the paragraph does.
    static func effects(prefix: String, state: ProcessState, viewer: Viewer, _ html: inout HTML) {
        let language = viewer.language
        let items = state.items.values.sorted(by: Plan.inReadingOrder).map {
            ($0.number.rawValue, "\($0.number.rawValue) \(viewer.words($0.title))")
        }
        html.element("p", [("class", "muted")], text: MeetingFormText.effectsHint(language))
        section(MeetingFormText.addItem(language), &html) { html in
            Forms.field("\(prefix)add-number", viewer.t(.number), &html)
            Forms.select(
                "\(prefix)add-kind", Words.kind(language),
                ItemKind.allCases.map { ($0.rawValue, MeetingFormText.itemKind($0, language)) },
                selected: "activity",
                &html)
            Forms.select("\(prefix)add-parent", viewer.t(.partOf), [("", viewer.t(.none))] + items, &html)
            Forms.field("\(prefix)add-title", viewer.t(.title), &html)
            Forms.field("\(prefix)add-leads", MeetingFormText.leads(language), &html)
            Forms.field("\(prefix)add-target", Words.target(language), type: "date", &html)
        }
        section(MeetingFormText.amendItem(language), &html) { html in
            Forms.select("\(prefix)amend-number", viewer.t(.item), [("", viewer.t(.none))] + items, &html)
            Forms.field("\(prefix)amend-title", viewer.t(.title), &html)
            Forms.field("\(prefix)amend-text", viewer.t(.text), &html)
            Forms.field("\(prefix)amend-leads", MeetingFormText.leads(language), &html)
            Forms.field("\(prefix)amend-target", Words.target(language), type: "date", &html)
        }
        section(MeetingFormText.changeStatus(language), &html) { html in
            Forms.select("\(prefix)status-item", viewer.t(.item), [("", viewer.t(.none))] + items, &html)
            Forms.select(
                "\(prefix)status-to", viewer.t(.newStatus), Status.allCases.map { ($0.rawValue, viewer.status($0)) },
                selected: "ongoing", &html)
        }
        section(MeetingFormText.admitObserver(language), &html) { html in
            Forms.field("\(prefix)observer-id", viewer.t(.code), &html)
            Forms.field("\(prefix)observer-name", MeetingFormText.name(language), &html)
            Forms.select(
                "\(prefix)observer-kind", Words.kind(language),
                [ParticipantKind.observerOrganization, .observerCountry].map {
                    ($0.rawValue, MeetingFormText.participantKind($0, language))
                }, &html)
        }
        section(MeetingFormText.addStanding(language), &html) { html in
            Forms.field("\(prefix)standing-id", viewer.t(.code), &html)
            Forms.field("\(prefix)standing-title", viewer.t(.title), &html)
            Forms.select(
                "\(prefix)standing-purpose", viewer.t(.purpose),
                AgendaPurpose.allCases.map { ($0.rawValue, Words.purpose($0, language)) }, &html)
        }
        WorkplanEffects.section(prefix: prefix, state: state, viewer: viewer, &html)
    }

    private static func section(_ legend: String, _ html: inout HTML, _ fields: (inout HTML) -> Void) {
        html.element("fieldset") { html in
            html.element("legend", text: legend)
            fields(&html)
        }
    }

    /// The countries of the record, which may host a meeting.
    private static func countries(_ state: ProcessState) -> [Participant] {
        state.participants.values.filter(\.isCountry).sorted { $0.id < $1.id }
    }
}

/// The meeting forms' own words, in Spanish, English and French.
enum MeetingFormText {
    static func recordMeeting(_ language: Language) -> String {
        language.pick(("Registrar una reunión", "Record a meeting", "Enregistrer une réunion"))
    }
    static func body(_ language: Language) -> String { language.pick(("Órgano", "Body", "Organe")) }
    static func theme(_ language: Language) -> String { language.pick(("Tema", "Theme", "Thème")) }
    static func firstDay(_ language: Language) -> String { language.pick(("Primer día", "First day", "Premier jour")) }
    static func lastDay(_ language: Language) -> String { language.pick(("Último día", "Last day", "Dernier jour")) }
    static func saveAttendance(_ language: Language) -> String {
        language.pick(("Guardar la asistencia", "Save the attendance", "Enregistrer les présences"))
    }
    static func tableDraft(_ language: Language) -> String {
        language.pick(
            ("Presentar un proyecto de decisión", "Table a draft decision", "Présenter un projet de décision"))
    }
    static func subParagraphs(_ language: Language) -> String {
        language.pick(
            (
                "Incisos, uno por línea: a), b)… (opcional)", "Sub-paragraphs, one a line: (a), (b)… (optional)",
                "Alinéas, un par ligne : a), b)… (facultatif)"
            ))
    }
    static func effectsHint(_ language: Language) -> String {
        language.pick(
            (
                "Sus efectos: llene solo lo que el párrafo dispone; lo demás se deja en blanco.",
                "Its effects: fill only what the paragraph does; leave the rest blank.",
                "Ses effets : ne remplissez que ce que le paragraphe prévoit ; laissez le reste vide."
            ))
    }
    static func addItem(_ language: Language) -> String {
        language.pick(("Añadir un elemento al plan", "Add an item to the plan", "Ajouter un élément au plan"))
    }
    static func amendItem(_ language: Language) -> String {
        language.pick(
            (
                "Modificar un elemento (solo cambian los campos llenos)",
                "Amend an item (only the fields filled change)",
                "Modifier un élément (seuls les champs remplis changent)"
            ))
    }
    static func changeStatus(_ language: Language) -> String {
        language.pick(("Cambiar el estado de un elemento", "Change an item's status", "Changer l'état d'un élément"))
    }
    static func admitObserver(_ language: Language) -> String {
        language.pick(("Admitir un observador", "Admit an observer", "Admettre un observateur"))
    }
    static func addStanding(_ language: Language) -> String {
        language.pick(
            ("Añadir un punto permanente de la agenda", "Add a standing agenda item", "Ajouter un point permanent"))
    }
    static func leads(_ language: Language) -> String {
        language.pick(
            (
                "Responsables (códigos separados por comas; TS para la Secretaría)",
                "Leads (codes separated by commas; TS for the Secretariat)",
                "Responsables (codes séparés par des virgules ; TS pour le Secrétariat)"
            ))
    }
    static func name(_ language: Language) -> String { language.pick(("Nombre", "Name", "Nom")) }
    static func itemKind(_ kind: ItemKind, _ language: Language) -> String {
        switch kind {
        case .lineOfAction: language.pick(("línea de acción", "line of action", "ligne d'action"))
        case .area: language.pick(("área", "area", "domaine"))
        case .activity: language.pick(("actividad", "activity", "activité"))
        }
    }
    static func participantKind(_ kind: ParticipantKind, _ language: Language) -> String {
        switch kind {
        case .memberState: language.pick(("Estado miembro", "member state", "État membre"))
        case .observerCountry: language.pick(("país observador", "observer country", "pays observateur"))
        case .observerOrganization:
            language.pick(("organismo observador", "observer organization", "organisation observatrice"))
        }
    }
}

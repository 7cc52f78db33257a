import AccordCore
import AccordDocuments
import AccordServices
import AccordStore

/// Decisions: every adopted or transcribed paragraph, by meeting, and one decision with what it authorized.
enum DecisionPages {
    static func add(to pages: PageRoutes) {
        let attachmentLimit = pages.attachmentLimit
        let record = pages.record
        TranscriptionForms.add(to: pages)
        pages.page("decisions") { viewer, request, _ in
            let state = try await record.state(for: viewer.principal)
            if let id = request.uri.queryParameters["id"].map(String.init) {
                guard let decision = state.decisions[DecisionID(id)] else {
                    throw Problem.notFound("decision", id, field: "id")
                }
                return one(decision, state: state, attachmentLimit: attachmentLimit, viewer: viewer)
            }
            var main = HTML()
            main.element("h1", text: viewer.t(.decisions))
            let byMeeting = Dictionary(grouping: state.decisions.values, by: \.meeting)
            for meeting in state.meetings.values.filter({ byMeeting[$0.id] != nil }).sorted(by: Meetings.chronological)
                .reversed()
            {
                main.element("h2") {
                    $0.link(viewer.link("/meetings/\(meeting.id.rawValue)"), viewer.words(meeting.title))
                }
                list(byMeeting[meeting.id, default: []].sorted { $0.id < $1.id }, state: state, viewer: viewer, &main)
            }
            return PageContent(title: viewer.t(.decisions), main: main, section: .decisions)
        }
    }

    static func list(_ decisions: [Decision], state: ProcessState, viewer: Viewer, _ html: inout HTML) {
        guard !decisions.isEmpty else { return }
        html.element("dl", [("class", "decisions")]) { html in
            for decision in decisions {
                html.element("dt") { html in
                    html.link(
                        viewer.link("/decisions", [("id", decision.id.rawValue)]),
                        SubParagraphs.label(decision.paragraph, viewer.language))
                    html.text(" · \(Words.kind(decision.kind, viewer.language))")
                    TranscriptionForms.status(decision, viewer: viewer, &html)
                }
                html.element("dd") { html in
                    viewer.write(decision.text, into: &html)
                    TranscriptionForms.buttons(decision, viewer: viewer, &html)
                }
            }
        }
    }

    static func one(_ decision: Decision, state: ProcessState, attachmentLimit: Int, viewer: Viewer) -> PageContent {
        var main = HTML()
        main.element("h1", text: "\(decision.id.rawValue) · \(Words.kind(decision.kind, viewer.language))")
        TranscriptionForms.details(decision, viewer: viewer, &main)
        main.element("p") { viewer.write(decision.text, into: &$0) }
        if let note = decision.note { main.element("p", [("class", "muted")]) { viewer.write(note, into: &$0) } }
        if let meeting = state.meetings[decision.meeting] {
            main.element("p") { html in
                html.text("\(Words.meeting(viewer.language)): ")
                html.link(viewer.link("/meetings/\(meeting.id.rawValue)"), viewer.words(meeting.title))
            }
        }
        if let adoption = decision.adoption {
            main.element("p") { html in
                html.text(
                    "\(Words.adoptedBy(viewer.language)) "
                        + adoption.present.map { viewer.name($0, in: state) }.joined(separator: ", "))
            }
        }
        effects(decision, state: state, viewer: viewer, &main)
        let approved = state.items.values.filter { $0.approvedBy == decision.id }
            .sorted(by: Plan.inReadingOrder)
        if !approved.isEmpty {
            main.element("h2", text: viewer.t(.itemsApproved))
            main.element("ul") { html in
                for item in approved {
                    html.element("li") { html in
                        html.link(viewer.link("/items/\(item.number.rawValue)"), item.number.rawValue)
                        html.text(" ")
                        viewer.write(item.title, into: &html)
                    }
                }
            }
        }
        AttachmentPages.section(
            [AttachmentTarget(kind: .decision, id: decision.id.rawValue)], state: state, limit: attachmentLimit,
            viewer: viewer, &main)
        return PageContent(title: decision.id.rawValue, main: main, section: .decisions)
    }

    /// What the decision did: each effect it declared, linked to what it changed — applied once the decision
    /// is in force, which the heading says until then.
    static func effects(_ decision: Decision, state: ProcessState, viewer: Viewer, _ html: inout HTML) {
        let language = viewer.language
        html.element("h2", text: DecisionText.effects(decision.isInForce, language))
        guard !decision.effects.isEmpty else {
            return html.element("p", [("class", "muted")], text: DecisionText.noEffect(language))
        }
        html.element("ul", [("class", "effects")]) { html in
            for effect in decision.effects {
                html.element("li") { html in
                    switch effect {
                    case .addItem(let added):
                        html.text("\(ItemPage.describe(effect, viewer: viewer)): ")
                        itemLink(added.number, state: state, viewer: viewer, &html)
                    case .amendItem(let amendment):
                        html.text("\(ItemPage.describe(effect, viewer: viewer)) — ")
                        itemLink(amendment.number, state: state, viewer: viewer, &html)
                    case .changeStatus(let number, _):
                        html.text("\(ItemPage.describe(effect, viewer: viewer)): ")
                        itemLink(number, state: state, viewer: viewer, &html)
                    case .addParticipant(let participant), .amendParticipant(let participant):
                        let isNew = effect.kind == "add-participant"
                        html.text(isNew ? "\(DecisionText.admits(language)) " : "\(effect.kind): ")
                        html.link(
                            viewer.link("/participants/\(participant.id.rawValue)"), viewer.words(participant.name))
                        html.text(" (\(MeetingFormText.participantKind(participant.kind, language)))")
                    case .addStandingItem(let standing):
                        html.text("\(MeetingFormText.addStanding(language)): \(viewer.words(standing.title))")
                    case .addWorkplan(let workplan), .amendWorkplan(let workplan):
                        html.text("\(effect.kind): ")
                        html.link(viewer.link("/plan", [("version", "annexes")]), viewer.words(workplan.title))
                    default:
                        html.text(ItemPage.describe(effect, viewer: viewer))
                    }
                }
            }
        }
    }

    /// An item's number, linked to its page, and its title.
    private static func itemLink(_ number: ItemNumber, state: ProcessState, viewer: Viewer, _ html: inout HTML) {
        html.link(viewer.link("/items/\(number.rawValue)"), number.rawValue)
        if let item = state.items[number] {
            html.text(" ")
            viewer.write(item.title, into: &html)
        }
    }
}

/// The decision page's own words, in Spanish, English and French.
enum DecisionText {
    static func effects(_ inForce: Bool, _ language: Language) -> String {
        inForce
            ? language.pick(("Lo que dispuso", "What it did", "Ce qu'elle a fait"))
            : language.pick(
                (
                    "Lo que dispondrá una vez en vigor", "What it will do once in force",
                    "Ce qu'elle fera une fois en vigueur"
                ))
    }
    static func noEffect(_ language: Language) -> String {
        language.pick(
            (
                "Ningún efecto en el plan: queda en el registro de la reunión.",
                "No effect on the plan: it stays on the meeting's record.",
                "Aucun effet sur le plan : elle reste au procès-verbal de la réunion."
            ))
    }
    static func admits(_ language: Language) -> String { language.pick(("Admite a", "Admits", "Admet")) }
}

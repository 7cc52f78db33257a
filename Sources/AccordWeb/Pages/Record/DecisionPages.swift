import AccordCore
import AccordDocuments
import AccordServices
import AccordStore

/// Decisions: every adopted or transcribed paragraph, by meeting, and one decision with what it authorized.
enum DecisionPages {
    static func add(to pages: PageRoutes) {
        let record = pages.record
        TranscriptionForms.add(to: pages)
        pages.page("decisions") { viewer, request, _ in
            let state = try await record.state(for: viewer.principal)
            if let id = request.uri.queryParameters["id"].map(String.init) {
                guard let decision = state.decisions[DecisionID(id)] else {
                    throw Problem.notFound("decision", id, field: "id")
                }
                return one(decision, state: state, viewer: viewer)
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

    static func one(_ decision: Decision, state: ProcessState, viewer: Viewer) -> PageContent {
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
        return PageContent(title: decision.id.rawValue, main: main, section: .decisions)
    }
}

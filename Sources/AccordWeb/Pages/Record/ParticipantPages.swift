import AccordCore
import AccordDocuments
import AccordServices

/// Participants: members and observers, and one participant with its dated history — its standing since
/// when and by which decision, and the ledger entries that recorded or changed it — and the meetings it
/// attended (issue 19.1). Read through the one read policy, like every page; its delegates — the accounts
/// that act for it — only for the Secretariat and that country's own delegates (`Policy.seesDelegates(of:)`).
enum ParticipantPages {
    static func add(to pages: PageRoutes, accounts: AccountService) {
        let record = pages.record
        pages.page("participants") { viewer, _, _ in
            let state = try await record.state(for: viewer.principal)
            var main = HTML()
            main.element("h1", text: ParticipantText.participants(viewer.language))
            for kind in ParticipantKind.allCases {
                let participants = state.participants.values.filter { $0.kind == kind }
                    .sorted { viewer.words($0.name) < viewer.words($1.name) }
                guard !participants.isEmpty else { continue }
                main.element("h2", text: ParticipantText.kind(kind, viewer.language))
                main.element("ul") { html in
                    for participant in participants {
                        html.element("li") { html in
                            html.link(
                                viewer.link("/participants/\(participant.id.rawValue)"),
                                "\(viewer.words(participant.name)) (\(participant.id.rawValue))")
                        }
                    }
                }
            }
            return PageContent(title: ParticipantText.participants(viewer.language), main: main, section: .meetings)
        }
        // Not cached: its delegates are accounts, which change outside the ledger whose position keys the cache.
        pages.page("participants/{code}", cached: false) { viewer, _, context in
            let code = ParticipantID(context.parameters.get("code") ?? "")
            let state = try await record.state(for: viewer.principal)
            guard let participant = state.participants[code],
                let entries = try await record.timeline(of: code, for: viewer.principal)
            else {
                throw Problem.notFound("participant", code.rawValue, field: "code")
            }
            let delegates = try await accounts.delegates(of: code, for: viewer.principal)
            return render(participant, entries: entries, state: state, delegates: delegates, viewer: viewer)
        }
    }

    static func render(
        _ participant: Participant, entries: [LedgerEntry], state: ProcessState, delegates: [AccountSummary]? = nil,
        viewer: Viewer
    ) -> PageContent {
        let language = viewer.language
        var main = HTML()
        main.element("h1", text: "\(viewer.words(participant.name)) (\(participant.id.rawValue))")
        main.element("p", text: MeetingFormText.participantKind(participant.kind, language))
        main.element("h2", text: ParticipantText.history(language))
        main.element("table") { html in
            html.element("thead") { html in
                html.element("tr") { html in
                    html.element("th", [("scope", "col")], text: ParticipantText.since(language))
                    html.element("th", [("scope", "col")], text: ParticipantText.standing(language))
                    html.element("th", [("scope", "col")], text: viewer.t(.authority))
                }
            }
            html.element("tbody") { html in
                for event in participant.history {
                    html.element("tr") { html in
                        html.element("td", text: event.since?.description ?? "—")
                        html.element("td", text: MeetingFormText.participantKind(event.kind, language))
                        html.element("td") { html in
                            if let decision = event.decision {
                                html.link(viewer.link("/decisions", [("id", decision.rawValue)]), decision.rawValue)
                            }
                            if let note = event.note {
                                html.element("div", [("class", "muted")]) { viewer.write(note, into: &$0) }
                            }
                        }
                    }
                }
            }
        }
        main.element("h2", text: ParticipantText.entries(language))
        main.element("ul") { html in
            for entry in entries {
                html.element("li") { html in
                    html.link(viewer.link("/ledger", [("before", "\(entry.sequence + 1)")]), "#\(entry.sequence)")
                    html.text(" \(entry.recordedAt.description) · \(entry.change.kind) · ")
                    Authorities.write(entry.authority, viewer: viewer, state: state, into: &html)
                }
            }
        }
        let attended = state.meetings.values.filter { $0.attendance.contains(participant.id) }
            .sorted(by: Meetings.chronological)
        if !attended.isEmpty {
            main.element("h2", text: ParticipantText.attended(language))
            main.element("ul") { html in
                for meeting in attended.reversed() {
                    html.element("li") {
                        $0.link(viewer.link("/meetings/\(meeting.id.rawValue)"), viewer.words(meeting.title))
                    }
                }
            }
        }
        if let delegates, participant.kind == .memberState {
            main.element("h2", text: AccountText.delegates(language))
            if delegates.isEmpty { main.element("p", text: AccountText.noDelegates(language)) }
            main.element("ul", [("class", "delegates")]) { html in
                for delegate in delegates {
                    html.element("li") { html in
                        html.text("\(delegate.displayName) ")
                        if viewer.policy.managesAccounts {
                            html.link(viewer.link("/accounts/\(delegate.username)"), "(\(delegate.username))")
                        } else {
                            html.text("(\(delegate.username))")
                        }
                    }
                }
            }
        }
        return PageContent(title: viewer.words(participant.name), main: main, section: .meetings)
    }
}

/// The participant pages' words, in Spanish, English and French.
enum ParticipantText {
    static func participants(_ language: Language) -> String {
        language.pick(("Participantes", "Participants", "Participants"))
    }
    static func kind(_ kind: ParticipantKind, _ language: Language) -> String {
        switch kind {
        case .memberState: language.pick(("Estados miembros", "Member states", "États membres"))
        case .observerCountry: language.pick(("Países observadores", "Observer countries", "Pays observateurs"))
        case .observerOrganization:
            language.pick(("Organismos observadores", "Observer organizations", "Organisations observatrices"))
        }
    }
    static func history(_ language: Language) -> String {
        language.pick(("Historia de su participación", "Its standing over time", "Historique de sa participation"))
    }
    static func since(_ language: Language) -> String { language.pick(("Desde", "Since", "Depuis")) }
    static func standing(_ language: Language) -> String { language.pick(("Calidad", "Standing", "Qualité")) }
    static func entries(_ language: Language) -> String {
        language.pick(
            (
                "Asientos del registro que lo cambiaron", "Ledger entries that changed it",
                "Écritures du registre qui l'ont modifié"
            ))
    }
    static func attended(_ language: Language) -> String {
        language.pick(("Reuniones a las que asistió", "Meetings attended", "Réunions auxquelles il a assisté"))
    }
}

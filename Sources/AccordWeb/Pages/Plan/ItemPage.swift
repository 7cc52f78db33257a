import AccordCore
import AccordDocuments
import AccordServices
import AccordStore

/// One item of the plan and its whole provenance as a timeline: the proposal items aimed at it and the
/// comments on them, the decision that approved it, then every change with its authority, status updates
/// included.
enum ItemPage {
    static func add(to pages: PageRoutes) {
        let record = pages.record
        pages.page("items/{number}") { viewer, _, context in
            let number = ItemNumber(context.parameters.get("number") ?? "")
            let state = try await record.state(for: viewer.principal)
            guard let item = state.items[number],
                let entries = try await record.timeline(of: number, for: viewer.principal)
            else {
                throw Problem.notFound("item", number.rawValue, field: "number")
            }
            let stale = try await record.staleTranslations(in: state)[number] ?? []
            return render(item, entries: entries, stale: stale, state: state, viewer: viewer)
        }
    }

    static func render(
        _ item: PlanItem, entries: [LedgerEntry], stale: Set<Language>, state: ProcessState, viewer: Viewer
    ) -> PageContent {
        let isStale = stale.contains(viewer.language)
        var main = HTML()
        main.element("h1") { html in
            html.text(item.number.rawValue + " ")
            viewer.write(item.title, stale: isStale, into: &html)
        }
        main.element("dl", [("class", "facts")]) { html in
            fact(viewer.t(.status), viewer.status(item.status), &html)
            fact(viewer.t(.lead), viewer.leads(item.leads, in: state), &html)
            if let timeline = item.timeline {
                fact(
                    viewer.t(.timeline),
                    [viewer.words(timeline.text), timeline.target?.description ?? ""].filter { !$0.isEmpty }
                        .joined(separator: " · "), &html)
            }
            if let parent = item.parent {
                html.element("dt", text: viewer.t(.partOf))
                html.element("dd") { $0.link(viewer.link("/items/\(parent.rawValue)"), parent.rawValue) }
            }
            if let decision = item.approvedBy {
                html.element("dt", text: viewer.t(.approvedBy))
                html.element("dd") {
                    $0.link(viewer.link("/decisions", [("id", decision.rawValue)]), decision.rawValue)
                }
            }
        }
        if let text = item.text {
            main.element("p") { viewer.write(text, stale: isStale, into: &$0) }
        }
        let open = Set(state.editorialsOpenToChallenge().filter { $0.item == item.number }.map(\.sequence))
        main.element("h2", text: viewer.t(.provenance))
        main.element("ol", [("class", "timeline")]) { html in
            for (proposal, proposed) in aimedHere(item, state: state, viewer: viewer) {
                html.element("li") { html in
                    html.element("div", [("class", "when")], text: viewer.t(.proposal))
                    html.link(
                        viewer.link("/proposals/\(proposal.id.rawValue)"), "\(proposal.id.rawValue) \(proposed.number)")
                    html.text(" — \(viewer.name(proposal.submitter, in: state)): ")
                    viewer.write(proposed.text, into: &html)
                    let comments = state.comments.values.filter {
                        $0.proposal == proposal.id && $0.item == proposed.number
                    }
                    if !comments.isEmpty {
                        html.element("ul") { html in
                            for comment in comments.sorted(by: { $0.participant < $1.participant }) {
                                html.element("li") { html in
                                    html.element("strong", text: viewer.name(comment.participant, in: state))
                                    html.text(" (\(UIText.stance(comment.stance, viewer.language))): ")
                                    viewer.write(comment.text, into: &html)
                                }
                            }
                        }
                    }
                }
            }
            if let decision = item.approvedBy.flatMap({ state.decisions[$0] }) {
                html.element("li") { html in
                    html.element("div", [("class", "when")], text: viewer.t(.decision))
                    html.link(viewer.link("/decisions", [("id", decision.id.rawValue)]), decision.id.rawValue)
                    html.text(" ")
                    viewer.write(decision.text, into: &html)
                }
            }
            for entry in entries {
                // Challenges are working documents, as in the API: the public and observers read that the item
                // was held or settled, not who challenged it, who filed it or under which decision.
                if !viewer.policy.seesWorkingState, entry.change.isChallenge {
                    html.element("li") { html in
                        html.element("div", [("class", "when")], text: entry.recordedAt.description)
                        html.element("strong", text: describe(entry.change, viewer: viewer))
                    }
                    continue
                }
                html.element("li") { html in
                    html.element("div", [("class", "when")]) { html in
                        html.text("#\(entry.sequence) · \(entry.recordedAt.description) · \(entry.actor.name)")
                    }
                    html.element("strong", text: describe(entry.change, viewer: viewer))
                    html.text(" — \(viewer.t(.authority)): ")
                    Authorities.write(entry.authority, viewer: viewer, state: state, into: &html)
                    ChallengeForms.forms(
                        at: entry.sequence, item: item.number, open: open, state: state, viewer: viewer, &html)
                }
            }
        }
        ItemForms.amendItem(item, viewer: viewer, &main)
        return PageContent(title: "\(item.number.rawValue) \(viewer.words(item.title))", main: main, section: .plan)
    }

    /// The proposal items aimed at this item (or at its place, for an item still proposed), for the viewer.
    private static func aimedHere(_ item: PlanItem, state: ProcessState, viewer: Viewer) -> [(Proposal, ProposalItem)] {
        var found: [(Proposal, ProposalItem)] = []
        for proposal in state.proposals.values.sorted(by: { $0.id < $1.id }) {
            for proposed in proposal.items {
                let parent = proposed.target?.parent
                let sameWords =
                    proposed.text.original == item.title.original || proposed.text.original == item.text?.original
                if parent == item.number || (parent == item.parent && sameWords) { found.append((proposal, proposed)) }
            }
        }
        return found
    }

    static func describe(_ change: Change, viewer: Viewer) -> String {
        switch change {
        case .addItem(let item): "\(viewer.t(.added)) (\(viewer.status(item.status)))"
        case .amendItem(let amendment):
            "\(viewer.t(.amended)): "
                + [
                    amendment.title.map { _ in viewer.t(.item) }, amendment.text.map { _ in viewer.t(.text) },
                    amendment.leads.map { _ in viewer.t(.lead) }, amendment.timeline.map { _ in viewer.t(.timeline) },
                    amendment.parent.map { _ in viewer.t(.partOf) },
                ].compactMap { $0 }.joined(separator: ", ")
        case .changeStatus(_, let status): "\(viewer.t(.status)) → \(viewer.status(status))"
        case .adoptDraft(let draft): "\(viewer.t(.adopted)) \(draft.rawValue)"
        case .challengeEditorial: viewer.t(.challengedAsSubstantive)
        case .settleChallenge: viewer.t(.challengeSettled)
        default: change.kind
        }
    }

    private static func fact(_ term: String, _ value: String, _ html: inout HTML) {
        html.element("dt", text: term)
        html.element("dd", text: value)
    }
}

/// An authority as a reader sees it: a link to the decision, the editorial reason, or the participant.
enum Authorities {
    static func write(_ authority: Authority, viewer: Viewer, state: ProcessState, into html: inout HTML) {
        switch authority {
        case .decision(let id): html.link(viewer.link("/decisions", [("id", id.rawValue)]), id.rawValue)
        case .editorial(let reason): html.text("\(viewer.t(.editorial)): \(reason)")
        case .participant(let id): html.text(viewer.name(id, in: state))
        }
    }
}

extension Change {
    /// Whether the change challenges an editorial change or settles a challenge.
    fileprivate var isChallenge: Bool {
        switch self {
        case .challengeEditorial, .settleChallenge: true
        default: false
        }
    }
}

import AccordCore
import AccordServices

/// A member state submits a proposal; member states, and observers it invites, comment on each of its
/// items with a stance and a suggested place in the plan. Delegations act for themselves, the Secretariat
/// for any of them; Core's rules refuse the rest (an observer not invited, a proposal withdrawn).
enum ProposalForms {
    /// The proposal form's fields; `items` holds one proposal item per line.
    struct ProposalFields: Decodable, Sendable {
        var id: String?
        var participant: String?
        var title: String?
        var items: String?
        var tabledFor: String?
    }

    /// The comment form's fields.
    struct CommentFields: Decodable, Sendable {
        var item: String?
        var participant: String?
        var stance: String?
        var text: String?
        var parent: String?
    }

    static func add(to pages: PageRoutes) {
        let record = pages.record
        pages.form("proposals", ProposalFields.self) { viewer, fields, _ in
            let proposal = try proposal(fields, viewer: viewer)
            try viewer.policy.require(
                viewer.policy.submitsProposals && viewer.policy.mayAct(for: proposal.submitter),
                "submit a proposal for \(proposal.submitter)")
            try await record.record(
                .submitProposal(proposal), authority: .participant(proposal.submitter), as: viewer.principal)
            return viewer.link("/proposals/\(proposal.id.rawValue)")
        }
        pages.form("proposals/{code}/comments", CommentFields.self) { viewer, fields, context in
            let code = ProposalID(context.parameters.get("code") ?? "")
            guard let item = Int(FormBody.trimmed(fields.item)) else {
                throw AuthError.invalid(field: "item", reason: "choose the proposal item the comment answers")
            }
            let participant = ParticipantID(
                try FormBody.required(fields.participant, "participant", "choose who comments"))
            try viewer.policy.require(
                viewer.policy.comments && viewer.policy.mayAct(for: participant), "comment for \(participant)")
            guard let stance = Stance(rawValue: FormBody.trimmed(fields.stance)) else {
                throw AuthError.invalid(field: "stance", reason: "choose a stance")
            }
            let text = try FormBody.required(fields.text, "text", "write the comment")
            let parent = FormBody.trimmed(fields.parent)
            let comment = Comment(
                proposal: code, item: item, participant: participant, stance: stance,
                text: viewer.typed(text),
                placement: parent.isEmpty ? nil : Placement(parent: ItemNumber(parent)))
            try await record.record(.fileComment(comment), authority: .participant(participant), as: viewer.principal)
            return viewer.link("/proposals/\(code.rawValue)")
        }
    }

    /// A proposal from the form: its code, submitter, title, the meeting it is tabled for, and one item per
    /// line of the items field, numbered from 1.
    private static func proposal(_ fields: ProposalFields, viewer: Viewer) throws -> Proposal {
        let id = ProposalID(try FormBody.required(fields.id, "id", "give the proposal a code, such as MEX-REVIEW"))
        let submitter = ParticipantID(
            try FormBody.required(fields.participant, "participant", "choose the member state"))
        let title = try FormBody.required(fields.title, "title", "give the proposal a title")
        let lines = try FormBody.required(fields.items, "items", "write at least one item, one per line")
            .split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let meeting = FormBody.trimmed(fields.tabledFor)
        func text(_ value: String) -> LocalizedText {
            viewer.typed(value)
        }
        return Proposal(
            id: id, submitter: submitter, title: text(title), tabledFor: meeting.isEmpty ? nil : MeetingID(meeting),
            items: lines.enumerated().map { ProposalItem(number: $0.offset + 1, text: text($0.element)) })
    }

    /// The submission form, under the list of proposals, for whoever may speak for a member state.
    static func submitForm(state: ProcessState, viewer: Viewer, _ html: inout HTML) {
        let members = state.participants.values.filter { $0.kind == .memberState }.map(\.id).sorted()
        let speakers = viewer.policy.speaksFor(among: members)
        guard !speakers.isEmpty else { return }
        html.element("h2", text: viewer.t(.submitProposal))
        html.element("form", [("class", "stack"), ("method", "post"), ("action", viewer.link("/proposals").path)]) {
            html in
            Forms.token(viewer, &html)
            Forms.select(
                "participant", viewer.t(.submittedBy), speakers.map { ($0.rawValue, viewer.name($0, in: state)) },
                &html)
            Forms.field("id", viewer.t(.code), required: true, &html)
            Forms.field("title", viewer.t(.title), required: true, &html)
            Forms.textarea("items", viewer.t(.proposalItems), required: true, &html)
            let upcoming = state.meetings.values.sorted(by: Meetings.chronological).reversed().prefix(12)
            Forms.select(
                "tabledFor", viewer.t(.tabledFor),
                [("", viewer.t(.none))] + upcoming.map { ($0.id.rawValue, viewer.words($0.title)) }, &html)
            html.element("button", [("type", "submit")], text: viewer.t(.submitProposal))
        }
    }

    /// The comment form, under the matrix, for whoever may comment: member states, and the observers the
    /// proposal invites.
    static func commentForm(_ proposal: Proposal, state: ProcessState, viewer: Viewer, _ html: inout HTML) {
        guard proposal.status == .open else { return }
        let commenters = state.participants.values.filter {
            $0.kind == .memberState || proposal.invited.contains($0.id)
        }.map(\.id).sorted()
        let speakers = viewer.policy.speaksFor(among: commenters)
        guard !speakers.isEmpty else { return }
        let action = viewer.link("/proposals/\(proposal.id.rawValue)/comments").path
        html.element("h2", text: viewer.t(.fileComment))
        html.element("form", [("class", "stack"), ("method", "post"), ("action", action)]) { html in
            Forms.token(viewer, &html)
            Forms.select(
                "participant", viewer.t(.onBehalfOf), speakers.map { ($0.rawValue, viewer.name($0, in: state)) }, &html
            )
            Forms.select(
                "item", viewer.t(.item),
                proposal.items.map { ("\($0.number)", "\($0.number). \(viewer.words($0.text))") },
                &html)
            Forms.select(
                "stance", viewer.t(.stance), Stance.allCases.map { ($0.rawValue, UIText.stance($0, viewer.language)) },
                &html)
            Forms.textarea("text", viewer.t(.text), required: true, &html)
            let places = state.items.values.filter { $0.kind != .activity && $0.status != .proposed }
                .sorted(by: Plan.inReadingOrder)
            Forms.select(
                "parent", viewer.t(.placeUnder),
                [("", viewer.t(.noPlacement))]
                    + places.map { ($0.number.rawValue, "\($0.number.rawValue) \(viewer.words($0.title))") }, &html)
            html.element("button", [("type", "submit")], text: viewer.t(.fileComment))
        }
    }
}

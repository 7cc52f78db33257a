import AccordCore
import AccordServices

/// At a meeting, each delegation records its position on a draft decision — or the Secretariat does on
/// its behalf, and the record says so — and the Secretariat adopts the draft once consensus is reached.
/// The rules in Core decide who is present and who may speak; these forms only offer what they allow.
enum PositionForms {
    /// The position form's fields.
    struct PositionFields: Decodable, Sendable {
        var draft: String?
        var participant: String?
        var position: String?
        var note: String?
    }

    /// The adoption form's fields.
    struct AdoptionFields: Decodable, Sendable {
        var draft: String?
    }

    static func add(to pages: PageRoutes) {
        let record = pages.record
        PositionsAtOnce.add(to: pages)
        pages.form("meetings/{code}/positions", PositionFields.self) { viewer, fields, context in
            let meeting = MeetingID(context.parameters.get("code") ?? "")
            let draft = try FormBody.required(fields.draft, "draft", "choose the draft decision")
            let participant = ParticipantID(
                try FormBody.required(fields.participant, "participant", "choose the member state"))
            try viewer.policy.require(
                viewer.policy.recordsPositions && viewer.policy.mayAct(for: participant),
                "record a position for \(participant)")
            guard let position = Position(rawValue: FormBody.trimmed(fields.position)) else {
                throw AuthError.invalid(
                    field: "position",
                    reason: "choose supports, does not object, a reservation pending consultation or objects")
            }
            let note = FormBody.trimmed(fields.note)
            let statement = PositionStatement(
                draft: DraftID(Decision.id(meeting: meeting, paragraph: draft).rawValue), participant: participant,
                position: position,
                note: note.isEmpty ? nil : viewer.typed(note))
            try await record.record(
                .recordPosition(statement), authority: .participant(participant), as: viewer.principal)
            return viewer.link("/meetings/\(meeting.rawValue)")
        }
        pages.form("meetings/{code}/adopt", AdoptionFields.self) { viewer, fields, context in
            let meeting = MeetingID(context.parameters.get("code") ?? "")
            try viewer.policy.require(viewer.policy.recordsDecisions, "adopt a draft decision")
            let paragraph = try FormBody.required(fields.draft, "draft", "choose the draft decision")
            let id = Decision.id(meeting: meeting, paragraph: paragraph)
            try await record.record(.adoptDraft(DraftID(id.rawValue)), authority: .decision(id), as: viewer.principal)
            return viewer.link("/meetings/\(meeting.rawValue)")
        }
    }

    /// Under a draft's positions: the position form for whoever may speak for a member state present, and
    /// for the Secretariat the adoption button once every member state present joins the consensus.
    static func forms(
        _ draft: DraftDecision, _ meeting: Meeting, state: ProcessState, viewer: Viewer, _ html: inout HTML
    ) {
        let present = meeting.attendance.filter { state.participants[$0]?.kind == .memberState }
        let speakers = viewer.policy.speaksFor(among: present)
        let action = viewer.link("/meetings/\(meeting.id.rawValue)/positions").path
        PositionsAtOnce.form(draft, meeting, state: state, viewer: viewer, &html)
        if !speakers.isEmpty {
            html.element("form", [("class", "stack"), ("method", "post"), ("action", action)]) { html in
                Forms.token(viewer, &html)
                html.open("input", [("type", "hidden"), ("name", "draft"), ("value", draft.paragraph)])
                Forms.select(
                    "participant", viewer.t(.memberState),
                    speakers.map { ($0.rawValue, viewer.name($0, in: state)) }, &html)
                Forms.select(
                    "position", viewer.t(.position),
                    Position.allCases.map { ($0.rawValue, UIText.position($0, viewer.language)) }, &html)
                Forms.field("note", viewer.t(.note), &html)
                html.element("button", [("type", "submit")], text: viewer.t(.recordPosition))
            }
        }
        let consensus = Consensus(on: draft, in: state)
        if viewer.policy.recordsDecisions, consensus.isReached {
            let adopt = viewer.link("/meetings/\(meeting.id.rawValue)/adopt").path
            html.element("form", [("method", "post"), ("action", adopt)]) { html in
                Forms.token(viewer, &html)
                html.open("input", [("type", "hidden"), ("name", "draft"), ("value", draft.paragraph)])
                html.element("button", [("type", "submit")], text: viewer.t(.adopt))
            }
        }
    }
}

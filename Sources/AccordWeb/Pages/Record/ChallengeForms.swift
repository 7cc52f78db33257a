import AccordCore
import AccordServices

/// A member state challenges an editorial change to an item as substantive — its delegate, or the
/// Secretariat on its behalf — from the item's page; the change is then held until a decision settles it
/// (DESIGN §3, rule 4). Core's rules decide whether the change is still open to challenge and who may
/// speak; the form is only offered where they would allow it.
enum ChallengeForms {
    /// The challenge form's fields.
    struct ChallengeFields: Decodable, Sendable {
        var participant: String?
        var sequence: String?
        var reason: String?
    }

    /// The settlement form's fields.
    struct SettlementFields: Decodable, Sendable {
        var sequence: String?
        var decision: String?
        var settlement: String?
    }

    static func add(to pages: PageRoutes) {
        let record = pages.record
        pages.form("items/{number}/challenges", ChallengeFields.self) { viewer, fields, context in
            let number = ItemNumber(context.parameters.get("number") ?? "")
            let participant = ParticipantID(
                try FormBody.required(fields.participant, "participant", "choose the member state"))
            try viewer.policy.require(
                viewer.policy.recordsPositions && viewer.policy.mayAct(for: participant),
                "challenge an editorial change for \(participant)")
            guard let sequence = Int64(FormBody.trimmed(fields.sequence)) else {
                throw AuthError.invalid(field: "sequence", reason: "choose the editorial change to challenge")
            }
            let reason = try FormBody.required(fields.reason, "reason", "say why the change is substantive")
            guard try await record.state(for: viewer.principal).editorials[sequence]?.item == number else {
                throw AuthError.invalid(
                    field: "sequence", reason: "entry \(sequence) is not an editorial change of \(number.rawValue)")
            }
            let statement = ChallengeStatement(
                sequence: sequence, participant: participant,
                reason: viewer.typed(reason))
            try await record.record(
                .challengeEditorial(statement), authority: .participant(participant), as: viewer.principal)
            return viewer.link("/items/\(number.rawValue)")
        }
        pages.form("items/{number}/challenges/settle", SettlementFields.self) { viewer, fields, context in
            let number = ItemNumber(context.parameters.get("number") ?? "")
            try viewer.policy.require(viewer.policy.recordsDecisions, "settle a challenge")
            guard let sequence = Int64(FormBody.trimmed(fields.sequence)) else {
                throw AuthError.invalid(field: "sequence", reason: "choose the challenged change")
            }
            let decision = DecisionID(
                try FormBody.required(fields.decision, "decision", "choose the decision that settles it"))
            guard let settlement = Settlement(rawValue: FormBody.trimmed(fields.settlement)) else {
                throw AuthError.invalid(field: "settlement", reason: "choose confirm or reject")
            }
            guard try await record.state(for: viewer.principal).challenges[Challenge.id(of: sequence)]?.item == number
            else {
                throw AuthError.invalid(
                    field: "sequence", reason: "no change of \(number.rawValue) at entry \(sequence) is challenged")
            }
            try await record.record(
                .settleChallenge(Challenge.id(of: sequence), settlement), authority: .decision(decision),
                as: viewer.principal)
            return viewer.link("/items/\(number.rawValue)")
        }
    }

    /// Under the entry at `sequence` in an item's timeline, for the working side: its challenge, if it has
    /// one; otherwise, while the change is open to challenge, the form for whoever may speak for a member
    /// state.
    ///
    /// - Parameter open: the editorial changes still open to challenge, by their ledger position.
    static func forms(
        at sequence: Int64, item: ItemNumber, open: Set<Int64>, state: ProcessState, viewer: Viewer,
        _ html: inout HTML
    ) {
        // Challenges are working documents, as in the API: the public and observers see the change only.
        guard viewer.policy.seesWorkingState else { return }
        if let challenge = state.challenges[Challenge.id(of: sequence)] {
            html.element("p", [("class", "challenge")]) { html in
                html.text(
                    "\(viewer.t(.challengedBy)) \(viewer.name(challenge.challenger, in: state)) "
                        + "(\(UIText.challengeStatus(challenge.status, viewer.language))): ")
                viewer.write(challenge.reason, into: &html)
            }
            if challenge.status == .held, viewer.policy.recordsDecisions, !state.decisions.isEmpty {
                settleForm(challenge, state: state, viewer: viewer, &html)
            }
            return
        }
        guard open.contains(sequence) else { return }
        let members = state.participants.values.filter { $0.kind == .memberState }.map(\.id).sorted()
        let speakers = viewer.policy.speaksFor(among: members)
        guard viewer.policy.recordsPositions, !speakers.isEmpty else { return }
        let action = viewer.link("/items/\(item.rawValue)/challenges").path
        html.element("form", [("class", "stack"), ("method", "post"), ("action", action)]) { html in
            Forms.token(viewer, &html)
            html.open("input", [("type", "hidden"), ("name", "sequence"), ("value", String(sequence))])
            Forms.select(
                "participant", viewer.t(.memberState), speakers.map { ($0.rawValue, viewer.name($0, in: state)) },
                &html)
            Forms.field("reason", viewer.t(.reason), required: true, &html)
            html.element("button", [("type", "submit")], text: viewer.t(.challengeAsSubstantive))
        }
    }

    /// For the Secretariat, under a held challenge: the decision that settles it, confirming or rejecting the
    /// change. Core checks that a confirmation has the agreement a substantive change would need.
    private static func settleForm(_ challenge: Challenge, state: ProcessState, viewer: Viewer, _ html: inout HTML) {
        let action = viewer.link("/items/\(challenge.item.rawValue)/challenges/settle").path
        html.element("form", [("class", "stack"), ("method", "post"), ("action", action)]) { html in
            Forms.token(viewer, &html)
            html.open("input", [("type", "hidden"), ("name", "sequence"), ("value", String(challenge.sequence))])
            Forms.select(
                "decision", viewer.t(.decision), state.decisions.keys.sorted(by: >).map { ($0.rawValue, $0.rawValue) },
                &html)
            Forms.select(
                "settlement", viewer.t(.settlement),
                Settlement.allCases.map { ($0.rawValue, UIText.settlement($0, viewer.language)) }, &html)
            html.element("button", [("type", "submit")], text: viewer.t(.settle))
        }
    }
}

extension ProcessState {
    /// Applies the changes of governance: proposals, comments, drafts and positions, adoption, challenges,
    /// editions and agendas. Every rule is checked before the first write.
    mutating func applyGovernance(_ change: Change, context: Context) throws(ChangeError) -> [EntityRef] {
        switch change {
        case .submitProposal(let proposal):
            try submitProposal(proposal, context: context)
            return [.proposal(proposal.id)]

        case .withdrawProposal(let id):
            guard var proposal = proposals[id] else {
                throw .unknownReference(field: "proposal", reason: "no proposal has the code '\(id)'")
            }
            _ = try speaker(for: proposal.submitter, context: context, field: "proposal")
            guard proposal.status == .open else {
                throw .ruleViolation(
                    field: "proposal", rule: "proposal-open", reason: "proposal \(id) is already withdrawn")
            }
            proposal.status = .withdrawn
            proposals[id] = proposal
            return [.proposal(id)]

        case .fileComment(let comment):
            try fileComment(comment, context: context)
            return [.comment(comment.id)]

        case .tableDraft(let draft):
            try tableDraft(draft, context: context)
            return [.draft(draft.id)]

        case .withdrawDraft(let id):
            var draft = try openDraft(id, field: "draft")
            draft.status = .withdrawn
            drafts[id] = draft
            return [.draft(id)]

        case .recordPosition(let statement):
            try recordPosition(statement, context: context)
            return [.draft(statement.draft)]

        case .adoptDraft(let id):
            return try adoptDraft(id, context: context)

        case .challengeEditorial(let statement):
            let (id, item) = try challenge(statement, context: context)
            return [.challenge(id), .item(item)]

        case .settleChallenge(let id, let settlement):
            return try settle(id, settlement, context: context)

        case .addStandingItem(let item):
            try addStandingItem(item, context: context)
            return [.standingItem(item.id)]

        case .setAgenda(let agenda):
            try setAgenda(agenda)
            return [.agenda(agenda.meeting)]

        case .approveAgenda(let meeting):
            guard var agenda = agendas[meeting] else {
                throw .unknownReference(
                    field: "meeting", reason: "meeting '\(meeting)' has no draft agenda; the Secretariat sets one first"
                )
            }
            guard agenda.status == .draft else {
                throw .ruleViolation(
                    field: "meeting", rule: "agenda-approved", reason: "the agenda of \(meeting) is already approved")
            }
            agenda.status = .approved
            agendas[meeting] = agenda
            return [.agenda(meeting)]

        default:
            throw .invalid(field: "change.kind", reason: "\(change.kind) is not a change of governance")
        }
    }

    /// Editorial changes a member state may still challenge, newest first: not yet challenged, and still
    /// what the item says (a later change to the same fields is the one to challenge).
    public func editorialsOpenToChallenge() -> [EditorialChange] {
        editorials.values.filter { editorial in
            challenges[Challenge.id(of: editorial.sequence)] == nil
                && items[editorial.item].map { editorial.after.isHeld(by: $0) } == true
        }.sorted { $0.sequence > $1.sequence }
    }

    // MARK: Speaking for a participant

    /// Checks that the entry speaks for `participant`: its authority names it, and the actor is its own
    /// delegate (or observer) or the Secretariat acting on its behalf. Returns who recorded it.
    func speaker(for participant: ParticipantID, context: Context, field: String) throws(ChangeError)
        -> PositionRecord.Recorder
    {
        guard context.authority.participant == participant else {
            throw .ruleViolation(
                field: "authority.participant", rule: "own-delegation",
                reason:
                    "the entry speaks for \(participant), so its authority is {\"participant\": \"\(participant)\"}")
        }
        switch context.actor.role {
        case .delegate, .observer:
            guard context.actor.participant == participant else {
                throw .ruleViolation(
                    field: field, rule: "own-delegation",
                    reason:
                        "\(context.actor.name) acts for \(context.actor.participant?.rawValue ?? "no participant") "
                        + "and cannot act for \(participant); the Secretariat can record it on \(participant)'s behalf")
            }
            return .delegation
        case .secretariat, .system:
            return .secretariat
        case .presidency:
            throw .ruleViolation(
                field: "actor.role", rule: "own-delegation",
                reason: "the Presidency does not speak for a delegation; its delegate or the Secretariat does")
        }
    }

    // MARK: Proposals and comments

    private mutating func submitProposal(_ proposal: Proposal, context: Context) throws(ChangeError) {
        guard proposals[proposal.id] == nil else {
            throw .duplicate(field: "proposal.id", reason: "proposal '\(proposal.id)' is already recorded")
        }
        try Check.code(proposal.id.rawValue, field: "proposal.id")
        try Check.pathSafe(proposal.id.rawValue, field: "proposal.id", example: "MEX-REVIEW")
        guard let submitter = participants[proposal.submitter] else {
            throw .unknownReference(
                field: "proposal.submitter", reason: "no participant has the code '\(proposal.submitter)'")
        }
        guard submitter.kind == .memberState else {
            throw .ruleViolation(
                field: "proposal.submitter", rule: "member-proposes",
                reason: "\(submitter.id) is an observer; proposals come from member states")
        }
        _ = try speaker(for: proposal.submitter, context: context, field: "proposal.submitter")
        guard proposal.status == .open else {
            throw .invalid(field: "proposal.status", reason: "a proposal is submitted open")
        }
        try Check.localized(proposal.title, field: "proposal.title", limit: TextLimit.title)
        if let meeting = proposal.tabledFor, meetings[meeting] == nil {
            throw .unknownReference(field: "proposal.tabledFor", reason: "no meeting has the code '\(meeting)'")
        }
        for (index, invited) in proposal.invited.enumerated() where participants[invited] == nil {
            throw .unknownReference(
                field: "proposal.invited[\(index)]", reason: "no participant has the code '\(invited)'")
        }
        guard !proposal.items.isEmpty else {
            throw .invalid(field: "proposal.items", reason: "a proposal has at least one item")
        }
        for (index, item) in proposal.items.enumerated() {
            guard item.number == index + 1 else {
                throw .invalid(
                    field: "proposal.items[\(index)].number",
                    reason: "items are numbered 1, 2, 3… in order; expected \(index + 1)")
            }
            try Check.localized(item.text, field: "proposal.items[\(index)].text", limit: TextLimit.text)
            if let target = item.target {
                try checkPlacement(target, field: "proposal.items[\(index)].target")
            }
        }
        proposals[proposal.id] = proposal
    }

    private mutating func fileComment(_ comment: Comment, context: Context) throws(ChangeError) {
        guard let proposal = proposals[comment.proposal] else {
            throw .unknownReference(field: "comment.proposal", reason: "no proposal has the code '\(comment.proposal)'")
        }
        guard proposal.status == .open else {
            throw .ruleViolation(
                field: "comment.proposal", rule: "proposal-open",
                reason: "proposal \(proposal.id) is \(proposal.status.rawValue); it takes no more comments")
        }
        // A comment without an item answers the proposal as a whole.
        if let item = comment.item, proposal.item(item) == nil {
            throw .unknownReference(
                field: "comment.item",
                reason: "proposal \(proposal.id) has items 1 to \(proposal.items.count); there is no item \(item)")
        }
        guard comment.id == Comment.id(proposal: comment.proposal, item: comment.item, participant: comment.participant)
        else {
            throw .invalid(
                field: "comment.id",
                reason: "a comment's id is PROPOSAL/ITEM/PARTICIPANT (ITEM is \"general\" without one)")
        }
        guard let participant = participants[comment.participant] else {
            throw .unknownReference(
                field: "comment.participant", reason: "no participant has the code '\(comment.participant)'")
        }
        if participant.kind != .memberState, !proposal.invited.contains(participant.id) {
            throw .ruleViolation(
                field: "comment.participant", rule: "observer-invited",
                reason: "\(participant.id) is an observer and \(proposal.id) does not invite it to comment")
        }
        _ = try speaker(for: comment.participant, context: context, field: "comment.participant")
        try Check.localized(comment.text, field: "comment.text", limit: TextLimit.text)
        if let placement = comment.placement { try checkPlacement(placement, field: "comment.placement") }
        comments[comment.id] = comment
    }

    private func checkPlacement(_ placement: Placement, field: String) throws(ChangeError) {
        if let parent = placement.parent, items[parent] == nil {
            throw .unknownReference(field: "\(field).parent", reason: "no plan item has the number '\(parent)'")
        }
        if let workplan = placement.workplan, workplans[workplan] == nil {
            throw .unknownReference(field: "\(field).workplan", reason: "no workplan has the code '\(workplan)'")
        }
        if let note = placement.note { try Check.localized(note, field: "\(field).note", limit: TextLimit.reason) }
    }

    // MARK: Drafts, positions and adoption

    private mutating func tableDraft(_ draft: DraftDecision, context: Context) throws(ChangeError) {
        guard meetings[draft.meeting] != nil else {
            throw .unknownReference(field: "draft.meeting", reason: "no meeting has the code '\(draft.meeting)'")
        }
        guard Decision.isParagraphNumber(draft.paragraph) else {
            throw .invalid(
                field: "draft.paragraph", reason: "'\(draft.paragraph)' is not a paragraph number like 3, 3.b or 4.2")
        }
        guard draft.id.rawValue == Decision.id(meeting: draft.meeting, paragraph: draft.paragraph).rawValue else {
            throw .invalid(field: "draft.id", reason: "a draft's id is the decision it would become, MEETING/PARAGRAPH")
        }
        guard drafts[draft.id] == nil || drafts[draft.id]?.status == .withdrawn,
            decisions[draft.decisionID] == nil || decisions[draft.decisionID]?.status == .rejected
        else {
            throw .duplicate(field: "draft.paragraph", reason: "paragraph \(draft.id) is already drafted or decided")
        }
        guard draft.status == .draft, draft.positions.isEmpty else {
            throw .invalid(field: "draft.status", reason: "a draft is tabled as a draft, before any position")
        }
        try Check.localized(draft.text, field: "draft.text", limit: TextLimit.text)
        try checkEffects(draft.effects, field: "draft.effects")
        drafts[draft.id] = draft
    }

    private func openDraft(_ id: DraftID, field: String) throws(ChangeError) -> DraftDecision {
        guard let draft = drafts[id] else {
            throw .unknownReference(field: field, reason: "no draft decision '\(id)' is tabled")
        }
        guard draft.status == .draft else {
            throw .ruleViolation(
                field: field, rule: "draft-open", reason: "draft \(id) is \(draft.status.rawValue); it is closed")
        }
        return draft
    }

    private mutating func recordPosition(_ statement: PositionStatement, context: Context) throws(ChangeError) {
        var draft = try openDraft(statement.draft, field: "position.draft")
        guard let participant = participants[statement.participant] else {
            throw .unknownReference(
                field: "position.participant", reason: "no participant has the code '\(statement.participant)'")
        }
        // Its standing as it was at the meeting: a member admitted later did not decide then.
        let date = meetings[draft.meeting]?.start
        guard let standing = standing(of: participant.id, on: date), standing == .memberState else {
            let was = standing(of: participant.id, on: date).map { "an \($0.rawValue)" } ?? "not yet a participant"
            throw .ruleViolation(
                field: "position.participant", rule: "observers-take-no-position",
                reason: "\(participant.id) was \(was) at \(draft.meeting); only member states take a position on "
                    + "decisions")
        }
        let recordedBy = try speaker(for: participant.id, context: context, field: "position.participant")
        guard meetings[draft.meeting]?.attendance.contains(participant.id) == true else {
            throw .ruleViolation(
                field: "position.participant", rule: "attendance",
                reason: "\(participant.id) is not recorded as present at \(draft.meeting); record its attendance first")
        }
        if let note = statement.note { try Check.localized(note, field: "position.note", limit: TextLimit.reason) }
        draft.positions.removeAll { $0.participant == participant.id }
        draft.positions.append(
            PositionRecord(
                participant: participant.id, position: statement.position, recordedBy: recordedBy,
                recorder: context.actor.name, note: statement.note))
        drafts[draft.id] = draft
    }

    /// Adopts a draft when consensus is reached, records the decision in force and applies its effects through
    /// the same rules as any other change, on the decision's authority.
    private mutating func adoptDraft(_ id: DraftID, context: Context) throws(ChangeError) -> [EntityRef] {
        var draft = try openDraft(id, field: "draft")
        guard context.authority.decision?.rawValue == id.rawValue else { throw Self.adoptionAuthority(id) }
        let consensus = Consensus(on: draft, in: self)
        if let obstacle = consensus.obstacle {
            throw .ruleViolation(
                field: "positions", rule: "consensus", reason: "\(id) is not adopted by consensus: \(obstacle)")
        }
        var decision = Decision(
            meeting: draft.meeting, paragraph: draft.paragraph, kind: draft.kind, text: draft.text,
            effects: draft.effects, adoption: consensus, status: .inForce)
        decision.inForceSince = context.sequence
        try checkParagraph(of: decision, context: context)
        if let existing = decisions[decision.id], existing.status != .rejected {
            throw .duplicate(field: "draft", reason: "paragraph \(decision.id) is already recorded")
        }
        decisions[decision.id] = decision
        draft.status = .adopted
        drafts[id] = draft
        return [.draft(id), .decision(decision.id)] + (try applyEffects(of: decision, context: context))
    }
}

extension ChangeError {
    /// The same error about a field inside an enclosing value: "effects[2]." + "amendment.leads".
    func prefixed(_ prefix: String) -> ChangeError {
        switch self {
        case .invalid(let field, let reason): .invalid(field: prefix + field, reason: reason)
        case .unknownReference(let field, let reason): .unknownReference(field: prefix + field, reason: reason)
        case .duplicate(let field, let reason): .duplicate(field: prefix + field, reason: reason)
        case .ruleViolation(let field, let rule, let reason):
            .ruleViolation(field: prefix + field, rule: rule, reason: reason)
        }
    }
}

extension ProcessState {
    /// Records a paragraph transcribed from a meeting's outcome document, pending the Presidency's
    /// confirmation (DESIGN.md §3 rule 1; OWASP ASVS 5.0 §2.3.5, multi-party approval).
    ///
    /// A transcription cannot override the room: for a paragraph tabled as a draft at that meeting and still
    /// open, it is refused, and the draft is adopted instead when its computed consensus holds.
    mutating func transcribe(_ decision: Decision, context: Context) throws(ChangeError) {
        guard decision.adoption == nil else {
            throw .invalid(
                field: "decision.adoption",
                reason: "consensus is computed when a draft is adopted, never typed; leave it out")
        }
        guard decision.status == .pending, decision.inForceSince == nil, decision.transcriber == nil,
            decision.rejection == nil
        else {
            throw .invalid(
                field: "decision.status",
                reason: "a transcribed decision is recorded pending; the Presidency confirms it (confirm-decision)")
        }
        try checkParagraph(of: decision, context: context)
        if let existing = decisions[decision.id], existing.status != .rejected {
            throw .duplicate(field: "decision.paragraph", reason: "paragraph \(decision.id) is already recorded")
        }
        if let draft = drafts[DraftID(decision.id.rawValue)], draft.status == .draft {
            let consensus = Consensus(on: draft, in: self)
            throw .ruleViolation(
                field: "decision.paragraph", rule: "transcription-overrides-room",
                reason: "\(decision.id) is tabled at \(decision.meeting) as a draft; "
                    + (consensus.obstacle.map {
                        "its consensus does not hold (\($0)), and a transcription cannot override the room"
                    } ?? "consensus holds, so adopt the draft (adopt-draft) rather than transcribe it"))
        }
        try checkEffects(decision.effects, field: "decision.effects")
        var decision = decision
        decision.transcriber = context.actor.name
        decisions[decision.id] = decision
    }

    /// The Presidency confirms a transcription: the decision comes into force and its effects apply, all or
    /// none, through the same rules as any change.
    mutating func confirm(_ id: DecisionID, context: Context) throws(ChangeError) -> [EntityRef] {
        var decision = try pendingDecision(id)
        if let transcriber = decision.transcriber, transcriber == context.actor.name {
            throw .ruleViolation(
                field: "actor.name", rule: "second-person",
                reason: "\(transcriber) transcribed \(id); someone else confirms it")
        }
        decision.status = .inForce
        decision.inForceSince = context.sequence
        decisions[id] = decision
        return [.decision(id)] + (try applyEffects(of: decision, context: context))
    }

    /// The Presidency refuses a transcription; the paragraph may be transcribed again.
    mutating func reject(_ id: DecisionID, reason: LocalizedText) throws(ChangeError) {
        var decision = try pendingDecision(id)
        try Check.localized(reason, field: "reason", limit: TextLimit.reason)
        decision.status = .rejected
        decision.rejection = reason
        decisions[id] = decision
    }

    private func pendingDecision(_ id: DecisionID) throws(ChangeError) -> Decision {
        guard let decision = decisions[id] else {
            throw .unknownReference(field: "decision", reason: "no decision '\(id)' is recorded")
        }
        guard decision.status == .pending else {
            throw .ruleViolation(
                field: "decision", rule: "transcription-pending",
                reason: "\(id) is \(decision.status.rawValue), not a transcription awaiting confirmation")
        }
        return decision
    }

    /// Applies the declared effects of `decision`, now in force, on its authority: each through the same
    /// rules as any change, the approval level included. Errors name the effect ("effects[2].amendment…").
    mutating func applyEffects(of decision: Decision, context: Context) throws(ChangeError) -> [EntityRef] {
        var effectContext = context
        effectContext.decision = decision.id
        effectContext.body = meetings[decision.meeting].flatMap { bodies[$0.body] }
        var changed: [EntityRef] = []
        for (index, effect) in decision.effects.enumerated() {
            effectContext.effect = index
            do throws(ChangeError) {
                guard Change.effectKinds.contains(effect.kind) else {
                    throw ChangeError.invalid(field: "kind", reason: Self.effectKindsReason)
                }
                changed += try apply(effect, context: effectContext)
            } catch {
                throw error.prefixed("effects[\(index)].")
            }
        }
        var seen: Set<EntityRef> = []
        return changed.filter { seen.insert($0).inserted }
    }

    /// Checks a paragraph's meeting (recorded, and begun by the entry's date), number, id and texts.
    func checkParagraph(of decision: Decision, context: Context) throws(ChangeError) {
        guard let meeting = meetings[decision.meeting] else {
            throw .unknownReference(field: "decision.meeting", reason: "no meeting has the code '\(decision.meeting)'")
        }
        guard Decision.isParagraphNumber(decision.paragraph) else {
            throw .invalid(
                field: "decision.paragraph",
                reason: "'\(decision.paragraph)' is not a paragraph number like 3, 3.b or 4.2")
        }
        guard decision.id == Decision.id(meeting: decision.meeting, paragraph: decision.paragraph) else {
            throw .invalid(
                field: "decision.id", reason: "a decision's id is its meeting and paragraph, MEETING/PARAGRAPH")
        }
        try requireBegun(meeting, context: context, field: "decision.meeting")
        try Check.localized(decision.text, field: "decision.text", limit: TextLimit.text)
        if let note = decision.note { try Check.localized(note, field: "decision.note", limit: TextLimit.reason) }
    }

    /// What a decision (or a draft) may declare, checked when it is recorded: the kinds of effect, and the
    /// texts they carry, which are stored and shown from then on even though the rules apply them later.
    func checkEffects(_ effects: [Change], field: String) throws(ChangeError) {
        for (index, effect) in effects.enumerated() {
            guard Change.effectKinds.contains(effect.kind) else {
                throw .invalid(field: "\(field)[\(index)]", reason: Self.effectKindsReason)
            }
            do throws(ChangeError) {
                try effect.checkTexts()
            } catch {
                throw error.prefixed("\(field)[\(index)].")
            }
        }
    }

    static let effectKindsReason =
        "a decision's effect is one of \(Change.effectKinds.sorted().joined(separator: ", "))"
}

extension Change {
    /// Checks every text an effect carries, as the rules would when it applies.
    func checkTexts() throws(ChangeError) {
        switch self {
        case .addItem(let item):
            try Check.localized(item.title, field: "item.title", limit: TextLimit.title)
            if let text = item.text { try Check.localized(text, field: "item.text", limit: TextLimit.text) }
            if let note = item.note { try Check.localized(note, field: "item.note", limit: TextLimit.reason) }
            if let text = item.timeline?.text {
                try Check.localized(text, field: "item.timeline.text", limit: TextLimit.title)
            }
        case .amendItem(let amendment):
            if let title = amendment.title {
                try Check.localized(title, field: "amendment.title", limit: TextLimit.title)
            }
            if let text = amendment.text { try Check.localized(text, field: "amendment.text", limit: TextLimit.text) }
            if let note = amendment.note {
                try Check.localized(note, field: "amendment.note", limit: TextLimit.reason)
            }
            if let text = amendment.timeline?.text {
                try Check.localized(text, field: "amendment.timeline.text", limit: TextLimit.title)
            }
        case .addWorkplan(let workplan), .amendWorkplan(let workplan):
            try Check.localized(workplan.title, field: "workplan.title", limit: TextLimit.title)
        case .addParticipant(let participant), .amendParticipant(let participant):
            try Check.localized(participant.name, field: "participant.name", limit: TextLimit.title)
            for (index, event) in participant.history.enumerated() {
                if let note = event.note {
                    try Check.localized(note, field: "participant.history[\(index)].note", limit: TextLimit.reason)
                }
            }
        case .addStandingItem(let item):
            try Check.localized(item.title, field: "standingItem.title", limit: TextLimit.title)
            if let note = item.note { try Check.localized(note, field: "standingItem.note", limit: TextLimit.reason) }
        case .amendMeeting(let meeting):
            try Check.localized(meeting.title, field: "meeting.title", limit: TextLimit.title)
            if let place = meeting.place { try Check.localized(place, field: "meeting.place", limit: TextLimit.title) }
        default:
            break
        }
    }
}

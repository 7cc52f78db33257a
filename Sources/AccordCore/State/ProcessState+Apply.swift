extension ProcessState {
    /// The state after `entry`, and the entities it changed.
    ///
    /// This is the one place where a change is checked against the record: the store calls it before it
    /// appends, and `verify` calls it again when it replays the ledger.
    ///
    /// - Parameter lexicon: the dictionary typo fixes are checked against; the store passes the same one to
    ///   append and to verify. Without one, no typo fix is editorial.
    /// - Throws: `ChangeError` naming the field and the reason when the change breaks a rule; the state is
    ///   then unchanged.
    public func applying(_ entry: LedgerEntry, lexicon: any Lexicon = EmptyLexicon()) throws(ChangeError) -> (
        state: ProcessState, changed: [EntityRef]
    ) {
        var next = self
        let changed = try next.apply(entry, lexicon: lexicon)
        return (next, changed)
    }

    /// Applies `entry` in place and returns the entities it changed; on a refusal the state is unchanged.
    ///
    /// Every rule is checked before the first write, so a refused change leaves nothing half-applied.
    public mutating func apply(_ entry: LedgerEntry, lexicon: any Lexicon = EmptyLexicon()) throws(ChangeError)
        -> [EntityRef]
    {
        try apply(entry, enforcingAuthority: true, lexicon: lexicon)
    }

    /// Applies `entry`.
    ///
    /// - Parameters:
    ///   - enforcingAuthority: false only for the revision report, which applies a draft change that lacks
    ///     the decision it needs anyway, to show what the draft would change.
    ///   - inSequence: false only for the plan as of a date, which leaves out the entries dated after it.
    mutating func apply(
        _ entry: LedgerEntry, enforcingAuthority: Bool, lexicon: any Lexicon, inSequence: Bool = true
    ) throws(ChangeError) -> [EntityRef] {
        guard entry.sequence == sequence + 1 || (!inSequence && entry.sequence > sequence) else {
            throw .invalid(field: "sequence", reason: "entry \(entry.sequence) does not follow entry \(sequence)")
        }
        try checkActor(entry.actor)
        try checkAuthority(entry.authority, for: entry.change, enforcing: enforcingAuthority)
        try checkCapacity(of: entry.actor, for: entry.change)
        var context = Context(
            sequence: entry.sequence, actor: entry.actor, authority: entry.authority, recordedAt: entry.recordedAt,
            enforcesAuthority: enforcingAuthority, lexicon: lexicon)
        // Outside the revision report a decision is cited only by the entries that concern it (its adoption,
        // its confirmation, an edition's approval); in the report, a draft change citing one is judged as if
        // the decision declared it, so that only the level is left to check.
        if !enforcingAuthority, let id = entry.authority.decision, !entry.change.concernsItsDecision {
            context.decision = id
            context.body = decisions[id].flatMap { meetings[$0.meeting] }.flatMap { bodies[$0.body] }
        }
        let changed: [EntityRef]
        switch entry.change {
        case .addItem, .amendItem, .changeStatus:
            // Most of the ledger. Each checks every rule before its only writes, so it is applied in place:
            // on a copy, each write would copy the path to the item in every tree it touches.
            changed = try apply(entry.change, context: context)
        default:
            // Applied to a copy: a decision coming into force applies several effects, and a refusal of the
            // last one must leave nothing of the first ones behind.
            var next = self
            changed = try next.apply(entry.change, context: context)
            self = next
        }
        sequence = entry.sequence
        for ref in changed { lastChanged[ref] = entry.sequence }
        return changed
    }

    /// What a change is applied with: its position and date, who makes it, on what authority, and (for a
    /// decision's declared effect) the decision and the body whose decision it is.
    struct Context {
        var sequence: Int64
        var actor: Actor
        var authority: Authority
        /// When the entry was made.
        var recordedAt: Timestamp
        var enforcesAuthority: Bool
        var lexicon: any Lexicon
        /// The decision whose declared effect this change is; nil for an entry's own change.
        var decision: DecisionID?
        /// The body that took that decision.
        var body: Body?
        /// Which of the decision's effects this is.
        var effect: Int?

        /// The day the entry was made; worked out only for the few rules that compare dates.
        var date: PartialDate { PartialDate(day: recordedAt) }
    }

    private func checkActor(_ actor: Actor) throws(ChangeError) {
        try Check.text(actor.name, field: "actor.name", limit: TextLimit.title)
        if let participant = actor.participant, participants[participant] == nil {
            throw .unknownReference(field: "actor.participant", reason: "no participant has the code '\(participant)'")
        }
        if actor.role == .delegate || actor.role == .observer, actor.participant == nil {
            throw .invalid(
                field: "actor.participant", reason: "a \(actor.role.rawValue) acts for a participant; name its code")
        }
    }

    mutating func apply(_ change: Change, context: Context) throws(ChangeError) -> [EntityRef] {
        switch change {
        case .describeProcess(let process):
            try Check.code(process.id.rawValue, field: "process.id")
            try Check.localized(process.name, field: "process.name", limit: TextLimit.title)
            guard !process.languages.isEmpty else {
                throw .invalid(field: "process.languages", reason: "a process has at least one official language")
            }
            self.process = process
            return [.process]

        case .addParticipant(let participant):
            try addParticipant(participant, context: context)
            return [.participant(participant.id)]

        case .amendParticipant(let participant):
            try amendParticipant(participant, context: context)
            return [.participant(participant.id)]

        case .addBody(let body):
            try addBody(body)
            return [.body(body.id)]

        case .addMeeting(let meeting):
            guard meetings[meeting.id] == nil else {
                throw .duplicate(field: "meeting.id", reason: "meeting '\(meeting.id)' is already recorded")
            }
            try checkMeeting(meeting)
            meetings[meeting.id] = meeting
            return [.meeting(meeting.id)]

        case .amendMeeting(let meeting):
            try amendMeeting(meeting, context: context)
            return [.meeting(meeting.id)]

        case .recordDecision(let decision):
            try transcribe(decision, context: context)
            return [.decision(decision.id)]

        case .confirmDecision(let id):
            return try confirm(id, context: context)

        case .rejectDecision(let id, let reason):
            try reject(id, reason: reason)
            return [.decision(id)]

        case .addItem(let item):
            let added = try addItem(item, context: context)
            return [.item(added)]

        case .amendItem(let amendment):
            return try amendItem(amendment, context: context)

        case .changeStatus(let number, let status):
            try changeStatus(of: number, to: status, context: context)
            return [.item(number)]

        case .addWorkplan(let workplan):
            try addWorkplan(workplan, context: context)
            return [.workplan(workplan.id)]

        case .amendWorkplan(let workplan):
            try amendWorkplan(workplan, context: context)
            return [.workplan(workplan.id)]

        case .delegateWorkplanUpdates(let id):
            try delegateUpdates(of: id, context: context)
            return [.workplan(id)]

        case .approveRevisedPlan:
            try requireHighestBody(context, to: "approve a revised Plan of Action")
            return []

        case .proposeEdition(let edition):
            try propose(edition)
            return [.edition(edition.number)]

        case .approveEdition(let number):
            try approveEdition(number, context: context)
            return [.edition(number)]

        case .submitProposal, .withdrawProposal, .fileComment, .tableDraft, .withdrawDraft, .recordPosition,
            .adoptDraft, .challengeEditorial, .settleChallenge, .addStandingItem, .setAgenda, .approveAgenda:
            return try applyGovernance(change, context: context)

        case .addExternalPlan, .addMandate, .amendMandate, .addCycle, .amendCycle, .fileReport, .publishReport,
            .recordEvent, .amendEvent, .addEventSeries:
            return try applyFollowUp(change, context: context)
        case .addCode, .commitVintage, .publishRelease:
            return try applyStatistics(change, context: context)
        case .attachFile(let attachment):
            return try attach(attachment, context: context)
        }
    }

    /// The decision that approves something entering `status`: none for a proposal, the decision whose
    /// declared effect this is otherwise.
    func approval(for status: Status, context: Context, field: String) throws(ChangeError) -> DecisionID? {
        guard status != .proposed else { return nil }
        guard let decision = context.decision else {
            throw .ruleViolation(
                field: field, rule: "approval-needs-decision",
                reason:
                    "only a decision's declared effect can make something \(status.rawValue); an editorial change "
                    + "can only record a proposal")
        }
        return decision
    }

    /// The highest level of any body of the process: the level that admits participants and approves the plan.
    var highestLevel: BodyLevel { bodies.values.map(\.level).max() ?? .viceMinisterial }

    /// Checks that the decision whose effect this is was taken by a body of the highest level.
    func requireHighestBody(_ context: Context, to action: @autoclosure () -> String) throws(ChangeError) {
        guard context.enforcesAuthority else { return }
        guard let decision = context.decision, let body = context.body else {
            throw .ruleViolation(
                field: "authority", rule: "declared-effect",
                reason: "to \(action()) needs the declared effect of a decision of the \(highestLevel.rawValue) level")
        }
        guard body.level >= highestLevel else {
            throw .ruleViolation(
                field: "authority", rule: "approval-level",
                reason: "\(decision) is of the \(body.id) (\(body.level.rawValue) level); to \(action()) needs a "
                    + "decision of \(bodies(atOrAbove: highestLevel)) (\(highestLevel.rawValue) level)")
        }
    }
}

extension Change {
    /// Whether the change is about the decision its entry cites: adopting it, confirming or rejecting it, or
    /// approving an edition on it.
    var concernsItsDecision: Bool {
        switch self {
        case .adoptDraft, .confirmDecision, .rejectDecision, .approveEdition: true
        default: false
        }
    }
}

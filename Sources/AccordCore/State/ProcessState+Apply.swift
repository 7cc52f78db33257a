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

    /// DESIGN.md §3 rule 1: a decision authorizes only its declared effects, applied by the entry that brings
    /// it into force. An entry cites a decision only to adopt it, to confirm or reject its transcription, or
    /// (the Presidency) to approve an edition on it; anything else citing one is refused, saying why.
    private func checkAuthority(_ authority: Authority, for change: Change, enforcing: Bool) throws(ChangeError) {
        switch authority {
        case .decision(let id):
            // A draft's adoption cites the decision it creates, and no other.
            if case .adoptDraft(let draft) = change, draft.rawValue == id.rawValue { return }
            guard let decision = decisions[id] else {
                throw .unknownReference(
                    field: "authority.decision",
                    reason: "no decision '\(id)' is recorded; record the meeting's paragraph before citing it")
            }
            switch change {
            case .adoptDraft(let draft):
                throw Self.adoptionAuthority(draft)
            case .confirmDecision(let cited), .rejectDecision(let cited, _):
                guard cited == id else {
                    throw .ruleViolation(
                        field: "authority.decision", rule: "transcription-review",
                        reason: "confirming or rejecting \(cited) cites it: {\"decision\": \"\(cited)\"}")
                }
            case .approveEdition: break
            default:
                if enforcing { throw citationRefusal(of: decision, for: change) }
            }
        case .editorial(let reason):
            try Check.text(reason, field: "authority.editorial", limit: TextLimit.reason)
            switch change {
            case .adoptDraft(let id):
                throw Self.adoptionAuthority(id)
            case .confirmDecision(let id), .rejectDecision(let id, _):
                throw .ruleViolation(
                    field: "authority", rule: "transcription-review",
                    reason: "the Presidency confirms or rejects \(id) citing it: {\"decision\": \"\(id)\"}")
            case .approveEdition:
                throw .ruleViolation(
                    field: "authority", rule: "edition-approval",
                    reason: "approving an edition cites the decision of the highest body that approves the revised "
                        + "plan: {\"decision\": \"MEETING/PARAGRAPH\"}")
            default:
                if change.isEffectOnly {
                    throw .ruleViolation(
                        field: "change.kind", rule: "declared-effect",
                        reason: "a \(change.kind) is made only as the declared effect of a decision, applied when "
                            + "the decision comes into force; it is never an entry of its own")
                }
            }
        case .participant(let id):
            guard participants[id] != nil else {
                throw .unknownReference(field: "authority.participant", reason: "no participant has the code '\(id)'")
            }
            guard change.isSubmission else {
                throw .ruleViolation(
                    field: "authority", rule: "authority-kind",
                    reason:
                        "a participant's own authority covers its proposals, comments, positions and challenges; "
                        + "a \(change.kind) needs a decision or an editorial reason")
            }
        }
        if change.isSubmission, authority.participant == nil {
            throw .ruleViolation(
                field: "authority", rule: "authority-kind",
                reason: "a \(change.kind) is a participant's own act: its authority is {\"participant\": \"CODE\"}")
        }
    }

    /// The refusal of an adoption that does not cite the decision the draft becomes.
    static func adoptionAuthority(_ draft: DraftID) -> ChangeError {
        .ruleViolation(
            field: "authority", rule: "adoption-authority",
            reason: "adopting \(draft) cites the decision it becomes: {\"decision\": \"\(draft)\"}")
    }

    /// The bodies whose decisions reach `level`, as a refusal names them: "RCGM or RCM".
    func bodies(atOrAbove level: BodyLevel) -> String {
        let names = bodies.values.filter { $0.level >= level }.map(\.id.rawValue).sorted()
        return names.isEmpty ? "a body" : names.joined(separator: " or ")
    }

    /// The refusal of an entry that cites `decision` for `change` outside the decision's coming into force:
    /// "RCM-II/1 declares no change to MPM-5", or, where it does declare one, when that change applied.
    func citationRefusal(of decision: DecisionID, for change: Change) -> ChangeError {
        guard let record = decisions[decision] else {
            return .unknownReference(field: "authority.decision", reason: "no decision '\(decision)' is recorded")
        }
        return citationRefusal(of: record, for: change)
    }

    private func citationRefusal(of decision: Decision, for change: Change) -> ChangeError {
        let label = change.target.map(Self.label) ?? change.kind
        let declared = change.target.map { decision.effects(on: $0) } ?? []
        let id = decision.id
        let reason: String
        if let index = declared.first {
            switch decision.status {
            case .inForce:
                reason =
                    "\(id) declares its change to \(label) as effects[\(index)], which was applied when the decision "
                    + "came into force, entry \(decision.inForceSince.map(String.init) ?? "?"); citing the decision "
                    + "again authorizes nothing"
            case .pending:
                reason =
                    "\(id) declares a change to \(label) as effects[\(index)], which applies when the Presidency "
                    + "confirms the transcription (confirm-decision); until then it authorizes nothing"
            case .rejected:
                reason = "\(id) was rejected by the Presidency as transcribed; it authorizes nothing"
            }
        } else {
            reason =
                "\(id) declares no change to \(label); such a change is made only as the declared effect of a "
                + "decision, applied when that decision comes into force (adopted from a draft by consensus, or "
                + "transcribed with its effects and confirmed by the Presidency)"
        }
        return .ruleViolation(field: "authority.decision", rule: "declared-effect", reason: reason)
    }

    /// How a refusal names an entity: an item by its number, anything else by its kind and code.
    static func label(_ ref: EntityRef) -> String {
        if case .item(let number) = ref { return number.rawValue }
        return ref.description
    }

    /// Who may make each kind of change: the Secretariat keeps the record, participants speak for themselves,
    /// the Presidency confirms transcriptions, approves editions and agendas. Confirming and approving are
    /// the second person's, so Accord's own loader cannot do them either.
    private func checkCapacity(of actor: Actor, for change: Change) throws(ChangeError) {
        // An array, not a set: it is made for every entry, and hashing four roles costs more than scanning them.
        let allowed: [Actor.Role] =
            switch change {
            case .submitProposal, .withdrawProposal, .fileComment, .recordPosition, .challengeEditorial:
                [.delegate, .observer, .secretariat, .system]
            case .tableDraft: [.delegate, .secretariat, .presidency, .system]
            case .setAgenda: [.secretariat, .presidency, .system]
            case .approveAgenda: [.presidency, .system]
            case .confirmDecision, .rejectDecision, .approveEdition: [.presidency]
            default: [.secretariat, .system]
            }
        guard allowed.contains(actor.role) else {
            let roles = Actor.Role.allCases.filter(allowed.contains).map(\.rawValue).joined(separator: ", ")
            throw .ruleViolation(
                field: "actor.role", rule: "capacity",
                reason: "a \(actor.role.rawValue) cannot \(change.kind); that is for: \(roles)")
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

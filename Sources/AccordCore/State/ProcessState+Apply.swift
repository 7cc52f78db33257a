extension ProcessState {
    /// The state after `entry`, and the entities it changed.
    ///
    /// This is the one place where a change is checked against the record: the store calls it before it
    /// appends, and `verify` calls it again when it replays the ledger.
    ///
    /// - Throws: `ChangeError` naming the field and the reason when the change breaks a rule; the state is
    ///   then unchanged.
    public func applying(_ entry: LedgerEntry) throws(ChangeError) -> (state: ProcessState, changed: [EntityRef]) {
        var next = self
        let changed = try next.apply(entry)
        return (next, changed)
    }

    /// Applies `entry` in place and returns the entities it changed; on a refusal the state is unchanged.
    ///
    /// Every rule is checked before the first write, so a refused change leaves nothing half-applied.
    public mutating func apply(_ entry: LedgerEntry) throws(ChangeError) -> [EntityRef] {
        try apply(entry, enforcingApprovalLevel: true)
    }

    /// Applies `entry`; with `enforcingApprovalLevel` false, a substantive change without the agreement it
    /// needs is applied anyway, which only the revision report does, to show what a draft would change.
    mutating func apply(_ entry: LedgerEntry, enforcingApprovalLevel: Bool) throws(ChangeError) -> [EntityRef] {
        guard entry.sequence == sequence + 1 else {
            throw .invalid(field: "sequence", reason: "entry \(entry.sequence) does not follow entry \(sequence)")
        }
        try checkActor(entry.actor)
        try checkAuthority(entry.authority, for: entry.change)
        try checkCapacity(of: entry.actor, for: entry.change)
        let context = Context(
            sequence: entry.sequence, actor: entry.actor, authority: entry.authority,
            enforcesApprovalLevel: enforcingApprovalLevel)
        let changed: [EntityRef]
        switch entry.change {
        case .addItem, .amendItem, .changeStatus:
            // Most of the ledger. Each checks every rule before its only writes, so it is applied in place:
            // on a copy, each write would copy the path to the item in every tree it touches.
            changed = try apply(entry.change, context: context)
        default:
            // Applied to a copy: an adopted draft applies several effects, and a refusal of the last one
            // must leave nothing of the first ones behind.
            var next = self
            changed = try next.apply(entry.change, context: context)
            self = next
        }
        sequence = entry.sequence
        for ref in changed { lastChanged[ref] = entry.sequence }
        return changed
    }

    /// What a change is applied with: its position, who makes it, and on what authority.
    struct Context {
        var sequence: Int64
        var actor: Actor
        var authority: Authority
        var enforcesApprovalLevel: Bool
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

    private func checkAuthority(_ authority: Authority, for change: Change) throws(ChangeError) {
        switch authority {
        case .decision(let id):
            // A draft's adoption cites the decision it creates.
            if case .adoptDraft(let draft) = change, draft.rawValue == id.rawValue { return }
            guard decisions[id] != nil else {
                throw .unknownReference(
                    field: "authority.decision",
                    reason: "no decision '\(id)' is recorded; record the meeting's paragraph before citing it")
            }
        case .editorial(let reason):
            try Check.text(reason, field: "authority.editorial", limit: TextLimit.reason)
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

    /// Who may make each kind of change: the Secretariat keeps the record, participants speak for themselves,
    /// the Presidency approves agendas and editions.
    private func checkCapacity(of actor: Actor, for change: Change) throws(ChangeError) {
        // An array, not a set: it is made for every entry, and hashing four roles costs more than scanning them.
        let allowed: [Actor.Role] =
            switch change {
            case .submitProposal, .withdrawProposal, .fileComment, .recordPosition, .challengeEditorial:
                [.delegate, .observer, .secretariat, .system]
            case .tableDraft: [.delegate, .secretariat, .presidency, .system]
            case .publishEdition, .setAgenda: [.secretariat, .presidency, .system]
            case .approveAgenda: [.presidency, .system]
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
        let authority = context.authority
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
            guard participants[participant.id] == nil else {
                throw .duplicate(field: "participant.id", reason: "participant '\(participant.id)' is already recorded")
            }
            try checkParticipant(participant)
            participants[participant.id] = participant
            return [.participant(participant.id)]

        case .amendParticipant(let participant):
            guard participants[participant.id] != nil else {
                throw .unknownReference(
                    field: "participant.id", reason: "no participant has the code '\(participant.id)'")
            }
            try checkParticipant(participant)
            participants[participant.id] = participant
            return [.participant(participant.id)]

        case .addBody(let body):
            guard bodies[body.id] == nil else {
                throw .duplicate(field: "body.id", reason: "body '\(body.id)' is already recorded")
            }
            try Check.code(body.id.rawValue, field: "body.id")
            try Check.localized(body.name, field: "body.name", limit: TextLimit.title)
            if let parentID = body.parent {
                guard let parent = bodies[parentID] else {
                    throw .unknownReference(field: "body.parent", reason: "no body has the code '\(parentID)'")
                }
                guard parent.level >= body.level else {
                    throw .ruleViolation(
                        field: "body.parent", rule: "body-hierarchy",
                        reason: "a \(body.level.rawValue) body cannot report to '\(parentID)', which is lower")
                }
            }
            bodies[body.id] = body
            return [.body(body.id)]

        case .addMeeting(let meeting):
            guard meetings[meeting.id] == nil else {
                throw .duplicate(field: "meeting.id", reason: "meeting '\(meeting.id)' is already recorded")
            }
            try checkMeeting(meeting)
            meetings[meeting.id] = meeting
            return [.meeting(meeting.id)]

        case .amendMeeting(let meeting):
            guard let old = meetings[meeting.id] else {
                throw .unknownReference(field: "meeting.id", reason: "no meeting has the code '\(meeting.id)'")
            }
            guard old.body == meeting.body else {
                throw .ruleViolation(
                    field: "meeting.body", rule: "meeting-body",
                    reason: "meeting '\(meeting.id)' was a session of \(old.body); a meeting cannot change body")
            }
            try checkMeeting(meeting)
            meetings[meeting.id] = meeting
            return [.meeting(meeting.id)]

        case .recordDecision(let decision):
            guard decision.adoption == nil else {
                throw .invalid(
                    field: "decision.adoption",
                    reason: "consensus is computed when a draft is adopted, never typed; leave it out")
            }
            try recordDecisionChecked(decision)
            return [.decision(decision.id)]

        case .addItem(let item):
            let added = try addItem(item, authority: authority)
            return [.item(added)]

        case .amendItem(let amendment):
            return try amendItem(amendment, context: context)

        case .changeStatus(let number, let status):
            try changeStatus(of: number, to: status, context: context)
            return [.item(number)]

        case .addWorkplan(let workplan):
            guard workplans[workplan.id] == nil else {
                throw .duplicate(field: "workplan.id", reason: "workplan '\(workplan.id)' is already recorded")
            }
            var workplan = workplan
            workplan.approvedBy = try approval(for: workplan.status, authority: authority, field: "workplan.status")
            try checkWorkplan(workplan)
            workplans[workplan.id] = workplan
            return [.workplan(workplan.id)]

        case .amendWorkplan(let workplan):
            guard let old = workplans[workplan.id] else {
                throw .unknownReference(field: "workplan.id", reason: "no workplan has the code '\(workplan.id)'")
            }
            var workplan = workplan
            // Like an item's, a workplan's approval is fixed by the decision that first adopted it.
            workplan.approvedBy = old.approvedBy
            if old.status != workplan.status {
                guard old.status.canMove(to: workplan.status) else {
                    throw .ruleViolation(
                        field: "workplan.status", rule: "status-transition",
                        reason:
                            "workplan '\(workplan.id)' cannot move from \(old.status.rawValue) to \(workplan.status.rawValue)"
                    )
                }
                if old.status == .proposed {
                    workplan.approvedBy = try approval(
                        for: workplan.status, authority: authority, field: "workplan.status")
                }
            }
            try checkWorkplan(workplan)
            workplans[workplan.id] = workplan
            return [.workplan(workplan.id)]

        case .submitProposal, .withdrawProposal, .fileComment, .tableDraft, .withdrawDraft, .recordPosition,
            .adoptDraft, .challengeEditorial, .settleChallenge, .publishEdition, .addStandingItem, .setAgenda,
            .approveAgenda:
            return try applyGovernance(change, context: context)
        }
    }

    /// The decision that approves something entering `status`: none for a proposal, the cited decision otherwise.
    func approval(for status: Status, authority: Authority, field: String) throws(ChangeError) -> DecisionID? {
        guard status != .proposed else { return nil }
        guard let decision = authority.decision else {
            throw .ruleViolation(
                field: field, rule: "approval-needs-decision",
                reason:
                    "only a decision can make something \(status.rawValue); an editorial change can only record a proposal"
            )
        }
        return decision
    }

    private func checkParticipant(_ participant: Participant) throws(ChangeError) {
        // A lead is written as its code, and "TS" reads back as the Secretariat: a participant with that code
        // would become the Secretariat when the ledger is replayed.
        guard participant.id.rawValue != Lead.secretariatCode else {
            throw .invalid(
                field: "participant.id",
                reason: "'\(Lead.secretariatCode)' stands for the Technical Secretariat; choose another code")
        }
        if participant.isCountry {
            guard CountryCodes.alpha3.contains(participant.id.rawValue) else {
                throw .invalid(
                    field: "participant.id",
                    reason: "'\(participant.id)' is not an ISO 3166-1 alpha-3 country code (e.g. MEX, CAN, USA)")
            }
        } else {
            try Check.code(participant.id.rawValue, field: "participant.id")
        }
        try Check.localized(participant.name, field: "participant.name", limit: TextLimit.title)
        for (index, event) in participant.history.enumerated() {
            if let decision = event.decision, decisions[decision] == nil {
                throw .unknownReference(
                    field: "participant.history[\(index)].decision", reason: "no decision '\(decision)' is recorded")
            }
            if let note = event.note {
                try Check.localized(note, field: "participant.history[\(index)].note", limit: TextLimit.reason)
            }
        }
    }

    private func checkMeeting(_ meeting: Meeting) throws(ChangeError) {
        try Check.code(meeting.id.rawValue, field: "meeting.id")
        guard bodies[meeting.body] != nil else {
            throw .unknownReference(field: "meeting.body", reason: "no body has the code '\(meeting.body)'")
        }
        try Check.localized(meeting.title, field: "meeting.title", limit: TextLimit.title)
        if let place = meeting.place { try Check.localized(place, field: "meeting.place", limit: TextLimit.title) }
        if let host = meeting.host, participants[host] == nil {
            throw .unknownReference(field: "meeting.host", reason: "no participant has the code '\(host)'")
        }
        if let start = meeting.start, let end = meeting.end, end.isBefore(start) {
            throw .invalid(field: "meeting.end", reason: "the meeting ends (\(end)) before it starts (\(start))")
        }
        for (index, participant) in meeting.attendance.enumerated() where participants[participant] == nil {
            throw .unknownReference(
                field: "meeting.attendance[\(index)]", reason: "no participant has the code '\(participant)'")
        }
    }

    /// Records a paragraph after checking its meeting, number and text.
    mutating func recordDecisionChecked(_ decision: Decision) throws(ChangeError) {
        guard meetings[decision.meeting] != nil else {
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
        guard decisions[decision.id] == nil else {
            throw .duplicate(field: "decision.paragraph", reason: "paragraph \(decision.id) is already recorded")
        }
        try Check.localized(decision.text, field: "decision.text", limit: TextLimit.text)
        if let note = decision.note { try Check.localized(note, field: "decision.note", limit: TextLimit.reason) }
        decisions[decision.id] = decision
    }

    private func checkWorkplan(_ workplan: Workplan) throws(ChangeError) {
        try Check.code(workplan.id.rawValue, field: "workplan.id")
        guard let body = bodies[workplan.body] else {
            throw .unknownReference(field: "workplan.body", reason: "no body has the code '\(workplan.body)'")
        }
        guard body.level == .network else {
            throw .ruleViolation(
                field: "workplan.body", rule: "workplan-of-network",
                reason: "workplans belong to networks; '\(body.id)' is at the \(body.level.rawValue) level")
        }
        try Check.localized(workplan.title, field: "workplan.title", limit: TextLimit.title)
    }
}

extension ProcessState {
    /// Whether the ledger is still in its opening record: no decision transcribed or adopted, no draft tabled.
    ///
    /// The opening record holds what the record starts from: the process, its bodies, its meetings and its
    /// starting membership, each with its source. After it, who takes part and in what standing changes only
    /// as a decision of the highest body declares it, so no participant can be added or promoted later by an
    /// editorial entry and then counted in a consensus.
    public var isOpeningRecord: Bool { decisions.isEmpty && drafts.isEmpty }

    /// The standing `participant` had on `date`: the last event of its history in effect then. An event
    /// counts from its `since` date, or else from its decision's meeting, or else from the start of the
    /// record (a starting standing whose date no source gives). Nil when it did not take part yet; its
    /// current standing when `date` is nil.
    public func standing(of participant: ParticipantID, on date: PartialDate?) -> ParticipantKind? {
        guard let record = participants[participant] else { return nil }
        guard let date, !record.history.isEmpty else { return record.kind }
        var standing: ParticipantKind?
        for event in record.history {
            let from = event.since ?? event.decision.flatMap { decisions[$0] }.flatMap { meetings[$0.meeting]?.start }
            if let from, date.isBefore(from) { continue }
            standing = event.kind
        }
        return standing
    }

    /// Whether `meeting` has outcomes its attendance decided: a decision (in any state) or a position
    /// recorded on one of its drafts. Its attendance and dates are then the record of who decided, and change
    /// only as a decision of its body corrects them.
    public func hasOutcome(_ meeting: MeetingID) -> Bool {
        decisions.values.contains { $0.meeting == meeting }
            || drafts.values.contains { $0.meeting == meeting && !$0.positions.isEmpty }
    }

    // MARK: Participants

    mutating func addParticipant(_ participant: Participant, context: Context) throws(ChangeError) {
        guard participants[participant.id] == nil else {
            throw .duplicate(field: "participant.id", reason: "participant '\(participant.id)' is already recorded")
        }
        try checkParticipant(participant)
        if context.decision != nil {
            try requireHighestBody(context, to: "admit \(participant.id)")
            try checkHistoryCitations(participant.history, from: 0, context: context)
        } else if !isOpeningRecord {
            throw .ruleViolation(
                field: "participant.id", rule: "opening-record",
                reason:
                    "the record's starting membership is entered before its first decision; since then a participant "
                    + "is admitted only as the declared effect of a decision of the \(highestLevel.rawValue) level "
                    + "(as the V RCM admitted the IACHR)")
        }
        participants[participant.id] = participant
    }

    mutating func amendParticipant(_ participant: Participant, context: Context) throws(ChangeError) {
        guard let old = participants[participant.id] else {
            throw .unknownReference(field: "participant.id", reason: "no participant has the code '\(participant.id)'")
        }
        try checkParticipant(participant)
        if context.decision == nil {
            guard participant.kind == old.kind, participant.history == old.history else {
                throw .ruleViolation(
                    field: participant.kind == old.kind ? "participant.history" : "participant.kind", rule: "standing",
                    reason:
                        "\(participant.id)'s standing and its history change only as the declared effect of a "
                        + "decision of the \(highestLevel.rawValue) level; an editorial change may correct its name")
            }
        } else {
            try requireHighestBody(context, to: "change the standing of \(participant.id)")
            // History is never rewritten: the decision adds to it.
            guard participant.history.count >= old.history.count,
                Array(participant.history.prefix(old.history.count)) == old.history
            else {
                throw .ruleViolation(
                    field: "participant.history", rule: "history-kept",
                    reason: "\(participant.id)'s history is kept as it is; a decision adds events after it")
            }
            try checkHistoryCitations(participant.history, from: old.history.count, context: context)
            if participant.kind != old.kind,
                participant.history.last?.kind != participant.kind
                    || participant.history.count == old.history.count
            {
                throw .invalid(
                    field: "participant.history",
                    reason: "a change of standing adds an event to the history saying that \(participant.id) is "
                        + "\(participant.kind.rawValue) from then on")
            }
        }
        participants[participant.id] = participant
    }

    /// The events from `start` on may cite only the decision that declares them (or none).
    private func checkHistoryCitations(_ history: [MembershipEvent], from start: Int, context: Context)
        throws(ChangeError)
    {
        guard context.enforcesAuthority else { return }
        for index in start..<history.count {
            if let cited = history[index].decision, cited != context.decision {
                throw .ruleViolation(
                    field: "participant.history[\(index)].decision", rule: "history-cites-its-decision",
                    reason: "an event of a participant's history cites the decision that declares it "
                        + "(\(context.decision?.rawValue ?? "none")), not \(cited)")
            }
        }
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

    // MARK: Bodies and meetings

    mutating func addBody(_ body: Body) throws(ChangeError) {
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
    }

    /// Replaces a meeting's record. Once it has outcomes, its attendance and dates are fixed but for a
    /// decision of its own body correcting the record.
    mutating func amendMeeting(_ meeting: Meeting, context: Context) throws(ChangeError) {
        guard let old = meetings[meeting.id] else {
            throw .unknownReference(field: "meeting.id", reason: "no meeting has the code '\(meeting.id)'")
        }
        guard old.body == meeting.body else {
            throw .ruleViolation(
                field: "meeting.body", rule: "meeting-body",
                reason: "meeting '\(meeting.id)' was a session of \(old.body); a meeting cannot change body")
        }
        try checkMeeting(meeting)
        if let decision = context.decision {
            if context.enforcesAuthority, context.body?.id != old.body {
                throw .ruleViolation(
                    field: "meeting.attendance", rule: "attendance-correction",
                    reason: "only a decision of \(old.body) corrects the record of its meeting \(meeting.id); "
                        + "\(decision) is of the \(context.body?.id.rawValue ?? "?")")
            }
        } else if hasOutcome(meeting.id) {
            let field =
                meeting.attendance != old.attendance
                ? "meeting.attendance"
                : meeting.start != old.start
                    ? "meeting.start"
                    : meeting.end != old.end ? "meeting.end" : nil
            if let field {
                throw .ruleViolation(
                    field: field, rule: "attendance-fixed",
                    reason:
                        "\(meeting.id) has decided (a decision or a position is on record); its attendance and "
                        + "dates are the record of who decided and change only as the declared effect of a "
                        + "decision of \(old.body) correcting the record")
            }
        }
        meetings[meeting.id] = meeting
    }

    func checkMeeting(_ meeting: Meeting) throws(ChangeError) {
        try Check.code(meeting.id.rawValue, field: "meeting.id")
        guard bodies[meeting.body] != nil else {
            throw .unknownReference(field: "meeting.body", reason: "no body has the code '\(meeting.body)'")
        }
        try Check.localized(meeting.title, field: "meeting.title", limit: TextLimit.title)
        if let place = meeting.place { try Check.localized(place, field: "meeting.place", limit: TextLimit.title) }
        if let theme = meeting.theme { try Check.localized(theme, field: "meeting.theme", limit: TextLimit.title) }
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

    /// Checks that `meeting` has begun by the entry's date: its decisions cannot be on record before.
    func requireBegun(_ meeting: Meeting, context: Context, field: String) throws(ChangeError) {
        guard let start = meeting.start else {
            throw .ruleViolation(
                field: field, rule: "meeting-begun",
                reason: "\(meeting.id) has no start date on record; record when it met before recording its decisions")
        }
        guard !context.date.isBefore(start) else {
            throw .ruleViolation(
                field: field, rule: "meeting-begun",
                reason: "\(meeting.id) starts on \(start); its decisions can be recorded only once it has begun "
                    + "(this entry is dated \(context.date))")
        }
    }
}

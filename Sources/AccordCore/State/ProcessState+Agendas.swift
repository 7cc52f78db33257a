/// Standing agenda items and meetings' agendas.
extension ProcessState {
    /// Adds a standing agenda item: suggested, by an editorial entry; standing, as a decision of its body (or
    /// a higher one) declares it, or in the opening record as the body's practice with a note citing its source.
    mutating func addStandingItem(_ item: StandingItem, context: Context) throws(ChangeError) {
        guard standingItems[item.id] == nil else {
            throw .duplicate(field: "standingItem.id", reason: "standing item '\(item.id)' is already recorded")
        }
        try Check.code(item.id.rawValue, field: "standingItem.id")
        try Check.pathSafe(item.id.rawValue, field: "standingItem.id", example: "RCGM-RETURNS")
        guard let body = bodies[item.body] else {
            throw .unknownReference(field: "standingItem.body", reason: "no body has the code '\(item.body)'")
        }
        try Check.localized(item.title, field: "standingItem.title", limit: TextLimit.title)
        if case .participant(let id) = item.lead, participants[id] == nil {
            throw .unknownReference(field: "standingItem.lead", reason: "no participant has the code '\(id)'")
        }
        if let note = item.note { try Check.localized(note, field: "standingItem.note", limit: TextLimit.reason) }
        var item = item
        item.approvedBy = context.decision
        if let decision = context.decision {
            if context.enforcesAuthority, let deciding = context.body, deciding.level < body.level {
                throw .ruleViolation(
                    field: "standingItem.body", rule: "approval-level",
                    reason: "\(decision) is of the \(deciding.id) (\(deciding.level.rawValue) level), which cannot "
                        + "set the agenda of \(body.id) (\(body.level.rawValue) level)")
            }
            item.status = .standing
        } else if item.status == .standing {
            guard isOpeningRecord else {
                throw .ruleViolation(
                    field: "standingItem.status", rule: "standing-needs-decision",
                    reason: "an agenda item becomes standing only as the declared effect of a decision; record it "
                        + "as suggested")
            }
            // Without a decision, an item is standing only as a recorded practice, and the record says whence.
            guard item.note != nil else {
                throw .invalid(
                    field: "standingItem.note",
                    reason: "a standing item recorded without a decision needs a note citing the practice it records")
            }
        }
        standingItems[item.id] = item
    }

    mutating func setAgenda(_ agenda: Agenda) throws(ChangeError) {
        guard meetings[agenda.meeting] != nil else {
            throw .unknownReference(field: "agenda.meeting", reason: "no meeting has the code '\(agenda.meeting)'")
        }
        if agendas[agenda.meeting]?.status == .approved {
            throw .ruleViolation(
                field: "agenda.meeting", rule: "agenda-approved",
                reason: "the agenda of \(agenda.meeting) is approved by the Presidency and no longer changes")
        }
        guard agenda.status == .draft else {
            throw .ruleViolation(
                field: "agenda.status", rule: "presidency-approves",
                reason: "the Secretariat sets a draft; the Presidency approves it with approve-agenda")
        }
        for (index, entry) in agenda.items.enumerated() {
            try Check.localized(entry.title, field: "agenda.items[\(index)].title", limit: TextLimit.title)
            if let reference = entry.reference {
                try Check.text(reference, field: "agenda.items[\(index)].reference", limit: TextLimit.title)
            }
        }
        agendas[agenda.meeting] = agenda
    }
}

extension ProcessState {
    /// Applies the changes of the follow-up of external plans: plans, mandates, cycles, reports, events and
    /// series. Every rule is checked before the first write.
    mutating func applyFollowUp(_ change: Change, context: Context) throws(ChangeError) -> [EntityRef] {
        switch change {
        case .addExternalPlan(let plan):
            guard externalPlans[plan.id] == nil else {
                throw .duplicate(field: "plan.id", reason: "external plan '\(plan.id)' is already recorded")
            }
            try checkExternalPlan(plan)
            externalPlans[plan.id] = plan
            return [.externalPlan(plan.id)]

        case .addMandate(let mandate):
            guard mandates[mandate.id] == nil else {
                throw .duplicate(field: "mandate.id", reason: "mandate '\(mandate.id)' is already recorded")
            }
            try checkMandate(mandate)
            mandates[mandate.id] = mandate
            return [.mandate(mandate.id)]

        case .amendMandate(let mandate):
            guard let old = mandates[mandate.id] else {
                throw .unknownReference(field: "mandate.id", reason: "no mandate has the code '\(mandate.id)'")
            }
            guard old.plan == mandate.plan else {
                throw .ruleViolation(
                    field: "mandate.plan", rule: "mandate-plan",
                    reason: "\(mandate.id) is a mandate of \(old.plan), which its reports are filed under; it stays "
                        + "there")
            }
            try checkMandate(mandate)
            mandates[mandate.id] = mandate
            return [.mandate(mandate.id)]

        case .addCycle(let cycle):
            guard cycles[cycle.id] == nil else {
                throw .duplicate(field: "cycle.id", reason: "reporting cycle '\(cycle.id)' is already recorded")
            }
            try checkCycle(cycle)
            cycles[cycle.id] = cycle
            return [.cycle(cycle.id)]

        case .amendCycle(let cycle):
            guard let old = cycles[cycle.id] else {
                throw .unknownReference(field: "cycle.id", reason: "no reporting cycle has the code '\(cycle.id)'")
            }
            guard old.plan == cycle.plan else {
                throw .ruleViolation(
                    field: "cycle.plan", rule: "cycle-plan",
                    reason: "\(cycle.id) reports on \(old.plan), and its reports are filed so; it stays so")
            }
            try checkCycle(cycle)
            cycles[cycle.id] = cycle
            return [.cycle(cycle.id)]

        case .fileReport(let filing):
            return [.report(try fileReport(filing, context: context))]

        case .publishReport(let id):
            guard var report = reports[id] else {
                throw .unknownReference(field: "report", reason: "no report '\(id)' is filed")
            }
            guard report.status == .submitted else {
                throw .ruleViolation(
                    field: "report", rule: "report-submitted",
                    reason: report.status == .draft
                        ? "\(id) is a draft; its country submits it before the Secretariat publishes it"
                        : "\(id) is already published")
            }
            report.status = .published
            reports[id] = report
            return [.report(id)]

        case .recordEvent(let event):
            guard events[event.id] == nil else {
                throw .duplicate(field: "event.id", reason: "event '\(event.id)' is already recorded")
            }
            try checkEvent(event)
            events[event.id] = event
            return [.event(event.id)]

        case .amendEvent(let event):
            guard events[event.id] != nil else {
                throw .unknownReference(field: "event.id", reason: "no event has the code '\(event.id)'")
            }
            try checkEvent(event)
            events[event.id] = event
            return [.event(event.id)]

        case .addEventSeries(let value):
            guard series[value.id] == nil else {
                throw .duplicate(field: "series.id", reason: "event series '\(value.id)' is already recorded")
            }
            try checkSeries(value)
            series[value.id] = value
            return [.series(value.id)]

        default:
            throw .invalid(field: "change.kind", reason: "\(change.kind) is not a change of the follow-up")
        }
    }

    // MARK: Plans, mandates and cycles

    private func checkExternalPlan(_ plan: ExternalPlan) throws(ChangeError) {
        try Check.code(plan.id.rawValue, field: "plan.id")
        try Check.pathSafe(plan.id.rawValue, field: "plan.id", example: "SANTIAGO-1998")
        try Check.localized(plan.title, field: "plan.title", limit: TextLimit.title)
        if let summit = plan.summit { try Check.localized(summit, field: "plan.summit", limit: TextLimit.title) }
        if let place = plan.place { try Check.localized(place, field: "plan.place", limit: TextLimit.title) }
    }

    private func checkMandate(_ mandate: Mandate) throws(ChangeError) {
        try Check.code(mandate.id.rawValue, field: "mandate.id")
        try Check.pathSafe(mandate.id.rawValue, field: "mandate.id", example: "SANTIAGO-1998-MW-1")
        guard externalPlans[mandate.plan] != nil else {
            throw .unknownReference(field: "mandate.plan", reason: "no external plan has the code '\(mandate.plan)'")
        }
        if let paragraph = mandate.paragraph {
            try Check.text(paragraph, field: "mandate.paragraph", limit: 40)
        }
        try Check.localized(mandate.text, field: "mandate.text", limit: TextLimit.text)
        if let theme = mandate.theme { try Check.localized(theme, field: "mandate.theme", limit: TextLimit.title) }
        if let coordinator = mandate.coordinator {
            try checkMemberState(coordinator, field: "mandate.coordinator", as: "coordinate a mandate")
        } else if !mandate.coCoordinators.isEmpty {
            throw .invalid(
                field: "mandate.coordinator",
                reason: "co-coordinators share a coordinator's task; name the coordinator as well")
        }
        for (index, code) in mandate.coCoordinators.enumerated() {
            let field = "mandate.coCoordinators[\(index)]"
            try checkMemberState(code, field: field, as: "co-coordinate a mandate")
            if code == mandate.coordinator {
                throw .invalid(
                    field: field, reason: "\(code) is the coordinator; a co-coordinator is another member state")
            }
            if mandate.coCoordinators.prefix(index).contains(code) {
                throw .duplicate(field: field, reason: "\(code) is already a co-coordinator")
            }
        }
        try checkActivities(mandate.activities, field: "mandate.activities")
    }

    private func checkCycle(_ cycle: ReportingCycle) throws(ChangeError) {
        try Check.code(cycle.id.rawValue, field: "cycle.id")
        try Check.pathSafe(cycle.id.rawValue, field: "cycle.id", example: "QUEBEC-2001")
        guard externalPlans[cycle.plan] != nil else {
            throw .unknownReference(field: "cycle.plan", reason: "no external plan has the code '\(cycle.plan)'")
        }
        try Check.localized(cycle.title, field: "cycle.title", limit: TextLimit.title)
        if let start = cycle.periodStart, let end = cycle.periodEnd, end.isBefore(start) {
            throw .invalid(field: "cycle.periodEnd", reason: "the period ends (\(end)) before it starts (\(start))")
        }
        if let meeting = cycle.meeting, meetings[meeting] == nil {
            throw .unknownReference(field: "cycle.meeting", reason: "no meeting has the code '\(meeting)'")
        }
    }

    /// Checks that `code` names a member state, which alone coordinates mandates and files reports.
    private func checkMemberState(_ code: ParticipantID, field: String, as role: String) throws(ChangeError) {
        guard let participant = participants[code] else {
            throw .unknownReference(field: field, reason: "no participant has the code '\(code)'")
        }
        guard participant.kind == .memberState else {
            throw .ruleViolation(
                field: field, rule: "member-state",
                reason: "\(code) is an \(participant.kind.rawValue); only member states \(role)")
        }
    }

    private func checkActivities(_ activities: [ItemNumber], field: String) throws(ChangeError) {
        for (index, number) in activities.enumerated() where items[number] == nil {
            throw .unknownReference(field: "\(field)[\(index)]", reason: "no plan item has the number '\(number)'")
        }
    }

    // MARK: Reports

    /// Files a new report or a revision of the current one, and returns its id.
    ///
    /// A delegate files only its own country's reports (the Secretariat any, on the country's behalf, which
    /// the report records); only the coordinator or a co-coordinator files the coordinator's report. A report
    /// submitted after the cycle's due date is accepted: `isLate` flags it.
    private mutating func fileReport(_ filing: ReportFiling, context: Context) throws(ChangeError) -> ReportID {
        guard let cycle = cycles[filing.cycle] else {
            throw .unknownReference(field: "report.cycle", reason: "no reporting cycle has the code '\(filing.cycle)'")
        }
        guard let mandate = mandates[filing.mandate] else {
            throw .unknownReference(field: "report.mandate", reason: "no mandate has the code '\(filing.mandate)'")
        }
        guard mandate.plan == cycle.plan else {
            throw .ruleViolation(
                field: "report.mandate", rule: "cycle-plan",
                reason: "\(mandate.id) is a mandate of \(mandate.plan); cycle \(cycle.id) reports on \(cycle.plan)")
        }
        try checkMemberState(filing.participant, field: "report.participant", as: "file reports")
        if filing.kind == .coordinator, !mandate.isCoordinated(by: filing.participant) {
            let coordinators = ([mandate.coordinator].compactMap { $0 } + mandate.coCoordinators).map(\.rawValue)
            throw .ruleViolation(
                field: "report.participant", rule: "coordinator-report",
                reason: "\(filing.participant) does not coordinate \(mandate.id); its coordinator's report is filed "
                    + "by \(coordinators.isEmpty ? "its coordinator, once one is named" : coordinators.joined(separator: " or "))"
            )
        }
        let recordedBy = try speaker(for: filing.participant, context: context, field: "report.participant")
        let id = filing.reportID
        let current = reports[id]
        switch (current?.status, filing.status) {
        case (.published, _):
            throw .ruleViolation(
                field: "report", rule: "report-published",
                reason: "\(id) is published and is no longer revised; what changed since goes in the next cycle's "
                    + "report")
        case (_, .published):
            throw .invalid(
                field: "report.status",
                reason: "a report is filed as draft or submitted; the Secretariat publishes it (publish-report)")
        case (.submitted, .draft):
            throw .ruleViolation(
                field: "report.status", rule: "report-submitted",
                reason: "\(id) is submitted; a revision of it is submitted too")
        default: break
        }
        try checkSections(filing.sections, language: filing.language)
        for (index, event) in filing.events.enumerated() {
            guard events[event] != nil else {
                throw .unknownReference(field: "report.events[\(index)]", reason: "no event has the code '\(event)'")
            }
            if filing.events.prefix(index).contains(event) {
                throw .duplicate(field: "report.events[\(index)]", reason: "the report already cites \(event)")
            }
        }
        for (index, indicator) in filing.indicators.enumerated() {
            try checkIndicator(indicator, field: "report.indicators[\(index)]")
        }
        let submitted = current?.submitted ?? (filing.status == .submitted ? context.date : nil)
        reports[id] = NationalReport(
            filing: filing, revision: (current?.revision ?? 0) + 1, submitted: submitted, recordedBy: recordedBy,
            recorder: context.actor.name)
        return id
    }

    private func checkSections(_ sections: ReportSections, language: Language) throws(ChangeError) {
        guard !sections.isEmpty else {
            throw .invalid(
                field: "report.sections",
                reason: "a report says what was done in at least one section: summary, actions, partnerships, "
                    + "financing, beneficiaries, limitations, nextSteps or links")
        }
        for (name, text) in sections.texts {
            guard let text else { continue }
            let field = "report.sections.\(name)"
            guard text.authoritative == language else {
                throw .invalid(
                    field: "\(field).authoritative",
                    reason: "the report is written in \(language.rawValue), so each section's authoritative text is "
                        + "the \(language.rawValue) one, not \(text.authoritative.rawValue)")
            }
            try Check.localized(text, field: field, limit: TextLimit.text)
        }
        for (index, link) in sections.links.enumerated() {
            let field = "report.sections.links[\(index)]"
            try Check.text(link, field: field, limit: TextLimit.reason)
            guard link.hasPrefix("https://") || link.hasPrefix("http://"), !link.contains(where: \.isWhitespace)
            else {
                throw .invalid(field: field, reason: "'\(link)' is not an http or https address")
            }
        }
    }

    private func checkIndicator(_ indicator: Indicator, field: String) throws(ChangeError) {
        try Check.localized(indicator.name, field: "\(field).name", limit: TextLimit.title)
        if let unit = indicator.unit { try Check.text(unit, field: "\(field).unit", limit: 100) }
        let values = [("baseline", indicator.baseline), ("target", indicator.target), ("actual", indicator.actual)]
        for (name, value) in values {
            switch (indicator.kind, value) {
            case (.quantitative, nil) where name != "target":
                throw .invalid(
                    field: "\(field).\(name)",
                    reason: "a quantitative indicator has a baseline and an actual value, so that progress can be "
                        + "read; give the \(name) as a number")
            case (.quantitative, let value?) where !Indicator.isDecimal(value):
                throw .invalid(
                    field: "\(field).\(name)",
                    reason: "'\(value)' is not a number; a quantitative value is written like 1250 or 12.5")
            case (.qualitative, let value?):
                try Check.text(value, field: "\(field).\(name)", limit: TextLimit.reason)
            default: break
            }
        }
        if let note = indicator.note { try Check.localized(note, field: "\(field).note", limit: TextLimit.reason) }
    }

    // MARK: Events

    private func checkEvent(_ event: Event) throws(ChangeError) {
        try Check.code(event.id.rawValue, field: "event.id")
        try Check.pathSafe(event.id.rawValue, field: "event.id", example: "WS-2000-SANTIAGO")
        try Check.localized(event.title, field: "event.title", limit: TextLimit.title)
        for (index, organizer) in event.organizers.enumerated() {
            let field = "event.organizers[\(index)]"
            if let participant = organizer.participant, participants[participant] == nil {
                throw .unknownReference(
                    field: "\(field).participant", reason: "no participant has the code '\(participant)'")
            }
            if let name = organizer.name {
                try Check.localized(name, field: "\(field).name", limit: TextLimit.title)
            } else if organizer.participant == nil {
                throw .invalid(field: field, reason: "an organizer is a participant's code or a name")
            }
        }
        if let place = event.place { try Check.localized(place, field: "event.place", limit: TextLimit.title) }
        if let start = event.start, let end = event.end, end.isBefore(start) {
            throw .invalid(field: "event.end", reason: "the event ends (\(end)) before it starts (\(start))")
        }
        for (index, mandate) in event.mandates.enumerated() where mandates[mandate] == nil {
            throw .unknownReference(field: "event.mandates[\(index)]", reason: "no mandate has the code '\(mandate)'")
        }
        try checkActivities(event.activities, field: "event.activities")
        if let id = event.series, series[id] == nil {
            throw .unknownReference(field: "event.series", reason: "no event series has the code '\(id)'")
        }
        if let note = event.note { try Check.localized(note, field: "event.note", limit: TextLimit.reason) }
    }

    private func checkSeries(_ value: EventSeries) throws(ChangeError) {
        try Check.code(value.id.rawValue, field: "series.id")
        try Check.pathSafe(value.id.rawValue, field: "series.id", example: "WS-TRAVEL-DOCUMENTS")
        try Check.localized(value.title, field: "series.title", limit: TextLimit.title)
        guard (1...120).contains(value.everyMonths) else {
            throw .invalid(field: "series.everyMonths", reason: "a series recurs every 1 to 120 months (12: yearly)")
        }
        if let longest = value.atLeastEveryMonths, !(value.everyMonths...240).contains(longest) {
            throw .invalid(
                field: "series.atLeastEveryMonths",
                reason: "the longest gap is at least the usual one (\(value.everyMonths) months) and at most 240")
        }
        try checkActivities(value.activities, field: "series.activities")
        if let note = value.note { try Check.localized(note, field: "series.note", limit: TextLimit.reason) }
    }
}

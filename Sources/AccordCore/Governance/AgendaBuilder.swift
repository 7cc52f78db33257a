extension Agenda {
    /// The agenda the record suggests for `meetingID`, for the Secretariat to edit (issue: "Agendas").
    ///
    /// In order: the body's standing items (suggested ones marked as such); the activities of the body's
    /// plan that are overdue on `today` or due by the meeting's first day; the proposals tabled for the
    /// meeting; and, for a network, each of its workplans that has not changed since the network last met,
    /// since workplans are updated after each semi-annual meeting.
    public static func suggested(for meetingID: MeetingID, in state: ProcessState, today: PartialDate) -> Agenda? {
        guard let meeting = state.meetings[meetingID] else { return nil }
        return suggested(for: meeting, after: state.previousMeeting(before: meeting), in: state, today: today)
    }

    /// The agenda the record suggests for the next meeting of `body` when none is recorded yet: a meeting whose
    /// date is to be set (`RCGM-NEXT`, "…: next meeting, date to be set"), so that the Secretariat can prepare
    /// it before the host and dates are agreed.
    ///
    /// Without a date, what falls due before the meeting cannot be told: the activities listed are those
    /// overdue on `today`. A network's workplans are those not updated since its last recorded meeting.
    /// - Returns: nil when the record has no such body.
    public static func suggestedForNextMeeting(of body: BodyID, in state: ProcessState, today: PartialDate)
        -> (meeting: Meeting, agenda: Agenda)?
    {
        guard let found = state.bodies[body] else { return nil }
        let name = found.name
        let title = LocalizedText(
            authoritative: .en,
            [
                .en: "\(name.text(in: .en)): next meeting, date to be set",
                .es: "\(name.text(in: .es)): próxima reunión, fecha por definir",
                .fr: "\(name.text(in: .fr)) : prochaine réunion, date à fixer",
            ])
        let meeting = Meeting(id: MeetingID("\(body.rawValue)-NEXT"), body: body, title: title)
        let last = state.meetings.values.filter { $0.body == body && $0.start != nil }
            .max { ($0.start!, $0.id) < ($1.start!, $1.id) }
        guard let agenda = suggested(for: meeting, after: last, in: state, today: today) else { return nil }
        return (meeting, agenda)
    }

    /// The suggestion for `meeting`, recorded or not, the body's meeting before it being `previous`.
    private static func suggested(
        for meeting: Meeting, after previous: Meeting?, in state: ProcessState, today: PartialDate
    ) -> Agenda? {
        guard let body = state.bodies[meeting.body] else { return nil }
        var entries: [AgendaEntry] = []

        let standing = state.standingItems.values.filter { $0.body == body.id }.sorted { $0.id < $1.id }
        for item in standing {
            entries.append(
                AgendaEntry(
                    title: item.title, source: item.status == .suggested ? .suggestedStanding : .standing,
                    purpose: item.purpose, reference: item.id.rawValue, leads: item.lead.map { [$0] } ?? []))
        }

        let workplans = Set(state.workplans.values.filter { $0.body == body.id }.map(\.id))
        let concerned = state.items.values.filter { item in
            guard item.kind == .activity, item.status.isCurrent, let target = item.timeline?.target else {
                return false
            }
            // The conference and the RCGM follow the Plan of Action; a network follows its own workplans.
            let inScope = body.level == .network ? item.workplan.map(workplans.contains) ?? false : item.workplan == nil
            return inScope && (target.isBefore(today) || meeting.start.map { !$0.isBefore(target) } ?? false)
        }
        // Every concerned item has a target date (filtered above); earliest first, then in reading order.
        let byDate = concerned.sorted {
            let (a, b) = ($0.timeline!.target!, $1.timeline!.target!)
            return a != b ? a < b : $0.number.sortKey.lexicographicallyPrecedes($1.number.sortKey)
        }
        for item in byDate {
            let overdue = item.timeline?.target.map { $0.isBefore(today) } ?? false
            entries.append(
                AgendaEntry(
                    title: item.title, source: overdue ? .overdue : .due, reference: item.number.rawValue,
                    leads: item.leads))
        }

        for proposal in state.proposals.values.sorted(by: { $0.id < $1.id })
        where proposal.tabledFor == meeting.id && proposal.status == .open {
            entries.append(
                AgendaEntry(
                    title: proposal.title, source: .proposal, reference: proposal.id.rawValue,
                    leads: [.participant(proposal.submitter)]))
        }

        if body.level == .network, let previous {
            let metAt = state.lastChanged[.meeting(previous.id)] ?? 0
            for id in workplans.sorted() {
                guard let workplan = state.workplans[id], !workplan.status.isArchived else { continue }
                guard state.lastChange(ofWorkplan: id) <= metAt else { continue }
                entries.append(
                    AgendaEntry(
                        title: LocalizedText(
                            authoritative: .en,
                            [
                                .en: "Update of the workplan after \(previous.title.text(in: .en))",
                                .es: "Actualización del plan de trabajo tras \(previous.title.text(in: .es))",
                                .fr: "Mise à jour du plan de travail après \(previous.title.text(in: .fr))",
                            ]), source: .workplanUpdate, reference: id.rawValue, leads: [.secretariat]))
            }
        }
        return Agenda(meeting: meeting.id, items: entries)
    }
}

extension ProcessState {
    /// The meeting of the same body that came last before `meeting`, by start date.
    func previousMeeting(before meeting: Meeting) -> Meeting? {
        guard let start = meeting.start else { return nil }
        return meetings.values
            .filter { $0.body == meeting.body && $0.id != meeting.id && ($0.start.map { $0 < start } ?? false) }
            .max { ($0.start!, $0.id) < ($1.start!, $1.id) }
    }

    /// The sequence of the last entry that changed workplan `id` or one of its items.
    func lastChange(ofWorkplan id: WorkplanID) -> Int64 {
        var last = lastChanged[.workplan(id)] ?? 0
        for item in items.values where item.workplan == id {
            last = max(last, lastChanged[.item(item.number)] ?? 0)
        }
        return last
    }

    /// The next meeting of `body` on or after `today`: the one whose agenda is being prepared.
    public func nextMeeting(of body: BodyID, today: PartialDate) -> Meeting? {
        meetings.values
            .filter { $0.body == body && ($0.start.map { !$0.isBefore(today) } ?? false) }
            .min { ($0.start!, $0.id) < ($1.start!, $1.id) }
    }
}

import AccordCore
import AccordServices
import AccordStore
import ArgumentParser

/// `accord agenda BODY`: the agenda of a body's next meeting, as set by the Secretariat or as the record
/// suggests it.
struct AgendaCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agenda",
        abstract: "Show the agenda of a body's next meeting: its standing items, due and overdue activities, "
            + "proposals tabled and workplan updates.",
        discussion: """
            The next meeting is the body's first recorded on or after --today; when none is, the agenda is that of \
            its next meeting, date to be set (the activities overdue by then, its standing items, the workplans \
            to update).
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var identity: IdentityOptions

    @Argument(help: "The body's code, e.g. RCGM or LON-CP.")
    var body: String

    @Option(help: "A meeting of the body (default: its next meeting on or after --today).")
    var meeting: String?

    @Option(help: "The date the agenda is prepared on, YYYY-MM-DD (default: today, UTC).")
    var today: String?

    @Flag(help: "Print the agenda as JSON.")
    var json = false

    func run() async throws {
        guard let date = PartialDate(today ?? accordToday()), date.day != nil else {
            throw ValidationError("--today: '\(today ?? "")' is not a date like 2026-11-23")
        }
        let (state, principal) = try await withRecord(database, logger: makeLogger()) { store in
            let principal = try await identity.principal(in: store)
            return (try await RecordService(store: store).state(for: principal), principal)
        }
        let bodyID = BodyID(body)
        guard state.bodies[bodyID] != nil else {
            let known = state.bodies.keys.sorted().map(\.rawValue).joined(separator: ", ")
            throw Failure(description: "BODY: no body has the code '\(body)'; the record has \(known)")
        }
        let working = Policy(principal: principal).seesWorkingState
        let target: Meeting
        // What the record suggests is a draft: the working side reads it, the public an approved agenda only.
        var suggested: Agenda?
        if let meeting {
            guard let found = state.meetings[MeetingID(meeting)], found.body == bodyID else {
                throw Failure(description: "--meeting: \(body) has no meeting '\(meeting)'")
            }
            target = found
            suggested = working ? Agenda.suggested(for: found.id, in: state, today: date) : nil
        } else if let next = state.nextMeeting(of: bodyID, today: date) {
            target = next
            suggested = working ? Agenda.suggested(for: next.id, in: state, today: date) : nil
        } else {
            // No meeting of the body is recorded on or after today: the agenda of its next one, date to be set.
            guard working, let next = Agenda.suggestedForNextMeeting(of: bodyID, in: state, today: date) else {
                throw Failure(
                    description: "no meeting of \(body) on or after \(date) is recorded, and the agenda the record "
                        + "suggests for its next one is a working document: read it with --as USERNAME")
            }
            (target, suggested) = (next.meeting, next.agenda)
        }
        let stored = state.agendas[target.id]
        guard let agenda = stored ?? suggested else {
            throw Failure(
                description: "the agenda of \(target.id) is not approved yet; the working side reads its draft "
                    + "with --as USERNAME")
        }
        if json {
            try printJSON(agenda)
            return
        }
        let status =
            stored == nil
            ? "suggested by the record; the Secretariat has not set it yet"
            : agenda.status == .approved ? "approved by the Presidency" : "draft set by the Secretariat"
        let recorded = state.meetings[target.id] != nil
        print(
            recorded
                ? "Agenda of \(target.title.text(in: .en)) (\(target.id)), \(status)."
                : "Agenda of \(target.title.text(in: .en)): no meeting of \(body) on or after \(date) is recorded yet, "
                    + "so what falls due before it cannot be told; \(status).")
        var table = TextTable("#", "item", "why", "lead", "reference")
        for (index, entry) in agenda.items.enumerated() {
            table.add(
                "\(index + 1)", entry.title.text(in: .en), Self.reason(entry),
                entry.leads.map(\.description).joined(separator: ", "), entry.reference ?? "")
        }
        print(agenda.items.isEmpty ? "Nothing is on it yet." : table.rendered)
    }

    static func reason(_ entry: AgendaEntry) -> String {
        let purpose = entry.purpose == .information ? ", for information" : ""
        return
            switch entry.source
        {
        case .standing: "standing item\(purpose)"
        case .suggestedStanding: "suggested standing item\(purpose)"
        case .due: "due before the meeting"
        case .overdue: "overdue"
        case .proposal: "proposal tabled"
        case .workplanUpdate: "workplan update due"
        case .other: "added by the Secretariat"
        }
    }
}

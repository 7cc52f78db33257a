import Foundation

/// One entity of the record, whatever its kind: what a projection row holds.
///
/// The store writes each changed entity's record as a versioned row and reads rows back into a state, so
/// this is the one place that knows every kind; adding a kind means adding a case here and in `EntityRef`.
public enum Record: Sendable, Hashable {
    case process(Process)
    case participant(Participant)
    case body(Body)
    case meeting(Meeting)
    case decision(Decision)
    case item(PlanItem)
    case workplan(Workplan)
    case proposal(Proposal)
    case comment(Comment)
    case draft(DraftDecision)
    case editorial(EditorialChange)
    case challenge(Challenge)
    case edition(Edition)
    case standingItem(StandingItem)
    case agenda(Agenda)
    case externalPlan(ExternalPlan)
    case mandate(Mandate)
    case cycle(ReportingCycle)
    case report(NationalReport)
    case event(Event)
    case series(EventSeries)
    case code(CodeAddition)
    case vintage(StatisticalVintage)
    case release(StatisticalRelease)
    case attachment(Attachment)

    /// The entity this record is.
    public var ref: EntityRef {
        switch self {
        case .process: .process
        case .participant(let value): .participant(value.id)
        case .body(let value): .body(value.id)
        case .meeting(let value): .meeting(value.id)
        case .decision(let value): .decision(value.id)
        case .item(let value): .item(value.number)
        case .workplan(let value): .workplan(value.id)
        case .proposal(let value): .proposal(value.id)
        case .comment(let value): .comment(value.id)
        case .draft(let value): .draft(value.id)
        case .editorial(let value): .editorial(value.sequence)
        case .challenge(let value): .challenge(value.id)
        case .edition(let value): .edition(value.number)
        case .standingItem(let value): .standingItem(value.id)
        case .agenda(let value): .agenda(value.meeting)
        case .externalPlan(let value): .externalPlan(value.id)
        case .mandate(let value): .mandate(value.id)
        case .cycle(let value): .cycle(value.id)
        case .report(let value): .report(value.id)
        case .event(let value): .event(value.id)
        case .series(let value): .series(value.id)
        case .code(let value): .code(value.id)
        case .vintage(let value): .vintage(value.id)
        case .release(let value): .release(value.number)
        case .attachment(let value): .attachment(value.number)
        }
    }

    /// What the record belongs to, kept in its own column so the store can filter by it: a body's parent,
    /// a meeting's body, a decision's meeting, an item's workplan, a comment's proposal…
    public var scope: String? {
        switch self {
        case .process, .participant, .edition, .externalPlan, .series, .release: nil
        case .body(let value): value.parent?.rawValue
        case .meeting(let value): value.body.rawValue
        case .decision(let value): value.meeting.rawValue
        case .item(let value): value.workplan?.rawValue
        case .workplan(let value): value.body.rawValue
        case .proposal(let value): value.submitter.rawValue
        case .comment(let value): value.proposal.rawValue
        case .draft(let value): value.meeting.rawValue
        case .editorial(let value): value.item.rawValue
        case .challenge(let value): value.item.rawValue
        case .standingItem(let value): value.body.rawValue
        case .agenda(let value): value.meeting.rawValue
        case .mandate(let value): value.plan.rawValue
        case .cycle(let value): value.plan.rawValue
        case .report(let value): value.cycle.rawValue
        case .event(let value): value.series?.rawValue
        case .code(let value): value.codelist
        case .vintage(let value): value.flow
        case .attachment(let value): value.target.id
        }
    }

    /// The record's kind or status, kept in its own column for filtering.
    public var status: String? {
        switch self {
        case .process, .meeting, .editorial, .edition, .externalPlan, .mandate, .cycle, .code, .release: nil
        case .participant(let value): value.kind.rawValue
        case .body(let value): value.level.rawValue
        case .decision(let value): value.kind.rawValue
        case .item(let value): value.status.rawValue
        case .workplan(let value): value.status.rawValue
        case .proposal(let value): value.status.rawValue
        case .comment(let value): value.stance.rawValue
        case .draft(let value): value.status.rawValue
        case .challenge(let value): value.status.rawValue
        case .standingItem(let value): value.status.rawValue
        case .agenda(let value): value.status.rawValue
        case .report(let value): value.status.rawValue
        case .event(let value): value.kind.rawValue
        case .series(let value): value.kind.rawValue
        case .vintage(let value): value.area.rawValue
        case .attachment(let value): value.target.kind.rawValue
        }
    }

    /// The record as JSON with sorted keys, as the projection stores it.
    public func encoded() throws -> [UInt8] {
        try CanonicalJSON.encode(payload)
    }

    /// The value the record wraps, whatever its kind: what its projection row is encoded from.
    public var payload: any Encodable {
        switch self {
        case .process(let value): value
        case .participant(let value): value
        case .body(let value): value
        case .meeting(let value): value
        case .decision(let value): value
        case .item(let value): value
        case .workplan(let value): value
        case .proposal(let value): value
        case .comment(let value): value
        case .draft(let value): value
        case .editorial(let value): value
        case .challenge(let value): value
        case .edition(let value): value
        case .standingItem(let value): value
        case .agenda(let value): value
        case .externalPlan(let value): value
        case .mandate(let value): value
        case .cycle(let value): value
        case .report(let value): value
        case .event(let value): value
        case .series(let value): value
        case .code(let value): value
        case .vintage(let value): value
        case .release(let value): value
        case .attachment(let value): value
        }
    }

    /// Reads back a record of kind `kind` from its JSON.
    public static func decode(kind: String, from data: Data, using decoder: JSONDecoder = JSONDecoder()) throws
        -> Record
    {
        switch kind {
        case "process": return .process(try decoder.decode(Process.self, from: data))
        case "participant": return .participant(try decoder.decode(Participant.self, from: data))
        case "body": return .body(try decoder.decode(Body.self, from: data))
        case "meeting": return .meeting(try decoder.decode(Meeting.self, from: data))
        case "decision": return .decision(try decoder.decode(Decision.self, from: data))
        case "item": return .item(try decoder.decode(PlanItem.self, from: data))
        case "workplan": return .workplan(try decoder.decode(Workplan.self, from: data))
        case "proposal": return .proposal(try decoder.decode(Proposal.self, from: data))
        case "comment": return .comment(try decoder.decode(Comment.self, from: data))
        case "draft": return .draft(try decoder.decode(DraftDecision.self, from: data))
        case "editorial": return .editorial(try decoder.decode(EditorialChange.self, from: data))
        case "challenge": return .challenge(try decoder.decode(Challenge.self, from: data))
        case "edition": return .edition(try decoder.decode(Edition.self, from: data))
        case "standing-item": return .standingItem(try decoder.decode(StandingItem.self, from: data))
        case "agenda": return .agenda(try decoder.decode(Agenda.self, from: data))
        case "external-plan": return .externalPlan(try decoder.decode(ExternalPlan.self, from: data))
        case "mandate": return .mandate(try decoder.decode(Mandate.self, from: data))
        case "cycle": return .cycle(try decoder.decode(ReportingCycle.self, from: data))
        case "report": return .report(try decoder.decode(NationalReport.self, from: data))
        case "event": return .event(try decoder.decode(Event.self, from: data))
        case "event-series": return .series(try decoder.decode(EventSeries.self, from: data))
        case "code": return .code(try decoder.decode(CodeAddition.self, from: data))
        case "vintage": return .vintage(try decoder.decode(StatisticalVintage.self, from: data))
        case "release": return .release(try decoder.decode(StatisticalRelease.self, from: data))
        case "attachment": return .attachment(try decoder.decode(Attachment.self, from: data))
        default:
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "unknown record kind '\(kind)'"))
        }
    }
}

extension ProcessState {
    /// The record of `ref` in this state, if it exists.
    public func record(_ ref: EntityRef) -> Record? {
        switch ref {
        case .process: process.map(Record.process)
        case .participant(let id): participants[id].map(Record.participant)
        case .body(let id): bodies[id].map(Record.body)
        case .meeting(let id): meetings[id].map(Record.meeting)
        case .decision(let id): decisions[id].map(Record.decision)
        case .item(let id): items[id].map(Record.item)
        case .workplan(let id): workplans[id].map(Record.workplan)
        case .proposal(let id): proposals[id].map(Record.proposal)
        case .comment(let id): comments[id].map(Record.comment)
        case .draft(let id): drafts[id].map(Record.draft)
        case .editorial(let sequence): editorials[sequence].map(Record.editorial)
        case .challenge(let id): challenges[id].map(Record.challenge)
        case .edition(let number): editions[number].map(Record.edition)
        case .standingItem(let id): standingItems[id].map(Record.standingItem)
        case .agenda(let id): agendas[id].map(Record.agenda)
        case .externalPlan(let id): externalPlans[id].map(Record.externalPlan)
        case .mandate(let id): mandates[id].map(Record.mandate)
        case .cycle(let id): cycles[id].map(Record.cycle)
        case .report(let id): reports[id].map(Record.report)
        case .event(let id): events[id].map(Record.event)
        case .series(let id): series[id].map(Record.series)
        case .code(let id): codeAdditions[id].map(Record.code)
        case .vintage(let id): vintages[id].map(Record.vintage)
        case .release(let number): releases[number].map(Record.release)
        case .attachment(let number): attachments[number].map(Record.attachment)
        }
    }

    /// Puts `record` in its table, replacing the entity's earlier version.
    mutating func insert(_ record: Record) {
        switch record {
        case .process(let value): process = value
        case .participant(let value): participants[value.id] = value
        case .body(let value): bodies[value.id] = value
        case .meeting(let value): meetings[value.id] = value
        case .decision(let value): decisions[value.id] = value
        case .item(let value): items[value.number] = value
        case .workplan(let value): workplans[value.id] = value
        case .proposal(let value): proposals[value.id] = value
        case .comment(let value): comments[value.id] = value
        case .draft(let value): drafts[value.id] = value
        case .editorial(let value): editorials[value.sequence] = value
        case .challenge(let value): challenges[value.id] = value
        case .edition(let value): editions[value.number] = value
        case .standingItem(let value): standingItems[value.id] = value
        case .agenda(let value): agendas[value.meeting] = value
        case .externalPlan(let value): externalPlans[value.id] = value
        case .mandate(let value): mandates[value.id] = value
        case .cycle(let value): cycles[value.id] = value
        case .report(let value): reports[value.id] = value
        case .event(let value): events[value.id] = value
        case .series(let value): series[value.id] = value
        case .code(let value): codeAdditions[value.id] = value
        case .vintage(let value): vintages[value.id] = value
        case .release(let value): releases[value.number] = value
        case .attachment(let value): attachments[value.number] = value
        }
    }
}

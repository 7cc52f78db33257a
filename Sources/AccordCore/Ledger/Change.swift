/// One agreed change to the record: the payload of a ledger entry.
///
/// Each case is a fact that the rules in `ProcessState+Apply.swift` check against the state before it.
/// The JSON form carries a `kind` so that old entries stay readable when cases are added.
public enum Change: Sendable, Hashable {
    /// Sets the process's name and languages.
    case describeProcess(Process)
    case addParticipant(Participant)
    /// Replaces a participant's record, e.g. when an observer is admitted as a member.
    case amendParticipant(Participant)
    case addBody(Body)
    case addMeeting(Meeting)
    /// Replaces a meeting's record (dates, place, attendance).
    case amendMeeting(Meeting)
    /// Records an adopted paragraph of a meeting's outcome document.
    case recordDecision(Decision)
    case addItem(PlanItem)
    /// Changes some fields of a plan item; absent fields stay as they are.
    case amendItem(ItemAmendment)
    /// Moves a plan item to another status.
    case changeStatus(item: ItemNumber, to: Status)
    case addWorkplan(Workplan)
    /// Replaces a workplan's record (title, status).
    case amendWorkplan(Workplan)

    /// The name of the case, as written in JSON and shown in the ledger.
    public var kind: String {
        switch self {
        case .describeProcess: "describe-process"
        case .addParticipant: "add-participant"
        case .amendParticipant: "amend-participant"
        case .addBody: "add-body"
        case .addMeeting: "add-meeting"
        case .amendMeeting: "amend-meeting"
        case .recordDecision: "record-decision"
        case .addItem: "add-item"
        case .amendItem: "amend-item"
        case .changeStatus: "change-status"
        case .addWorkplan: "add-workplan"
        case .amendWorkplan: "amend-workplan"
        }
    }
}

/// The fields of a plan item that an amendment changes; nil means "unchanged".
public struct ItemAmendment: Codable, Sendable, Hashable {
    public var number: ItemNumber
    public var title: LocalizedText?
    public var text: LocalizedText?
    public var leads: [Lead]?
    public var timeline: Timeline?
    public var parent: ItemNumber?

    public init(
        number: ItemNumber, title: LocalizedText? = nil, text: LocalizedText? = nil, leads: [Lead]? = nil,
        timeline: Timeline? = nil, parent: ItemNumber? = nil
    ) {
        self.number = number
        self.title = title
        self.text = text
        self.leads = leads
        self.timeline = timeline
        self.parent = parent
    }

    /// Whether the amendment changes nothing at all.
    public var isEmpty: Bool { title == nil && text == nil && leads == nil && timeline == nil && parent == nil }
}

extension Change: Codable {
    private enum CodingKeys: String, CodingKey {
        case kind, process, participant, body, meeting, decision, item, amendment, number, status, workplan
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let kind = try c.decode(String.self, forKey: .kind)
        switch kind {
        case "describe-process": self = .describeProcess(try c.decode(Process.self, forKey: .process))
        case "add-participant": self = .addParticipant(try c.decode(Participant.self, forKey: .participant))
        case "amend-participant": self = .amendParticipant(try c.decode(Participant.self, forKey: .participant))
        case "add-body": self = .addBody(try c.decode(Body.self, forKey: .body))
        case "add-meeting": self = .addMeeting(try c.decode(Meeting.self, forKey: .meeting))
        case "amend-meeting": self = .amendMeeting(try c.decode(Meeting.self, forKey: .meeting))
        case "record-decision": self = .recordDecision(try c.decode(Decision.self, forKey: .decision))
        case "add-item": self = .addItem(try c.decode(PlanItem.self, forKey: .item))
        case "amend-item": self = .amendItem(try c.decode(ItemAmendment.self, forKey: .amendment))
        case "change-status":
            self = .changeStatus(
                item: try c.decode(ItemNumber.self, forKey: .number), to: try c.decode(Status.self, forKey: .status))
        case "add-workplan": self = .addWorkplan(try c.decode(Workplan.self, forKey: .workplan))
        case "amend-workplan": self = .amendWorkplan(try c.decode(Workplan.self, forKey: .workplan))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .kind, in: c, debugDescription: "unknown change kind '\(kind)'")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        switch self {
        case .describeProcess(let value): try c.encode(value, forKey: .process)
        case .addParticipant(let value), .amendParticipant(let value): try c.encode(value, forKey: .participant)
        case .addBody(let value): try c.encode(value, forKey: .body)
        case .addMeeting(let value), .amendMeeting(let value): try c.encode(value, forKey: .meeting)
        case .recordDecision(let value): try c.encode(value, forKey: .decision)
        case .addItem(let value): try c.encode(value, forKey: .item)
        case .amendItem(let value): try c.encode(value, forKey: .amendment)
        case .changeStatus(let number, let status):
            try c.encode(number, forKey: .number)
            try c.encode(status, forKey: .status)
        case .addWorkplan(let value), .amendWorkplan(let value): try c.encode(value, forKey: .workplan)
        }
    }
}

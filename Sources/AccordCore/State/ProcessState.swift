import HashTreeCollections

/// Everything the ledger has established up to one position: the state every rule is checked against.
///
/// Its tables are persistent hash trees: a copy costs nothing and a change copies only the path to the
/// changed entry, so the store can hand the state to readers and go on changing its own copy without
/// copying thousands of items for every append.
///
/// It is rebuilt by applying entries in order (`applying(_:)`), and it is what the store's projections hold;
/// `accord verify` compares the two.
public struct ProcessState: Sendable, Equatable {
    /// The sequence of the last entry applied; 0 for an empty ledger.
    public internal(set) var sequence: Int64 = 0
    /// The process the record is about, once described.
    public internal(set) var process: Process?
    public internal(set) var participants: TreeDictionary<ParticipantID, Participant> = [:]
    public internal(set) var bodies: TreeDictionary<BodyID, Body> = [:]
    public internal(set) var meetings: TreeDictionary<MeetingID, Meeting> = [:]
    public internal(set) var decisions: TreeDictionary<DecisionID, Decision> = [:]
    public internal(set) var items: TreeDictionary<ItemNumber, PlanItem> = [:]
    public internal(set) var workplans: TreeDictionary<WorkplanID, Workplan> = [:]
    public internal(set) var proposals: TreeDictionary<ProposalID, Proposal> = [:]
    public internal(set) var comments: TreeDictionary<CommentID, Comment> = [:]
    public internal(set) var drafts: TreeDictionary<DraftID, DraftDecision> = [:]
    /// Editorial changes to approved items, by ledger entry: what a member state may challenge.
    public internal(set) var editorials: TreeDictionary<Int64, EditorialChange> = [:]
    public internal(set) var challenges: TreeDictionary<ChallengeID, Challenge> = [:]
    public internal(set) var editions: TreeDictionary<Int, Edition> = [:]
    public internal(set) var standingItems: TreeDictionary<StandingItemID, StandingItem> = [:]
    public internal(set) var agendas: TreeDictionary<MeetingID, Agenda> = [:]
    /// Plans adopted elsewhere that the process follows up, their mandates and reporting cycles.
    public internal(set) var externalPlans: TreeDictionary<ExternalPlanID, ExternalPlan> = [:]
    public internal(set) var mandates: TreeDictionary<MandateID, Mandate> = [:]
    public internal(set) var cycles: TreeDictionary<CycleID, ReportingCycle> = [:]
    /// The current revision of every national and coordinator's report.
    public internal(set) var reports: TreeDictionary<ReportID, NationalReport> = [:]
    public internal(set) var events: TreeDictionary<EventID, Event> = [:]
    public internal(set) var series: TreeDictionary<SeriesID, EventSeries> = [:]
    /// Codes added to the statistics' codelists since the structure was first published.
    public internal(set) var codeAdditions: TreeDictionary<CodeAdditionID, CodeAddition> = [:]
    /// Every vintage of every member state's statistics, the older ones included.
    public internal(set) var vintages: TreeDictionary<VintageID, StatisticalVintage> = [:]
    /// The statistical releases, by number.
    public internal(set) var releases: TreeDictionary<Int, StatisticalRelease> = [:]
    /// The files attached to the record, by number.
    public internal(set) var attachments: TreeDictionary<Int, Attachment> = [:]
    /// For each entity, the sequence of the last entry that changed it.
    public internal(set) var lastChanged: TreeDictionary<EntityRef, Int64> = [:]

    /// An empty record, before the first entry.
    public init() {}

    /// Assembles a state from stored projections; the store uses this to load what it holds.
    public init(sequence: Int64, records: [Record], lastChanged: [EntityRef: Int64]) {
        self.sequence = sequence
        for record in records { insert(record) }
        self.lastChanged = TreeDictionary(lastChanged)
    }

    /// The level of the body whose decision approved `item`, if it was approved.
    public func approvalLevel(of item: PlanItem) -> BodyLevel? { level(of: item.approvedBy) }

    /// The level of the body whose decision approved `workplan`, if it was approved.
    public func approvalLevel(of workplan: Workplan) -> BodyLevel? { level(of: workplan.approvedBy) }

    /// The level of the body that took `decision`.
    public func level(of decision: DecisionID?) -> BodyLevel? {
        guard let decision = decision.flatMap({ decisions[$0] }), let meeting = meetings[decision.meeting],
            let body = bodies[meeting.body]
        else { return nil }
        return body.level
    }
}

/// A reference to one entity of the record, whatever its kind.
public enum EntityRef: Hashable, Sendable, Comparable, CustomStringConvertible {
    case process
    case participant(ParticipantID)
    case body(BodyID)
    case meeting(MeetingID)
    case decision(DecisionID)
    case item(ItemNumber)
    case workplan(WorkplanID)
    case proposal(ProposalID)
    case comment(CommentID)
    case draft(DraftID)
    /// An editorial change open to challenge, by its ledger entry.
    case editorial(Int64)
    case challenge(ChallengeID)
    case edition(Int)
    case standingItem(StandingItemID)
    case agenda(MeetingID)
    case externalPlan(ExternalPlanID)
    case mandate(MandateID)
    case cycle(CycleID)
    case report(ReportID)
    case event(EventID)
    case series(SeriesID)
    /// A code added to a statistical codelist.
    case code(CodeAdditionID)
    /// A member state's vintage of a dataflow.
    case vintage(VintageID)
    /// A statistical release, by number.
    case release(Int)
    /// A file attached to the record, by number.
    case attachment(Int)

    /// The kind of entity, as the store names it.
    public var kind: String {
        switch self {
        case .process: "process"
        case .participant: "participant"
        case .body: "body"
        case .meeting: "meeting"
        case .decision: "decision"
        case .item: "item"
        case .workplan: "workplan"
        case .proposal: "proposal"
        case .comment: "comment"
        case .draft: "draft"
        case .editorial: "editorial"
        case .challenge: "challenge"
        case .edition: "edition"
        case .standingItem: "standing-item"
        case .agenda: "agenda"
        case .externalPlan: "external-plan"
        case .mandate: "mandate"
        case .cycle: "cycle"
        case .report: "report"
        case .event: "event"
        case .series: "event-series"
        case .code: "code"
        case .vintage: "vintage"
        case .release: "release"
        case .attachment: "attachment"
        }
    }

    /// The entity's identifier ("" for the process, of which there is one).
    public var id: String {
        switch self {
        case .process: ""
        case .participant(let id): id.rawValue
        case .body(let id): id.rawValue
        case .meeting(let id): id.rawValue
        case .decision(let id): id.rawValue
        case .item(let id): id.rawValue
        case .workplan(let id): id.rawValue
        case .proposal(let id): id.rawValue
        case .comment(let id): id.rawValue
        case .draft(let id): id.rawValue
        case .editorial(let sequence): String(sequence)
        case .challenge(let id): id.rawValue
        case .edition(let number): String(number)
        case .standingItem(let id): id.rawValue
        case .agenda(let id): id.rawValue
        case .externalPlan(let id): id.rawValue
        case .mandate(let id): id.rawValue
        case .cycle(let id): id.rawValue
        case .report(let id): id.rawValue
        case .event(let id): id.rawValue
        case .series(let id): id.rawValue
        case .code(let id): id.rawValue
        case .vintage(let id): id.rawValue
        case .release(let number): String(number)
        case .attachment(let number): String(number)
        }
    }

    /// Rebuilds a reference from the store's kind and identifier.
    public init?(kind: String, id: String) {
        switch kind {
        case "process": self = .process
        case "participant": self = .participant(.init(id))
        case "body": self = .body(.init(id))
        case "meeting": self = .meeting(.init(id))
        case "decision": self = .decision(.init(id))
        case "item": self = .item(.init(id))
        case "workplan": self = .workplan(.init(id))
        case "proposal": self = .proposal(.init(id))
        case "comment": self = .comment(.init(id))
        case "draft": self = .draft(.init(id))
        case "editorial":
            guard let sequence = Int64(id) else { return nil }
            self = .editorial(sequence)
        case "challenge": self = .challenge(.init(id))
        case "edition":
            guard let number = Int(id) else { return nil }
            self = .edition(number)
        case "standing-item": self = .standingItem(.init(id))
        case "agenda": self = .agenda(.init(id))
        case "external-plan": self = .externalPlan(.init(id))
        case "mandate": self = .mandate(.init(id))
        case "cycle": self = .cycle(.init(id))
        case "report": self = .report(.init(id))
        case "event": self = .event(.init(id))
        case "event-series": self = .series(.init(id))
        case "code": self = .code(.init(id))
        case "vintage": self = .vintage(.init(id))
        case "release":
            guard let number = Int(id) else { return nil }
            self = .release(number)
        case "attachment":
            guard let number = Int(id) else { return nil }
            self = .attachment(number)
        default: return nil
        }
    }

    public var description: String { id.isEmpty ? kind : "\(kind) \(id)" }

    public static func < (lhs: Self, rhs: Self) -> Bool { (lhs.kind, lhs.id) < (rhs.kind, rhs.id) }
}

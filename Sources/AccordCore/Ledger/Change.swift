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

    // Governance: proposals, comments, meetings that decide, challenges, editions and agendas.

    /// A participant submits a proposal.
    case submitProposal(Proposal)
    /// Its submitter withdraws a proposal.
    case withdrawProposal(ProposalID)
    /// A participant files (or replaces) its comment on one proposal item.
    case fileComment(Comment)
    /// A draft paragraph, with its effects, is put before a meeting.
    case tableDraft(DraftDecision)
    /// A draft is taken off the table without a decision.
    case withdrawDraft(DraftID)
    /// A member state's position on a draft, by its delegate or by the Secretariat on its behalf.
    case recordPosition(PositionStatement)
    /// The draft becomes a decision when consensus is reached, and its effects apply.
    case adoptDraft(DraftID)
    /// A member state challenges an editorial change as substantive; the change is held.
    case challengeEditorial(ChallengeStatement)
    /// A decision settles a challenge: the change is confirmed or rejected.
    case settleChallenge(ChallengeID, Settlement)
    /// An edition of the Plan of Action is published.
    case publishEdition(Edition)
    /// A body gains a standing agenda item.
    case addStandingItem(StandingItem)
    /// The Secretariat sets a meeting's draft agenda.
    case setAgenda(Agenda)
    /// The Presidency approves a meeting's agenda.
    case approveAgenda(MeetingID)

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
        case .submitProposal: "submit-proposal"
        case .withdrawProposal: "withdraw-proposal"
        case .fileComment: "file-comment"
        case .tableDraft: "table-draft"
        case .withdrawDraft: "withdraw-draft"
        case .recordPosition: "record-position"
        case .adoptDraft: "adopt-draft"
        case .challengeEditorial: "challenge-editorial"
        case .settleChallenge: "settle-challenge"
        case .publishEdition: "publish-edition"
        case .addStandingItem: "add-standing-item"
        case .setAgenda: "set-agenda"
        case .approveAgenda: "approve-agenda"
        }
    }
}

extension Change {
    /// Whether the change is a participant's own act, made on its own authority.
    public var isSubmission: Bool {
        switch self {
        case .submitProposal, .withdrawProposal, .fileComment, .recordPosition, .challengeEditorial: true
        default: false
        }
    }
}

/// A member state's position on a draft, as a delegate or the Secretariat states it.
public struct PositionStatement: Codable, Sendable, Hashable {
    public var draft: DraftID
    public var participant: ParticipantID
    public var position: Position
    public var note: LocalizedText?

    public init(draft: DraftID, participant: ParticipantID, position: Position, note: LocalizedText? = nil) {
        self.draft = draft
        self.participant = participant
        self.position = position
        self.note = note
    }
}

/// A member state's challenge of the editorial change at ledger entry `sequence`.
public struct ChallengeStatement: Codable, Sendable, Hashable {
    public var sequence: Int64
    public var participant: ParticipantID
    public var reason: LocalizedText

    public init(sequence: Int64, participant: ParticipantID, reason: LocalizedText) {
        self.sequence = sequence
        self.participant = participant
        self.reason = reason
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
        case proposal, comment, draft, position, challenge, settlement, edition
        case standingItem = "standing-item"
        case agenda
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
        case "submit-proposal": self = .submitProposal(try c.decode(Proposal.self, forKey: .proposal))
        case "withdraw-proposal": self = .withdrawProposal(try c.decode(ProposalID.self, forKey: .proposal))
        case "file-comment": self = .fileComment(try c.decode(Comment.self, forKey: .comment))
        case "table-draft": self = .tableDraft(try c.decode(DraftDecision.self, forKey: .draft))
        case "withdraw-draft": self = .withdrawDraft(try c.decode(DraftID.self, forKey: .draft))
        case "record-position": self = .recordPosition(try c.decode(PositionStatement.self, forKey: .position))
        case "adopt-draft": self = .adoptDraft(try c.decode(DraftID.self, forKey: .draft))
        case "challenge-editorial":
            self = .challengeEditorial(try c.decode(ChallengeStatement.self, forKey: .challenge))
        case "settle-challenge":
            self = .settleChallenge(
                try c.decode(ChallengeID.self, forKey: .challenge), try c.decode(Settlement.self, forKey: .settlement))
        case "publish-edition": self = .publishEdition(try c.decode(Edition.self, forKey: .edition))
        case "add-standing-item": self = .addStandingItem(try c.decode(StandingItem.self, forKey: .standingItem))
        case "set-agenda": self = .setAgenda(try c.decode(Agenda.self, forKey: .agenda))
        case "approve-agenda": self = .approveAgenda(try c.decode(MeetingID.self, forKey: .meeting))
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
        case .submitProposal(let value): try c.encode(value, forKey: .proposal)
        case .withdrawProposal(let id): try c.encode(id, forKey: .proposal)
        case .fileComment(let value): try c.encode(value, forKey: .comment)
        case .tableDraft(let value): try c.encode(value, forKey: .draft)
        case .withdrawDraft(let id), .adoptDraft(let id): try c.encode(id, forKey: .draft)
        case .recordPosition(let value): try c.encode(value, forKey: .position)
        case .challengeEditorial(let value): try c.encode(value, forKey: .challenge)
        case .settleChallenge(let id, let settlement):
            try c.encode(id, forKey: .challenge)
            try c.encode(settlement, forKey: .settlement)
        case .publishEdition(let value): try c.encode(value, forKey: .edition)
        case .addStandingItem(let value): try c.encode(value, forKey: .standingItem)
        case .setAgenda(let value): try c.encode(value, forKey: .agenda)
        case .approveAgenda(let id): try c.encode(id, forKey: .meeting)
        }
    }
}

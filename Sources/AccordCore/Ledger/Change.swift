/// One agreed change to the record: the payload of a ledger entry.
///
/// Each case is a fact that the rules in `ProcessState+Apply.swift` check against the state before it.
/// The JSON form carries a `kind` so that old entries stay readable when cases are added.
public enum Change: Sendable, Hashable {
    /// Sets the process's name and languages.
    case describeProcess(Process)
    /// Adds a participant: in the opening record (before the first decision) or as a decision's effect.
    case addParticipant(Participant)
    /// Replaces a participant's record: its name editorially; its standing and history only as an effect of
    /// a decision of the highest body.
    case amendParticipant(Participant)
    case addBody(Body)
    case addMeeting(Meeting)
    /// Replaces a meeting's record (dates, place, attendance); once the meeting has a decision or a position,
    /// its attendance and dates change only as an effect of a decision of its body correcting the record.
    case amendMeeting(Meeting)
    /// The Secretariat transcribes a paragraph of a meeting's outcome document, with its effects: pending
    /// until the Presidency confirms it.
    case recordDecision(Decision)
    /// The Presidency confirms a transcribed decision: it comes into force and its effects apply.
    case confirmDecision(DecisionID)
    /// The Presidency refuses a transcription, saying why; nothing of it applies.
    case rejectDecision(DecisionID, reason: LocalizedText)
    case addItem(PlanItem)
    /// Changes some fields of a plan item; absent fields stay as they are.
    case amendItem(ItemAmendment)
    /// Moves a plan item to another status.
    case changeStatus(item: ItemNumber, to: Status)
    case addWorkplan(Workplan)
    /// Replaces a workplan's record (title, status).
    case amendWorkplan(Workplan)
    /// Effect only: from now on decisions of the workplan's own network may update it.
    case delegateWorkplanUpdates(WorkplanID)

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
    /// Effect only: a decision settles a challenge, confirming or rejecting the change.
    case settleChallenge(ChallengeID, Settlement)
    /// Effect only: a decision of the highest body approves a revised plan, which lets the Presidency approve
    /// one edition citing it.
    case approveRevisedPlan
    /// The Secretariat proposes an edition of the Plan of Action.
    case proposeEdition(Edition)
    /// The Presidency approves the proposed edition with this number, citing the decision that approves it.
    case approveEdition(Int)
    /// A body gains a standing agenda item.
    case addStandingItem(StandingItem)
    /// The Secretariat sets a meeting's draft agenda.
    case setAgenda(Agenda)
    /// The Presidency approves a meeting's agenda.
    case approveAgenda(MeetingID)

    // Follow-up of external plans: mandates, reporting cycles, national reports and events.

    /// The Secretariat records a plan adopted elsewhere that the process follows up.
    case addExternalPlan(ExternalPlan)
    /// The Secretariat records one of an external plan's mandates, with its coordinators.
    case addMandate(Mandate)
    /// The Secretariat corrects a mandate's record (its translations, its coordinators, its activities).
    case amendMandate(Mandate)
    /// The Secretariat opens a reporting cycle.
    case addCycle(ReportingCycle)
    /// The Secretariat changes a cycle's record: its due date moved, its receiving meeting named.
    case amendCycle(ReportingCycle)
    /// A country files (or revises) its report, by its delegate or the Secretariat on its behalf; a
    /// coordinator or co-coordinator files the coordinator's report likewise.
    case fileReport(ReportFiling)
    /// The Secretariat publishes a submitted report after review.
    case publishReport(ReportID)
    /// The Secretariat records an event.
    case recordEvent(Event)
    /// The Secretariat corrects an event's record.
    case amendEvent(Event)
    /// The Secretariat records a series of events meant to recur.
    case addEventSeries(EventSeries)
    // Shared migration statistics (issue 21).

    /// The Secretariat adds a code to a codelist of the statistics' data structure.
    case addCode(CodeAddition)
    /// A member state's delegation (or the Secretariat on its behalf) commits an upload as a new vintage.
    case commitVintage(StatisticalVintage)
    /// The Secretariat publishes a release: a cut of vintages, made public on a date.
    case publishRelease(StatisticalRelease)

    // Documents as a record (issue 19 §2).

    /// A file is attached to a meeting, a decision, a proposal, a comment or a report; the entry carries its
    /// SHA-256, and the bytes are kept beside the ledger under it.
    case attachFile(Attachment)

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
        case .confirmDecision: "confirm-decision"
        case .rejectDecision: "reject-decision"
        case .addItem: "add-item"
        case .amendItem: "amend-item"
        case .changeStatus: "change-status"
        case .addWorkplan: "add-workplan"
        case .amendWorkplan: "amend-workplan"
        case .delegateWorkplanUpdates: "delegate-workplan-updates"
        case .submitProposal: "submit-proposal"
        case .withdrawProposal: "withdraw-proposal"
        case .fileComment: "file-comment"
        case .tableDraft: "table-draft"
        case .withdrawDraft: "withdraw-draft"
        case .recordPosition: "record-position"
        case .adoptDraft: "adopt-draft"
        case .challengeEditorial: "challenge-editorial"
        case .settleChallenge: "settle-challenge"
        case .approveRevisedPlan: "approve-revised-plan"
        case .proposeEdition: "propose-edition"
        case .approveEdition: "approve-edition"
        case .addStandingItem: "add-standing-item"
        case .setAgenda: "set-agenda"
        case .approveAgenda: "approve-agenda"
        case .addExternalPlan: "add-external-plan"
        case .addMandate: "add-mandate"
        case .amendMandate: "amend-mandate"
        case .addCycle: "add-cycle"
        case .amendCycle: "amend-cycle"
        case .fileReport: "file-report"
        case .publishReport: "publish-report"
        case .recordEvent: "record-event"
        case .amendEvent: "amend-event"
        case .addEventSeries: "add-event-series"
        case .addCode: "add-code"
        case .commitVintage: "commit-vintage"
        case .publishRelease: "publish-release"
        case .attachFile: "attach-file"
        }
    }
}

extension Change {
    /// The entity the change is about, where it is about one: what a refusal to cite a decision names.
    public var target: EntityRef? {
        switch self {
        case .describeProcess: .process
        case .addParticipant(let value), .amendParticipant(let value): .participant(value.id)
        case .addBody(let value): .body(value.id)
        case .addMeeting(let value), .amendMeeting(let value): .meeting(value.id)
        case .recordDecision(let value): .decision(value.id)
        case .confirmDecision(let id), .rejectDecision(let id, _): .decision(id)
        case .addItem(let item): .item(item.number)
        case .amendItem(let amendment): .item(amendment.number)
        case .changeStatus(let number, _): .item(number)
        case .addWorkplan(let value), .amendWorkplan(let value): .workplan(value.id)
        case .delegateWorkplanUpdates(let id): .workplan(id)
        case .submitProposal(let value): .proposal(value.id)
        case .withdrawProposal(let id): .proposal(id)
        case .fileComment(let value): .comment(value.id)
        case .tableDraft(let value): .draft(value.id)
        case .withdrawDraft(let id), .adoptDraft(let id): .draft(id)
        case .recordPosition(let value): .draft(value.draft)
        case .challengeEditorial(let value): .editorial(value.sequence)
        case .settleChallenge(let id, _): .challenge(id)
        case .approveRevisedPlan: nil
        case .proposeEdition(let value): .edition(value.number)
        case .approveEdition(let number): .edition(number)
        case .addStandingItem(let value): .standingItem(value.id)
        case .setAgenda(let value): .agenda(value.meeting)
        case .approveAgenda(let id): .agenda(id)
        case .addExternalPlan(let value): .externalPlan(value.id)
        case .addMandate(let value), .amendMandate(let value): .mandate(value.id)
        case .addCycle(let value), .amendCycle(let value): .cycle(value.id)
        case .fileReport(let value): .report(value.reportID)
        case .publishReport(let id): .report(id)
        case .recordEvent(let value), .amendEvent(let value): .event(value.id)
        case .addEventSeries(let value): .series(value.id)
        case .addCode(let value): .code(value.id)
        case .commitVintage(let value): .vintage(value.id)
        case .publishRelease(let value): .release(value.number)
        case .attachFile(let value): .attachment(value.number)
        }
    }

    /// Every kind of change, as JSON names it, in the order the cases are declared: what `--help`, the README,
    /// every refusal of an unknown kind and the OpenAPI document's `Change` schema list (tests hold each to the
    /// cases).
    public static let kinds: [String] = [
        "describe-process", "add-participant", "amend-participant", "add-body", "add-meeting", "amend-meeting",
        "record-decision", "confirm-decision", "reject-decision", "add-item", "amend-item", "change-status",
        "add-workplan", "amend-workplan", "delegate-workplan-updates", "submit-proposal", "withdraw-proposal",
        "file-comment", "table-draft", "withdraw-draft", "record-position", "adopt-draft", "challenge-editorial",
        "settle-challenge", "approve-revised-plan", "propose-edition", "approve-edition", "add-standing-item",
        "set-agenda", "approve-agenda", "add-external-plan", "add-mandate", "amend-mandate", "add-cycle",
        "amend-cycle", "file-report", "publish-report", "record-event", "amend-event", "add-event-series",
        "add-code", "commit-vintage", "publish-release", "attach-file",
    ]

    /// The kinds of change a decision may declare as its effects (DESIGN.md §2, "Decision").
    public static let effectKinds: Set<String> = [
        "add-item", "amend-item", "change-status", "add-workplan", "amend-workplan", "delegate-workplan-updates",
        "add-participant", "amend-participant", "add-standing-item", "amend-meeting", "settle-challenge",
        "approve-revised-plan", "add-code",
    ]

    /// Whether the change can only be a decision's declared effect, never an entry of its own.
    public var isEffectOnly: Bool {
        switch self {
        case .delegateWorkplanUpdates, .settleChallenge, .approveRevisedPlan: true
        default: false
        }
    }

    /// Whether the change is a participant's own act, made on its own authority.
    public var isSubmission: Bool {
        switch self {
        case .submitProposal, .withdrawProposal, .fileComment, .recordPosition, .challengeEditorial, .fileReport,
            .commitVintage:
            true
        // A file attached to a participant's own proposal, comment or report is that participant's act.
        case .attachFile(let attachment): attachment.target.isParticipantsOwn
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
    /// The Secretariat's note on the item's record; always editorial.
    public var note: LocalizedText?

    public init(
        number: ItemNumber, title: LocalizedText? = nil, text: LocalizedText? = nil, leads: [Lead]? = nil,
        timeline: Timeline? = nil, parent: ItemNumber? = nil, note: LocalizedText? = nil
    ) {
        self.number = number
        self.title = title
        self.text = text
        self.leads = leads
        self.timeline = timeline
        self.parent = parent
        self.note = note
    }

    /// Whether the amendment changes nothing at all.
    public var isEmpty: Bool {
        title == nil && text == nil && leads == nil && timeline == nil && parent == nil && note == nil
    }
}

extension Change: Codable {
    private enum CodingKeys: String, CodingKey {
        case kind, process, participant, body, meeting, decision, item, amendment, number, status, workplan
        case proposal, comment, draft, position, challenge, settlement, edition, reason
        case standingItem = "standing-item"
        case agenda
        case externalPlan = "plan"
        case mandate, cycle, report, event, series
        case code, vintage, release, attachment
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
        case "confirm-decision": self = .confirmDecision(try c.decode(DecisionID.self, forKey: .decision))
        case "reject-decision":
            self = .rejectDecision(
                try c.decode(DecisionID.self, forKey: .decision),
                reason: try c.decode(LocalizedText.self, forKey: .reason))
        case "add-item": self = .addItem(try c.decode(PlanItem.self, forKey: .item))
        case "amend-item": self = .amendItem(try c.decode(ItemAmendment.self, forKey: .amendment))
        case "change-status":
            self = .changeStatus(
                item: try c.decode(ItemNumber.self, forKey: .number), to: try c.decode(Status.self, forKey: .status))
        case "add-workplan": self = .addWorkplan(try c.decode(Workplan.self, forKey: .workplan))
        case "amend-workplan": self = .amendWorkplan(try c.decode(Workplan.self, forKey: .workplan))
        case "delegate-workplan-updates":
            self = .delegateWorkplanUpdates(try c.decode(WorkplanID.self, forKey: .workplan))
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
        case "approve-revised-plan": self = .approveRevisedPlan
        case "propose-edition": self = .proposeEdition(try c.decode(Edition.self, forKey: .edition))
        case "approve-edition": self = .approveEdition(try c.decode(Int.self, forKey: .edition))
        case "add-standing-item": self = .addStandingItem(try c.decode(StandingItem.self, forKey: .standingItem))
        case "set-agenda": self = .setAgenda(try c.decode(Agenda.self, forKey: .agenda))
        case "approve-agenda": self = .approveAgenda(try c.decode(MeetingID.self, forKey: .meeting))
        case "add-external-plan": self = .addExternalPlan(try c.decode(ExternalPlan.self, forKey: .externalPlan))
        case "add-mandate": self = .addMandate(try c.decode(Mandate.self, forKey: .mandate))
        case "amend-mandate": self = .amendMandate(try c.decode(Mandate.self, forKey: .mandate))
        case "add-cycle": self = .addCycle(try c.decode(ReportingCycle.self, forKey: .cycle))
        case "amend-cycle": self = .amendCycle(try c.decode(ReportingCycle.self, forKey: .cycle))
        case "file-report": self = .fileReport(try c.decode(ReportFiling.self, forKey: .report))
        case "publish-report": self = .publishReport(try c.decode(ReportID.self, forKey: .report))
        case "record-event": self = .recordEvent(try c.decode(Event.self, forKey: .event))
        case "amend-event": self = .amendEvent(try c.decode(Event.self, forKey: .event))
        case "add-event-series": self = .addEventSeries(try c.decode(EventSeries.self, forKey: .series))
        case "add-code": self = .addCode(try c.decode(CodeAddition.self, forKey: .code))
        case "commit-vintage": self = .commitVintage(try c.decode(StatisticalVintage.self, forKey: .vintage))
        case "publish-release": self = .publishRelease(try c.decode(StatisticalRelease.self, forKey: .release))
        case "attach-file": self = .attachFile(try c.decode(Attachment.self, forKey: .attachment))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .kind, in: c,
                debugDescription:
                    "'\(kind)' is not a kind of change; the kinds are \(Self.kinds.joined(separator: ", "))")
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
        case .confirmDecision(let id): try c.encode(id, forKey: .decision)
        case .rejectDecision(let id, let reason):
            try c.encode(id, forKey: .decision)
            try c.encode(reason, forKey: .reason)
        case .addItem(let value): try c.encode(value, forKey: .item)
        case .amendItem(let value): try c.encode(value, forKey: .amendment)
        case .changeStatus(let number, let status):
            try c.encode(number, forKey: .number)
            try c.encode(status, forKey: .status)
        case .addWorkplan(let value), .amendWorkplan(let value): try c.encode(value, forKey: .workplan)
        case .delegateWorkplanUpdates(let id): try c.encode(id, forKey: .workplan)
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
        case .approveRevisedPlan: break
        case .proposeEdition(let value): try c.encode(value, forKey: .edition)
        case .approveEdition(let number): try c.encode(number, forKey: .edition)
        case .addStandingItem(let value): try c.encode(value, forKey: .standingItem)
        case .setAgenda(let value): try c.encode(value, forKey: .agenda)
        case .approveAgenda(let id): try c.encode(id, forKey: .meeting)
        case .addExternalPlan(let value): try c.encode(value, forKey: .externalPlan)
        case .addMandate(let value), .amendMandate(let value): try c.encode(value, forKey: .mandate)
        case .addCycle(let value), .amendCycle(let value): try c.encode(value, forKey: .cycle)
        case .fileReport(let value): try c.encode(value, forKey: .report)
        case .publishReport(let id): try c.encode(id, forKey: .report)
        case .recordEvent(let value), .amendEvent(let value): try c.encode(value, forKey: .event)
        case .addEventSeries(let value): try c.encode(value, forKey: .series)
        case .addCode(let value): try c.encode(value, forKey: .code)
        case .commitVintage(let value): try c.encode(value, forKey: .vintage)
        case .publishRelease(let value): try c.encode(value, forKey: .release)
        case .attachFile(let value): try c.encode(value, forKey: .attachment)
        }
    }
}

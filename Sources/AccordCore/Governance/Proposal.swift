/// Identifies a proposal: the submitter's code and a short tag ("MEX-2008").
public typealias ProposalID = Identifier<Proposal>

/// A participant's numbered set of suggestions for the plan, such as Mexico's seven proposals to
/// "review, clean and update" the Plan of Action.
///
/// A proposal changes nothing by itself: its items become plan items only through a decision's effects.
public struct Proposal: Codable, Sendable, Hashable, Identifiable {
    public var id: ProposalID
    /// The member state that submits it.
    public var submitter: ParticipantID
    public var title: LocalizedText
    /// When it was submitted, as far as it is known.
    public var submitted: PartialDate?
    /// The meeting it is tabled for; its agenda then lists it.
    public var tabledFor: MeetingID?
    /// Observers invited to comment; member states may always comment.
    public var invited: [ParticipantID]
    /// Its numbered items, from 1.
    public var items: [ProposalItem]
    public var status: ProposalStatus

    public init(
        id: ProposalID, submitter: ParticipantID, title: LocalizedText, submitted: PartialDate? = nil,
        tabledFor: MeetingID? = nil, invited: [ParticipantID] = [], items: [ProposalItem],
        status: ProposalStatus = .open
    ) {
        self.id = id
        self.submitter = submitter
        self.title = title
        self.submitted = submitted
        self.tabledFor = tabledFor
        self.invited = invited
        self.items = items
        self.status = status
    }

    /// The item numbered `number`, if the proposal has one.
    public func item(_ number: Int) -> ProposalItem? { items.first { $0.number == number } }
}

/// One numbered suggestion of a proposal.
public struct ProposalItem: Codable, Sendable, Hashable {
    /// Its number in the proposal, from 1.
    public var number: Int
    public var text: LocalizedText
    /// Where in the plan the submitter aims it, if anywhere.
    public var target: Placement?

    public init(number: Int, text: LocalizedText, target: Placement? = nil) {
        self.number = number
        self.text = text
        self.target = target
    }
}

/// A place in the plan: under a plan item (a line of action or an area), in a workplan, or both.
public struct Placement: Codable, Sendable, Hashable {
    /// The item it would sit under.
    public var parent: ItemNumber?
    /// The network workplan it would belong to.
    public var workplan: WorkplanID?
    /// How it would be taken up: a sub-item, a workshop, a standing agenda item…
    public var note: LocalizedText?

    public init(parent: ItemNumber? = nil, workplan: WorkplanID? = nil, note: LocalizedText? = nil) {
        self.parent = parent
        self.workplan = workplan
        self.note = note
    }
}

/// Where a proposal is in its life.
public enum ProposalStatus: String, Codable, Sendable, CaseIterable {
    /// Open for comments and for decisions.
    case open
    /// Withdrawn by its submitter; kept, but no longer commented on.
    case withdrawn
}

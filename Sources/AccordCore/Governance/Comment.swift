/// Identifies a comment: its proposal, the proposal item (or "general" for the proposal as a whole) and the
/// commenting participant, "MEX-2008/3/CAN", "MEX-2008/general/CAN"; always
/// `Comment.id(proposal:item:participant:)`.
public typealias CommentID = Identifier<Comment>

/// A participant's written answer to one proposal item, like each of Canada's comments on Mexico's
/// proposals, or to the proposal as a whole, like Canada's general comments. A participant has one comment
/// per item and one general comment; filing again replaces it, and the ledger keeps both.
public struct Comment: Codable, Sendable, Hashable, Identifiable {
    public var id: CommentID
    public var proposal: ProposalID
    /// The number of the proposal item it answers; nil for a comment on the proposal as a whole.
    public var item: Int?
    /// The participant whose comment it is.
    public var participant: ParticipantID
    public var stance: Stance
    public var text: LocalizedText
    /// Where the commenter would place the item in the plan.
    public var placement: Placement?

    public init(
        proposal: ProposalID, item: Int?, participant: ParticipantID, stance: Stance, text: LocalizedText,
        placement: Placement? = nil
    ) {
        self.id = Comment.id(proposal: proposal, item: item, participant: participant)
        self.proposal = proposal
        self.item = item
        self.participant = participant
        self.stance = stance
        self.text = text
        self.placement = placement
    }

    /// The identifier of `participant`'s comment on item `item` of `proposal` (on the whole, when nil).
    public static func id(proposal: ProposalID, item: Int?, participant: ParticipantID) -> CommentID {
        CommentID("\(proposal.rawValue)/\(item.map(String.init) ?? "general")/\(participant.rawValue)")
    }
}

/// Where a comment stands on the proposal item it answers.
public enum Stance: String, Codable, Sendable, CaseIterable {
    case supports
    case supportsWithChanges = "supports-with-changes"
    case hasConcerns = "has-concerns"
    /// Reserves its position pending domestic consultation.
    case reserves = "reserves-pending-consultation"
    case opposes
}

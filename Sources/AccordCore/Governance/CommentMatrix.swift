/// A proposal's items against the participants who answer them: the comment matrix.
///
/// Columns are every member state but the submitter, then each observer that commented, so a missing
/// answer shows as an empty cell rather than not at all.
public struct CommentMatrix: Codable, Sendable, Hashable {
    public var proposal: ProposalID
    public var participants: [ParticipantID]
    /// The comments on the proposal as a whole, one cell per column.
    public var general: [Cell]
    public var rows: [Row]

    /// One proposal item and the comments on it, one cell per column.
    public struct Row: Codable, Sendable, Hashable {
        public var item: Int
        public var text: LocalizedText
        public var cells: [Cell]
    }

    /// One participant's answer to one item, if it gave one.
    public struct Cell: Codable, Sendable, Hashable {
        public var participant: ParticipantID
        public var comment: CommentID?
        public var stance: Stance?
        public var placement: Placement?
    }

    /// The matrix of `proposal`, or nil when no such proposal is recorded.
    public init?(of proposal: ProposalID, in state: ProcessState) {
        guard let record = state.proposals[proposal] else { return nil }
        let comments = state.comments.values.filter { $0.proposal == proposal }
        let members = state.participants.values.filter { $0.kind == .memberState && $0.id != record.submitter }
            .map(\.id)
        let observers = Set(comments.map(\.participant)).subtracting(members).subtracting([record.submitter])
        self.proposal = proposal
        participants = members.sorted() + observers.sorted()
        let columns = participants
        func cell(_ participant: ParticipantID, item: Int?) -> Cell {
            let comment = state.comments[Comment.id(proposal: proposal, item: item, participant: participant)]
            return Cell(
                participant: participant, comment: comment?.id, stance: comment?.stance, placement: comment?.placement)
        }
        general = columns.map { cell($0, item: nil) }
        rows = record.items.map { item in
            Row(
                item: item.number, text: item.text,
                cells: columns.map { cell($0, item: item.number) })
        }
    }
}

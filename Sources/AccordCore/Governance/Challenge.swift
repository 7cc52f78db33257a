/// Identifies a challenge by the ledger entry it challenges, "C-412".
public typealias ChallengeID = Identifier<Challenge>

/// A member state's challenge of an editorial change as substantive (DESIGN.md §3 rule 4).
///
/// While it is held, the item shows what it said before the change, and the fields the change touched
/// cannot be changed again; a decision at the item's approval level settles it.
public struct Challenge: Codable, Sendable, Hashable, Identifiable {
    public var id: ChallengeID
    /// The ledger entry of the editorial change.
    public var sequence: Int64
    public var item: ItemNumber
    /// The member state that challenges it.
    public var challenger: ParticipantID
    public var reason: LocalizedText
    /// The fields the change touched, as they were before it.
    public var before: ItemAmendment
    /// The same fields as the change set them.
    public var after: ItemAmendment
    public var status: ChallengeStatus
    /// The decision that settled it.
    public var settledBy: DecisionID?

    public init(
        sequence: Int64, item: ItemNumber, challenger: ParticipantID, reason: LocalizedText, before: ItemAmendment,
        after: ItemAmendment, status: ChallengeStatus = .held, settledBy: DecisionID? = nil
    ) {
        self.id = Challenge.id(of: sequence)
        self.sequence = sequence
        self.item = item
        self.challenger = challenger
        self.reason = reason
        self.before = before
        self.after = after
        self.status = status
        self.settledBy = settledBy
    }

    /// The identifier of a challenge of ledger entry `sequence`.
    public static func id(of sequence: Int64) -> ChallengeID { ChallengeID("C-\(sequence)") }
}

/// Where a challenge is in its life.
public enum ChallengeStatus: String, Codable, Sendable, CaseIterable {
    /// The change is suspended until a decision settles it.
    case held
    /// A decision confirmed the change; it applies again.
    case confirmed
    /// A decision rejected the change; the item keeps what it said before.
    case rejected
}

/// How a decision settles a challenge.
public enum Settlement: String, Codable, Sendable, CaseIterable {
    case confirm, reject
}

/// An editorial change the ledger holds open to challenge: the fields it touched, before and after.
public struct EditorialChange: Codable, Sendable, Hashable {
    public var sequence: Int64
    public var item: ItemNumber
    public var before: ItemAmendment
    public var after: ItemAmendment

    public init(sequence: Int64, item: ItemNumber, before: ItemAmendment, after: ItemAmendment) {
        self.sequence = sequence
        self.item = item
        self.before = before
        self.after = after
    }
}

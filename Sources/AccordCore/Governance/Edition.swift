/// A published, numbered version of the Plan of Action with its annexes: the plan as it stood at one
/// ledger position, approved by a decision.
public struct Edition: Codable, Sendable, Hashable, Identifiable {
    /// Its number, from 1, without gaps.
    public var number: Int
    public var title: LocalizedText
    /// Its publication date.
    public var date: PartialDate
    /// The ledger position whose plan it publishes; before the entry that publishes it.
    public var position: Int64
    /// The decision that approved it, filled in from the publishing entry's authority.
    public var approvedBy: DecisionID?

    public var id: Int { number }

    public init(number: Int, title: LocalizedText, date: PartialDate, position: Int64, approvedBy: DecisionID? = nil) {
        self.number = number
        self.title = title
        self.date = date
        self.position = position
        self.approvedBy = approvedBy
    }
}

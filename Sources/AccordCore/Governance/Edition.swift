/// A numbered version of the Plan of Action with its annexes: the plan as it stood at one ledger position.
///
/// Publishing takes two people: the Secretariat proposes it, and the Presidency approves it on a decision of
/// the highest level that declares the approval of a revised plan (DESIGN.md §3 rule 6).
public struct Edition: Codable, Sendable, Hashable, Identifiable {
    /// Its number, from 1, without gaps.
    public var number: Int
    public var title: LocalizedText
    /// Its publication date.
    public var date: PartialDate
    /// The ledger position whose plan it publishes; before the entry that publishes it.
    public var position: Int64
    /// The decision that approved it, filled in from the Presidency's approving entry.
    public var approvedBy: DecisionID?
    /// Whether it is only proposed by the Secretariat or approved, and so published.
    public var status: EditionStatus

    public var id: Int { number }

    public init(
        number: Int, title: LocalizedText, date: PartialDate, position: Int64, approvedBy: DecisionID? = nil,
        status: EditionStatus = .proposed
    ) {
        self.number = number
        self.title = title
        self.date = date
        self.position = position
        self.approvedBy = approvedBy
        self.status = status
    }

    /// Whether the edition is published: approved by the Presidency.
    public var isPublished: Bool { status == .approved }

    private enum CodingKeys: String, CodingKey { case number, title, date, position, approvedBy, status }

    /// Reads an edition; a client proposing one may leave out its status, which starts proposed.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            number: try c.decode(Int.self, forKey: .number), title: try c.decode(LocalizedText.self, forKey: .title),
            date: try c.decode(PartialDate.self, forKey: .date), position: try c.decode(Int64.self, forKey: .position),
            approvedBy: try c.decodeIfPresent(DecisionID.self, forKey: .approvedBy),
            status: try c.decodeIfPresent(EditionStatus.self, forKey: .status) ?? .proposed)
    }
}

/// Where an edition is in its life.
public enum EditionStatus: String, Codable, Sendable, CaseIterable {
    /// Proposed by the Secretariat with its revision report; not yet published.
    case proposed
    /// Approved by the Presidency on a decision: published.
    case approved
}

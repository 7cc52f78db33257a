/// A network's own plan, annexed to the Plan of Action: area of activity / specific action / lead / timeline.
public struct Workplan: Codable, Sendable, Hashable, Identifiable {
    /// Its code ("LON-CP").
    public var id: WorkplanID
    /// The network that keeps it.
    public var body: BodyID
    /// Its title in each language.
    public var title: LocalizedText
    /// Where it is in its life; an annex is shown while its workplan is proposed or current.
    public var status: Status
    /// The decision that adopted it, if any; fixes the level whose decisions change it.
    public var approvedBy: DecisionID?
    /// The decision that delegated its updates to its own network, if one did: from then on decisions of the
    /// network's meetings may change it too, as seed 002 proposes ("updated after each semi-annual meeting").
    public var updatesDelegatedBy: DecisionID?

    public init(
        id: WorkplanID, body: BodyID, title: LocalizedText, status: Status, approvedBy: DecisionID? = nil,
        updatesDelegatedBy: DecisionID? = nil
    ) {
        self.id = id
        self.body = body
        self.title = title
        self.status = status
        self.approvedBy = approvedBy
        self.updatesDelegatedBy = updatesDelegatedBy
    }
}

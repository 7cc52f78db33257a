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
    /// The decision that adopted it, if any.
    public var approvedBy: DecisionID?

    public init(id: WorkplanID, body: BodyID, title: LocalizedText, status: Status, approvedBy: DecisionID? = nil) {
        self.id = id
        self.body = body
        self.title = title
        self.status = status
        self.approvedBy = approvedBy
    }
}

/// A change someone asks for, before the ledger gives it a position and a time: what the store appends,
/// and what a draft revision is made of.
public struct ProposedChange: Codable, Sendable, Hashable {
    public var change: Change
    public var actor: Actor
    public var authority: Authority

    public init(_ change: Change, by actor: Actor, authority: Authority) {
        self.change = change
        self.actor = actor
        self.authority = authority
    }
}

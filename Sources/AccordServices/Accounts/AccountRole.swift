import AccordCore

/// The role an account signs in with (DESIGN.md §1). Four of them act in the process and are recorded as
/// actors in the ledger; `public` is a reader with an account, who sees what the public sees and changes
/// nothing.
public enum AccountRole: String, Sendable, CaseIterable, Codable {
    case secretariat, presidency, delegate, observer
    case `public`

    /// The ledger's role for this account's acts; nil for a reader, who never acts.
    public var actorRole: Actor.Role? { Actor.Role(rawValue: rawValue) }

    /// Whether the role belongs to the process's working side: it sees drafts, proposals and the working plan
    /// before they are published.
    public var seesWorkingState: Bool {
        switch self {
        case .secretariat, .presidency, .delegate: true
        case .observer, .public: false
        }
    }
}

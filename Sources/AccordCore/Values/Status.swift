/// Where a plan item is in its life.
///
/// proposed → approved → ongoing → pending completion → completed, or withdrawn / superseded from any
/// state before completion. Completed, withdrawn and superseded are final: the item moves to the archive
/// and keeps its number.
public enum Status: String, Codable, Sendable, CaseIterable {
    case proposed
    case approved
    case ongoing
    case pendingCompletion = "pending-completion"
    case completed
    case withdrawn
    case superseded

    /// Whether an item in this status belongs to the current version of the plan.
    public var isCurrent: Bool { self == .approved || self == .ongoing || self == .pendingCompletion }

    /// Whether an item in this status belongs to the archive version.
    public var isArchived: Bool { self == .completed || self == .withdrawn || self == .superseded }

    /// The statuses an item may move to from this one.
    public var allowedNext: [Status] {
        switch self {
        case .proposed: [.approved, .withdrawn]
        case .approved: [.ongoing, .pendingCompletion, .completed, .withdrawn, .superseded]
        case .ongoing: [.pendingCompletion, .completed, .withdrawn, .superseded]
        case .pendingCompletion: [.ongoing, .completed, .withdrawn, .superseded]
        case .completed, .withdrawn, .superseded: []
        }
    }

    /// Whether an item may move from this status to `next`.
    public func canMove(to next: Status) -> Bool { allowedNext.contains(next) }
}

/// One version of the Plan of Action as people read it: a tree of items at one ledger position.
public struct PlanView: Codable, Sendable, Equatable {
    /// Which version this is.
    public var version: PlanVersion
    /// The ledger position the view shows the plan at.
    public var asOf: Int64
    /// The lines of action (or, in an annex, the workplan's areas), each with what sits under it.
    public var nodes: [PlanNode]

    public init(version: PlanVersion, asOf: Int64, nodes: [PlanNode]) {
        self.version = version
        self.asOf = asOf
        self.nodes = nodes
    }

    /// Every item of the view in reading order, depth first.
    public var flattened: [PlanItem] { nodes.flatMap(\.flattened) }
}

/// An item with the items under it.
public struct PlanNode: Codable, Sendable, Equatable {
    public var item: PlanItem
    /// Whether the item is shown only to place the items under it (an archived area above a current activity).
    public var isContext: Bool
    public var children: [PlanNode]

    public init(item: PlanItem, isContext: Bool, children: [PlanNode]) {
        self.item = item
        self.isContext = isContext
        self.children = children
    }

    var flattened: [PlanItem] { [item] + children.flatMap(\.flattened) }
}

/// The versions of the plan that DESIGN.md names.
public enum PlanVersion: String, Codable, Sendable, CaseIterable {
    /// Approved, ongoing and pending-completion items.
    case current
    /// Completed, withdrawn and superseded items, under their original numbers.
    case archive
    /// Items proposed and not yet decided.
    case proposed

    /// Whether an item in `status` belongs to this version.
    public func includes(_ status: Status) -> Bool {
        switch self {
        case .current: status.isCurrent
        case .archive: status.isArchived
        case .proposed: status == .proposed
        }
    }
}

/// A network workplan with its items, as annexed to the Plan of Action.
public struct Annex: Codable, Sendable, Equatable {
    public var workplan: Workplan
    /// The workplan's areas of activity with their specific actions.
    public var nodes: [PlanNode]

    public init(workplan: Workplan, nodes: [PlanNode]) {
        self.workplan = workplan
        self.nodes = nodes
    }
}

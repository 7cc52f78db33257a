/// Builds the views of the plan from its items: pure functions, so the same code serves the current plan,
/// the plan as of any ledger position, and the checks of `verify`.
public enum Plan {
    /// The `version` of the Plan of Action (items outside any workplan) among `items`.
    ///
    /// Items of the version are shown under their ancestors; an ancestor outside the version is shown as
    /// context, so an ongoing activity under a completed area still reads in its place.
    public static func view(_ version: PlanVersion, of items: [PlanItem], asOf: Int64) -> PlanView {
        PlanView(version: version, asOf: asOf, nodes: tree(of: items, version: version) { $0.workplan == nil })
    }

    /// The annexes: every workplan that is not archived, with its items in `version`.
    public static func annexes(
        _ workplans: [Workplan], items: [PlanItem], version: PlanVersion = .current
    ) -> [Annex] {
        let byWorkplan = Dictionary(grouping: items.filter { $0.workplan != nil }, by: { $0.workplan! })
        return workplans.filter { !$0.status.isArchived }.sorted { $0.id < $1.id }.map { workplan in
            Annex(workplan: workplan, nodes: tree(of: byWorkplan[workplan.id] ?? [], version: version) { _ in true })
        }
    }

    /// Sorts items in the order a reader expects: by prefix, then numerically (MPM-2 before MPM-10).
    public static func inReadingOrder(_ lhs: PlanItem, _ rhs: PlanItem) -> Bool {
        ReadingKey(lhs.number) < ReadingKey(rhs.number)
    }

    private static func tree(
        of items: [PlanItem], version: PlanVersion, where belongs: (PlanItem) -> Bool
    ) -> [PlanNode] {
        // Items are referred to by their index until the nodes are built: a PlanItem is large, and copying,
        // hashing and sorting whole items was most of the view's cost.
        var indexByNumber: [ItemNumber: Int] = [:]
        indexByNumber.reserveCapacity(items.count)
        // By index, not `enumerated()`, which would copy every item it hands out.
        for index in items.indices where belongs(items[index]) { indexByNumber[items[index].number] = index }
        // nil: not shown; false: an item of the version; true: an ancestor shown only as context.
        var shown = [Bool?](repeating: nil, count: items.count)
        for index in items.indices where version.includes(items[index].status) && belongs(items[index]) {
            shown[index] = false
            var parent = items[index].parent
            // Climbing stops at the first ancestor already marked: its own ancestors were marked with it.
            while let number = parent, let ancestor = indexByNumber[number], shown[ancestor] == nil {
                shown[ancestor] = true
                parent = items[ancestor].parent
            }
        }
        // One sort of the shown items' indices, each key computed once; grouping keeps that order within each parent.
        let shownIndices = items.indices.filter { shown[$0] != nil }
        var children = [[Int]](repeating: [], count: items.count)
        var roots: [Int] = []
        for index in inReadingOrder(shownIndices, of: items) {
            if let parent = items[index].parent, let parentIndex = indexByNumber[parent] {
                children[parentIndex].append(index)
            } else {
                roots.append(index)
            }
        }
        func node(_ index: Int) -> PlanNode {
            PlanNode(item: items[index], isContext: shown[index] ?? false, children: children[index].map(node))
        }
        return roots.map(node)
    }

    /// `indices` of `items`, sorted by their items' numbers in reading order.
    private static func inReadingOrder(_ indices: [Int], of items: [PlanItem]) -> [Int] {
        // Each key is read once, not at every comparison of the sort.
        let keys = indices.map { ReadingKey(items[$0].number) }
        return keys.indices.sorted { keys[$0] < keys[$1] }.map { indices[$0] }
    }
}

/// An item number's position in reading order: its prefix, then its numbers compared as numbers
/// (`Identifier.sortKey`), so that MPM-2 comes before MPM-10 and MPM-1 before MPM-1.1.
struct ReadingKey: Comparable {
    let prefix: Substring
    let path: [Int]

    init(_ number: ItemNumber) {
        prefix = number.rawValue.prefix { $0 != "-" }
        path = number.sortKey
    }

    static func < (lhs: Self, rhs: Self) -> Bool {
        lhs.prefix != rhs.prefix ? lhs.prefix < rhs.prefix : lhs.path.lexicographicallyPrecedes(rhs.path)
    }
}

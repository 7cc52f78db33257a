/// Builds the views of the plan from its items: pure functions, so the same code serves the current plan,
/// the plan as of any ledger position, and the checks of `verify`.
public enum Plan {
    /// The `version` of the Plan of Action (items outside any workplan) among `items`.
    ///
    /// Items of the version are shown under their ancestors; an ancestor outside the version is shown as
    /// context, so an ongoing activity under a completed area still reads in its place.
    public static func view(_ version: PlanVersion, of items: [PlanItem], asOf: Int64) -> PlanView {
        PlanView(version: version, asOf: asOf, nodes: tree(of: items.filter { $0.workplan == nil }, version: version))
    }

    /// The annexes: every workplan that is not archived, with its items in `version`.
    public static func annexes(
        _ workplans: [Workplan], items: [PlanItem], version: PlanVersion = .current
    ) -> [Annex] {
        let byWorkplan = Dictionary(grouping: items.filter { $0.workplan != nil }, by: { $0.workplan! })
        return workplans.filter { !$0.status.isArchived }.sorted { $0.id < $1.id }.map { workplan in
            Annex(workplan: workplan, nodes: tree(of: byWorkplan[workplan.id] ?? [], version: version))
        }
    }

    /// Sorts items in the order a reader expects: by prefix, then numerically (MPM-2 before MPM-10).
    public static func inReadingOrder(_ lhs: PlanItem, _ rhs: PlanItem) -> Bool {
        ReadingKey(lhs.number) < ReadingKey(rhs.number)
    }

    private static func tree(of items: [PlanItem], version: PlanVersion) -> [PlanNode] {
        let byNumber = Dictionary(items.map { ($0.number, $0) }, uniquingKeysWith: { _, last in last })
        // Keep every item of the version and every ancestor of one, marking ancestors that are only context.
        var shown: [ItemNumber: Bool] = [:]
        for item in items where version.includes(item.status) {
            shown[item.number] = false
            var parent = item.parent
            // Climbing stops at the first ancestor already marked: its own ancestors were marked with it.
            while let number = parent, shown[number] == nil, let ancestor = byNumber[number] {
                shown[number] = true
                parent = ancestor.parent
            }
        }
        // One sort of the shown items, each key computed once; grouping keeps that order within each parent.
        let ordered = items.filter { shown[$0.number] != nil }
            .map { (key: ReadingKey($0.number), item: $0) }
            .sorted { $0.key < $1.key }
            .map(\.item)
        var children: [ItemNumber: [PlanItem]] = [:]
        var roots: [PlanItem] = []
        for item in ordered {
            if let parent = item.parent, byNumber[parent] != nil {
                children[parent, default: []].append(item)
            } else {
                roots.append(item)
            }
        }
        func node(_ item: PlanItem) -> PlanNode {
            PlanNode(
                item: item, isContext: shown[item.number] ?? false,
                children: (children[item.number] ?? []).map(node))
        }
        return roots.map(node)
    }
}

/// An item number's position in reading order: its prefix, then its numbers compared as numbers.
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

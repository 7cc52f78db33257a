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
        let (left, right) = (lhs.number, rhs.number)
        let leftPrefix = left.rawValue.prefix { $0 != "-" }
        let rightPrefix = right.rawValue.prefix { $0 != "-" }
        if leftPrefix != rightPrefix { return leftPrefix < rightPrefix }
        return left.sortKey.lexicographicallyPrecedes(right.sortKey)
    }

    private static func tree(of items: [PlanItem], version: PlanVersion) -> [PlanNode] {
        let byNumber = Dictionary(uniqueKeysWithValues: items.map { ($0.number, $0) })
        // Keep every item of the version and every ancestor of one, marking ancestors that are only context.
        var shown: [ItemNumber: Bool] = [:]
        for item in items where version.includes(item.status) {
            shown[item.number] = false
            var parent = item.parent
            while let number = parent, let ancestor = byNumber[number] {
                if shown[number] == nil { shown[number] = true }
                parent = ancestor.parent
            }
        }
        let children = Dictionary(
            grouping: items.filter { shown[$0.number] != nil && $0.parent.flatMap { byNumber[$0] } != nil },
            by: { $0.parent! })
        func node(_ item: PlanItem) -> PlanNode {
            let under = (children[item.number] ?? []).sorted(by: inReadingOrder).map(node)
            return PlanNode(item: item, isContext: shown[item.number] ?? false, children: under)
        }
        return items.filter { shown[$0.number] != nil && ($0.parent.flatMap { byNumber[$0] } == nil) }
            .sorted(by: inReadingOrder).map(node)
    }
}

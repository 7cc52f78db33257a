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
        for (index, item) in items.enumerated() where belongs(item) { indexByNumber[item.number] = index }
        // nil: not shown; false: an item of the version; true: an ancestor shown only as context.
        var shown = [Bool?](repeating: nil, count: items.count)
        for (index, item) in items.enumerated() where version.includes(item.status) && belongs(item) {
            shown[index] = false
            var parent = item.parent
            // Climbing stops at the first ancestor already marked: its own ancestors were marked with it.
            while let number = parent, let ancestor = indexByNumber[number], shown[ancestor] == nil {
                shown[ancestor] = true
                parent = items[ancestor].parent
            }
        }
        // One sort of the shown items' indices, each key computed once; grouping keeps that order within each parent.
        let shownIndices = items.indices.filter { shown[$0] != nil }
        let ordered = shownIndices.map { (ReadingKey(items[$0].number), $0) }.sorted { $0.0 < $1.0 }
        var children = [[Int]](repeating: [], count: items.count)
        var roots: [Int] = []
        for (_, index) in ordered {
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
}

/// An item number's position in reading order: its prefix, then its numbers compared as numbers.
struct ReadingKey: Comparable {
    let prefix: Substring
    let path: [Int]

    init(_ number: ItemNumber) {
        prefix = number.rawValue.prefix { $0 != "-" }
        path = ReadingKey.path(of: number)
    }

    /// The numbers after the prefix, as `Identifier.sortKey` reads them, without a string per number.
    static func path(of number: ItemNumber) -> [Int] {
        let text = number.rawValue
        let utf8 = text.utf8
        guard let dash = utf8.firstIndex(of: UInt8(ascii: "-")) else { return [] }
        var path: [Int] = []
        var start = utf8.index(after: dash)
        while start < utf8.endIndex {
            let stop = utf8[start...].firstIndex(of: UInt8(ascii: ".")) ?? utf8.endIndex
            // Empty parts are skipped, and a part that is not a number reads as 0, as in `sortKey`.
            if start < stop {
                let part = utf8[start..<stop]
                if part.count <= 18, part.allSatisfy({ (48...57).contains($0) }) {
                    path.append(part.reduce(0) { $0 * 10 + Int($1 - 48) })
                } else {
                    path.append(Int(text[start..<stop]) ?? 0)
                }
            }
            start = stop < utf8.endIndex ? utf8.index(after: stop) : stop
        }
        return path
    }

    static func < (lhs: Self, rhs: Self) -> Bool {
        lhs.prefix != rhs.prefix ? lhs.prefix < rhs.prefix : lhs.path.lexicographicallyPrecedes(rhs.path)
    }
}

/// What committing an upload would change, compared with the state's previous vintage of the flow:
/// observations added, changed (value or an attribute), and those of the previous vintage the upload does not
/// carry — kept when the upload adds to the vintage, deleted when it replaces it.
///
/// SDMX's actions say which: I (information), A (append) and M (merge) add to and update what is there, R
/// (replace) makes the upload the whole submission. A delegation sending a new quarter expects its earlier
/// figures to stay; only an upload that says R may delete them.
public struct Preview: Sendable {
    /// Indices into the new observations.
    public var added: [Int]
    /// Pairs of indices: into the new observations, into the previous vintage's.
    public var changed: [(new: Int, old: Int)]
    /// Indices into the previous vintage's observations that the vintage would no longer hold (a replacement).
    public var deleted: [Int]
    /// Indices into the previous vintage's observations the upload does not carry and the vintage keeps (an
    /// addition).
    public var kept: [Int]
    /// How many observations are the same in both.
    public var unchanged: Int

    /// Compares `new` with `previous` (empty for a first submission) by observation key; `replacesVintage` says
    /// whether the previous observations `new` does not carry are deleted or kept.
    public init(new: ObservationTable, previous: ObservationTable, structure: DataStructure, replacesVintage: Bool) {
        let keys = KeyPacking(structure).keys(of: new)
        self.init(
            new: new, keys: keys, order: KeySort.order(of: keys), previous: previous, structure: structure,
            replacesVintage: replacesVintage)
    }

    /// Compares `new`, whose packed keys and their sorted order an upload's checks have already computed.
    init(
        new: ObservationTable, keys newKeys: [UInt64], order newOrder: [UInt32], previous: ObservationTable,
        structure: DataStructure, replacesVintage: Bool
    ) {
        let oldKeys = KeyPacking(structure).keys(of: previous)
        let oldOrder = KeySort.order(of: oldKeys)
        added = []
        changed = []
        deleted = []
        kept = []
        unchanged = 0
        func dropped(_ oldIndex: Int) {
            if replacesVintage { deleted.append(oldIndex) } else { kept.append(oldIndex) }
        }
        var newPosition = 0
        var oldPosition = 0
        // A merge of the two sorted key lists.
        while newPosition < newOrder.count || oldPosition < oldOrder.count {
            let newIndex = newPosition < newOrder.count ? Int(newOrder[newPosition]) : nil
            let oldIndex = oldPosition < oldOrder.count ? Int(oldOrder[oldPosition]) : nil
            switch (newIndex, oldIndex) {
            case (let newIndex?, let oldIndex?) where newKeys[newIndex] == oldKeys[oldIndex]:
                if Self.isSame(new, newIndex, previous, oldIndex) {
                    unchanged += 1
                } else {
                    changed.append((newIndex, oldIndex))
                }
                newPosition += 1
                oldPosition += 1
            case (let newIndex?, let oldIndex?):
                if newKeys[newIndex] < oldKeys[oldIndex] {
                    added.append(newIndex)
                    newPosition += 1
                } else {
                    dropped(oldIndex)
                    oldPosition += 1
                }
            case (let newIndex?, nil):
                added.append(newIndex)
                newPosition += 1
            case (nil, let oldIndex?):
                dropped(oldIndex)
                oldPosition += 1
            case (nil, nil):
                return
            }
        }
    }

    private static func isSame(_ a: ObservationTable, _ i: Int, _ b: ObservationTable, _ j: Int) -> Bool {
        a.values[i] == b.values[j] && a.statuses[i] == b.statuses[j] && a.confidentiality[i] == b.confidentiality[j]
            && a.units[i] == b.units[j] && a.texts[Int(a.sources[i])] == b.texts[Int(b.sources[j])]
            && a.texts[Int(a.comments[i])] == b.texts[Int(b.comments[j])]
    }
}

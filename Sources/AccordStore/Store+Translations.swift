import AccordCore

extension Store {
    /// The translations older than their source, item by item (items with none are left out), in `state`:
    /// a state this store gave, such as `currentState()`.
    ///
    /// Kept in memory and brought forward with the item versions written since, so that a page of the whole
    /// plan can mark stale translations without reading every item's history on each render.
    public func staleTranslations(in state: ProcessState) async throws -> [ItemNumber: Set<Language>] {
        let cached = translationAges.newest
        if let cached, cached.position == state.sequence { return cached.value.stale }
        var ages: [ItemNumber: TranslationAge]
        if let cached, cached.position < state.sequence,
            case let changed = Self.itemsChanged(in: state, after: cached.position),
            changed.count <= TranslationAges.mostChangedItems
        {
            ages = cached.value.ages
            // Entries that changed no item (a meeting, a comment) leave the ages as they were.
            let versions =
                changed.isEmpty
                ? [:] : try await itemVersions(of: changed, after: cached.position, through: state.sequence)
            for (number, list) in versions {
                for version in list { ages[number, default: TranslationAge()].record(version.item, at: version.from) }
            }
        } else {
            // First use, an older state than the one kept, or too much written since: the whole history.
            ages = try await itemVersions(of: nil, after: nil, through: state.sequence).mapValues(TranslationAge.init)
        }
        let kept = TranslationAges(ages)
        translationAges.store(kept, at: state.sequence)
        return kept.stale
    }

    /// The items whose newest version in `state` was written after ledger position `sequence`.
    private static func itemsChanged(in state: ProcessState, after sequence: Int64) -> [ItemNumber] {
        state.lastChanged.compactMap { ref, changed in
            if case .item(let number) = ref, changed > sequence { number } else { nil }
        }
    }
}

/// The age of every item's translations at one ledger position.
struct TranslationAges: Sendable {
    var ages: [ItemNumber: TranslationAge]
    /// The stale languages of each item that has any, worked out once per position.
    var stale: [ItemNumber: Set<Language>]

    /// More items changed than this since the kept position, and the history is read whole instead of item
    /// by item.
    static let mostChangedItems = 500

    init(_ ages: [ItemNumber: TranslationAge]) {
        self.ages = ages
        stale = ages.compactMapValues { age in
            let stale = age.stale
            return stale.isEmpty ? nil : stale
        }
    }
}

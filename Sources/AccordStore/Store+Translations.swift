import AccordCore
import Synchronization

extension Store {
    /// The translations older than their source, item by item (items with none are left out), in `state`:
    /// a state this store gave, such as `currentState()`.
    ///
    /// Kept in memory and brought forward with the item versions written since, so that a page of the whole
    /// plan can mark stale translations without reading every item's history on each render.
    public func staleTranslations(in state: ProcessState) async throws -> [ItemNumber: Set<Language>] {
        let cached = translationAges.snapshot
        var ages: [ItemNumber: TranslationAge]
        if let cached, cached.sequence == state.sequence { return cached.stale }
        if let cached, cached.sequence < state.sequence,
            case let changed = Self.itemsChanged(in: state, after: cached.sequence),
            changed.count <= TranslationAgeCache.mostChangedItems
        {
            ages = cached.ages
            // Entries that changed no item (a meeting, a comment) leave the ages as they were.
            let versions =
                changed.isEmpty
                ? [:] : try await itemVersions(of: changed, after: cached.sequence, through: state.sequence)
            for (number, list) in versions {
                for version in list { ages[number, default: TranslationAge()].record(version.item, at: version.from) }
            }
        } else {
            // First use, an older state than the one kept, or too much written since: the whole history.
            ages = try await itemVersions(of: nil, after: nil, through: state.sequence).mapValues(TranslationAge.init)
        }
        let entry = TranslationAgeCache.Entry(sequence: state.sequence, ages: ages)
        translationAges.store(entry)
        return entry.stale
    }

    /// The items whose newest version in `state` was written after ledger position `sequence`.
    private static func itemsChanged(in state: ProcessState, after sequence: Int64) -> [ItemNumber] {
        state.lastChanged.compactMap { ref, changed in
            if case .item(let number) = ref, changed > sequence { number } else { nil }
        }
    }
}

/// The age of every item's translations at the newest ledger position asked for.
final class TranslationAgeCache: Sendable {
    struct Entry: Sendable {
        var sequence: Int64
        var ages: [ItemNumber: TranslationAge]
        /// The stale languages of each item that has any, worked out once per position.
        var stale: [ItemNumber: Set<Language>]

        init(sequence: Int64, ages: [ItemNumber: TranslationAge]) {
            self.sequence = sequence
            self.ages = ages
            stale = ages.compactMapValues { age in
                let stale = age.stale
                return stale.isEmpty ? nil : stale
            }
        }
    }

    /// More items changed than this since the kept position, and the history is read whole instead of item
    /// by item.
    static let mostChangedItems = 500

    private let current = Mutex<Entry?>(nil)

    var snapshot: Entry? { current.withLock { $0 } }

    /// Keeps `entry` unless a newer position is kept already.
    func store(_ entry: Entry) {
        _ = current.withLock { current -> Entry? in
            if let current, current.sequence > entry.sequence { return nil }
            defer { current = entry }
            return current
        }
    }
}

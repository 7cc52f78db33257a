import AccordCore
import Synchronization

/// Plan items already decoded from projection rows, by row: the entity and the ledger position its version
/// is valid from.
///
/// A projection row is never rewritten once inserted (a later change inserts a new version and only closes
/// this one's validity), so the item a row holds is fixed for good, and reusing its decoding can never show
/// a stale plan: the SQL still decides which rows are valid at the position asked for. It spares the plan
/// views reading and decoding two thousand JSON documents on every read, most of the view's cost.
final class DecodedItems: Sendable {
    /// A projection row of a plan item: which item, and from which ledger position that version holds.
    struct Key: Hashable, Sendable {
        var number: String
        var validFrom: Int64
    }

    /// More rows than this and the cache starts afresh: plenty for the plans of a process and its history,
    /// and a bound on memory for a server that walks through many old positions.
    static let capacity = 60_000

    private struct Cache {
        var items: [Key: PlanItem] = [:]
        /// The last rows asked for and their items: the plan is read far more often than it changes, and
        /// the same rows in the same order give the same items without a lookup or a copy per item.
        var last: (keys: [Key], items: [PlanItem])?
    }

    private let cache = Mutex(Cache())

    /// The items of the rows `keys`, in order, if every one of them was decoded before.
    func items(for keys: [Key]) -> [PlanItem]? {
        cache.withLock { cache in
            if let last = cache.last, last.keys == keys { return last.items }
            var found: [PlanItem] = []
            found.reserveCapacity(keys.count)
            for key in keys {
                guard let item = cache.items[key] else { return nil }
                found.append(item)
            }
            cache.last = (keys, found)
            return found
        }
    }

    /// Keeps the items decoded from `versions`, in the same order.
    func keep(_ decoded: [PlanItem], from versions: [EntityVersion]) {
        cache.withLock { cache in
            if cache.items.count + decoded.count > Self.capacity { cache.items.removeAll(keepingCapacity: true) }
            for (version, item) in zip(versions, decoded) {
                cache.items[Key(number: version.ref.id, validFrom: version.validFrom)] = item
            }
        }
    }
}

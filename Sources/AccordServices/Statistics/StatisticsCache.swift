import AccordCore
import AccordStatistics
import Synchronization

/// What the statistics service keeps in memory, rebuilt from the ledger whenever it is missing: the structure
/// with the codes added so far, each vintage's observations, and each cube asked for.
///
/// Everything kept is named by what it is made of — a vintage never changes, a release never changes, and a
/// cube is named by the vintages it holds — so a value is never stale, and several app processes over one
/// PostgreSQL database build the same ones from the same ledger.
final class StatisticsCache: Sendable {
    /// How many observations the vintages kept may hold before the oldest are dropped.
    static let observationBudget = 40_000_000

    private struct Contents {
        var structures: [Int: DataStructure] = [:]
        var tables: [VintageID: ObservationTable] = [:]
        /// The order vintages were kept in, oldest first, to drop when over budget.
        var tableOrder: [VintageID] = []
        var observations = 0
        var cubes: [String: Cube] = [:]
        var cubeOrder: [String] = []
    }

    private let contents = Mutex(Contents())

    /// The structure with its first `additions` codes added, if kept.
    func structure(additions: Int) -> DataStructure? { contents.withLock { $0.structures[additions] } }

    func keep(_ structure: DataStructure, additions: Int) {
        contents.withLock { $0.structures[additions] = structure }
    }

    func table(_ vintage: VintageID) -> ObservationTable? { contents.withLock { $0.tables[vintage] } }

    func keep(_ table: ObservationTable, for vintage: VintageID) {
        contents.withLock { contents in
            guard contents.tables[vintage] == nil else { return }
            contents.tables[vintage] = table
            contents.tableOrder.append(vintage)
            contents.observations += table.count
            while contents.observations > Self.observationBudget, contents.tableOrder.count > 1 {
                let oldest = contents.tableOrder.removeFirst()
                contents.observations -= contents.tables.removeValue(forKey: oldest)?.count ?? 0
            }
        }
    }

    func cube(_ key: String) -> Cube? { contents.withLock { $0.cubes[key] } }

    /// Keeps `cube`; at most sixteen are kept, the oldest dropped first.
    func keep(_ cube: Cube, as key: String) {
        contents.withLock { contents in
            guard contents.cubes[key] == nil else { return }
            contents.cubes[key] = cube
            contents.cubeOrder.append(key)
            if contents.cubeOrder.count > 16 { contents.cubes[contents.cubeOrder.removeFirst()] = nil }
        }
    }
}

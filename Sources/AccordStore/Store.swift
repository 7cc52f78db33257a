import AccordCore
import Logging
import Synchronization

/// The ledger and its projections behind one interface, on SQLite or PostgreSQL.
///
/// Every change goes through `append`: checked by Core's rules against the state at the ledger head,
/// appended to the hash chain and projected, all in one transaction. Reads see the projections.
public final class Store: Sendable {
    let database: any Database
    let logger: Logger
    /// Serializes this process's writers; the database's write lock serializes processes.
    let writeLock = AsyncLock()
    /// The state at the newest ledger position this process has seen: a projection kept in memory.
    let cache = StateCache()
    /// Plan items decoded from projection rows, which never change once written.
    let decodedItems = DecodedItems()
    /// The age of every item's translations at the newest position a page asked for.
    let translationAges = TranslationAgeCache()

    /// The location the store was opened on.
    public let location: StoreLocation

    private init(database: any Database, location: StoreLocation, logger: Logger) {
        self.database = database
        self.location = location
        self.logger = logger
    }

    /// Connects to the database at `location` and checks that it will not lose acknowledged commits.
    ///
    /// - Parameter migrate: whether to apply the migrations the database lacks (true for `serve` and `demo`;
    ///   `migrate` does it explicitly).
    /// - Throws: `StoreError.unsafeDurability` naming the setting when the database is set to lose data.
    public static func open(_ location: StoreLocation, migrate: Bool = true, logger: Logger) async throws -> Store {
        let database: any Database =
            switch location {
            case .sqlite(let path): SQLiteDatabase(path: path, logger: logger)
            case .postgres(let url): try PostgresDatabase(url: url, logger: logger)
            }
        let store = Store(database: database, location: location, logger: logger)
        do {
            try await database.checkDurability()
            if migrate { _ = try await store.migrate() }
        } catch {
            await database.shutdown()
            throw error
        }
        return store
    }

    /// Applies the migrations the database lacks and returns their names.
    @discardableResult
    public func migrate() async throws -> [String] {
        try await Migrator.migrate(database)
    }

    /// Applies the migrations the database lacks up to `version`: a database as an earlier release left it.
    func migrate(through version: Int) async throws -> [String] {
        try await Migrator.migrate(database, through: version)
    }

    /// Closes every connection; the store cannot be used afterwards.
    public func close() async {
        await database.shutdown()
    }
}

/// The state at a ledger position, with the hash of the entry there.
struct Snapshot: Sendable {
    var state: ProcessState
    var hash: String
}

/// The state at the newest ledger position this process has seen.
///
/// A mutex rather than an actor: every append and every read of the current state asks it, and it only
/// swaps a reference.
final class StateCache: Sendable {
    private let current = Mutex<Snapshot?>(nil)

    var snapshot: Snapshot? { current.withLock { $0 } }

    func store(_ newSnapshot: Snapshot) {
        // The replaced state is handed out of the lock, so that freeing it (when no reader holds it) does
        // not happen while the lock is held.
        _ = current.withLock { snapshot -> Snapshot? in
            // Never move backwards: a slower reader must not replace a newer state with an older one.
            if let snapshot, snapshot.state.sequence > newSnapshot.state.sequence { return nil }
            defer { snapshot = newSnapshot }
            return snapshot
        }
    }
}

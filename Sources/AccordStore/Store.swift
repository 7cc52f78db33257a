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
    let cache = NewestCache<Snapshot>()
    /// Plan items decoded from projection rows, which never change once written.
    let decodedItems = DecodedItems()
    /// The age of every item's translations at the newest position a page asked for.
    let translationAges = NewestCache<TranslationAges>()
    /// Whether the database has the search index (migration 7) for appends to keep: once true, for good.
    let searchIndexReady = Mutex(false)
    /// The current state as each outside readership reads it, for the newest position it was asked at.
    let publishedStates = Mutex<[Readership: (position: Int64, state: ProcessState)]>([:])

    /// The location the store was opened on.
    public let location: StoreLocation
    /// The dictionary the rules check typo fixes against, on append and on verify alike.
    public let lexicon: any Lexicon
    /// The folder stored files are kept in instead of the database (`--files-dir`); nil keeps them in the
    /// database.
    public let filesFolder: FileFolder?

    private init(
        database: any Database, location: StoreLocation, logger: Logger, lexicon: any Lexicon,
        filesFolder: FileFolder?
    ) {
        self.database = database
        self.location = location
        self.logger = logger
        self.lexicon = lexicon
        self.filesFolder = filesFolder
    }

    /// Connects to the database at `location` and checks that it will not lose acknowledged commits.
    ///
    /// - Parameters:
    ///   - migrate: whether to apply the migrations the database lacks and check the ledger's triggers (true
    ///     for `serve`, `demo` and every command that writes). False opens the database as it is, for
    ///     `accord migrate` (which calls `migrate()` itself) and `accord verify` (which examines a ledger
    ///     whatever was done to it).
    ///   - lexicon: the dictionary typo fixes are checked against; by default Debian's hunspell dictionaries
    ///     where they are installed (without them no typo fix is editorial).
    ///   - filesFolder: where stored files (attachments, statistics uploads) are written; nil keeps them in the
    ///     database. Files already in the database are read from there either way.
    /// - Throws: `StoreError.unsafeDurability` naming the setting when the database is set to lose data;
    ///   `StoreError.unguardedLedger` naming the triggers missing when the ledger could be rewritten.
    public static func open(
        _ location: StoreLocation, migrate: Bool = true, logger: Logger, lexicon: any Lexicon = HunspellLexicon(),
        filesFolder: FileFolder? = nil
    ) async throws -> Store {
        let database: any Database =
            switch location {
            case .sqlite(let path): SQLiteDatabase(path: path, logger: logger)
            case .postgres(let url): try PostgresDatabase(url: url, logger: logger)
            }
        let store = Store(
            database: database, location: location, logger: logger, lexicon: lexicon, filesFolder: filesFolder)
        do {
            try await database.checkDurability()
            if migrate { _ = try await store.migrate() }
        } catch {
            await database.shutdown()
            throw error
        }
        return store
    }

    /// Applies the migrations the database lacks and returns their names; then checks that the ledger's
    /// append-only triggers stand.
    ///
    /// - Throws: `StoreError.unguardedLedger` naming each trigger that was dropped or disabled.
    @discardableResult
    public func migrate() async throws -> [String] {
        let applied = try await Migrator.migrate(database)
        try await LedgerTriggers.check(database)
        return applied
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

/// A value kept for the newest ledger position this process has seen: the current state, the ages of the
/// translations.
///
/// A mutex rather than an actor: every append and every read of the current state asks it, and it only
/// swaps a reference.
final class NewestCache<Value: Sendable>: Sendable {
    private let current = Mutex<(position: Int64, value: Value)?>(nil)

    /// The value kept, and the ledger position it is for.
    var newest: (position: Int64, value: Value)? { current.withLock { $0 } }

    /// Keeps `value` for `position`, unless a newer position is kept already: a slower reader must not
    /// replace a newer value with an older one.
    func store(_ value: Value, at position: Int64) {
        // The replaced value is handed out of the lock, so that freeing it (when no reader holds it) does
        // not happen while the lock is held.
        _ = current.withLock { current -> (position: Int64, value: Value)? in
            if let current, current.position > position { return nil }
            defer { current = (position, value) }
            return current
        }
    }
}

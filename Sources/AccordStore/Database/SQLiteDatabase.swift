@preconcurrency import AsyncKit
import Logging
import NIOCore
import NIOPosix
import SQLKit
import SQLiteKit

/// A SQLite file through sqlite-kit: a pool of connections for reading, and one connection, pinned, that
/// every write transaction of this store goes through.
///
/// Every connection is in WAL mode with `synchronous = FULL` and foreign keys on (see `DurableSQLiteSource`);
/// a write transaction starts with `BEGIN IMMEDIATE`, which takes SQLite's write lock at once, so a second
/// process's writer waits (up to the busy timeout) rather than reading a head that is about to change.
///
/// sqlite-nio runs each statement on a thread pool, and a writer waiting for another process's lock holds its
/// thread while it waits. The store's connections therefore run on a pool of its own, one thread more than
/// the cores: a waiting writer never holds up the readers, nor another store in the same process (the lock's
/// holder, in tests).
struct SQLiteDatabase: Database {
    let dialect = Dialect.sqlite
    private let threads: NIOThreadPool
    private let readers: EventLoopGroupConnectionPool<DurableSQLiteSource>
    /// A pool of one connection on one event loop: the writer, kept open between transactions.
    private let writer: EventLoopGroupConnectionPool<DurableSQLiteSource>
    /// Lets this process's writers take turns for the writer connection in order, rather than time out in
    /// the pool's queue behind a long transaction.
    private let writerLock = AsyncLock()
    private let logger: Logger

    init(path: String, logger: Logger) {
        threads = NIOThreadPool(numberOfThreads: System.coreCount + 1)
        threads.start()
        let source = DurableSQLiteSource(
            base: SQLiteConnectionSource(
                configuration: .init(storage: .file(path: path), enableForeignKeys: true), threadPool: threads))
        let group = MultiThreadedEventLoopGroup.singleton
        readers = EventLoopGroupConnectionPool(
            source: source, maxConnectionsPerEventLoop: 2, logger: logger, on: group)
        writer = EventLoopGroupConnectionPool(
            source: source, maxConnectionsPerEventLoop: 1, logger: logger, on: group.next())
        self.logger = logger
    }

    func withSession<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await Self.withConnection(of: readers, logger: logger, body)
    }

    func transaction<R: Sendable>(
        writing: Bool, _ body: @escaping @Sendable (any SQLDatabase) async throws -> R
    ) async throws -> R {
        guard writing else {
            // A deferred transaction: its first read fixes the snapshot every later read of it sees.
            return try await withSession { db in try await Self.run(body, on: db, beginning: "BEGIN") }
        }
        return try await withWriter { db in try await Self.run(body, on: db, beginning: "BEGIN IMMEDIATE") }
    }

    private func withWriter<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R)
        async throws -> R
    {
        try await writerLock.withLock { try await Self.withConnection(of: writer, logger: logger, body) }
    }

    private static func withConnection<R: Sendable>(
        of pool: EventLoopGroupConnectionPool<DurableSQLiteSource>, logger: Logger,
        _ body: @escaping @Sendable (any SQLDatabase) async throws -> R
    ) async throws -> R {
        try await pool.withConnection(logger: logger) { connection in
            connection.eventLoop.makeFutureWithTask { try await body(connection.sql()) }
        }.get()
    }

    private static func run<R>(
        _ body: (any SQLDatabase) async throws -> R, on db: any SQLDatabase, beginning begin: String
    ) async throws -> R {
        try await db.raw(SQLQueryString(begin)).run()
        do {
            let result = try await body(db)
            try await db.raw("COMMIT").run()
            return result
        } catch {
            try? await db.raw("ROLLBACK").run()
            throw error
        }
    }

    /// Checks the writer's settings and a reader's: each connection sets its own.
    func checkDurability() async throws {
        try await withWriter { db in try await Self.checkDurability(of: db) }
        try await withSession { db in try await Self.checkDurability(of: db) }
    }

    private static func checkDurability(of db: any SQLDatabase) async throws {
        let mode = try await db.raw("PRAGMA journal_mode").first()?.decode(column: "journal_mode", as: String.self)
        let sync = try await db.raw("PRAGMA synchronous").first()?.decode(column: "synchronous", as: Int.self)
        let keys = try await db.raw("PRAGMA foreign_keys").first()?.decode(column: "foreign_keys", as: Int.self)
        guard mode?.lowercased() == "wal" else {
            throw StoreError.unsafeDurability(setting: "journal_mode", value: mode ?? "unknown", needed: "wal")
        }
        guard sync == 2 else {
            throw StoreError.unsafeDurability(setting: "synchronous", value: "\(sync ?? -1)", needed: "FULL (2)")
        }
        guard keys == 1 else {
            throw StoreError.unsafeDurability(setting: "foreign_keys", value: "\(keys ?? -1)", needed: "ON")
        }
    }

    func shutdown() async {
        try? await writer.shutdownAsync()
        try? await readers.shutdownAsync()
        // Only once every connection is closed: closing one runs on the pool.
        try? await threads.shutdownGracefully()
    }
}

/// Opens SQLite connections in WAL mode with full synchronous commits, foreign keys on and a busy timeout.
///
/// `synchronous` and `foreign_keys` belong to each connection, so they are set on every connection the pools
/// open; WAL belongs to the file and lets readers work while the one writer commits; the busy timeout makes
/// a writer of another process wait for this one's lock instead of failing.
struct DurableSQLiteSource: ConnectionPoolSource {
    let base: SQLiteConnectionSource

    static let settings = [
        "PRAGMA busy_timeout = 30000", "PRAGMA journal_mode = WAL", "PRAGMA synchronous = FULL",
        "PRAGMA foreign_keys = ON",
    ]

    func makeConnection(logger: Logger, on eventLoop: any EventLoop) -> EventLoopFuture<SQLiteConnection> {
        base.makeConnection(logger: logger, on: eventLoop).flatMap { connection in
            Self.settings.reduce(eventLoop.makeSucceededVoidFuture()) { previous, setting in
                previous.flatMap { connection.query(setting).map { _ in } }
            }.flatMapError { error in
                connection.close().flatMapThrowing { throw error }
            }.map { connection }
        }
    }
}

@preconcurrency import AsyncKit
import Logging
import NIOCore
import NIOPosix
import SQLKit
import SQLiteKit

/// A file-backed SQLite database behind a small connection pool.
///
/// sqlite-kit opens connections but offers no pooled database, so this is the glue: a pool of
/// connections, each set up for durability before it is used.
struct SQLiteDatabase: Database {
    let dialect = Dialect.sqlite
    private let pool: EventLoopGroupConnectionPool<DurableSQLiteSource>

    init(path: String, logger: Logger) {
        let source = DurableSQLiteSource(
            base: SQLiteConnectionSource(configuration: .init(storage: .file(path: path), enableForeignKeys: true)))
        pool = EventLoopGroupConnectionPool(
            source: source, maxConnectionsPerEventLoop: 2, logger: logger, on: MultiThreadedEventLoopGroup.singleton)
    }

    func withSession<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await pool.withConnection { connection in
            connection.eventLoop.makeFutureWithTask { try await body(connection.sql()) }
        }.get()
    }

    func checkDurability() async throws {
        try await withSession { db in
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
    }

    func shutdown() async {
        try? await pool.shutdownAsync()
    }
}

/// Opens SQLite connections in WAL mode with full synchronous commits, foreign keys on and a busy timeout.
///
/// `synchronous` and `foreign_keys` are per connection, so they are set on every connection the pool opens;
/// WAL is a property of the file and lets readers work while the one writer commits.
struct DurableSQLiteSource: ConnectionPoolSource {
    let base: SQLiteConnectionSource

    func makeConnection(logger: Logger, on eventLoop: any EventLoop) -> EventLoopFuture<SQLiteConnection> {
        base.makeConnection(logger: logger, on: eventLoop).flatMap { connection in
            let pragmas = [
                "PRAGMA busy_timeout = 30000", "PRAGMA journal_mode = WAL", "PRAGMA synchronous = FULL",
                "PRAGMA foreign_keys = ON",
            ]
            return pragmas.reduce(eventLoop.makeSucceededVoidFuture()) { previous, pragma in
                previous.flatMap { connection.query(pragma).map { _ in } }
            }.map { connection }
        }
    }
}

@preconcurrency import AsyncKit
import Logging
import NIOPosix
import PostgresKit
import SQLKit

/// A PostgreSQL server behind postgres-kit's connection pool.
///
/// Nothing here assumes a single process: the ledger's write lock is a table lock on the server.
struct PostgresDatabase: Database {
    let dialect = Dialect.postgres
    private let pool: EventLoopGroupConnectionPool<PostgresConnectionSource>
    private let logger: Logger

    init(url: String, logger: Logger) throws {
        let configuration = try SQLPostgresConfiguration(url: url)
        pool = EventLoopGroupConnectionPool(
            source: PostgresConnectionSource(sqlConfiguration: configuration), maxConnectionsPerEventLoop: 4,
            logger: logger, on: MultiThreadedEventLoopGroup.singleton)
        self.logger = logger
    }

    func withSession<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await pool.database(logger: logger).sql().withSession(body)
    }

    func transaction<R: Sendable>(
        writing: Bool, _ body: @escaping @Sendable (any SQLDatabase) async throws -> R
    ) async throws -> R {
        try await withSession { db in
            if writing {
                try await db.raw("BEGIN").run()
                // EXCLUSIVE lets readers in but no second writer, in this process or any other on the server.
                try await db.raw("LOCK TABLE ledger IN EXCLUSIVE MODE").run()
            } else {
                try await db.raw("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY").run()
            }
            do {
                let result = try await body(db)
                try await db.raw("COMMIT").run()
                return result
            } catch {
                try? await db.raw("ROLLBACK").run()
                throw error
            }
        }
    }

    /// Each of these settings, when off, lets PostgreSQL acknowledge a commit it may lose in a crash.
    func checkDurability() async throws {
        try await withSession { db in
            for setting in ["fsync", "synchronous_commit", "full_page_writes"] {
                let value = try await db.raw("SELECT current_setting(\(bind: setting)) AS value").first()?
                    .decode(column: "value", as: String.self)
                guard let value, value != "off" else {
                    throw StoreError.unsafeDurability(setting: setting, value: value ?? "unknown", needed: "on")
                }
            }
        }
    }

    func shutdown() async {
        try? await pool.shutdownAsync()
    }
}

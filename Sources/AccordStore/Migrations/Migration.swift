import SQLKit

/// One numbered step of the schema. Migrations are append-only: a released one is never edited, a new
/// one is added after it.
struct Migration: Sendable {
    let version: Int
    let name: String
    /// Whether SQLite must run it with foreign keys off: a migration that rebuilds a table drops the old one
    /// while other tables still refer to it. The keys are checked before it commits.
    var withoutForeignKeys = false
    /// Rows to write after the statements, in the same transaction, from what the database holds: a new
    /// table filled from the projections.
    var populate: (@Sendable (any SQLDatabase) async throws -> Void)? = nil
    /// The statements for each database, run in one transaction.
    let statements: @Sendable (Dialect) -> [String]

    /// Every migration, in order.
    static let all: [Migration] = [
        .m0001Ledger, .m0002Projections, .m0003Accounts, .m0004LeanerAppends, .m0005Checkpoints,
        .m0006Statistics, .m0007Search, .m0008VisitsAndDigests, .m0009StoredFiles, .m0010TokenLastUse,
    ]
}

/// Applies the migrations a database lacks, each in its own transaction, recording each in `schema_migrations`.
enum Migrator {
    /// - Parameter last: the newest version to apply (every one when nil): tests use it to make a database
    ///   as an earlier release left it.
    static func migrate(_ database: any Database, through last: Int? = nil) async throws -> [String] {
        try await database.withSession { db in
            // Two processes starting at once may both try to create it; the loser's error is harmless.
            do {
                try await db.raw(
                    """
                    CREATE TABLE IF NOT EXISTS schema_migrations \
                    (version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)
                    """
                ).run()
            } catch {
                _ = try await db.raw("SELECT version FROM schema_migrations LIMIT 1").all()
            }
        }
        var applied: [String] = []
        for migration in Migration.all where migration.version <= last ?? .max {
            let ran = try await database.withSession { db in
                try await apply(migration, on: db, dialect: database.dialect)
            }
            if ran { applied.append("\(migration.version) \(migration.name)") }
        }
        let newest = try await database.withSession { db in try await newestVersion(on: db) }
        if let newest, newest > (Migration.all.last?.version ?? 0) { throw StoreError.newerSchema(version: newest) }
        return applied
    }

    /// The newest migration the database has, or nil when it has none.
    static func newestVersion(on db: any SQLDatabase) async throws -> Int? {
        try await db.raw("SELECT MAX(version) AS version FROM schema_migrations").first()?
            .decode(column: "version", as: Int?.self)
    }

    /// Runs one migration unless it has run; several processes starting at once apply it exactly once.
    private static func apply(_ migration: Migration, on db: any SQLDatabase, dialect: Dialect) async throws -> Bool {
        let foreignKeysOff = dialect == .sqlite && migration.withoutForeignKeys
        // Outside the transaction: SQLite ignores this setting inside one. It is the connection's own setting.
        if foreignKeysOff { try await db.raw("PRAGMA foreign_keys = OFF").run() }
        do {
            let ran = try await applyInTransaction(migration, on: db, dialect: dialect)
            if foreignKeysOff { try await db.raw("PRAGMA foreign_keys = ON").run() }
            return ran
        } catch {
            if foreignKeysOff { try? await db.raw("PRAGMA foreign_keys = ON").run() }
            throw error
        }
    }

    private static func applyInTransaction(_ migration: Migration, on db: any SQLDatabase, dialect: Dialect)
        async throws -> Bool
    {
        switch dialect {
        case .sqlite: try await db.raw("BEGIN IMMEDIATE").run()
        case .postgres:
            try await db.raw("BEGIN").run()
            try await db.raw("LOCK TABLE schema_migrations IN EXCLUSIVE MODE").run()
        }
        do {
            let done = try await db.raw(
                "SELECT version FROM schema_migrations WHERE version = \(bind: migration.version)"
            )
            .first()
            if done == nil {
                for statement in migration.statements(dialect) { try await db.raw(SQLQueryString(statement)).run() }
                try await migration.populate?(db)
                if dialect == .sqlite, migration.withoutForeignKeys,
                    let broken = try await db.raw("PRAGMA foreign_key_check").first()
                {
                    let table = (try? broken.decode(column: "table", as: String.self)) ?? "a table"
                    throw StoreError.corruptRow(
                        table: table, key: "\((try? broken.decode(column: "rowid", as: Int64.self)) ?? 0)",
                        reason: "refers to a row that migration \(migration.version) would leave missing")
                }
                try await db.raw(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (\(bind: migration.version), \(bind: migration.name), \(bind: Clock.now().description))"
                ).run()
            }
            try await db.raw("COMMIT").run()
            return done == nil
        } catch {
            try? await db.raw("ROLLBACK").run()
            throw error
        }
    }
}

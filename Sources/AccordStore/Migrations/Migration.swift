import SQLKit

/// One numbered step of the schema. Migrations are append-only: a released one is never edited, a new
/// one is added after it.
struct Migration: Sendable {
    let version: Int
    let name: String
    /// The statements for each database, run in one transaction.
    let statements: @Sendable (Dialect) -> [String]

    /// Every migration, in order.
    static let all: [Migration] = [.m0001Ledger, .m0002Projections, .m0003Accounts]
}

/// Applies the migrations a database lacks, each in its own transaction, recording each in `schema_migrations`.
enum Migrator {
    static func migrate(_ database: any Database) async throws -> [String] {
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
        for migration in Migration.all {
            let ran = try await database.withSession { db in
                try await apply(migration, on: db, dialect: database.dialect)
            }
            if ran { applied.append("\(migration.version) \(migration.name)") }
        }
        let newest = try await database.withSession { db in
            try await db.raw("SELECT MAX(version) AS version FROM schema_migrations").first()?
                .decode(column: "version", as: Int?.self)
        }
        if let newest, newest > (Migration.all.last?.version ?? 0) { throw StoreError.newerSchema(version: newest) }
        return applied
    }

    /// Runs one migration unless it has run; several processes starting at once apply it exactly once.
    private static func apply(_ migration: Migration, on db: any SQLDatabase, dialect: Dialect) async throws -> Bool {
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

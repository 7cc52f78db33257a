import SQLKit

/// The triggers that make the ledger append-only in the database itself (migrations 1 and 4 create them),
/// and the check that they stand before Accord writes to a ledger.
enum LedgerTriggers {
    /// The triggers that refuse UPDATE and DELETE (and on PostgreSQL TRUNCATE) on ledger rows.
    static func names(on dialect: Dialect) -> [String] {
        switch dialect {
        case .sqlite: ["ledger_refuses_update", "ledger_refuses_delete"]
        case .postgres: ["ledger_refuses_update_delete", "ledger_refuses_truncate"]
        }
    }

    /// Refuses a ledger that lacks one of its triggers (or, on PostgreSQL, has one disabled): someone with
    /// database access removed what keeps history from being rewritten, and Accord will not write on.
    ///
    /// - Throws: `StoreError.unguardedLedger` naming every trigger missing.
    static func check(_ database: any Database) async throws {
        let present = try await database.withSession { db in
            try await enabledTriggers(on: db, dialect: database.dialect)
        }
        // A database without a ledger (not migrated yet) has nothing to guard.
        guard let present else { return }
        let missing = names(on: database.dialect).filter { !present.contains($0) }
        if !missing.isEmpty { throw StoreError.unguardedLedger(missingTriggers: missing) }
    }

    /// The names of the ledger's enabled triggers, or nil when there is no ledger table.
    private static func enabledTriggers(on db: any SQLDatabase, dialect: Dialect) async throws -> Set<String>? {
        let tables: SQLQueryString
        let triggers: SQLQueryString
        switch dialect {
        case .sqlite:
            tables = "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'ledger'"
            triggers = "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'ledger'"
        case .postgres:
            tables = "SELECT relname AS name FROM pg_class WHERE oid = to_regclass('ledger')"
            // 'D' is a trigger switched off with ALTER TABLE … DISABLE TRIGGER.
            triggers = """
                SELECT tgname AS name FROM pg_trigger \
                WHERE tgrelid = to_regclass('ledger') AND NOT tgisinternal AND tgenabled <> 'D'
                """
        }
        guard try await db.raw(tables).first() != nil else { return nil }
        return Set(try await db.raw(triggers).all().map { try $0.decode(column: "name", as: String.self) })
    }
}

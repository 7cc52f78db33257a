import AccordCore
import SQLKit

/// The database side of `accord backup` and `accord restore` (DESIGN.md §4): a consistent copy taken while the
/// store keeps serving. The PostgreSQL tools themselves are run by the application layer.
extension Store {
    /// Copies this SQLite database into a new file at `path` with `VACUUM INTO`: online (it reads, so writers go
    /// on), consistent (it reads one snapshot, WAL included), and a plain database file that any SQLite opens.
    ///
    /// sqlite-nio's declared product does not expose SQLite's backup API; `VACUUM INTO` gives the same
    /// guarantees through SQL, and compacts the copy besides.
    /// - Returns: the ledger head the copy holds, read back from the copy itself.
    /// - Throws: `StoreError.unsupportedLocation` on PostgreSQL; SQLite's error when `path` exists.
    public func copySQLite(to path: String) async throws -> LedgerHead {
        guard database.dialect == .sqlite else { throw StoreError.unsupportedLocation("\(location)") }
        return try await database.withSession { db in
            try await db.raw("VACUUM INTO \(bind: path)").run()
            // Attached by this connection only, and read without changing its journal mode: the copy stays as
            // VACUUM INTO wrote it.
            try await db.raw("ATTACH DATABASE \(bind: path) AS backup_copy").run()
            do {
                let row = try await db.raw(
                    "SELECT sequence, hash FROM backup_copy.ledger ORDER BY sequence DESC LIMIT 1"
                )
                .first()
                try await db.raw("DETACH DATABASE backup_copy").run()
                guard let row else { return LedgerHead(sequence: 0, hash: HashChain.genesis) }
                return LedgerHead(
                    sequence: try row.decode(column: "sequence", as: Int64.self),
                    hash: try row.decode(column: "hash", as: String.self))
            } catch {
                try? await db.raw("DETACH DATABASE backup_copy").run()
                throw error
            }
        }
    }

    /// Runs `body` while a read transaction of this PostgreSQL database holds its snapshot open for others to
    /// adopt (`pg_export_snapshot()`): `pg_dump --snapshot` then copies exactly the state whose ledger head
    /// `body` is given, whatever is appended meanwhile.
    ///
    /// - Throws: `StoreError.unsupportedLocation` on SQLite.
    public func withExportedSnapshot<R: Sendable>(
        _ body: @escaping @Sendable (_ snapshot: String, _ head: LedgerHead) async throws -> R
    ) async throws -> R {
        guard database.dialect == .postgres else { throw StoreError.unsupportedLocation("\(location)") }
        return try await database.transaction(writing: false) { db in
            guard
                let snapshot = try await db.raw("SELECT pg_export_snapshot() AS snapshot").first()?
                    .decode(column: "snapshot", as: String.self)
            else { throw StoreError.unsupportedLocation("\(self.location)") }
            let head = try await LedgerTable.head(on: db)
            return try await body(snapshot, LedgerHead(sequence: head.sequence, hash: head.hash))
        }
    }

    /// Whether the database holds any table at all: a restore goes only into an empty database.
    public func holdsTables() async throws -> Bool {
        let query: SQLQueryString =
            switch database.dialect {
            case .sqlite: "SELECT count(*) AS tables FROM sqlite_master WHERE type = 'table'"
            case .postgres:
                """
                SELECT count(*) AS tables FROM information_schema.tables \
                WHERE table_schema NOT IN ('pg_catalog', 'information_schema')
                """
            }
        return try await database.withSession { db in
            try await db.raw(query).first()?.decode(column: "tables", as: Int64.self) ?? 0
        } > 0
    }
}

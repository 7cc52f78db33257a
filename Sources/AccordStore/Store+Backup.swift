import AccordCore
import SQLKit

/// What a copy of the database holds: its ledger head, and the files its rows leave to the files folder.
public struct DatabaseCopy: Sendable, Equatable {
    /// The ledger head the copy holds.
    public var head: LedgerHead
    /// The SHA-256 of each file the copy's `stored_files` rows say is kept in the files folder, not in the
    /// database: a backup copies them beside it. Empty when every file is in the database.
    public var filesInFolder: [String]
}

/// The database side of `accord backup` and `accord restore` (DESIGN.md §4): a consistent copy taken while the
/// store keeps serving. The PostgreSQL tools themselves are run by the application layer.
extension Store {
    /// Copies this SQLite database into a new file at `path` with `VACUUM INTO`: online (it reads, so writers go
    /// on), consistent (it reads one snapshot, WAL included), and a plain database file that any SQLite opens.
    ///
    /// sqlite-nio's declared product does not expose SQLite's backup API; `VACUUM INTO` gives the same
    /// guarantees through SQL, and compacts the copy besides.
    /// - Returns: the ledger head the copy holds and the files it leaves to the files folder, read back from the
    ///   copy itself.
    /// - Throws: `StoreError.unsupportedLocation` on PostgreSQL; SQLite's error when `path` exists.
    public func copySQLite(to path: String) async throws -> DatabaseCopy {
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
                let files = try await StoredFiles.keptInFolder(on: db, table: "backup_copy.stored_files")
                try await db.raw("DETACH DATABASE backup_copy").run()
                let head =
                    try row.map {
                        LedgerHead(
                            sequence: try $0.decode(column: "sequence", as: Int64.self),
                            hash: try $0.decode(column: "hash", as: String.self))
                    } ?? LedgerHead(sequence: 0, hash: HashChain.genesis)
                return DatabaseCopy(head: head, filesInFolder: files)
            } catch {
                try? await db.raw("DETACH DATABASE backup_copy").run()
                throw error
            }
        }
    }

    /// Runs `body` while a read transaction of this PostgreSQL database holds its snapshot open for others to
    /// adopt (`pg_export_snapshot()`): `pg_dump --snapshot` then copies exactly the state whose ledger head
    /// and files kept in the files folder `body` is given, whatever is appended meanwhile.
    ///
    /// - Throws: `StoreError.unsupportedLocation` on SQLite.
    public func withExportedSnapshot<R: Sendable>(
        _ body: @escaping @Sendable (_ snapshot: String, _ copy: DatabaseCopy) async throws -> R
    ) async throws -> R {
        guard database.dialect == .postgres else { throw StoreError.unsupportedLocation("\(location)") }
        return try await database.transaction(writing: false) { db in
            guard
                let snapshot = try await db.raw("SELECT pg_export_snapshot() AS snapshot").first()?
                    .decode(column: "snapshot", as: String.self)
            else { throw StoreError.unsupportedLocation("\(self.location)") }
            let head = try await LedgerTable.head(on: db)
            let copy = DatabaseCopy(
                head: LedgerHead(sequence: head.sequence, hash: head.hash),
                filesInFolder: try await StoredFiles.keptInFolder(on: db))
            return try await body(snapshot, copy)
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

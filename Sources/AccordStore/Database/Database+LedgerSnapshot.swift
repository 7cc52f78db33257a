import SQLKit

extension SQLiteDatabase {
    /// A read transaction on a reader connection, kept for the whole of `body`; each read runs on the
    /// connection's thread, straight from SQLite's C interface.
    func withLedgerSnapshot<R: Sendable>(_ body: @escaping @Sendable (any LedgerSnapshot) async throws -> R)
        async throws -> R
    {
        try await withReaderConnection { thread in
            try await thread.run { db in try db.connection.execute("BEGIN") }
            do {
                let result = try await body(SQLiteLedgerSnapshot(thread: thread, turns: AsyncLock()))
                try await thread.run { db in try db.connection.execute("COMMIT") }
                return result
            } catch {
                try? await thread.run { db in try db.connection.execute("ROLLBACK") }
                throw error
            }
        }
    }
}

/// The reads of `verify` on a SQLite reader connection inside a read transaction.
///
/// Verify asks for several reads at once (pages ahead, the stored versions). They take turns: the connection
/// and its prepared statements serve one read at a time, and where the connection's thread is not a thread
/// of its own (before macOS 15) nothing else would keep two reads from stepping one statement together.
private struct SQLiteLedgerSnapshot: LedgerSnapshot {
    let thread: SQLiteThread
    let turns: AsyncLock

    func head() async throws -> (sequence: Int64, hash: String) {
        try await read { connection in try LedgerTable.head(on: connection) }
    }

    func page(_ range: ClosedRange<Int64>, withColumns: Bool) async throws -> LedgerPage {
        try await read { connection in try LedgerTable.page(range, withColumns: withColumns, on: connection) }
    }

    func versions() async throws -> [StoredVersion] {
        try await read { connection in try EntityVersionsTable.versionDigests(on: connection) }
    }

    private func read<R>(_ body: (DirectSQLiteConnection) throws -> R) async throws -> R {
        try await turns.withLock { try await thread.run { db in try body(db.connection) } }
    }
}

extension PostgresDatabase {
    /// A REPEATABLE READ transaction on one pooled connection, read through SQLKit.
    func withLedgerSnapshot<R: Sendable>(_ body: @escaping @Sendable (any LedgerSnapshot) async throws -> R)
        async throws -> R
    {
        try await transaction(writing: false) { db in try await body(SQLLedgerSnapshot(db: db)) }
    }
}

/// The reads of `verify` through SQLKit, on a session inside a read transaction.
private struct SQLLedgerSnapshot: LedgerSnapshot {
    let db: any SQLDatabase

    func head() async throws -> (sequence: Int64, hash: String) { try await LedgerTable.head(on: db) }

    func page(_ range: ClosedRange<Int64>, withColumns: Bool) async throws -> LedgerPage {
        try await LedgerTable.page(range, withColumns: withColumns, on: db)
    }

    func versions() async throws -> [StoredVersion] { try await EntityVersionsTable.versionDigests(on: db) }
}

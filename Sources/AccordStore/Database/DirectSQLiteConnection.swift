import NIOCore
import SQLiteNIO
import VaporCSQLite

/// A SQLite connection driven through SQLite's C interface, each statement run on the calling thread.
///
/// sqlite-nio runs every statement as a job on its thread pool and hands the result back through an event
/// loop and a continuation: about 100–150 µs of thread hand-offs per statement, more than SQLite needs for a
/// whole durable append. This connection runs a statement where it is called, so a transaction costs what
/// SQLite costs; `SQLiteThread` gives each connection a thread of its own to be called on.
///
/// It uses the SQLite that sqlite-nio bundles (its `VaporCSQLite` module), the one library sqlite-kit uses
/// too, so every connection of the process takes part in the same locking of the file. Prepared statements
/// are kept for reuse, which is why one connection serves one thread at a time.
final class DirectSQLiteConnection: @unchecked Sendable {
    private var handle: OpaquePointer?
    /// Prepared statements by SQL text: an append runs the same few statements again and again.
    private var statements: [String: OpaquePointer] = [:]

    /// The settings every connection needs before it is used: see `SQLiteDatabase.checkDurability`.
    ///
    /// `synchronous` and `foreign_keys` belong to each connection; WAL belongs to the file and lets readers
    /// work while the one writer commits; the busy timeout makes a second writer wait for the first.
    static let settings = [
        "PRAGMA busy_timeout = 30000", "PRAGMA journal_mode = WAL", "PRAGMA synchronous = FULL",
        "PRAGMA foreign_keys = ON",
    ]

    /// Opens (or creates) the database file at `path` and applies `settings`.
    init(path: String) throws {
        sqlite_nio_sqlite3_initialize()
        var handle: OpaquePointer?
        let flags =
            SQLITE_OPEN_CREATE | SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX | SQLITE_OPEN_URI
            | SQLITE_OPEN_EXRESCODE
        let status = sqlite_nio_sqlite3_open_v2(path, &handle, flags, WALWriteBuffer.vfsName)
        guard status == SQLITE_OK else {
            let message = handle.flatMap { sqlite_nio_sqlite3_errmsg($0) }.map { String(cString: $0) }
            sqlite_nio_sqlite3_close(handle)
            throw SQLiteFailure(code: status, message: message ?? "cannot open \(path)", sql: nil)
        }
        self.handle = handle
        do {
            for setting in Self.settings { try execute(setting) }
        } catch {
            close()
            throw error
        }
    }

    deinit { close() }

    /// Runs `sql` with `binds` for its `?` parameters and passes each row to `onRow`, on this thread.
    ///
    /// - Parameter onRow: sees the row only while it runs: the row's bytes belong to SQLite until the next step.
    func execute(_ sql: String, _ binds: [SQLiteData] = [], onRow: (SQLiteCursor) throws -> Void = { _ in }) throws {
        let statement = try prepared(sql)
        defer {
            sqlite_nio_sqlite3_reset(statement)
            sqlite_nio_sqlite3_clear_bindings(statement)
        }
        try bind(binds, to: statement, sql: sql)
        while true {
            let status = sqlite_nio_sqlite3_step(statement)
            if status == SQLITE_DONE { return }
            guard status == SQLITE_ROW else { throw failure(status, sql: sql) }
            try onRow(SQLiteCursor(statement: statement))
        }
    }

    /// Finalizes every statement and closes the connection; later calls fail.
    func close() {
        for statement in statements.values { sqlite_nio_sqlite3_finalize(statement) }
        statements = [:]
        if let handle { sqlite_nio_sqlite3_close(handle) }
        handle = nil
    }

    private func prepared(_ sql: String) throws -> OpaquePointer {
        if let statement = statements[sql] { return statement }
        guard let handle else {
            throw SQLiteFailure(code: SQLITE_MISUSE, message: "the connection is closed", sql: sql)
        }
        // Statements whose text varies (an insert of n rows) would otherwise pile up.
        if statements.count >= 64 {
            for statement in statements.values { sqlite_nio_sqlite3_finalize(statement) }
            statements = [:]
        }
        var statement: OpaquePointer?
        let status = sqlite_nio_sqlite3_prepare_v3(
            handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard status == SQLITE_OK, let statement else { throw failure(status, sql: sql) }
        statements[sql] = statement
        return statement
    }

    private func bind(_ binds: [SQLiteData], to statement: OpaquePointer, sql: String) throws {
        for (offset, value) in binds.enumerated() {
            let index = Int32(offset + 1)
            let status: Int32
            switch value {
            case .integer(let integer): status = sqlite_nio_sqlite3_bind_int64(statement, index, Int64(integer))
            case .float(let double): status = sqlite_nio_sqlite3_bind_double(statement, index, double)
            case .text(let text):
                status = sqlite_nio_sqlite3_bind_text64(
                    statement, index, text, UInt64(text.utf8.count), SQLiteCursor.transient, UInt8(SQLITE_UTF8))
            case .blob(let buffer):
                status = buffer.withUnsafeReadableBytes {
                    sqlite_nio_sqlite3_bind_blob64(
                        statement, index, $0.baseAddress, UInt64($0.count), SQLiteCursor.transient)
                }
            case .null: status = sqlite_nio_sqlite3_bind_null(statement, index)
            }
            guard status == SQLITE_OK else { throw failure(status, sql: sql) }
        }
    }

    private func failure(_ status: Int32, sql: String) -> SQLiteFailure {
        let message = handle.flatMap { sqlite_nio_sqlite3_errmsg($0) }.map { String(cString: $0) }
        return SQLiteFailure(code: status, message: message ?? "error \(status)", sql: sql)
    }
}

/// The row a statement is on, read column by column; valid only until the statement steps again.
struct SQLiteCursor {
    /// Tells SQLite to copy a bound value, which the caller's buffer may not outlive.
    nonisolated(unsafe) static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    fileprivate let statement: OpaquePointer

    var columnCount: Int32 { sqlite_nio_sqlite3_column_count(statement) }

    func name(_ column: Int32) -> String {
        sqlite_nio_sqlite3_column_name(statement, column).map { String(cString: $0) } ?? ""
    }

    func isNull(_ column: Int32) -> Bool { sqlite_nio_sqlite3_column_type(statement, column) == SQLITE_NULL }

    func int64(_ column: Int32) -> Int64 { sqlite_nio_sqlite3_column_int64(statement, column) }

    /// The column's text as UTF-8 bytes, without copying them; empty for NULL.
    func bytes(_ column: Int32) -> UnsafeRawBufferPointer {
        // The text pointer first, then its length: that is the order SQLite documents as safe.
        guard let text = sqlite_nio_sqlite3_column_text(statement, column) else {
            return UnsafeRawBufferPointer(start: nil, count: 0)
        }
        return UnsafeRawBufferPointer(start: text, count: Int(sqlite_nio_sqlite3_column_bytes(statement, column)))
    }

    /// The column's text, or nil for NULL.
    func string(_ column: Int32) -> String? {
        isNull(column) ? nil : String(decoding: bytes(column), as: UTF8.self)
    }

    /// The column as sqlite-nio represents values, for SQLKit's decoders.
    func data(_ column: Int32) -> SQLiteData {
        switch sqlite_nio_sqlite3_column_type(statement, column) {
        case SQLITE_INTEGER: return .integer(Int(int64(column)))
        case SQLITE_FLOAT: return .float(sqlite_nio_sqlite3_column_double(statement, column))
        case SQLITE_TEXT: return .text(String(decoding: bytes(column), as: UTF8.self))
        case SQLITE_BLOB:
            let count = Int(sqlite_nio_sqlite3_column_bytes(statement, column))
            var buffer = ByteBufferAllocator().buffer(capacity: count)
            if let blob = sqlite_nio_sqlite3_column_blob(statement, column) {
                buffer.writeBytes(UnsafeRawBufferPointer(start: blob, count: count))
            }
            return .blob(buffer)
        default: return .null
        }
    }
}

/// A statement SQLite refused, with SQLite's own message.
struct SQLiteFailure: Error, CustomStringConvertible {
    /// SQLite's (extended) result code.
    var code: Int32
    var message: String
    var sql: String?

    var description: String { "SQLite error \(code): \(message)" }
}

import Logging
import NIOCore
import SQLKit
import SQLiteKit

/// A direct SQLite connection as SQLKit sees it, so the store's SQL is written once for both databases.
///
/// Statements run synchronously on the calling thread: callers are on the connection's `SQLiteThread`.
struct DirectSQLiteDatabase: SQLDatabase {
    let connection: DirectSQLiteConnection
    let eventLoop: any EventLoop
    let logger: Logger

    var dialect: any SQLDialect { SQLiteDialect() }
    /// Statements are not logged one by one: appends run several, and the log would cost more than they do.
    var queryLogLevel: Logger.Level? { nil }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void)
        -> EventLoopFuture<Void>
    {
        do {
            try run(query, onRow)
            return eventLoop.makeSucceededVoidFuture()
        } catch {
            return eventLoop.makeFailedFuture(error)
        }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        try run(query, onRow)
    }

    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await closure(self)
    }

    /// sqlite-kit's converters, made once: each holds a JSON coder, a class that is not free to make.
    static let encoder = SQLiteDataEncoder()
    static let decoder = SQLiteDataDecoder()

    private func run(_ query: any SQLExpression, _ onRow: (any SQLRow) -> Void) throws {
        let (sql, binds) = serialize(query)
        let encoder = Self.encoder
        // The column names are the same for every row: read once, shared by all.
        var columns: [String]?
        try connection.execute(sql, try binds.map { try encoder.encode($0) }) { cursor in
            let names = columns ?? (0..<cursor.columnCount).map(cursor.name)
            columns = names
            onRow(SQLiteRowValues(columns: names, cursor))
        }
    }
}

/// A row copied out of SQLite, decoded column by column the way sqlite-kit decodes its rows.
struct SQLiteRowValues: SQLRow {
    let allColumns: [String]
    let values: [SQLiteData]

    init(columns: [String], _ cursor: SQLiteCursor) {
        allColumns = columns
        values = (0..<Int32(columns.count)).map(cursor.data)
    }

    func contains(column: String) -> Bool { allColumns.contains(column) }

    func decodeNil(column: String) throws -> Bool { value(column) == .null }

    func decode<D: Decodable>(column: String, as type: D.Type) throws -> D {
        guard contains(column: column) else {
            throw DecodingError.keyNotFound(
                SomeCodingKey(stringValue: column), .init(codingPath: [], debugDescription: "no column '\(column)'"))
        }
        return try DirectSQLiteDatabase.decoder.decode(D.self, from: value(column))
    }

    private func value(_ column: String) -> SQLiteData {
        allColumns.firstIndex(of: column).map { values[$0] } ?? .null
    }
}

/// A coding key for the column a decoding error names.
private struct SomeCodingKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

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

    /// A bound value as SQLite stores it. Text and integers, nearly every value an append binds, are taken
    /// as they are; anything else goes through sqlite-kit's encoder, as it did before.
    private static func data(_ value: any Encodable & Sendable) throws -> SQLiteData {
        switch value {
        case let text as String: .text(text)
        case let integer as Int64: .integer(SQLiteInt64(integer))
        case let integer as Int: .integer(SQLiteInt64(integer))
        default: try encoder.encode(value)
        }
    }

    private func run(_ query: any SQLExpression, _ onRow: (any SQLRow) -> Void) throws {
        let (sql, binds) = serialize(query)
        // The column names are the same for every row: read once, shared by all.
        var columns: [String]?
        try connection.execute(sql, try binds.map(Self.data)) { cursor in
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
        guard let index = allColumns.firstIndex(of: column) else {
            throw DecodingError.keyNotFound(
                SomeCodingKey(stringValue: column), .init(codingPath: [], debugDescription: "no column '\(column)'"))
        }
        let value = values[index]
        // Text and integers, nearly every column read, are taken as they are: sqlite-kit's decoder goes
        // through Decodable for each value, and a plan view reads thousands of them. Anything else, and any
        // value of another type than asked for, goes to that decoder, which converts it or says why not.
        switch value {
        case .text(let text):
            if D.self == String.self { return unsafeBitCast(text, to: D.self) }
            if D.self == String?.self { return unsafeBitCast(String?.some(text), to: D.self) }
        case .integer(let integer):
            if D.self == Int64.self { return unsafeBitCast(Int64(integer), to: D.self) }
            if D.self == Int64?.self { return unsafeBitCast(Int64?.some(Int64(integer)), to: D.self) }
            if D.self == Int.self { return unsafeBitCast(Int(integer), to: D.self) }
            if D.self == Int?.self { return unsafeBitCast(Int?.some(Int(integer)), to: D.self) }
        case .null:
            if D.self == String?.self { return unsafeBitCast(String?.none, to: D.self) }
            if D.self == Int64?.self { return unsafeBitCast(Int64?.none, to: D.self) }
            if D.self == Int?.self { return unsafeBitCast(Int?.none, to: D.self) }
        default:
            break
        }
        return try DirectSQLiteDatabase.decoder.decode(D.self, from: value)
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

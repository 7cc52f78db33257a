import AccordStore
import Foundation
import Logging
import Testing

/// The two databases the store runs on; every store test runs on both.
public enum Backend: String, Sendable, CaseIterable, CustomTestStringConvertible {
    case sqlite
    case postgres

    /// The arguments for `@Test(arguments:)`: PostgreSQL only when its tools are here or CI demands it.
    ///
    /// Swift Testing can skip a whole test but not one of its cases (a cancelled case is not shown in the
    /// report), so the skip and its reason are reported once, by `PostgresHarnessTests`.
    public static let all: [Backend] = PostgresTools.shouldRun ? [.sqlite, .postgres] : [.sqlite]

    public var testDescription: String {
        switch self {
        case .sqlite: "SQLite"
        case .postgres: "PostgreSQL"
        }
    }
}

/// A fresh, empty database of one backend, private to one test.
public struct TestDatabase: Sendable {
    public enum Target: Sendable {
        case sqliteFile(String)
        case postgres(PostgresCluster, database: String)
    }

    public let backend: Backend
    public let target: Target

    /// Where a store opens this database.
    public var location: StoreLocation {
        switch target {
        case .sqliteFile(let path): .sqlite(path: path)
        case .postgres(let cluster, let database): .postgres(url: cluster.url(database: database))
        }
    }

    /// Opens a store on this database, keeping files in `filesFolder` when given; the caller closes it.
    public func open(migrate: Bool = true, filesFolder: FileFolder? = nil) async throws -> Store {
        try await Store.open(location, migrate: migrate, logger: .tests, filesFolder: filesFolder)
    }

    /// Runs `sql` over a connection of its own, outside the store: `sqlite3` on the file, `psql` on the server.
    ///
    /// This is how someone with a database shell would reach the tables, which is what the append-only and
    /// tampering tests need to play.
    public func executeOutsideStore(_ sql: String) async throws -> CommandResult {
        switch target {
        case .sqliteFile(let path):
            guard let sqlite3 = Subprocess.find("sqlite3") else {
                try Test.cancel("the sqlite3 command-line tool is not installed; it plays the outside connection")
            }
            return try await Subprocess.run(sqlite3, ["-bail", "-batch", "-cmd", ".timeout 10000", path, sql])
        case .postgres(let cluster, let database):
            return try await cluster.psql(sql, database: database)
        }
    }
}

/// Runs `body` with a fresh database of `backend`, removed afterwards (SQLite) or left to the throwaway
/// server (PostgreSQL).
///
/// Without PostgreSQL tools a PostgreSQL test fails when ACCORD_REQUIRE_POSTGRES=1 and is cancelled otherwise
/// (tests only get here then if they bypass `Backend.all` and the `.enabled(if:)` trait).
public func withDatabase<R>(_ backend: Backend, _ body: (TestDatabase) async throws -> R) async throws -> R {
    switch backend {
    case .sqlite:
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("accord-sqlite-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("accord.sqlite").path
        return try await body(TestDatabase(backend: backend, target: .sqliteFile(file)))
    case .postgres:
        guard PostgresTools.shouldRun else { try Test.cancel(Comment(rawValue: PostgresTools.skipReason)) }
        let cluster = try await TestPostgres.shared.cluster()
        let database = try await cluster.createDatabase()
        return try await body(TestDatabase(backend: backend, target: .postgres(cluster, database: database)))
    }
}

/// Runs `body` with a store opened (and migrated) on a fresh database of `backend`, closed afterwards.
public func withStore<R>(_ backend: Backend, _ body: (Store) async throws -> R) async throws -> R {
    try await withDatabase(backend) { database in
        try await withOpenStore(database, body)
    }
}

/// Runs `body` with a store opened on `database` (keeping files in `filesFolder` when given), closing it however
/// `body` ends.
public func withOpenStore<R>(
    _ database: TestDatabase, migrate: Bool = true, filesFolder: FileFolder? = nil, _ body: (Store) async throws -> R
) async throws -> R {
    let store = try await database.open(migrate: migrate, filesFolder: filesFolder)
    do {
        let result = try await body(store)
        await store.close()
        return result
    } catch {
        await store.close()
        throw error
    }
}

extension Logger {
    /// Quiet unless something goes wrong: the tests' own expectations say what matters.
    public static var tests: Logger {
        var logger = Logger(label: "accord.store-tests")
        logger.logLevel = .warning
        return logger
    }
}

import Logging
import NIOCore
import NIOPosix
import SQLKit
import Synchronization

/// A file-backed SQLite database: one connection for writing and a few for reading, each on a thread of
/// its own.
///
/// sqlite-kit's connections run each statement as a separate job on a thread pool, so an append of five
/// statements spent most of its time passing work between threads. Here a whole transaction runs on the
/// connection's thread (see `DirectSQLiteConnection`). Durability is unchanged: every connection is in WAL
/// mode with `synchronous = FULL`, and a write transaction starts with `BEGIN IMMEDIATE`.
struct SQLiteDatabase: Database {
    let dialect = Dialect.sqlite
    /// The connection every write transaction of this process goes through, one transaction at a time.
    private let writer: SQLiteThread
    private let writerLock = AsyncLock()
    private let readers: SQLiteReaders

    init(path: String, logger: Logger) {
        writer = SQLiteThread(path: path, logger: logger)
        // One reader per core: reads spend their time in the CPU, decoding what they read.
        readers = SQLiteReaders(
            (0..<max(2, System.coreCount)).map { _ in SQLiteThread(path: path, logger: logger) })
    }

    func withSession<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await readers.withReader { thread in try await thread.run { db in try await body(db) } }
    }

    func transaction<R: Sendable>(
        writing: Bool, _ body: @escaping @Sendable (any SQLDatabase) async throws -> R
    ) async throws -> R {
        guard writing else {
            return try await readers.withReader { thread in
                try await thread.run { db in try await Self.run(body, in: db, beginning: "BEGIN") }
            }
        }
        // IMMEDIATE takes SQLite's write lock now rather than at the first write, so the head we read stays the head.
        return try await writerLock.withLock {
            try await writer.run { db in try await Self.run(body, in: db, beginning: "BEGIN IMMEDIATE") }
        }
    }

    /// Lends a reader connection, with its thread, to `body` for the whole of it: `verify` keeps one read
    /// transaction open across many reads, each run on the connection's thread straight from SQLite.
    func withReaderConnection<R: Sendable>(_ body: @escaping @Sendable (SQLiteThread) async throws -> R)
        async throws -> R
    {
        try await readers.withReader(body)
    }

    private static func run<R>(
        _ body: (any SQLDatabase) async throws -> R, in db: DirectSQLiteDatabase, beginning begin: String
    ) async throws -> R {
        try db.connection.execute(begin)
        do {
            let result = try await body(db)
            try db.connection.execute("COMMIT")
            return result
        } catch {
            try? db.connection.execute("ROLLBACK")
            throw error
        }
    }

    /// Checks the writer's settings and a reader's: each connection sets its own.
    func checkDurability() async throws {
        try await writer.run { db in try await Self.checkDurability(of: db) }
        try await withSession { db in try await Self.checkDurability(of: db) }
    }

    private static func checkDurability(of db: any SQLDatabase) async throws {
        let mode = try await db.raw("PRAGMA journal_mode").first()?.decode(column: "journal_mode", as: String.self)
        let sync = try await db.raw("PRAGMA synchronous").first()?.decode(column: "synchronous", as: Int.self)
        let keys = try await db.raw("PRAGMA foreign_keys").first()?.decode(column: "foreign_keys", as: Int.self)
        guard mode?.lowercased() == "wal" else {
            throw StoreError.unsafeDurability(setting: "journal_mode", value: mode ?? "unknown", needed: "wal")
        }
        guard sync == 2 else {
            throw StoreError.unsafeDurability(setting: "synchronous", value: "\(sync ?? -1)", needed: "FULL (2)")
        }
        guard keys == 1 else {
            throw StoreError.unsafeDurability(setting: "foreign_keys", value: "\(keys ?? -1)", needed: "ON")
        }
    }

    func shutdown() async {
        await writer.shutdown()
        await readers.shutdown()
    }
}

/// The reader connections, each lent to one session at a time, first come first served.
///
/// A mutex rather than an actor, so that borrowing a free connection does not move the task to an actor
/// and back before and after every read.
final class SQLiteReaders: Sendable {
    private struct State {
        var free: [Int]
        var waiting: [CheckedContinuation<Int, Never>] = []
    }

    private let threads: [SQLiteThread]
    private let state: Mutex<State>

    init(_ threads: [SQLiteThread]) {
        self.threads = threads
        state = Mutex(State(free: Array(threads.indices.reversed())))
    }

    func withReader<R: Sendable>(_ body: @Sendable (SQLiteThread) async throws -> R) async throws -> R {
        let index = await take()
        defer { give(index) }
        return try await body(threads[index])
    }

    private func take() async -> Int {
        if let index = state.withLock({ $0.free.popLast() }) { return index }
        return await withCheckedContinuation { continuation in
            // A connection may have come back between the two looks: then take it at once.
            let index = state.withLock { state -> Int? in
                if let index = state.free.popLast() { return index }
                state.waiting.append(continuation)
                return nil
            }
            if let index { continuation.resume(returning: index) }
        }
    }

    /// Hands the connection to the first waiter, or puts it back.
    private func give(_ index: Int) {
        let next = state.withLock { state -> CheckedContinuation<Int, Never>? in
            guard !state.waiting.isEmpty else {
                state.free.append(index)
                return nil
            }
            return state.waiting.removeFirst()
        }
        next?.resume(returning: index)
    }

    func shutdown() async {
        for thread in threads { await thread.shutdown() }
    }
}

import Logging
import NIOConcurrencyHelpers

/// One SQLite connection and the thread it works on, both made at first use.
///
/// Everything done with the connection runs on its thread, one caller at a time: the callers take turns
/// (see `SQLiteDatabase`), and the thread runs a whole session of statements without handing work back and
/// forth.
final class SQLiteThread: Sendable {
    private struct State {
        var executor: ThreadExecutor?
        var connection: DirectSQLiteConnection?
    }

    private let path: String
    private let logger: Logger
    private let state = NIOLockedValueBox(State())

    init(path: String, logger: Logger) {
        self.path = path
        self.logger = logger
    }

    /// Runs `body` on the connection's thread with the connection, opening it first if need be.
    ///
    /// Bodies run one after another on the thread. One that suspends (awaits work elsewhere) must be the
    /// only one in progress: the connection's transaction and prepared statements are shared by all.
    func run<R>(_ body: (DirectSQLiteDatabase) async throws -> R) async throws -> R {
        let executor = state.withLockedValue { state in
            if let executor = state.executor { return executor }
            let executor = ThreadExecutor()
            state.executor = executor
            return executor
        }
        return try await executor.run {
            // Opened here, on the thread that will use it, so that even opening never blocks the caller's thread.
            let connection = try state.withLockedValue { state in
                if let connection = state.connection { return connection }
                let connection = try DirectSQLiteConnection(path: path)
                state.connection = connection
                return connection
            }
            return try await body(
                DirectSQLiteDatabase(connection: connection, eventLoop: executor.eventLoop, logger: logger))
        }
    }

    /// Closes the connection on its thread and stops the thread.
    func shutdown() async {
        guard let executor = state.withLockedValue({ $0.executor }) else { return }
        await executor.run {
            state.withLockedValue { state in
                state.connection?.close()
                state.connection = nil
            }
        }
        await executor.shutdown()
    }
}

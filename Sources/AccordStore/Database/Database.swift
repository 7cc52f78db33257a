import Logging
import SQLKit

/// The two databases Accord runs on; the few statements that differ between them ask for it.
enum Dialect: Sendable {
    case sqlite, postgres
}

/// A pool of connections to one database, with transactions on a single pinned connection.
///
/// The store is written once over SQLKit; only opening a connection, starting a transaction and taking
/// the ledger's write lock depend on the database.
protocol Database: Sendable {
    var dialect: Dialect { get }

    /// Runs `body` on one connection of the pool, so that its statements form one session.
    func withSession<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R

    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws.
    ///
    /// A write transaction takes the ledger's write lock at its start, so two writers (threads or processes)
    /// never read the same ledger head and never fork the chain. A read transaction sees one snapshot.
    func transaction<R: Sendable>(
        writing: Bool, _ body: @escaping @Sendable (any SQLDatabase) async throws -> R
    ) async throws -> R

    /// Refuses to run on settings that would lose acknowledged changes, saying which.
    func checkDurability() async throws

    /// Closes every connection.
    func shutdown() async
}

import AccordStore
import ArgumentParser
import Foundation
import Logging

/// Where the database is: `--database-url`, else `ACCORD_DATABASE_URL`, else `accord.sqlite` here.
struct DatabaseOptions: ParsableArguments {
    @Option(
        name: .customLong("database-url"),
        help: "A SQLite file path or a postgres://user:password@host:port/database URL (default: accord.sqlite).")
    var databaseURL: String?

    /// Whether the user named a database, on the command line or in the environment.
    var isExplicit: Bool { databaseURL != nil || ProcessInfo.processInfo.environment["ACCORD_DATABASE_URL"] != nil }

    func location(default fallback: String = "accord.sqlite") throws -> StoreLocation {
        let text = databaseURL ?? ProcessInfo.processInfo.environment["ACCORD_DATABASE_URL"] ?? fallback
        do {
            return try StoreLocation(text)
        } catch {
            throw ValidationError("--database-url: \(error)")
        }
    }
}

/// The logger every command uses; `ACCORD_LOG_LEVEL` (trace … critical) sets its level.
func makeLogger(_ label: String = "accord") -> Logger {
    var logger = Logger(label: label)
    logger.logLevel =
        ProcessInfo.processInfo.environment["ACCORD_LOG_LEVEL"].flatMap { Logger.Level(rawValue: $0) } ?? .info
    return logger
}

/// Runs `body` with an open store, and closes it however `body` ends.
func withStore<R>(
    _ location: StoreLocation, migrate: Bool = true, logger: Logger, _ body: (Store) async throws -> R
) async throws -> R {
    let store: Store
    do {
        store = try await Store.open(location, migrate: migrate, logger: logger)
    } catch let error as StoreError {
        throw CleanExit.message("accord: \(error)").asFailure
    }
    do {
        let result = try await body(store)
        await store.close()
        return result
    } catch {
        await store.close()
        throw error
    }
}

/// A message printed on standard error with a non-zero exit status.
struct Failure: Error, CustomStringConvertible {
    var description: String
}

extension CleanExit {
    var asFailure: Failure { Failure(description: "\(self)") }
}

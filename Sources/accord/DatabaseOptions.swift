import AccordStore
import ArgumentParser
import Foundation
import Logging

/// Where the database is: `--database-url`, else `ACCORD_DATABASE_URL`, else `accord.sqlite` in the working
/// folder — the one default of every command, `serve --demo` included.
struct DatabaseOptions: ParsableArguments {
    /// The database every command uses when none is named.
    static let defaultPath = "accord.sqlite"

    @Option(
        name: .customLong("database-url"),
        help: ArgumentHelp(
            "A SQLite file path or a postgres://user:password@host:port/database URL (default: "
                + "ACCORD_DATABASE_URL, else accord.sqlite in the working folder)."))
    var databaseURL: String?

    @Option(
        name: .customLong("files-dir"),
        help: ArgumentHelp(
            "A folder to keep attached files and statistics uploads in, each named by its SHA-256, instead of in "
                + "the database (default: ACCORD_FILES_DIR, else the database).",
            valueName: "path"))
    var filesDir: String?

    /// The files folder `--files-dir` or `ACCORD_FILES_DIR` names; nil keeps files in the database.
    var filesFolder: FileFolder? { (filesDir ?? Self.environmentFilesDir).map(FileFolder.init(path:)) }

    /// The files folder the environment names, for commands without these options.
    static var environmentFilesDir: String? {
        ProcessInfo.processInfo.environment["ACCORD_FILES_DIR"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Whether the user named a database, on the command line or in the environment.
    var isExplicit: Bool { databaseURL != nil || ProcessInfo.processInfo.environment["ACCORD_DATABASE_URL"] != nil }

    func location() throws -> StoreLocation {
        let text = databaseURL ?? ProcessInfo.processInfo.environment["ACCORD_DATABASE_URL"] ?? Self.defaultPath
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
    _ location: StoreLocation, migrate: Bool = true, logger: Logger,
    filesFolder: FileFolder? = DatabaseOptions.environmentFilesDir.map(FileFolder.init(path:)),
    _ body: (Store) async throws -> R
) async throws -> R {
    let store: Store
    do {
        store = try await Store.open(location, migrate: migrate, logger: logger, filesFolder: filesFolder)
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

/// Runs `body` with the store at `options`' location, which must hold a record: a command that reads the
/// record says so and fails when there is none, rather than make an empty database and report nothing.
///
/// - Throws: `Failure` when the SQLite file does not exist (it is not created) or the ledger is empty.
func withRecord<R>(
    _ options: DatabaseOptions, migrate: Bool = true, logger: Logger, _ body: (Store) async throws -> R
) async throws -> R {
    let location = try options.location()
    let hint =
        "load the demo with `accord demo`, or name the database with --database-url (or ACCORD_DATABASE_URL)"
    if case .sqlite(let path) = location, !FileManager.default.fileExists(atPath: path) {
        throw Failure(
            description: "accord: there is no database at \(path)"
                + (options.isExplicit ? "" : " (the default)") + "; \(hint)")
    }
    return try await withStore(location, migrate: migrate, logger: logger, filesFolder: options.filesFolder) { store in
        // A file made by something else has no ledger table at all: no record either.
        guard let head = try? await store.head(), head.sequence > 0 else {
            throw Failure(description: "accord: \(location) holds no record (its ledger is empty); \(hint)")
        }
        return try await body(store)
    }
}

/// A message printed on standard error with a non-zero exit status.
struct Failure: Error, CustomStringConvertible {
    var description: String
}

extension CleanExit {
    var asFailure: Failure { Failure(description: "\(self)") }
}

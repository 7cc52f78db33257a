import AccordStore
import Foundation
import Logging
import Subprocess

/// `accord backup` and `accord restore` (DESIGN.md §4): an online, consistent copy of the database, and its
/// restoration into an empty database, verified there.
///
/// A SQLite database is copied by `VACUUM INTO` into a plain SQLite file; a PostgreSQL database by `pg_dump` in
/// its custom format, from a snapshot the store holds open, and restored by `pg_restore` in one transaction.
public enum Backups {
    /// Why a backup or a restore did not happen, in words an administrator can act on.
    public enum Failure: Error, CustomStringConvertible, Equatable {
        /// The backup file, or the SQLite file to restore into, already exists: neither is ever overwritten.
        case exists(String)
        /// The database to restore into already holds tables.
        case notEmpty(String)
        /// The file is not a backup of the kind the target database takes.
        case wrongKind(file: String, expected: String)
        /// A PostgreSQL program is not installed.
        case toolMissing(String)
        /// A PostgreSQL program failed; its own words follow.
        case toolFailed(tool: String, output: String)

        public var description: String {
            switch self {
            case .exists(let path): "\(path) already exists; a backup or restore never overwrites a file"
            case .notEmpty(let location):
                "\(location) is not empty; restore into a new, empty database"
            case .wrongKind(let file, let expected):
                "\(file) is not \(expected)"
            case .toolMissing(let tool):
                "\(tool) is not installed; on Debian or Ubuntu install it with `apt-get install postgresql-client`"
            case .toolFailed(let tool, let output):
                "\(tool) failed: " + output.trimmingCharacters(in: .whitespacesAndNewlines).suffix(600)
            }
        }
    }

    /// What a restore found in the restored database.
    public struct Restored: Sendable {
        /// The restored ledger's head.
        public var head: LedgerHead
        /// `verify` on the restored database.
        public var report: VerificationReport
    }

    /// Copies the database `store` is open on into a new file at `path`, while it goes on serving.
    ///
    /// - Returns: the ledger head the copy holds.
    /// - Throws: `Failure.exists` when `path` exists; `Failure.toolMissing` or `.toolFailed` for `pg_dump`.
    public static func backup(_ store: Store, to path: String) async throws -> LedgerHead {
        guard !FileManager.default.fileExists(atPath: path) else { throw Failure.exists(path) }
        switch store.location {
        case .sqlite:
            return try await store.copySQLite(to: path)
        case .postgres(let url):
            let tool = try program("pg_dump")
            let connection = try LibpqConnection(url)
            return try await store.withExportedSnapshot { snapshot, head in
                try await run(
                    tool,
                    ["--format=custom", "--no-owner", "--snapshot=\(snapshot)", "--file=\(path)"],
                    environment: connection.environment)
                return head
            }
        }
    }

    /// Restores the backup at `file` into the empty database at `location`, then verifies it there.
    ///
    /// A SQLite backup is copied beside the target under a temporary name and renamed into place; a PostgreSQL
    /// backup is restored by `pg_restore` in a single transaction, so a failed restore leaves nothing.
    /// - Throws: `Failure` when the target is not empty or the file is not a backup for it; the tools' errors.
    public static func restore(from file: String, into location: StoreLocation, logger: Logger) async throws
        -> Restored
    {
        let magic = try FileHandle(forReadingFrom: URL(fileURLWithPath: file)).read(upToCount: 16) ?? Data()
        switch location {
        case .sqlite(let path):
            guard magic.starts(with: Array("SQLite format 3".utf8)) else {
                throw Failure.wrongKind(file: file, expected: "a SQLite backup (made by accord backup on SQLite)")
            }
            for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
                throw Failure.exists(path + suffix)
            }
            let target = URL(fileURLWithPath: path)
            let partial = target.deletingLastPathComponent()
                .appendingPathComponent(".\(target.lastPathComponent).restoring-\(UUID().uuidString)")
            try FileManager.default.copyItem(at: URL(fileURLWithPath: file), to: partial)
            do {
                try FileManager.default.moveItem(at: partial, to: target)
            } catch {
                try? FileManager.default.removeItem(at: partial)
                throw error
            }
        case .postgres(let url):
            guard magic.starts(with: Array("PGDMP".utf8)) else {
                throw Failure.wrongKind(
                    file: file, expected: "a PostgreSQL backup (pg_dump's custom format, made by accord backup)")
            }
            let tool = try program("pg_restore")
            let empty = try await Store.open(location, migrate: false, logger: logger)
            let holdsTables: Bool
            do {
                holdsTables = try await empty.holdsTables()
                await empty.close()
            } catch {
                await empty.close()
                throw error
            }
            guard !holdsTables else { throw Failure.notEmpty("\(location)") }
            let connection = try LibpqConnection(url)
            try await run(
                tool,
                ["--single-transaction", "--exit-on-error", "--no-owner", "--dbname=\(connection.database)", file],
                environment: connection.environment)
        }
        let store = try await Store.open(location, logger: logger)
        do {
            let restored = Restored(head: try await store.head(), report: try await store.verify())
            await store.close()
            return restored
        } catch {
            await store.close()
            throw error
        }
    }

    /// Runs a PostgreSQL program to its end.
    ///
    /// - Throws: `Failure.toolFailed` with its output when it exits with a non-zero status.
    private static func run(_ tool: String, _ arguments: [String], environment: [Environment.Key: String?])
        async throws
    {
        // By name, with its folder first on the PATH: the program found is the one run.
        let tool = URL(fileURLWithPath: tool)
        let path = tool.deletingLastPathComponent().path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "")
        let result = try await Subprocess.run(
            .name(tool.lastPathComponent), arguments: Arguments(arguments),
            environment: .inherit.updating(environment.merging(["PATH": path]) { $1 }),
            output: .string(limit: 1 << 20), error: .combinedWithOutput)
        guard case .exited(0) = result.terminationStatus else {
            throw Failure.toolFailed(
                tool: tool.lastPathComponent, output: "\(result.terminationStatus): \(result.standardOutput)")
        }
    }

    /// The program `name`: on the PATH, else in `ACCORD_POSTGRES_BIN`, else in Debian's newest
    /// /usr/lib/postgresql/N/bin.
    static func program(_ name: String) throws -> String {
        let environment = ProcessInfo.processInfo.environment
        var folders = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        if let folder = environment["ACCORD_POSTGRES_BIN"] { folders.insert(folder, at: 0) }
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        folders += versions.compactMap(Int.init).sorted(by: >).map { "/usr/lib/postgresql/\($0)/bin" }
        for folder in folders {
            let candidate = folder + "/" + name
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw Failure.toolMissing(name)
    }
}

/// A `postgres://` URL as libpq's environment variables, so that the password never shows in the process list.
struct LibpqConnection {
    var environment: [Environment.Key: String?]
    var database: String

    init(_ url: String) throws {
        guard let parts = URLComponents(string: url), let host = parts.host else {
            throw StoreError.unsupportedLocation(url)
        }
        database = String(parts.path.drop { $0 == "/" })
        var environment: [Environment.Key: String?] = ["PGHOST": host, "PGDATABASE": database]
        if let port = parts.port { environment["PGPORT"] = String(port) }
        if let user = parts.user { environment["PGUSER"] = user.removingPercentEncoding ?? user }
        if let password = parts.password { environment["PGPASSWORD"] = password.removingPercentEncoding ?? password }
        // postgres-kit's TLS modes (tlsmode, sslmode, ssl or tls) are libpq's sslmode where the names agree.
        let modes = ["tlsmode", "sslmode", "ssl", "tls"]
        if let mode = parts.queryItems?.last(where: { modes.contains($0.name.lowercased()) })?.value {
            environment["PGSSLMODE"] = mode == "true" ? "require" : mode == "false" ? "disable" : mode
        }
        self.environment = environment
    }
}

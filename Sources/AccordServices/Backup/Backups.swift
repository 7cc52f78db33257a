import AccordStore
import Foundation
import Logging
import Subprocess

/// `accord backup` and `accord restore` (DESIGN.md §4): an online, consistent copy of the database, and its
/// restoration into an empty database, verified there.
///
/// A SQLite database is copied by `VACUUM INTO` into a plain SQLite file; a PostgreSQL database by `pg_dump` in
/// its custom format, from a snapshot the store holds open, and restored by `pg_restore` in one transaction.
///
/// A store with a files folder (`--files-dir`) keeps attachments and statistics uploads outside the database;
/// its backup `FILE` then has a folder `FILE.files` beside it holding the files the copied database names, in the
/// files folder's own layout, and a restore copies them into the restored store's files folder.
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
        /// A stored file could not be copied: missing, or no longer hashing to its name, as said.
        case files(String)
        /// The backup has a files folder beside it, and the restore was given no files folder to copy it into.
        case filesFolderNeeded(String)
        /// The database keeps this many files in a files folder, and the backup was not told where it is.
        case filesFolderUnnamed(files: Int)

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
            case .files(let problem): "stored files: \(problem)"
            case .filesFolderNeeded(let path):
                "\(path) holds this backup's attachments and statistics uploads; name the files folder the restored "
                    + "database is to keep them in with --files-dir (or ACCORD_FILES_DIR)"
            case .filesFolderUnnamed(let files):
                "the database keeps \(files) stored files (attachments, statistics uploads) in a files folder; name "
                    + "it with --files-dir (or ACCORD_FILES_DIR) so that the backup copies them"
            }
        }
    }

    /// What a backup copied.
    public struct BackedUp: Sendable, Equatable {
        /// The ledger head the backup holds.
        public var head: LedgerHead
        /// The folder beside the backup holding the files kept in the store's files folder; nil when the store
        /// keeps every file in the database.
        public var filesFolder: String?
        /// How many files were copied into `filesFolder`.
        public var files: Int
    }

    /// What a restore found in the restored database.
    public struct Restored: Sendable {
        /// The restored ledger's head.
        public var head: LedgerHead
        /// How many files were copied from the backup's files folder into the store's.
        public var files: Int
        /// `verify` on the restored database.
        public var report: VerificationReport
    }

    /// The folder beside the backup `file` that holds its stored files.
    public static func filesFolder(of file: String) -> String { file + ".files" }

    /// Copies the database `store` is open on into a new file at `path`, while it goes on serving; with a files
    /// folder, also the files the copy names into a new folder `filesFolder(of: path)`.
    ///
    /// The files are copied after the database, from the list the copy itself holds: a file, once kept, never
    /// changes (it is named by its SHA-256), so the files the copy names are still there to copy, whatever was
    /// appended meanwhile. Each is checked against its digest; when one cannot be copied, neither the database
    /// copy nor the files folder is left behind.
    /// - Throws: `Failure.exists` when `path` or the files folder exists; `Failure.files` naming a file missing
    ///   from the files folder or no longer hashing to its name; `Failure.filesFolderUnnamed` when the database
    ///   keeps files in a folder `store` was not opened with; `Failure.toolMissing` or `.toolFailed` for
    ///   `pg_dump`.
    public static func backup(_ store: Store, to path: String) async throws -> BackedUp {
        let filesPath = store.filesFolder.map { _ in filesFolder(of: path) }
        for existing in [path, filesPath].compactMap(\.self) where FileManager.default.fileExists(atPath: existing) {
            throw Failure.exists(existing)
        }
        // The database is copied under a hidden name and given `path` only once its files are beside it: a backup
        // cut short (killed, disk full) never leaves a `path` that looks whole.
        let target = URL(fileURLWithPath: path)
        let partial = target.deletingLastPathComponent().appendingPathComponent(
            ".\(target.lastPathComponent).partial-\(UUID().uuidString)"
        ).path
        defer { try? FileManager.default.removeItem(atPath: partial) }
        let copy: DatabaseCopy
        switch store.location {
        case .sqlite:
            copy = try await store.copySQLite(to: partial)
        case .postgres(let url):
            let tool = try program("pg_dump")
            let connection = try LibpqConnection(url)
            copy = try await store.withExportedSnapshot { snapshot, copy in
                try await run(
                    tool,
                    ["--format=custom", "--no-owner", "--snapshot=\(snapshot)", "--file=\(partial)"],
                    environment: connection.environment)
                return copy
            }
        }
        // With nothing kept outside the database, the backup is the one file, as without a files folder.
        guard !copy.filesInFolder.isEmpty else {
            try publish(partial, as: path)
            return BackedUp(head: copy.head, filesFolder: nil, files: 0)
        }
        // A store opened without the folder its files are in (a cron job without ACCORD_FILES_DIR) would make a
        // backup that cannot be restored whole: none is left.
        guard let folder = store.filesFolder, let filesPath else {
            throw Failure.filesFolderUnnamed(files: copy.filesInFolder.count)
        }
        let files: Int
        do {
            files = try folder.copy(copy.filesInFolder, toNewFolder: filesPath)
        } catch let failure as FileFolder.Failure {
            throw Failure.files(failure.description)
        }
        do {
            try publish(partial, as: path)
        } catch {
            try? FileManager.default.removeItem(atPath: filesPath)
            throw error
        }
        return BackedUp(head: copy.head, filesFolder: filesPath, files: files)
    }

    /// Gives the finished copy at `partial` its name, refusing to replace a file that appeared meanwhile.
    private static func publish(_ partial: String, as path: String) throws {
        do {
            try FileManager.default.moveItem(atPath: partial, toPath: path)
        } catch {
            if FileManager.default.fileExists(atPath: path) { throw Failure.exists(path) }
            throw error
        }
        // The new name lasts only once its folder is flushed: a backup reported done survives a power cut.
        FileFolder.flush(folder: URL(fileURLWithPath: path).deletingLastPathComponent().path)
    }

    /// Restores the backup at `file` into the empty database at `location`, and the files beside it into
    /// `filesFolder`, then verifies it there.
    ///
    /// A SQLite backup is copied beside the target under a temporary name and renamed into place; a PostgreSQL
    /// backup is restored by `pg_restore` in a single transaction, so a failed restore leaves nothing. The files
    /// of `filesFolder(of: file)` are copied first, each checked against its digest, so that a damaged file is
    /// found before the database is touched. When the restore then fails, at any step, the files it copied are
    /// removed again — only those: a file `filesFolder` held before stays, as does the folder itself if it was
    /// there — so that a failed restore leaves the files folder as it found it.
    /// - Throws: `Failure` when the target is not empty or the file is not a backup for it, when the backup has
    ///   files and no `filesFolder` is given, or when one of its files does not hash to its name; the tools'
    ///   errors.
    public static func restore(
        from file: String, into location: StoreLocation, filesFolder: FileFolder? = nil, logger: Logger
    ) async throws -> Restored {
        let backupFiles = Self.filesFolder(of: file)
        var isFolder: ObjCBool = false
        let hasFiles = FileManager.default.fileExists(atPath: backupFiles, isDirectory: &isFolder) && isFolder.boolValue
        // Refused rather than put into the database: the restored rows say these files are kept in a files
        // folder, so the installation the backup came from ran with one, and the server started on the restored
        // database will be given one too. Moving the files into the database instead would rewrite the backup's
        // rows and grow the database by every document, which the installation chose not to do; an administrator
        // who left out the option wants to be told, before anything is written.
        if hasFiles, filesFolder == nil { throw Failure.filesFolderNeeded(backupFiles) }
        // What the files folder held before the restore wrote to it: a failed restore takes out only the rest.
        var copied: CopiedFiles?
        /// Copies the backup's files into the store's files folder, each checked against its name.
        func copyFiles() throws -> Int {
            guard hasFiles, let filesFolder else { return 0 }
            copied = try CopiedFiles(from: backupFiles, into: filesFolder.path)
            do {
                return try filesFolder.copy(everyFileOf: FileFolder(path: backupFiles))
            } catch let failure as FileFolder.Failure {
                throw Failure.files(failure.description)
            }
        }
        do {
            return try await restore(
                from: file, into: location, filesFolder: filesFolder, copyingFiles: copyFiles, logger: logger)
        } catch {
            copied?.remove(logger: logger)
            throw error
        }
    }

    /// `restore(from:into:filesFolder:logger:)` once the files folder is settled: `copyFiles` copies the backup's
    /// files, and is called once the target is known to take the backup, before the database is written.
    private static func restore(
        from file: String, into location: StoreLocation, filesFolder: FileFolder?,
        copyingFiles copyFiles: () throws -> Int,
        logger: Logger
    ) async throws -> Restored {
        let files: Int
        let magic = try FileHandle(forReadingFrom: URL(fileURLWithPath: file)).read(upToCount: 16) ?? Data()
        switch location {
        case .sqlite(let path):
            guard magic.starts(with: Array("SQLite format 3".utf8)) else {
                throw Failure.wrongKind(file: file, expected: "a SQLite backup (made by accord backup on SQLite)")
            }
            for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
                throw Failure.exists(path + suffix)
            }
            files = try copyFiles()
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
            files = try copyFiles()
            let connection = try LibpqConnection(url)
            try await run(
                tool,
                ["--single-transaction", "--exit-on-error", "--no-owner", "--dbname=\(connection.database)", file],
                environment: connection.environment)
        }
        let store = try await Store.open(location, logger: logger, filesFolder: filesFolder)
        do {
            let restored = Restored(head: try await store.head(), files: files, report: try await store.verify())
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

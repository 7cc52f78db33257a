import AccordServices
import AccordStore
import ArgumentParser
import Foundation

/// `accord backup FILE`: an online, consistent copy of the database.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "Copy the database into a backup file while Accord keeps serving.",
        discussion: """
            SQLite: a consistent copy of the file (VACUUM INTO), itself a SQLite database. PostgreSQL: pg_dump's \
            custom format, taken from one snapshot (pg_dump must be installed). The file must not exist. With a \
            files folder (--files-dir or ACCORD_FILES_DIR), the files the copy names are also copied, each checked \
            against its SHA-256, into a new folder FILE.files beside it. `accord restore` puts it back into an \
            empty database and verifies it there.
            """)

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "The backup file to write.")
    var file: String

    func run() async throws {
        let copy = try await withRecord(database, logger: makeLogger()) { store in
            try await explainedBackup { try await Backups.backup(store, to: file) }
        }
        let head = copy.head
        let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
        print("Backed up ledger position \(head.sequence) (head hash \(head.hash)) to \(file) (\(size) bytes).")
        if let folder = copy.filesFolder {
            print("Copied \(copy.files) stored file\(copy.files == 1 ? "" : "s") from the files folder to \(folder).")
        }
    }
}

/// `accord restore FILE`: a backup back into an empty database, verified there.
struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore", abstract: "Restore a backup into an empty database and verify it.",
        discussion: """
            The database named (accord.sqlite by default) must be new: a SQLite file that does not exist, or an \
            empty PostgreSQL database (pg_restore must be installed). A backup with a folder FILE.files beside it \
            (made with a files folder) needs --files-dir (or ACCORD_FILES_DIR): its files are copied there first, \
            each checked against its SHA-256. `accord verify` then runs on the restored database and its head is \
            printed; the status is 1 when verify finds a fault.
            """)

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "The backup file that `accord backup` wrote.")
    var file: String

    func run() async throws {
        guard FileManager.default.isReadableFile(atPath: file) else {
            throw ValidationError("FILE: cannot read \(file)")
        }
        let location = try database.location()
        let restored = try await explainedBackup {
            try await Backups.restore(
                from: file, into: location, filesFolder: database.filesFolder, logger: makeLogger())
        }
        let report = restored.report
        print(
            "Restored \(file) into \(location): ledger position \(restored.head.sequence), head hash \(restored.head.hash)."
        )
        if let folder = database.filesFolder, restored.files > 0 {
            print("Copied \(restored.files) stored file\(restored.files == 1 ? "" : "s") into \(folder.path).")
        }
        if report.isValid {
            print(
                "verify: OK: \(report.entries) ledger entries re-hashed, \(report.projectionRows) projection rows "
                    + "and \(report.searchRows) search index rows match a rebuild from the ledger.")
        } else {
            let sequence = report.firstBadSequence.map(String.init) ?? "?"
            print("verify: FAULT at ledger sequence \(sequence): \(report.problem ?? "unknown problem")")
            throw ExitCode(1)
        }
    }
}

/// Runs `body`, turning a backup's refusal into a message and exit status 1.
func explainedBackup<R>(_ body: () async throws -> R) async throws -> R {
    do {
        return try await body()
    } catch let error as Backups.Failure {
        throw Failure(description: "accord: \(error)")
    }
}

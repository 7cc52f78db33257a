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
            custom format, taken from one snapshot (pg_dump must be installed). The file must not exist. \
            `accord restore` puts it back into an empty database and verifies it there.
            """)

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "The backup file to write.")
    var file: String

    func run() async throws {
        let head = try await withRecord(database, logger: makeLogger()) { store in
            try await explainedBackup { try await Backups.backup(store, to: file) }
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
        print("Backed up ledger position \(head.sequence) (head hash \(head.hash)) to \(file) (\(size) bytes).")
    }
}

/// `accord restore FILE`: a backup back into an empty database, verified there.
struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore", abstract: "Restore a backup into an empty database and verify it.",
        discussion: """
            The database named (accord.sqlite by default) must be new: a SQLite file that does not exist, or an \
            empty PostgreSQL database (pg_restore must be installed). `accord verify` then runs on the restored \
            database and its head is printed; the status is 1 when verify finds a fault.
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
            try await Backups.restore(from: file, into: location, logger: makeLogger())
        }
        let report = restored.report
        print(
            "Restored \(file) into \(location): ledger position \(restored.head.sequence), head hash \(restored.head.hash)."
        )
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

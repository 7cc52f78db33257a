import AccordCore
import AccordDemo
import AccordServices
import AccordStore
import AccordTestSupport
import Foundation
import Testing

/// `accord backup` and `accord restore` on both databases (DESIGN.md §4, issue 19.4): a copy taken while the
/// store keeps writing is consistent, restores into an empty database, and verifies there.
@Suite struct BackupTests {
    @Test(arguments: Backend.all) func aBackupTakenDuringWritesRestoresAndVerifies(backend: Backend) async throws {
        try await withDatabase(backend) { database in
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("accord-backup-\(UUID())")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let file = folder.appendingPathComponent("backup").path

            // Setup: the demo, then editorial notes appended while the backup is taken.
            let (copied, source) = try await withOpenStore(database) { store in
                try await store.append(Demo.changes)
                let writer = Task {
                    for index in 1...40 {
                        try await store.append(
                            .amendItem(ItemAmendment(number: "TS-1", note: .en("Note \(index)"))),
                            by: Actor(name: "ts.officer", role: .secretariat),
                            authority: .editorial(reason: "a note on the record"))
                    }
                }
                // Act: the backup, online.
                let copied = try await Backups.backup(store, to: file)
                try await writer.value
                return (copied, try await store.head())
            }
            #expect(copied.sequence >= Int64(Demo.changes.count) && copied.sequence <= source.sequence)

            // A second backup to the same file is refused: nothing is overwritten.
            let again = try await withOpenStore(database) { store in
                await #expect(throws: Backups.Failure.exists(file)) { try await Backups.backup(store, to: file) }
            }
            _ = again

            // Act: restore into a new, empty database of the same kind.
            let target: StoreLocation =
                switch database.target {
                case .sqliteFile: .sqlite(path: folder.appendingPathComponent("restored.sqlite").path)
                case .postgres(let cluster, _):
                    .postgres(url: cluster.url(database: try await cluster.createDatabase()))
                }
            let restored = try await Backups.restore(from: file, into: target, logger: .tests)

            // Check: verify passed on the restored copy, whose head is the one the backup reported.
            #expect(restored.report.isValid, "\(restored.report)")
            #expect(restored.report.entries == copied.sequence)
            #expect(restored.head == copied)

            // A restore into a database that is no longer empty is refused, and leaves it as it was.
            await #expect(throws: Backups.Failure.self) {
                try await Backups.restore(from: file, into: target, logger: .tests)
            }
            let store = try await Store.open(target, logger: .tests)
            #expect(try await store.head() == copied)
            await store.close()
        }
    }
}

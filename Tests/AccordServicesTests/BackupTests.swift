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
                let copied = try await Backups.backup(store, to: file).head
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

    /// With a files folder, the backup carries the files beside it and the restore puts them into another: the
    /// record restored from the backup alone verifies and serves its attachments.
    @Test(arguments: Backend.all) func aBackupCarriesItsFilesFolder(backend: Backend) async throws {
        try await withDatabase(backend) { database in
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("accord-backup-\(UUID())")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            func path(_ name: String) -> String { folder.appendingPathComponent(name).path }
            let file = path("backup")
            let pdf = Array("%PDF-1.7\nconclusiones de la XXIV RCM\n%%EOF\n".utf8)
            let stray = "never committed"
            let straySHA = HashChain.digest(of: Array(stray.utf8))

            // Setup: the demo, its statistics uploads and an attached PDF, all kept in a files folder.
            let live = FileFolder(path: path("files"))
            let store = try await Store.open(database.location, logger: .tests, filesFolder: live)
            let (backedUp, attachment): (Backups.BackedUp, AccordCore.Attachment)
            do {
                try await store.append(Demo.changes)
                let secretariat = StatisticsServiceTests.secretariat
                try await StatisticsService(store: store).loadSyntheticDataSet(as: secretariat)
                attachment = try await AttachmentService(record: RecordService(store: store)).attach(
                    AttachmentUpload(
                        target: AttachmentTarget(kind: .meeting, id: "RCM-XXIV"), name: "conclusiones.pdf",
                        content: pdf), as: secretariat)
                #expect(try await store.verify().isValid)
                // A file in the folder that no row names (left by an upload that was never committed, say) is
                // not the backup's.
                try Data(stray.utf8).write(to: URL(fileURLWithPath: live.path).appendingPathComponent(straySHA))

                // Act: the backup.
                backedUp = try await Backups.backup(store, to: file)

                // A second backup is refused, to the same file or to one whose files folder exists.
                await #expect(throws: Backups.Failure.exists(file)) { try await Backups.backup(store, to: file) }
                try FileManager.default.createDirectory(atPath: path("other.files"), withIntermediateDirectories: false)
                await #expect(throws: Backups.Failure.exists(path("other.files"))) {
                    try await Backups.backup(store, to: path("other"))
                }
                #expect(!FileManager.default.fileExists(atPath: path("other")))
            } catch {
                await store.close()
                throw error
            }
            await store.close()

            // A backup by a store not told where its files are is refused, and leaves nothing.
            let unnamed = try await Store.open(database.location, logger: .tests)
            let refused = await #expect(throws: Backups.Failure.self) {
                try await Backups.backup(unnamed, to: path("unnamed"))
            }
            await unnamed.close()
            #expect(refused?.description.contains("--files-dir") == true, "\(String(describing: refused))")
            #expect(!FileManager.default.fileExists(atPath: path("unnamed")))
            // The database is copied under a hidden name until its files are beside it: none is left either.
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).allSatisfy { !$0.hasPrefix(".") })

            // Check: every file of the files folder (the uploads, their observations, the PDF) is beside the backup.
            let kept = try FileManager.default.contentsOfDirectory(atPath: live.path).filter { $0 != straySHA }.sorted()
            #expect(backedUp.filesFolder == Backups.filesFolder(of: file))
            #expect(backedUp.files == kept.count && kept.count > 2)
            #expect(try FileManager.default.contentsOfDirectory(atPath: Backups.filesFolder(of: file)).sorted() == kept)
            #expect(kept.contains(attachment.sha256))
            // The live files are gone: what is restored comes from the backup alone.
            try FileManager.default.removeItem(atPath: live.path)

            let target: StoreLocation =
                switch database.target {
                case .sqliteFile: .sqlite(path: path("restored.sqlite"))
                case .postgres(let cluster, _):
                    .postgres(url: cluster.url(database: try await cluster.createDatabase()))
                }
            let restoredFiles = FileFolder(path: path("restored-files"))
            func targetIsEmpty() async throws -> Bool {
                if case .sqlite(let path) = target { return !FileManager.default.fileExists(atPath: path) }
                let store = try await Store.open(target, migrate: false, logger: .tests)
                let holdsTables = try await store.holdsTables()
                await store.close()
                return !holdsTables
            }
            // The folder restored into already holds a file of the backup and one of its own: a failed restore
            // removes what it copied, never these.
            try FileManager.default.createDirectory(atPath: restoredFiles.path, withIntermediateDirectories: false)
            try FileManager.default.copyItem(
                atPath: (Backups.filesFolder(of: file) as NSString).appendingPathComponent(attachment.sha256),
                toPath: (restoredFiles.path as NSString).appendingPathComponent(attachment.sha256))
            try Data(stray.utf8).write(to: URL(fileURLWithPath: restoredFiles.path).appendingPathComponent(straySHA))
            let before = [attachment.sha256, straySHA].sorted()
            func restoredFilesAreAsBefore() throws -> Bool {
                try FileManager.default.contentsOfDirectory(atPath: restoredFiles.path).sorted() == before
            }

            // Without a files folder to restore into, the restore is refused before anything is written.
            await #expect(throws: Backups.Failure.filesFolderNeeded(Backups.filesFolder(of: file))) {
                try await Backups.restore(from: file, into: target, logger: .tests)
            }
            #expect(try await targetIsEmpty())

            // A changed file in a copy of the backup is named, and the database is not restored.
            let tampered = path("tampered")
            try FileManager.default.copyItem(atPath: file, toPath: tampered)
            try FileManager.default.copyItem(
                atPath: Backups.filesFolder(of: file), toPath: Backups.filesFolder(of: tampered))
            try Data("%PDF-1.7\nforged\n%%EOF\n".utf8).write(
                to: URL(fileURLWithPath: Backups.filesFolder(of: tampered)).appendingPathComponent(attachment.sha256))
            let refusal = await #expect(throws: Backups.Failure.self) {
                try await Backups.restore(from: tampered, into: target, filesFolder: restoredFiles, logger: .tests)
            }
            #expect(refusal?.description.contains("\(attachment.sha256) in ") == true, "\(String(describing: refusal))")
            #expect(refusal?.description.contains("no longer hashes to its name") == true)
            #expect(try await targetIsEmpty())
            #expect(try restoredFilesAreAsBefore(), "the files copied before the changed one are removed")

            // A link planted in a copy's files folder, even to a file with the right bytes, is not read; nor is a
            // file whose name is not a digest.
            for (name, plant) in [
                (
                    "linked",
                    { (folder: String) in
                        let entry = (folder as NSString).appendingPathComponent(attachment.sha256)
                        try FileManager.default.moveItem(atPath: entry, toPath: entry + ".real")
                        try FileManager.default.createSymbolicLink(atPath: entry, withDestinationPath: entry + ".real")
                    }
                ),
                (
                    "named",
                    { (folder: String) in
                        try Data("notes".utf8).write(
                            to: URL(fileURLWithPath: folder).appendingPathComponent("notes.txt"))
                    }
                ),
            ] as [(String, (String) throws -> Void)] {
                let copy = path(name)
                try FileManager.default.copyItem(atPath: file, toPath: copy)
                try FileManager.default.copyItem(
                    atPath: Backups.filesFolder(of: file), toPath: Backups.filesFolder(of: copy))
                try plant(Backups.filesFolder(of: copy))
                let refusal = await #expect(throws: Backups.Failure.self) {
                    try await Backups.restore(from: copy, into: target, filesFolder: restoredFiles, logger: .tests)
                }
                #expect(refusal?.description.contains("is not a stored file") == true, "\(String(describing: refusal))")
                #expect(try await targetIsEmpty())
                #expect(try restoredFilesAreAsBefore())
            }

            // A backup cut short, its files folder whole: every file is copied, then the database cannot be
            // restored. The files it copied are removed, into a folder that held some as into one it made.
            let truncated = path("truncated")
            let whole = try Data(contentsOf: URL(fileURLWithPath: file))
            try whole.prefix(whole.count / 2).write(to: URL(fileURLWithPath: truncated))
            try FileManager.default.copyItem(
                atPath: Backups.filesFolder(of: file), toPath: Backups.filesFolder(of: truncated))
            for (index, folder) in [restoredFiles, FileFolder(path: path("new-files"))].enumerated() {
                let elsewhere: StoreLocation =
                    switch database.target {
                    case .sqliteFile: .sqlite(path: path("truncated-\(index).sqlite"))
                    case .postgres(let cluster, _):
                        .postgres(url: cluster.url(database: try await cluster.createDatabase()))
                    }
                await #expect(throws: (any Error).self) {
                    try await Backups.restore(from: truncated, into: elsewhere, filesFolder: folder, logger: .tests)
                }
            }
            #expect(try restoredFilesAreAsBefore())
            #expect(!FileManager.default.fileExists(atPath: path("new-files")), "the folder the restore made goes too")

            // Act: restore into a new database with a new files folder.
            let restored = try await Backups.restore(
                from: file, into: target, filesFolder: restoredFiles, logger: .tests)

            // Check: verify passed there, with every file, and the attachment reads back as it was sent.
            #expect(restored.report.isValid, "\(restored.report)")
            #expect(restored.head == backedUp.head)
            #expect(restored.files == backedUp.files)
            #expect(
                try FileManager.default.contentsOfDirectory(atPath: restoredFiles.path).sorted()
                    == (kept + [straySHA]).sorted())
            let reopened = try await Store.open(target, logger: .tests, filesFolder: restoredFiles)
            let read = try? await reopened.storedFile(attachment.sha256)
            await reopened.close()
            #expect(read?.content == pdf)
        }
    }
}

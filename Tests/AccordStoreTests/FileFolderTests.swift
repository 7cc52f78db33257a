import AccordCore
import Foundation
import Synchronization
import Testing

@testable import AccordStore

/// A file kept in the files folder is written before the transaction of the entry naming it, never while the
/// database's write lock is held, and only when a regular file with its bytes is not there already.
@Suite("The files folder")
struct FileFolderTests {
    static let file = AttachmentStoreTests.file

    static func temporaryFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("accord-files-\(UUID().uuidString)")
    }

    // No time limit below ten minutes: under the whole suite on two cores, opening the stores alone can take
    // most of two. The limit is there for a lock never released.
    @Test(
        "a file is written while another writer holds the write lock, and its entry waits for the lock",
        .timeLimit(.minutes(10)), arguments: Backend.all)
    func writtenBeforeTheTransaction(_ backend: Backend) async throws {
        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let kept = folder.appendingPathComponent(Self.file.sha256).path
        try await withDatabase(backend) { database in
            try await withOpenStore(database, filesFolder: FileFolder(path: folder.path)) { store in
                let head = try await store.appendSetup()
                // A second store stands in for another process; it holds the ledger's write lock until released.
                try await withOpenStore(database) { other in
                    let (taken, lockTaken) = AsyncStream.makeStream(of: Void.self)
                    let (released, release) = AsyncStream.makeStream(of: Void.self)
                    let holder = Task {
                        try await other.database.transaction(writing: true) { _ in
                            lockTaken.yield()
                            for await _ in released { break }
                        }
                    }
                    for await _ in taken { break }

                    let finished = Mutex(false)
                    let appending = Task {
                        defer { finished.withLock { $0 = true } }
                        return try await AttachmentStoreTests.attach(store)
                    }
                    // The file reaches the folder although the append cannot begin its transaction. (Nothing here
                    // reads the ledger meanwhile: on PostgreSQL a read queues behind the append's waiting lock.)
                    var written = false
                    for _ in 0..<1_200 where !written {
                        try? await Task.sleep(for: .milliseconds(50))
                        written = FileManager.default.fileExists(atPath: kept)
                    }
                    let finishedWhileHeld = finished.withLock { $0 }
                    release.yield()
                    release.finish()
                    try await holder.value

                    #expect(written, "the file was not written while another writer held the lock")
                    #expect(!finishedWhileHeld, "the append ended while another writer held the lock")
                    let sequence = try await appending.value
                    #expect(sequence == head.sequence + 1)
                    #expect(try await store.storedFile(Self.file.sha256) == Self.file)
                    #expect(try await store.verify().isValid)
                }
            }
        }
    }

    @Test("a link planted under a file's name is replaced by the file; a file already kept is not rewritten")
    func plantedLink() async throws {
        let folder = Self.temporaryFolder()
        let elsewhere = Self.temporaryFolder()
        defer {
            try? FileManager.default.removeItem(at: folder)
            try? FileManager.default.removeItem(at: elsewhere)
        }
        // The link's target has the right bytes, but lies outside the folder: whoever controls it controls the
        // record's file.
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let target = elsewhere.appendingPathComponent("conclusiones.pdf")
        try Data(Self.file.content).write(to: target)
        let kept = folder.appendingPathComponent(Self.file.sha256).path
        try FileManager.default.createSymbolicLink(atPath: kept, withDestinationPath: target.path)

        try await withDatabase(.sqlite) { database in
            try await withOpenStore(database, filesFolder: FileFolder(path: folder.path)) { store in
                try await store.appendSetup()
                _ = try await AttachmentStoreTests.attach(store)
                let attributes = try FileManager.default.attributesOfItem(atPath: kept)
                #expect(attributes[.type] as? FileAttributeType == .typeRegular)
                #expect(FileManager.default.contents(atPath: kept).map(Array.init) == Self.file.content)
                #expect(try await store.storedFile(Self.file.sha256) == Self.file)

                // The same bytes sent again stay in the file already kept: the same file, not a new one renamed
                // over it.
                try await store.append([NamedFileTests.attachment(2)], storing: [Self.file])
                let inode = attributes[.systemFileNumber].map { "\($0)" }
                #expect(inode != nil)
                #expect(
                    try FileManager.default.attributesOfItem(atPath: kept)[.systemFileNumber].map { "\($0)" } == inode)
                #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [Self.file.sha256])
                #expect(try await store.verify().isValid)
            }
        }
    }
}

import AccordCore
import AccordTestSupport
import Foundation
import Logging
import Testing

@testable import AccordStore

/// An attached file is kept with the entry that names it, in the database or in a files folder, and `verify`
/// re-hashes it wherever it is: on both databases.
@Suite("Attachments in the store")
struct AttachmentStoreTests {
    static let file = StoredFile(mediaType: "application/pdf", content: Array("%PDF-1.7\nconclusiones\n%%EOF\n".utf8))

    static func attachment(_ number: Int = 1) -> AccordCore.Attachment {
        AccordCore.Attachment(
            number: number, target: AttachmentTarget(kind: .meeting, id: Fixture.rcmVII.rawValue),
            name: "conclusiones.pdf", mediaType: file.mediaType, bytes: file.content.count, sha256: file.sha256)
    }

    static func attach(_ store: Store) async throws -> Int64 {
        try await store.append(
            [
                ProposedChange(
                    .attachFile(attachment()), by: Fixture.secretariat,
                    authority: .editorial(reason: "the meeting's conclusions"))
            ], storing: [file]
        )[0].entry.sequence
    }

    @Test("a file kept in the database is verified, and a changed one is named", arguments: Backend.all)
    func inTheDatabase(_ backend: Backend) async throws {
        try await withDatabase(backend) { database in
            let sequence = try await withOpenStore(database) { store in
                try await store.appendSetup()
                // A refused attachment (its number is taken by nothing yet: number 2 first) leaves no file.
                await #expect(throws: ChangeError.self) {
                    try await store.append(
                        [
                            ProposedChange(
                                .attachFile(Self.attachment(2)), by: Fixture.secretariat,
                                authority: .editorial(reason: "out of order"))
                        ], storing: [Self.file])
                }
                #expect(try await store.storedFile(Self.file.sha256) == nil)
                let sequence = try await Self.attach(store)
                #expect(try await store.storedFile(Self.file.sha256) == Self.file)
                #expect(try await store.currentState().attachments[1]?.attached?.sequence == sequence)
                #expect(try await store.verify().isValid)
                return sequence
            }
            let blob = backend == .postgres ? "'\\x41'::bytea" : "X'41'"
            let changed = try await database.executeOutsideStore(
                "UPDATE stored_files SET content = \(blob) WHERE sha256 = '\(Self.file.sha256)'")
            #expect(changed.succeeded, "\(changed)")
            try await withOpenStore(database) { store in
                let report = try await store.verify()
                #expect(report.firstBadSequence == sequence)
                #expect(report.problem?.contains("attachment 1") == true)
            }
        }
    }

    @Test("a files folder holds each file under its digest, written whole, and checked when read")
    func inAFolder() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("accord-files-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try await withDatabase(.sqlite) { database in
            try await withOpenStore(database, filesFolder: FileFolder(path: folder.path)) { store in
                try await store.appendSetup()
                let sequence = try await Self.attach(store)
                let kept = folder.appendingPathComponent(Self.file.sha256)
                #expect(FileManager.default.contents(atPath: kept.path).map(Array.init) == Self.file.content)
                // Nothing but the file: the temporary one was renamed.
                #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [Self.file.sha256])
                #expect(try await store.storedFile(Self.file.sha256) == Self.file)
                #expect(try await store.verify().isValid)

                try Data("%PDF-1.7\nforged\n".utf8).write(to: kept)
                await #expect(throws: StoreError.self) { try await store.storedFile(Self.file.sha256) }
                let report = try await store.verify()
                #expect(report.firstBadSequence == sequence)
                #expect(report.problem?.contains("no longer hashes") == true)

                try FileManager.default.removeItem(at: kept)
                #expect(try await store.verify().problem?.contains("is missing") == true)
            }
        }
    }
}

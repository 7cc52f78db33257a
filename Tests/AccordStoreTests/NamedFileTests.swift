import AccordCore
import Foundation
import Testing

@testable import AccordStore

/// The store itself refuses an entry naming a file it does not hold, whoever calls it: otherwise `verify` would
/// fail for good on the first such entry. On both databases, and with a files folder.
@Suite("Files an entry names")
struct NamedFileTests {
    typealias Statistics = StatisticsStoreTests
    typealias Attachments = AttachmentStoreTests

    static let vintage = ProposedChange(
        .commitVintage(Statistics.vintage("MEX", upload: Statistics.upload, data: Statistics.data)),
        by: Statistics.mexico, authority: .participant("MEX"))

    static func attachment(_ number: Int) -> ProposedChange {
        ProposedChange(
            .attachFile(Attachments.attachment(number)), by: Fixture.secretariat,
            authority: .editorial(reason: "the meeting's conclusions"))
    }

    @Test(
        "an entry naming a file that is not stored is refused, naming the digest, and nothing is kept",
        arguments: Backend.all)
    func refused(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            let head = try await store.appendSetup()

            // Neither of the vintage's files: the first it names is reported.
            let none = await #expect(throws: StoreError.self) { try await store.append([Self.vintage]) }
            #expect(
                none
                    == .missingFile(
                        sha256: Statistics.upload.sha256, what: "the uploaded file of vintage DF_MIGR_RETURNS/MEX/1"))
            #expect(none?.description.contains(Statistics.upload.sha256) == true)

            // The observations alone: the upload is still missing, and the observations sent are not kept either.
            let half = await #expect(throws: StoreError.self) {
                try await store.append([Self.vintage], storing: [Statistics.data])
            }
            #expect(
                half
                    == .missingFile(
                        sha256: Statistics.upload.sha256, what: "the uploaded file of vintage DF_MIGR_RETURNS/MEX/1"))
            #expect(try await store.storedFile(Statistics.data.sha256) == nil)

            // An attachment without its file, after a change that passes: the whole batch is refused.
            let attached = await #expect(throws: StoreError.self) {
                try await store.append(Fixture.secondMeeting + [Self.attachment(1)])
            }
            #expect(
                attached
                    == .missingFile(sha256: Attachments.file.sha256, what: "attachment 1 (conclusiones.pdf)"))

            #expect(try await store.head() == head)
            #expect(try await store.currentState().vintages.isEmpty)
            #expect(try await store.verify().isValid)
        }
    }

    @Test("a file an earlier entry stored is not needed again", arguments: Backend.all)
    func storedEarlier(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            try await store.appendSetup()
            try await store.append([Self.attachment(1)], storing: [Attachments.file])
            // The same document attached a second time: its bytes are stored already.
            let second = try await store.append([Self.attachment(2)])
            #expect(second.first?.changed == [.attachment(2)])
            try await store.append([Self.vintage], storing: [Statistics.upload, Statistics.data])
            let report = try await store.verify()
            #expect(report.isValid, "\(report.problem ?? "")")
        }
    }

    @Test("a file whose row leaves it to the files folder must be there")
    func missingFromTheFolder() async throws {
        let folder = FileFolderTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try await withDatabase(.sqlite) { database in
            try await withOpenStore(database, filesFolder: FileFolder(path: folder.path)) { store in
                try await store.appendSetup()
                try await store.append([Self.attachment(1)], storing: [Attachments.file])
                try FileManager.default.removeItem(at: folder.appendingPathComponent(Attachments.file.sha256))
                let head = try await store.head()

                let error = await #expect(throws: StoreError.self) { try await store.append([Self.attachment(2)]) }
                #expect(error == .missingFile(sha256: Attachments.file.sha256, what: "attachment 2 (conclusiones.pdf)"))
                #expect(try await store.head() == head)
                // Sent again, it is written again and the entry is recorded.
                try await store.append([Self.attachment(2)], storing: [Attachments.file])
                #expect(try await store.verify().isValid)
            }
            // A store opened without the folder cannot produce the file, so it refuses an entry naming it.
            try await withOpenStore(database) { store in
                let error = await #expect(throws: StoreError.self) { try await store.append([Self.attachment(3)]) }
                #expect(error == .missingFile(sha256: Attachments.file.sha256, what: "attachment 3 (conclusiones.pdf)"))
            }
        }
    }
}

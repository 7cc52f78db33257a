import AccordCore
import Foundation
import Testing

@testable import AccordStore

/// A vintage's files live beside the ledger, written with its entry and covered by its digests: on both
/// databases, an accepted vintage keeps its files, a refused one leaves none, and a changed file is found.
@Suite("Statistics in the store")
struct StatisticsStoreTests {
    static let mexico = Actor(name: "mex.delegate", role: .delegate, participant: "MEX")

    /// A vintage of `area` naming the two files by their digests.
    static func vintage(_ area: ParticipantID, upload: StoredFile, data: StoredFile) -> StatisticalVintage {
        StatisticalVintage(
            flow: "DF_MIGR_RETURNS", area: area, number: 1,
            file: .init(name: "returns.csv", format: "sdmx-csv", sha256: upload.sha256, bytes: upload.content.count),
            data: .init(sha256: data.sha256, observations: 1))
    }

    static let upload = StoredFile(mediaType: "text/csv", content: Array("STRUCTURE,STRUCTURE_ID\nupload\n".utf8))
    static let data = StoredFile(mediaType: "text/csv", content: Array("STRUCTURE,STRUCTURE_ID\ndata\n".utf8))

    @Test("a committed vintage keeps its files; a refused one keeps nothing", arguments: Backend.all)
    func allOrNothing(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            try await store.appendSetup()
            // Mexico's delegate commits Guatemala's figures: refused by the rules, and no file stays behind.
            await #expect(throws: ChangeError.self) {
                try await store.append(
                    [
                        ProposedChange(
                            .commitVintage(Self.vintage("GTM", upload: Self.upload, data: Self.data)), by: Self.mexico,
                            authority: .participant("GTM"))
                    ], storing: [Self.upload, Self.data])
            }
            #expect(try await store.storedFile(Self.upload.sha256) == nil)
            #expect(try await store.storedFile(Self.data.sha256) == nil)

            let appended = try await store.append(
                [
                    ProposedChange(
                        .commitVintage(Self.vintage("MEX", upload: Self.upload, data: Self.data)), by: Self.mexico,
                        authority: .participant("MEX"))
                ], storing: [Self.upload, Self.data])
            #expect(appended.first?.changed == [.vintage("DF_MIGR_RETURNS/MEX/1")])
            #expect(try await store.storedFile(Self.data.sha256) == Self.data)
            #expect(try await store.storedFile(Self.upload.sha256)?.content == Self.upload.content)
            #expect(try await store.verify().isValid)
        }
    }

    @Test("verify names the vintage whose observations were changed or removed", arguments: Backend.all)
    func tampering(_ backend: Backend) async throws {
        try await withDatabase(backend) { database in
            let sequence = try await withOpenStore(database) { store in
                try await store.appendSetup()
                return try await store.append(
                    [
                        ProposedChange(
                            .commitVintage(Self.vintage("MEX", upload: Self.upload, data: Self.data)), by: Self.mexico,
                            authority: .participant("MEX"))
                    ], storing: [Self.upload, Self.data]
                )[0].entry.sequence
            }
            let blob = backend == .postgres ? "'\\x41'::bytea" : "X'41'"
            let changed = try await database.executeOutsideStore(
                "UPDATE stored_files SET content = \(blob) WHERE sha256 = '\(Self.data.sha256)'")
            #expect(changed.succeeded, "\(changed)")
            try await withOpenStore(database) { store in
                let report = try await store.verify()
                #expect(report.firstBadSequence == sequence)
                #expect(report.problem?.contains("no longer hashes") == true)
            }
            let removed = try await database.executeOutsideStore(
                "DELETE FROM stored_files WHERE sha256 = '\(Self.upload.sha256)'")
            #expect(removed.succeeded, "\(removed)")
            try await withOpenStore(database) { store in
                let report = try await store.verify()
                #expect(report.problem?.contains("is missing") == true)
            }
        }
    }

    @Test("a staged upload is kept for its sender until committed or discarded", arguments: Backend.all)
    func staging(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            let now = Int64(Date().timeIntervalSince1970 * 1000)
            let upload = StagedUpload(
                id: "f00d", username: "mex.delegate", flow: "DF_MIGR_RETURNS", area: "MEX", format: "xlsx",
                name: "devoluciones.xlsx", mapping: "{}", content: [0, 1, 2, 255], createdAt: now)
            try await store.stage(upload)
            #expect(try await store.stagedUpload("f00d") == upload)
            // A day later, staging another drops the first.
            var later = upload
            later.id = "beef"
            later.createdAt = now + 86_400_001
            try await store.stage(later)
            #expect(try await store.stagedUpload("f00d") == nil)
            try await store.discardStagedUpload("beef")
            #expect(try await store.stagedUpload("beef") == nil)
        }
    }
}

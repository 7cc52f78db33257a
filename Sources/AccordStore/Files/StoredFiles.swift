import AccordCore
import Foundation
import SQLKit

extension Store {
    /// The file kept under `sha256`, if any, from the database or the files folder.
    ///
    /// - Throws: `StoreError.corruptRow` when the file no longer hashes to its digest.
    public func storedFile(_ sha256: String) async throws -> StoredFile? {
        let folder = filesFolder
        return try await database.withSession { db in try await StoredFiles.file(sha256, folder: folder, on: db) }
    }

    /// The file kept under `sha256`, if any.
    public func statisticsFile(_ sha256: String) async throws -> StoredFile? { try await storedFile(sha256) }
}

/// The SQL of stored files: the one place they are written and read, whichever feature keeps them.
enum StoredFiles {
    /// Keeps `file` — in the database, or in `folder` with a row saying its type and size — unless a file is
    /// already kept under its digest (the same bytes).
    static func insert(_ file: StoredFile, folder: FileFolder?, on db: any SQLDatabase) async throws {
        let content: Data?
        if let folder {
            try folder.write(file)
            content = nil
        } else {
            content = Data(file.content)
        }
        try await db.raw(
            """
            INSERT INTO stored_files (sha256, media_type, size, content) VALUES (\(bind: file.sha256), \
            \(bind: file.mediaType), \(bind: Int64(file.content.count)), \(bind: content)) \
            ON CONFLICT (sha256) DO NOTHING
            """
        ).run()
    }

    /// The file kept under `sha256`, wherever it is kept; nil when there is none.
    static func file(_ sha256: String, folder: FileFolder?, on db: any SQLDatabase, table: String = "stored_files")
        async throws -> StoredFile?
    {
        guard
            let row = try await db.raw(
                "SELECT media_type, content FROM \(unsafeRaw: table) WHERE sha256 = \(bind: sha256)"
            ).first()
        else { return nil }
        let mediaType = try row.decode(column: "media_type", as: String.self)
        if let content = try row.decode(column: "content", as: Data?.self) {
            return StoredFile(mediaType: mediaType, content: Array(content))
        }
        do {
            guard let bytes = try folder?.read(sha256) else { return nil }
            return StoredFile(mediaType: mediaType, content: bytes)
        } catch let failure as FileFolder.Failure {
            throw StoreError.corruptRow(table: "stored_files", key: sha256, reason: failure.description)
        }
    }

    /// The digests of the files `table` leaves to the files folder (its rows without content): what a copy of
    /// the database needs beside it to be whole.
    static func keptInFolder(on db: any SQLDatabase, table: String = "stored_files") async throws -> [String] {
        try await db.raw("SELECT sha256 FROM \(unsafeRaw: table) WHERE content IS NULL ORDER BY sha256").all()
            .map { try $0.decode(column: "sha256", as: String.self) }
    }

    /// The digests each ledger entry names for a file kept beside it: a vintage's upload and observations, an
    /// attached file.
    static func namedFiles(on db: any SQLDatabase) async throws -> [(sequence: Int64, what: String, sha256: String)] {
        try await db.raw(
            """
            SELECT sequence, entry FROM ledger WHERE kind = 'commit-vintage' OR kind = 'attach-file' \
            ORDER BY sequence
            """
        ).all().flatMap { row -> [(Int64, String, String)] in
            let sequence = try row.decode(column: "sequence", as: Int64.self)
            let entry = try LedgerEntry.decode(canonical: try row.decode(column: "entry", as: String.self).utf8)
            switch entry.change {
            case .commitVintage(let vintage):
                return [
                    (sequence, "the uploaded file of vintage \(vintage.id)", vintage.file.sha256),
                    (sequence, "the observations of vintage \(vintage.id)", vintage.data.sha256),
                ]
            case .attachFile(let attachment):
                return [(sequence, "attachment \(attachment.number) (\(attachment.name))", attachment.sha256)]
            default:
                return []
            }
        }
    }

    /// The first entry whose files are missing or do not hash as it says, with what is wrong.
    static func firstFault(folder: FileFolder?, on db: any SQLDatabase) async throws -> (
        sequence: Int64, problem: String
    )? {
        // A database an Accord before migration 8 left keeps the statistics' files in their own table.
        let schema = try await db.raw("SELECT MAX(version) AS version FROM schema_migrations").first()?
            .decode(column: "version", as: Int?.self)
        let table = (schema ?? 0) >= Migration.m0009StoredFiles.version ? "stored_files" : "statistics_files"
        for (sequence, what, digest) in try await namedFiles(on: db) {
            let file: StoredFile?
            do {
                file = try await self.file(digest, folder: folder, on: db, table: table)
            } catch StoreError.corruptRow {
                return (sequence, "\(what) no longer hashes to \(digest)")
            }
            guard let file else { return (sequence, "\(what) (SHA-256 \(digest)) is missing") }
            guard file.sha256 == digest else { return (sequence, "\(what) no longer hashes to \(digest)") }
        }
        return nil
    }
}

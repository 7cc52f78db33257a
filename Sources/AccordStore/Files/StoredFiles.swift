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
}

/// The SQL of stored files: the one place they are written and read, whichever feature keeps them.
enum StoredFiles {
    /// Records `files` (each already written to `folder`, when the store has one) and checks that every file
    /// `entries` name is stored, in the transaction appending them: an entry is never recorded without its files.
    ///
    /// A file already recorded under its digest (the same bytes) is kept as it is. A file an earlier entry
    /// stored in the folder is checked to be there (a regular file of its size) rather than re-hashed under the
    /// write lock: `verify` and every read re-hash it.
    /// - Throws: `StoreError.missingFile` naming the first file an entry names that is not stored.
    static func record(_ files: [StoredFile], for entries: [LedgerEntry], folder: FileFolder?, on db: any SQLDatabase)
        async throws
    {
        let named = entries.flatMap { namedFiles(of: $0.change) }
        guard !files.isEmpty || !named.isEmpty else { return }
        let table = try await table(on: db)
        for file in files {
            let content = folder == nil ? Data(file.content) : nil
            try await db.raw(
                """
                INSERT INTO \(unsafeRaw: table) (sha256, media_type, size, content) VALUES (\(bind: file.sha256), \
                \(bind: file.mediaType), \(bind: Int64(file.content.count)), \(bind: content)) \
                ON CONFLICT (sha256) DO NOTHING
                """
            ).run()
        }
        for (what, digest) in named {
            let row = try await db.raw(
                """
                SELECT size, CASE WHEN content IS NULL THEN 1 ELSE 0 END AS in_folder FROM \(unsafeRaw: table) \
                WHERE sha256 = \(bind: digest)
                """
            ).first()
            guard let row else { throw StoreError.missingFile(sha256: digest, what: what) }
            if try row.decode(column: "in_folder", as: Int.self) == 1 {
                let size = try row.decode(column: "size", as: Int64.self)
                guard let folder, folder.holds(digest, size: size) else {
                    throw StoreError.missingFile(sha256: digest, what: what)
                }
            }
        }
    }

    /// The table files are kept in: `stored_files`, or the statistics' own on a database an Accord before
    /// migration 9 left (`accord verify` reads one as it is; tests of upgrades append to one).
    static func table(on db: any SQLDatabase) async throws -> String {
        (try await Migrator.newestVersion(on: db) ?? 0) >= Migration.m0009StoredFiles.version
            ? "stored_files" : "statistics_files"
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
            throw StoreError.corruptRow(table: table, key: sha256, reason: failure.description)
        }
    }

    /// The digests of the files `table` leaves to the files folder (its rows without content): what a copy of
    /// the database needs beside it to be whole.
    static func keptInFolder(on db: any SQLDatabase, table: String = "stored_files") async throws -> [String] {
        try await db.raw("SELECT sha256 FROM \(unsafeRaw: table) WHERE content IS NULL ORDER BY sha256").all()
            .map { try $0.decode(column: "sha256", as: String.self) }
    }

    /// The digests each ledger entry names for a file kept beside it.
    static func namedFiles(on db: any SQLDatabase) async throws -> [(sequence: Int64, what: String, sha256: String)] {
        try await db.raw(
            """
            SELECT sequence, entry FROM ledger WHERE kind = 'commit-vintage' OR kind = 'attach-file' \
            ORDER BY sequence
            """
        ).all().flatMap { row -> [(Int64, String, String)] in
            let sequence = try row.decode(column: "sequence", as: Int64.self)
            let entry = try LedgerEntry.decode(canonical: try row.decode(column: "entry", as: String.self).utf8)
            return namedFiles(of: entry.change).map { (sequence, $0.what, $0.sha256) }
        }
    }

    /// The files `change` names by their digests, each with what it is to the record: a vintage's upload and
    /// observations, an attached file.
    static func namedFiles(of change: Change) -> [(what: String, sha256: String)] {
        switch change {
        case .commitVintage(let vintage):
            [
                ("the uploaded file of vintage \(vintage.id)", vintage.file.sha256),
                ("the observations of vintage \(vintage.id)", vintage.data.sha256),
            ]
        case .attachFile(let attachment):
            [("attachment \(attachment.number) (\(attachment.name))", attachment.sha256)]
        default:
            []
        }
    }

    /// The first entry whose files are missing or do not hash as it says, with what is wrong.
    static func firstFault(folder: FileFolder?, on db: any SQLDatabase) async throws -> (
        sequence: Int64, problem: String
    )? {
        let table = try await table(on: db)
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

import AccordCore
import Foundation
import SQLKit

/// A file kept beside the ledger under its SHA-256: an upload as a delegation sent it, or the SDMX-CSV Accord
/// wrote of a vintage's observations. The ledger entry that names it carries the digest.
public struct StatisticsFile: Sendable, Equatable {
    /// The SHA-256 of `content`, in lower-case hexadecimal.
    public let sha256: String
    /// `text/csv`, or the type of the uploaded file.
    public var mediaType: String
    public let content: [UInt8]

    public init(mediaType: String, content: [UInt8]) {
        self.mediaType = mediaType
        self.content = content
        sha256 = HashChain.digest(of: content)
    }
}

/// An upload between its preview and its commit: the file, what it is for, and who sent it. Only its sender
/// may commit it; it is kept for a day.
public struct StagedUpload: Sendable, Equatable {
    /// A random identifier, unguessable, that the preview page and the commit request carry.
    public var id: String
    /// The account that uploaded it.
    public var username: String
    /// The dataflow and the reporting state it is for.
    public var flow: String
    public var area: String
    /// `sdmx-csv`, `csv` or `xlsx`.
    public var format: String
    /// The file's name as sent.
    public var name: String
    /// The spreadsheet mapping it is read with, as JSON; nil for SDMX-CSV.
    public var mapping: String?
    public var content: [UInt8]
    /// When it was staged, in milliseconds since 1970.
    public var createdAt: Int64

    public init(
        id: String, username: String, flow: String, area: String, format: String, name: String, mapping: String?,
        content: [UInt8], createdAt: Int64
    ) {
        self.id = id
        self.username = username
        self.flow = flow
        self.area = area
        self.format = format
        self.name = name
        self.mapping = mapping
        self.content = content
        self.createdAt = createdAt
    }
}

extension Store {
    /// The file kept under `sha256`, if any.
    public func statisticsFile(_ sha256: String) async throws -> StatisticsFile? {
        try await database.withSession { db in try await StatisticsTables.file(sha256, on: db) }
    }

    /// Keeps an upload until it is committed or discarded; uploads older than a day go at the same time.
    public func stage(_ upload: StagedUpload) async throws {
        try await database.withSession { db in
            try await StatisticsTables.removeUploads(before: upload.createdAt - 86_400_000, on: db)
            try await StatisticsTables.insert(upload, on: db)
        }
    }

    /// The staged upload `id`, if it is still kept.
    public func stagedUpload(_ id: String) async throws -> StagedUpload? {
        try await database.withSession { db in try await StatisticsTables.upload(id, on: db) }
    }

    /// Saves `mapping` (JSON) as `area`'s mapping `name`, replacing one of that name.
    public func saveMapping(area: String, name: String, mapping: String, by username: String) async throws {
        try await database.withSession { db in
            try await db.raw(
                """
                INSERT INTO statistics_mappings (area, name, mapping, saved_by, saved_at) VALUES (\(bind: area), \
                \(bind: name), \(bind: mapping), \(bind: username), \(bind: Int64(Date().timeIntervalSince1970 * 1000))) \
                ON CONFLICT (area, name) DO UPDATE SET mapping = excluded.mapping, saved_by = excluded.saved_by, \
                saved_at = excluded.saved_at
                """
            ).run()
        }
    }

    /// `area`'s saved mappings, by name: each one's JSON.
    public func mappings(area: String) async throws -> [(name: String, mapping: String)] {
        try await database.withSession { db in
            try await db.raw(
                "SELECT name, mapping FROM statistics_mappings WHERE area = \(bind: area) ORDER BY name"
            ).all().map { row in
                (try row.decode(column: "name", as: String.self), try row.decode(column: "mapping", as: String.self))
            }
        }
    }

    /// Discards a staged upload (committed, or abandoned by its sender).
    public func discardStagedUpload(_ id: String) async throws {
        try await database.withSession { db in try await StatisticsTables.removeUpload(id, on: db) }
    }
}

/// The statistics' SQL: the one place their files and staged uploads are written and read.
enum StatisticsTables {
    /// Keeps `file`; a file already kept under its digest is the same bytes, and stays.
    static func insert(_ file: StatisticsFile, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            INSERT INTO statistics_files (sha256, media_type, size, content) VALUES (\(bind: file.sha256), \
            \(bind: file.mediaType), \(bind: Int64(file.content.count)), \(bind: Data(file.content))) \
            ON CONFLICT (sha256) DO NOTHING
            """
        ).run()
    }

    static func file(_ sha256: String, on db: any SQLDatabase) async throws -> StatisticsFile? {
        guard
            let row = try await db.raw(
                "SELECT media_type, content FROM statistics_files WHERE sha256 = \(bind: sha256)"
            ).first()
        else { return nil }
        return StatisticsFile(
            mediaType: try row.decode(column: "media_type", as: String.self),
            content: Array(try row.decode(column: "content", as: Data.self)))
    }

    static func insert(_ upload: StagedUpload, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            INSERT INTO statistics_uploads (id, username, flow, area, format, name, mapping, content, created_at) \
            VALUES (\(bind: upload.id), \(bind: upload.username), \(bind: upload.flow), \(bind: upload.area), \
            \(bind: upload.format), \(bind: upload.name), \(bind: upload.mapping), \(bind: Data(upload.content)), \
            \(bind: upload.createdAt))
            """
        ).run()
    }

    static func upload(_ id: String, on db: any SQLDatabase) async throws -> StagedUpload? {
        guard
            let row = try await db.raw(
                """
                SELECT id, username, flow, area, format, name, mapping, content, created_at FROM statistics_uploads \
                WHERE id = \(bind: id)
                """
            ).first()
        else { return nil }
        return StagedUpload(
            id: try row.decode(column: "id", as: String.self),
            username: try row.decode(column: "username", as: String.self),
            flow: try row.decode(column: "flow", as: String.self),
            area: try row.decode(column: "area", as: String.self),
            format: try row.decode(column: "format", as: String.self),
            name: try row.decode(column: "name", as: String.self),
            mapping: try row.decode(column: "mapping", as: String?.self),
            content: Array(try row.decode(column: "content", as: Data.self)),
            createdAt: try row.decode(column: "created_at", as: Int64.self))
    }

    static func removeUpload(_ id: String, on db: any SQLDatabase) async throws {
        try await db.raw("DELETE FROM statistics_uploads WHERE id = \(bind: id)").run()
    }

    static func removeUploads(before time: Int64, on db: any SQLDatabase) async throws {
        try await db.raw("DELETE FROM statistics_uploads WHERE created_at < \(bind: time)").run()
    }

    /// The ledger's vintages with their sequence: what `verify` checks the kept files against.
    static func vintageEntries(on db: any SQLDatabase) async throws -> [(sequence: Int64, vintage: StatisticalVintage)]
    {
        try await db.raw("SELECT sequence, entry FROM ledger WHERE kind = 'commit-vintage' ORDER BY sequence").all()
            .compactMap { row in
                let sequence = try row.decode(column: "sequence", as: Int64.self)
                let entry = try LedgerEntry.decode(canonical: try row.decode(column: "entry", as: String.self).utf8)
                guard case .commitVintage(let vintage) = entry.change else { return nil }
                return (sequence, vintage)
            }
    }

    /// The first vintage whose files are missing or do not hash as its entry says, with what is wrong.
    static func firstFault(on db: any SQLDatabase) async throws -> (sequence: Int64, problem: String)? {
        for (sequence, vintage) in try await vintageEntries(on: db) {
            for (what, digest) in [("uploaded file", vintage.file.sha256), ("observations", vintage.data.sha256)] {
                guard let file = try await file(digest, on: db) else {
                    return (sequence, "the \(what) of vintage \(vintage.id) (SHA-256 \(digest)) is missing")
                }
                guard file.sha256 == digest else {
                    return (sequence, "the \(what) of vintage \(vintage.id) no longer hashes to \(digest)")
                }
            }
        }
        return nil
    }
}

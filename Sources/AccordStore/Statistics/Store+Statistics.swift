import AccordCore
import Foundation
import SQLKit

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

/// The statistics' SQL: the one place their staged uploads are written and read (their files are `StoredFiles`').
enum StatisticsTables {
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
}

import AccordCore
import SQLKit

/// The projection reads of `verify`: every version of every entity, each document reduced to a digest as
/// it is read, so that a large projection table never sits in memory as text.
extension EntityVersionsTable {
    private static let everyVersion = "SELECT kind, id, valid_from, valid_to, document FROM entity_versions"

    /// Every version, read on a direct SQLite connection.
    static func versionDigests(on connection: DirectSQLiteConnection) throws -> [StoredVersion] {
        var versions: [StoredVersion] = []
        try connection.execute(everyVersion) { row in
            let kind = row.string(0) ?? ""
            let id = row.string(1) ?? ""
            guard let ref = EntityRef(kind: kind, id: id) else { throw unknownKind(kind, id) }
            versions.append(
                StoredVersion(
                    ref: ref, validFrom: row.int64(2), validTo: row.isNull(3) ? nil : row.int64(3),
                    digest: DocumentDigest.of(row.bytes(4))))
        }
        return versions
    }

    /// Every version, read through SQLKit (PostgreSQL).
    static func versionDigests(on db: any SQLDatabase) async throws -> [StoredVersion] {
        try await db.raw(SQLQueryString(everyVersion)).all().map { row in
            let kind = try row.decode(column: "kind", as: String.self)
            let id = try row.decode(column: "id", as: String.self)
            guard let ref = EntityRef(kind: kind, id: id) else { throw unknownKind(kind, id) }
            return StoredVersion(
                ref: ref, validFrom: try row.decode(column: "valid_from", as: Int64.self),
                validTo: try row.decode(column: "valid_to", as: Int64?.self),
                digest: DocumentDigest.of(try row.decode(column: "document", as: String.self)))
        }
    }

    private static func unknownKind(_ kind: String, _ id: String) -> StoreError {
        .corruptRow(table: "entity_versions", key: "\(kind) \(id)", reason: "unknown kind")
    }
}

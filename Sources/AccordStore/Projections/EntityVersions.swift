import AccordCore
import Foundation
import SQLKit

/// One stored version of an entity.
struct EntityVersion: Sendable {
    var ref: EntityRef
    var validFrom: Int64
    var validTo: Int64?
    var document: String
}

/// The projections' SQL: writing the new version of each entity an entry changed, and reading the
/// record as it stands now or stood at any ledger position.
enum EntityVersionsTable {
    private static let insertColumns = "kind, id, valid_from, valid_to, scope, status, document"

    /// Inserts the new version of each changed entity, valid from `sequence`; the table's trigger closes
    /// each entity's previous version.
    static func record(_ changed: [EntityRef], of state: ProcessState, at sequence: Int64, on db: any SQLDatabase)
        async throws
    {
        guard !changed.isEmpty else { return }
        // All rows in one statement, in plain SQL rather than SQLKit's insert builder, which would need an
        // Encodable row type for what is six columns.
        let rows = try changed.map { ref -> SQLQueryString in
            let row = try Projection.row(for: ref, in: state)
            return
                "(\(bind: ref.kind), \(bind: ref.id), \(bind: sequence), NULL, \(bind: row.scope), \(bind: row.status), \(bind: row.document))"
        }
        try await db.raw(
            "INSERT INTO entity_versions (\(unsafeRaw: insertColumns)) VALUES " + rows.joined(separator: ", ")
        ).run()
    }

    /// The versions valid at `position`, or the current ones when `position` is nil; of one kind if given.
    static func versions(at position: Int64?, kind: String? = nil, on db: any SQLDatabase) async throws
        -> [EntityVersion]
    {
        let validity: SQLQueryString =
            if let position {
                "valid_from <= \(bind: position) AND (valid_to IS NULL OR valid_to > \(bind: position))"
            } else {
                "valid_to IS NULL"
            }
        let kindFilter: SQLQueryString = if let kind { " AND kind = \(bind: kind)" } else { "" }
        return try await db.raw(
            "SELECT kind, id, valid_from, valid_to, document FROM entity_versions WHERE \(validity)\(kindFilter)"
        ).all().map(version)
    }

    /// Which versions of `kind` are valid at `position` (now, when nil), as the entity and the position each
    /// is valid from, without their documents: enough to find them among rows decoded before.
    static func versionKeys(at position: Int64?, kind: String, on db: any SQLDatabase) async throws
        -> [DecodedItems.Key]
    {
        let validity: SQLQueryString =
            if let position {
                "valid_from <= \(bind: position) AND (valid_to IS NULL OR valid_to > \(bind: position))"
            } else {
                "valid_to IS NULL"
            }
        return try await db.raw("SELECT id, valid_from FROM entity_versions WHERE \(validity) AND kind = \(bind: kind)")
            .all().map {
                DecodedItems.Key(
                    number: try $0.decode(column: "id", as: String.self),
                    validFrom: try $0.decode(column: "valid_from", as: Int64.self))
            }
    }

    /// Every version of every entity, for `verify`.
    static func allVersions(on db: any SQLDatabase) async throws -> [EntityVersion] {
        try await db.raw("SELECT kind, id, valid_from, valid_to, document FROM entity_versions ORDER BY valid_from")
            .all().map(version)
    }

    /// Every version of one entity, oldest first: its history.
    static func history(of ref: EntityRef, on db: any SQLDatabase) async throws -> [EntityVersion] {
        try await db.raw(
            """
            SELECT kind, id, valid_from, valid_to, document FROM entity_versions \
            WHERE kind = \(bind: ref.kind) AND id = \(bind: ref.id) ORDER BY valid_from
            """
        ).all().map(version)
    }

    private static func version(_ row: any SQLRow) throws -> EntityVersion {
        let kind = try row.decode(column: "kind", as: String.self)
        let id = try row.decode(column: "id", as: String.self)
        guard let ref = EntityRef(kind: kind, id: id) else {
            throw StoreError.corruptRow(table: "entity_versions", key: "\(kind) \(id)", reason: "unknown kind")
        }
        return EntityVersion(
            ref: ref, validFrom: try row.decode(column: "valid_from", as: Int64.self),
            validTo: try row.decode(column: "valid_to", as: Int64?.self),
            document: try row.decode(column: "document", as: String.self))
    }
}

/// How each kind of entity is written to and read from its projection row; Core's `Record` knows the kinds.
enum Projection {
    struct Row {
        var scope: String?
        var status: String?
        var document: String
    }

    static func row(for ref: EntityRef, in state: ProcessState) throws -> Row {
        guard let record = state.record(ref) else { throw missing(ref) }
        return Row(
            scope: record.scope, status: record.status, document: String(decoding: try record.encoded(), as: UTF8.self))
    }

    /// The error for a changed entity that is not in the state after the change.
    static func missing(_ ref: EntityRef) -> StoreError {
        .corruptRow(table: "entity_versions", key: ref.description, reason: "changed entity is not in the state")
    }

    /// Assembles the state that `versions` describe, at ledger position `sequence`.
    static func state(from versions: [EntityVersion], sequence: Int64) throws -> ProcessState {
        let decoder = JSONDecoder()
        var records: [Record] = []
        records.reserveCapacity(versions.count)
        var lastChanged: [EntityRef: Int64] = [:]
        for version in versions {
            do {
                records.append(
                    try Record.decode(kind: version.ref.kind, from: Data(version.document.utf8), using: decoder))
            } catch {
                throw StoreError.corruptRow(
                    table: "entity_versions", key: "\(version.ref) from \(version.validFrom)", reason: "\(error)")
            }
            lastChanged[version.ref] = version.validFrom
        }
        return ProcessState(sequence: sequence, records: records, lastChanged: lastChanged)
    }
}

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
    /// Inserts the new version of each changed entity, valid from `sequence`, in one statement; the
    /// table's trigger closes each entity's previous version.
    static func record(_ changed: [EntityRef], of state: ProcessState, at sequence: Int64, on db: any SQLDatabase)
        async throws
    {
        guard !changed.isEmpty else { return }
        var insert = db.insert(into: "entity_versions")
            .columns("kind", "id", "valid_from", "valid_to", "scope", "status", "document")
        for ref in changed {
            let row = try Projection.row(for: ref, in: state)
            insert = insert.values(
                SQLBind(ref.kind), SQLBind(ref.id), SQLBind(sequence), SQLLiteral.null, SQLBind(row.scope),
                SQLBind(row.status), SQLBind(row.document))
        }
        try await insert.run()
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

/// How each kind of entity is written to and read from its projection row.
enum Projection {
    struct Row {
        var scope: String?
        var status: String?
        var document: String
    }

    static func row(for ref: EntityRef, in state: ProcessState) throws -> Row {
        func missing() -> StoreError {
            .corruptRow(table: "entity_versions", key: ref.description, reason: "changed entity is not in the state")
        }
        switch ref {
        case .process:
            guard let process = state.process else { throw missing() }
            return Row(scope: nil, status: nil, document: try encode(process))
        case .participant(let id):
            guard let value = state.participants[id] else { throw missing() }
            return Row(scope: nil, status: value.kind.rawValue, document: try encode(value))
        case .body(let id):
            guard let value = state.bodies[id] else { throw missing() }
            return Row(scope: value.parent?.rawValue, status: value.level.rawValue, document: try encode(value))
        case .meeting(let id):
            guard let value = state.meetings[id] else { throw missing() }
            return Row(scope: value.body.rawValue, status: nil, document: try encode(value))
        case .decision(let id):
            guard let value = state.decisions[id] else { throw missing() }
            return Row(scope: value.meeting.rawValue, status: value.kind.rawValue, document: try encode(value))
        case .item(let id):
            guard let value = state.items[id] else { throw missing() }
            return Row(scope: value.workplan?.rawValue, status: value.status.rawValue, document: try encode(value))
        case .workplan(let id):
            guard let value = state.workplans[id] else { throw missing() }
            return Row(scope: value.body.rawValue, status: value.status.rawValue, document: try encode(value))
        }
    }

    /// Assembles the state that `versions` describe, at ledger position `sequence`.
    static func state(from versions: [EntityVersion], sequence: Int64) throws -> ProcessState {
        let decoder = JSONDecoder()
        var process: AccordCore.Process?
        var participants: [Participant] = []
        var bodies: [Body] = []
        var meetings: [Meeting] = []
        var decisions: [Decision] = []
        var items: [PlanItem] = []
        var workplans: [Workplan] = []
        var lastChanged: [EntityRef: Int64] = [:]
        for version in versions {
            let data = Data(version.document.utf8)
            do {
                switch version.ref {
                case .process: process = try decoder.decode(AccordCore.Process.self, from: data)
                case .participant: participants.append(try decoder.decode(Participant.self, from: data))
                case .body: bodies.append(try decoder.decode(Body.self, from: data))
                case .meeting: meetings.append(try decoder.decode(Meeting.self, from: data))
                case .decision: decisions.append(try decoder.decode(Decision.self, from: data))
                case .item: items.append(try decoder.decode(PlanItem.self, from: data))
                case .workplan: workplans.append(try decoder.decode(Workplan.self, from: data))
                }
            } catch {
                throw StoreError.corruptRow(
                    table: "entity_versions", key: "\(version.ref) from \(version.validFrom)", reason: "\(error)")
            }
            lastChanged[version.ref] = version.validFrom
        }
        return ProcessState(
            sequence: sequence, process: process, participants: participants, bodies: bodies, meetings: meetings,
            decisions: decisions, items: items, workplans: workplans, lastChanged: lastChanged)
    }

    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

import AccordCore
import Foundation
import SQLKit

/// The newest position of the ledger.
public struct LedgerHead: Sendable, Equatable, Codable {
    public var sequence: Int64
    public var hash: String

    public init(sequence: Int64, hash: String) {
        self.sequence = sequence
        self.hash = hash
    }
}

extension Store {
    /// The ledger's newest position.
    public func head() async throws -> LedgerHead {
        try await database.withSession { db in
            let head = try await LedgerTable.head(on: db)
            return LedgerHead(sequence: head.sequence, hash: head.hash)
        }
    }

    /// The record as it stands now, reduced to what `readership` may see (`ProcessState.published(for:)`, the one
    /// read policy), kept per readership for the newest position: the reduction is a pass over every item, and
    /// the public asks for it on every page, search and export.
    public func currentState(for readership: Readership) async throws -> ProcessState {
        let state = try await currentState()
        guard case .outside = readership else { return state }
        if let kept = publishedStates.withLock({ $0[readership] }), kept.position == state.sequence {
            return kept.state
        }
        let reduced = state.published(for: readership)
        publishedStates.withLock { kept in
            // Observers each have a readership of their own: a bound on what is kept.
            if kept.count >= 32 { kept.removeAll() }
            if (kept[readership]?.position ?? -1) < state.sequence { kept[readership] = (state.sequence, reduced) }
        }
        return reduced
    }

    /// The record as it stands now.
    ///
    /// One query asks for the ledger head; when this process has already seen that position the state is
    /// served from memory, otherwise it is brought up to date from the ledger (another process wrote).
    public func currentState() async throws -> ProcessState {
        let cached = cache.newest?.value
        // One statement, outside any transaction: the common case is that nothing was appended since.
        if let cached, try await head().sequence == cached.state.sequence { return cached.state }
        let snapshot = try await database.transaction(writing: false) { db in
            let head = try await LedgerTable.head(on: db)
            let state = try await self.state(from: cached?.state, advancedTo: head.sequence, on: db)
            return Snapshot(state: state, hash: head.hash)
        }
        cache.store(snapshot, at: snapshot.state.sequence)
        return snapshot.state
    }

    /// The record as it stood right after ledger entry `position`, read from the projections.
    ///
    /// - Throws: `ChangeError.invalid` when the ledger has not reached `position`.
    public func state(at position: Int64) async throws -> ProcessState {
        try await database.transaction(writing: false) { db in
            let head = try await LedgerTable.head(on: db)
            guard (0...head.sequence).contains(position) else {
                throw ChangeError.invalid(
                    field: "asOf",
                    reason: "the ledger has entries 1 to \(head.sequence); \(position) is not one of them")
            }
            return try Projection.state(
                from: try await EntityVersionsTable.versions(at: position, on: db), sequence: position)
        }
    }

    /// The plan items valid at `position` (now, when nil), straight from the projections.
    ///
    /// - Throws: `ChangeError.invalid` when the ledger has not reached `position`.
    public func items(at position: Int64? = nil) async throws -> (sequence: Int64, items: [PlanItem]) {
        let (sequence, found) = try await database.transaction(writing: false) { db in
            let head = try await LedgerTable.head(on: db)
            if let position, !(0...head.sequence).contains(position) {
                throw ChangeError.invalid(
                    field: "asOf",
                    reason: "the ledger has entries 1 to \(head.sequence); \(position) is not one of them")
            }
            // Which rows are valid is always asked of the database; only their contents may come from memory.
            let keys = try await EntityVersionsTable.versionKeys(at: position, kind: "item", on: db)
            if let items = self.decodedItems.items(for: keys) {
                return (position ?? head.sequence, Found.decoded(items))
            }
            let versions = try await EntityVersionsTable.versions(at: position, kind: "item", on: db)
            return (position ?? head.sequence, Found.rows(versions))
        }
        switch found {
        case .decoded(let items):
            return (sequence, items)
        case .rows(let versions):
            // Decoded after the transaction, which then holds its connection no longer than the reading.
            let decoder = JSONDecoder()
            let items = try versions.map { try Self.item(from: $0, using: decoder) }
            decodedItems.keep(items, from: versions)
            return (sequence, items)
        }
    }

    /// What a read of the plan's rows found: the items, when every row was decoded before, or the rows.
    private enum Found: Sendable {
        case decoded([PlanItem])
        case rows([EntityVersion])
    }

    /// The plan item a projection row holds.
    private static func item(from version: EntityVersion, using decoder: JSONDecoder) throws -> PlanItem {
        do {
            return try decoder.decode(PlanItem.self, from: Data(version.document.utf8))
        } catch {
            throw StoreError.corruptRow(
                table: "entity_versions", key: "\(version.ref) from \(version.validFrom)", reason: "\(error)")
        }
    }

    /// The ledger position that shows the plan as it stood after `meeting`: the last entry authorized by a
    /// decision of that meeting or of any meeting that started no later.
    ///
    /// - Throws: `ChangeError.unknownReference` for an unknown meeting.
    public func position(after meeting: MeetingID) async throws -> Int64 {
        let state = try await currentState()
        guard let target = state.meetings[meeting] else {
            throw ChangeError.unknownReference(field: "meeting", reason: "no meeting has the code '\(meeting)'")
        }
        let earlier = state.meetings.values.filter { other in
            other.id == meeting || (other.start != nil && target.start != nil && other.start! <= target.start!)
        }.map(\.id)
        return try await database.withSession { db in
            try await LedgerTable.lastPosition(citingMeetings: earlier, on: db) ?? 0
        }
    }

    /// Ledger entries newest first, `limit` at a time; pass the last sequence of a page as `before` for the next.
    public func entries(before: Int64? = nil, limit: Int = 50) async throws -> [StoredEntry] {
        try await database.withSession { db in
            try await LedgerTable.page(before: before, limit: max(1, min(limit, 500)), on: db)
        }
    }

    /// One ledger entry, if it exists.
    public func entry(_ sequence: Int64) async throws -> StoredEntry? {
        try await database.withSession { db in
            try await LedgerTable.entries(in: sequence...sequence, on: db).first
        }
    }

    /// The ledger positions at which `ref` changed, oldest first.
    public func history(of ref: EntityRef) async throws -> [Int64] {
        try await database.withSession { db in
            try await EntityVersionsTable.history(of: ref, on: db).map(\.validFrom)
        }
    }
}

import AccordCore
import SQLKit

/// One stored ledger entry: the canonical bytes as hashed, the chain's hashes, and the columns repeated
/// from the entry for queries.
public struct StoredEntry: Sendable, Equatable {
    public var sequence: Int64
    public var recordedAt: String
    public var actor: String
    public var decision: String?
    public var kind: String
    /// The canonical JSON of the entry, exactly as hashed.
    public var entry: String
    public var previousHash: String
    public var hash: String

    /// The entry, read back from its canonical bytes (which must be canonical: see `CanonicalJSON.decode`).
    public func decoded() throws -> LedgerEntry { try LedgerEntry.decode(canonical: entry.utf8) }
}

/// The ledger's SQL: the one place entries are written and read.
enum LedgerTable {
    static let columns = "sequence, recorded_at, actor, decision, kind, entry, previous_hash, hash"

    /// The last entry's sequence and hash, or (0, genesis) for an empty ledger.
    static func head(on db: any SQLDatabase) async throws -> (sequence: Int64, hash: String) {
        let row = try await db.raw("SELECT sequence, hash FROM ledger ORDER BY sequence DESC LIMIT 1").first()
        guard let row else { return (0, HashChain.genesis) }
        return (try row.decode(column: "sequence", as: Int64.self), try row.decode(column: "hash", as: String.self))
    }

    static func insert(_ entry: StoredEntry, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            INSERT INTO ledger (\(unsafeRaw: columns)) VALUES (\(bind: entry.sequence), \(bind: entry.recordedAt), \
            \(bind: entry.actor), \(bind: entry.decision), \(bind: entry.kind), \(bind: entry.entry), \
            \(bind: entry.previousHash), \(bind: entry.hash))
            """
        ).run()
    }

    /// Entries with `sequence` in `range`, in order.
    ///
    /// - Parameter chainOnly: read only what the hash chain covers (sequence, hashes, entry), leaving the
    ///   columns repeated from the entry empty: checking the chain alone reads half as much.
    static func entries(in range: ClosedRange<Int64>, chainOnly: Bool = false, on db: any SQLDatabase) async throws
        -> [StoredEntry]
    {
        let rows = try await db.raw(
            """
            SELECT \(unsafeRaw: chainOnly ? "sequence, entry, previous_hash, hash" : columns) FROM ledger \
            WHERE sequence >= \(bind: range.lowerBound) AND sequence <= \(bind: range.upperBound) ORDER BY sequence
            """
        ).all()
        guard chainOnly else { return try rows.map(storedEntry) }
        return try rows.map { row in
            StoredEntry(
                sequence: try row.decode(column: "sequence", as: Int64.self), recordedAt: "", actor: "",
                decision: nil, kind: "", entry: try row.decode(column: "entry", as: String.self),
                previousHash: try row.decode(column: "previous_hash", as: String.self),
                hash: try row.decode(column: "hash", as: String.self))
        }
    }

    /// Entries newest first, `limit` at a time, starting below `before` when given.
    static func page(before: Int64?, limit: Int, on db: any SQLDatabase) async throws -> [StoredEntry] {
        try await db.raw(
            """
            SELECT \(unsafeRaw: columns) FROM ledger WHERE sequence < \(bind: before ?? Int64.max) \
            ORDER BY sequence DESC LIMIT \(bind: limit)
            """
        ).all().map(storedEntry)
    }

    /// The last ledger position whose authority is a decision of `meetings` (a meeting and those before it).
    static func lastPosition(citingMeetings meetings: [MeetingID], on db: any SQLDatabase) async throws -> Int64? {
        guard !meetings.isEmpty else { return nil }
        // A decision's meeting is all of its id before the last slash (paragraph numbers have none), and a
        // meeting code may itself hold a slash: so "RCM/%" must not match "RCM/EXTRA/1", a decision of "RCM/EXTRA".
        let conditions = SQLList(
            meetings.map { meeting in
                SQLGroupExpression(
                    SQLBinaryExpression(
                        SQLBinaryExpression(SQLColumn("decision"), .like, SQLBind(meeting.rawValue + "/%")), .and,
                        SQLBinaryExpression(SQLColumn("decision"), .notLike, SQLBind(meeting.rawValue + "/%/%"))))
            }, separator: SQLRaw(" OR "))
        return try await db.raw("SELECT MAX(sequence) AS position FROM ledger WHERE \(conditions)").first()?
            .decode(column: "position", as: Int64?.self)
    }

    private static func storedEntry(_ row: any SQLRow) throws -> StoredEntry {
        StoredEntry(
            sequence: try row.decode(column: "sequence", as: Int64.self),
            recordedAt: try row.decode(column: "recorded_at", as: String.self),
            actor: try row.decode(column: "actor", as: String.self),
            decision: try row.decode(column: "decision", as: String?.self),
            kind: try row.decode(column: "kind", as: String.self),
            entry: try row.decode(column: "entry", as: String.self),
            previousHash: try row.decode(column: "previous_hash", as: String.self),
            hash: try row.decode(column: "hash", as: String.self))
    }
}

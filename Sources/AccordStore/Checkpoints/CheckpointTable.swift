import AccordCore
import SQLKit

/// The checkpoints' SQL, written once for SQLite and PostgreSQL (both read `ON CONFLICT` alike).
enum CheckpointTable {
    /// A checkpoint row: the note as signed, and the verifier key of the key that signed it.
    struct Row: Sendable {
        var size: Int64
        var key: String
        var hash: String
        var note: String
    }

    /// Keeps a signed checkpoint, unless one of that size by that key is kept already (another process of
    /// the same installation signed the same head first).
    static func insert(_ row: Row, signedAt: Timestamp, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            INSERT INTO checkpoints (size, key, hash, signed_at, note) \
            VALUES (\(bind: row.size), \(bind: row.key), \(bind: row.hash), \(bind: signedAt.description), \
            \(bind: row.note)) ON CONFLICT (size, key) DO NOTHING
            """
        ).run()
    }

    /// The newest checkpoint kept: the largest size, the last signed of that size.
    static func latest(on db: any SQLDatabase) async throws -> Row? {
        try await db.raw(
            "SELECT size, key, hash, note FROM checkpoints ORDER BY size DESC, signed_at DESC LIMIT 1"
        ).first().map(row)
    }

    /// The checkpoints of `size`, by every key.
    static func all(ofSize size: Int64, on db: any SQLDatabase) async throws -> [Row] {
        try await db.raw("SELECT size, key, hash, note FROM checkpoints WHERE size = \(bind: size) ORDER BY signed_at")
            .all().map(row)
    }

    /// The first checkpoint signed of `size` or larger: the one closest above a ledger position.
    static func earliest(covering size: Int64, on db: any SQLDatabase) async throws -> Row? {
        try await db.raw(
            "SELECT size, key, hash, note FROM checkpoints WHERE size >= \(bind: size) ORDER BY size, signed_at LIMIT 1"
        ).first().map(row)
    }

    /// The checkpoints of `size` or larger, smallest first: those that cover a ledger position.
    static func covering(_ size: Int64, on db: any SQLDatabase) async throws -> [Row] {
        try await db.raw(
            "SELECT size, key, hash, note FROM checkpoints WHERE size >= \(bind: size) ORDER BY size, signed_at"
        ).all().map(row)
    }

    /// The cosignatures of the checkpoints of `size` or larger, in the order they were cosigned.
    static func cosignatures(from size: Int64, on db: any SQLDatabase) async throws -> [(
        size: Int64, key: String, Witnessing
    )] {
        try await db.raw(
            """
            SELECT size, key, witness, participant, witness_key, line, cosigned_at FROM checkpoint_cosignatures \
            WHERE size >= \(bind: size) ORDER BY cosigned_at, witness
            """
        ).all().map { row in
            let witnessing = Witnessing(
                username: try row.decode(column: "witness", as: String.self),
                participant: try row.decode(column: "participant", as: String?.self).map { ParticipantID($0) },
                key: try row.decode(column: "witness_key", as: String.self),
                time: UInt64(max(0, try row.decode(column: "cosigned_at", as: Int64.self))),
                size: try row.decode(column: "size", as: Int64.self),
                line: try row.decode(column: "line", as: String.self))
            return (witnessing.size, try row.decode(column: "key", as: String.self), witnessing)
        }
    }

    /// Keeps a witness's cosignature of the checkpoint (`size`, `key`); a second one by the same witness is
    /// not kept (the first stands).
    ///
    /// - Returns: whether it was kept.
    static func insertCosignature(_ witnessing: Witnessing, checkpointKey: String, on db: any SQLDatabase) async throws
        -> Bool
    {
        let rows = try await db.raw(
            """
            INSERT INTO checkpoint_cosignatures \
            (size, key, witness, participant, witness_key, line, cosigned_at, recorded_at) \
            VALUES (\(bind: witnessing.size), \(bind: checkpointKey), \(bind: witnessing.username), \
            \(bind: witnessing.participant?.rawValue), \(bind: witnessing.key), \(bind: witnessing.line), \
            \(bind: Int64(clamping: witnessing.time)), \(bind: Clock.now().description)) \
            ON CONFLICT (size, key, witness) DO NOTHING RETURNING witness
            """
        ).all()
        return !rows.isEmpty
    }

    /// The verifier key an account cosigns with, if one is registered.
    static func witnessKey(of username: String, on db: any SQLDatabase) async throws -> String? {
        try await db.raw("SELECT vkey FROM witness_keys WHERE username = \(bind: username)").first()?
            .decode(column: "vkey", as: String.self)
    }

    /// Registers (or replaces) the verifier key an account cosigns with.
    static func setWitnessKey(_ vkey: String, of username: String, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            INSERT INTO witness_keys (username, vkey, registered_at) \
            VALUES (\(bind: username), \(bind: vkey), \(bind: Clock.now().description)) \
            ON CONFLICT (username) DO UPDATE SET vkey = excluded.vkey, registered_at = excluded.registered_at
            """
        ).run()
    }

    /// Removes an account's witness key; its cosignatures already kept stay.
    static func removeWitnessKey(of username: String, on db: any SQLDatabase) async throws {
        try await db.raw("DELETE FROM witness_keys WHERE username = \(bind: username)").run()
    }

    private static func row(_ row: any SQLRow) throws -> Row {
        Row(
            size: try row.decode(column: "size", as: Int64.self), key: try row.decode(column: "key", as: String.self),
            hash: try row.decode(column: "hash", as: String.self), note: try row.decode(column: "note", as: String.self)
        )
    }
}

/// The ledger's hashes without its entries: what the public pages through to follow the chain.
enum LedgerHashTable {
    /// Entries after `sequence`, oldest first, `limit` at a time: their hashes and when they were recorded.
    static func page(after sequence: Int64, limit: Int, on db: any SQLDatabase) async throws -> [LedgerHash] {
        try await db.raw(
            """
            SELECT sequence, hash, previous_hash, recorded_at FROM ledger \
            WHERE sequence > \(bind: sequence) ORDER BY sequence LIMIT \(bind: limit)
            """
        ).all().map { row in
            LedgerHash(
                sequence: try row.decode(column: "sequence", as: Int64.self),
                hash: try row.decode(column: "hash", as: String.self),
                previousHash: try row.decode(column: "previous_hash", as: String.self),
                recordedAt: try row.decode(column: "recorded_at", as: String.self))
        }
    }

    /// The chain hash of entry `sequence`, or nil when the ledger has no such entry (the genesis for 0).
    static func hash(at sequence: Int64, on db: any SQLDatabase) async throws -> String? {
        guard sequence > 0 else { return HashChain.genesis }
        return try await db.raw("SELECT hash FROM ledger WHERE sequence = \(bind: sequence)").first()?
            .decode(column: "hash", as: String.self)
    }
}

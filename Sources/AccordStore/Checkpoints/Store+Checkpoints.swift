import AccordCore

/// A checkpoint Accord signed and kept, with the witnesses who cosigned it.
public struct StoredCheckpoint: Sendable, Hashable {
    /// The checkpoint with Accord's signature, then each witness's cosignature line.
    public var signed: SignedCheckpoint
    /// The verifier key of the key that signed it.
    public var key: String
    /// The member states' delegates who cosigned it, in the order they did.
    public var witnesses: [Witnessing]

    public var checkpoint: Checkpoint { signed.checkpoint }
}

/// A witness's cosignature of a checkpoint, as kept: who submitted it, with which key, and when it was made.
public struct Witnessing: Sendable, Hashable {
    /// The account that submitted it: a member state's delegate.
    public var username: String
    /// The member state the delegate speaks for.
    public var participant: ParticipantID?
    /// The verifier key it was checked against.
    public var key: String
    /// When the witness cosigned, in seconds since 1970 (the cosignature's own timestamp).
    public var time: UInt64
    /// The size of the checkpoint it cosigned.
    public var size: Int64
    /// The signature line.
    public var line: String
}

/// One ledger entry's place in the chain, without its payload or even its kind: what the public may read of
/// every entry, published or not, to follow the chain from the genesis to a checkpoint.
public struct LedgerHash: Sendable, Hashable, Codable {
    public var sequence: Int64
    public var hash: String
    public var previousHash: String
    public var recordedAt: String
}

/// Where a ledger stops extending a checkpoint: the first position that is not what was signed.
public struct CheckpointFault: Sendable, Hashable, CustomStringConvertible {
    /// The first ledger position at fault: the first entry missing, or the first that may differ.
    public var sequence: Int64
    /// The checkpoint the ledger does not extend.
    public var checkpoint: Checkpoint
    /// What is wrong, in a sentence that names the positions.
    public var problem: String

    public var description: String { problem }
}

/// Why a checkpoint is not signed or a cosignature not kept.
public enum CheckpointError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The ledger no longer extends the newest checkpoint kept: entries were removed or rewritten outside
    /// Accord. Accord does not sign a head inconsistent with one it signed (c2sp.org/tlog-checkpoint).
    case ledgerDoesNotExtend(CheckpointFault)
    /// The note submitted is not a checkpoint this ledger signed.
    case unknownCheckpoint(String)
    /// The account has no witness key registered, so its cosignature cannot be checked.
    case noWitnessKey(String)
    /// The note or the cosignature does not verify, or is not well formed.
    case note(NoteError)

    public var description: String {
        switch self {
        case .ledgerDoesNotExtend(let fault):
            "refusing to sign: \(fault.problem); run `accord verify --checkpoint` against the checkpoints kept "
                + "outside the database"
        case .unknownCheckpoint(let reason): reason
        case .noWitnessKey(let username):
            "\(username) has no witness key registered; register its public key with "
                + "`accord user witness-key \(username) --vkey …` first"
        case .note(let error): "\(error)"
        }
    }
}

extension Store {
    /// Signs the ledger's head with `signer` and keeps the checkpoint; when a checkpoint of the head by that
    /// key is kept already, returns it instead.
    ///
    /// Before signing, the ledger is checked against the newest checkpoint kept: Accord never signs a head
    /// that does not extend one it signed, so a ledger truncated or rewritten behind its back stops being
    /// signed (and the server stops starting) until someone looks.
    ///
    /// - Throws: `CheckpointError.ledgerDoesNotExtend` naming the position.
    @discardableResult
    public func signCheckpoint(with signer: NoteSigner) async throws -> StoredCheckpoint {
        let (head, latest, latestHash) = try await database.transaction(writing: false) { db in
            let head = try await LedgerTable.head(on: db)
            let latest = try await CheckpointTable.latest(on: db)
            let hash = try await latest.asyncMap { try await LedgerHashTable.hash(at: $0.size, on: db) } ?? nil
            return (head, latest, hash)
        }
        let key = signer.verifier.vkey
        if let latest {
            let kept = try SignedCheckpoint(parsing: latest.note).checkpoint
            if let fault = Self.fault(of: kept, head: head.sequence, hash: latestHash) {
                throw CheckpointError.ledgerDoesNotExtend(fault)
            }
        }
        if latest?.size != head.sequence || latest?.key != key {
            let checkpoint = Checkpoint(origin: signer.name, size: head.sequence, hash: head.hash, time: Clock.now())
            let signed = try SignedCheckpoint.sign(checkpoint, with: signer)
            try await database.withSession { db in
                try await CheckpointTable.insert(
                    .init(size: checkpoint.size, key: key, hash: checkpoint.hash, note: signed.description),
                    signedAt: checkpoint.time, on: db)
            }
        }
        let kept = try await checkpoints(covering: head.sequence).first {
            $0.checkpoint.size == head.sequence && $0.key == key
        }
        guard let kept else {
            throw CheckpointError.unknownCheckpoint("the checkpoint of entry \(head.sequence) was not kept")
        }
        return kept
    }

    /// Signs the head as `signCheckpoint` does, after a write: a failure is logged, never thrown, since the
    /// write it follows is committed whatever happens to its checkpoint.
    @discardableResult
    public func signCheckpointAfterWrite(with signer: NoteSigner) async -> StoredCheckpoint? {
        do {
            return try await signCheckpoint(with: signer)
        } catch {
            logger.error("checkpoint not signed", metadata: ["error": "\(error)"])
            return nil
        }
    }

    /// The newest checkpoint kept, with its witnesses' cosignatures.
    public func latestCheckpoint() async throws -> StoredCheckpoint? {
        let latest = try await database.withSession { db in try await CheckpointTable.latest(on: db) }
        guard let latest else { return nil }
        return try await checkpoints(covering: latest.size).first {
            $0.key == latest.key && $0.checkpoint.size == latest.size
        }
    }

    /// The checkpoints that cover ledger position `position` (their size is at least it), smallest first,
    /// each with its witnesses: who has vouched for a ledger that holds that position.
    public func checkpoints(covering position: Int64) async throws -> [StoredCheckpoint] {
        let (rows, cosignatures) = try await database.transaction(writing: false) { db in
            (
                try await CheckpointTable.covering(position, on: db),
                try await CheckpointTable.cosignatures(from: position, on: db)
            )
        }
        return try rows.map { row in
            let witnesses = cosignatures.filter { $0.size == row.size && $0.key == row.key }.map(\.2)
            var signed = try SignedCheckpoint(parsing: row.note)
            for witness in witnesses {
                signed.note.signatures.append(try NoteSignature(parsing: witness.line))
            }
            return StoredCheckpoint(signed: signed, key: row.key, witnesses: witnesses)
        }
    }

    /// The first checkpoint signed that covers ledger position `position`: the one a document of the record
    /// at that position prints. Nil when none is signed at or after it.
    public func earliestCheckpoint(covering position: Int64) async throws -> Checkpoint? {
        let row = try await database.withSession { db in try await CheckpointTable.earliest(covering: position, on: db)
        }
        return try row.map { try SignedCheckpoint(parsing: $0.note).checkpoint }
    }

    /// The witnesses who cosigned a checkpoint that covers ledger position `position`, each once (its latest
    /// cosignature), oldest first: who has vouched for a ledger that holds that position.
    public func witnesses(covering position: Int64) async throws -> [Witnessing] {
        let all = try await database.withSession { db in
            try await CheckpointTable.cosignatures(from: position, on: db)
        }
        var latest: [String: Witnessing] = [:]
        for (_, _, witnessing) in all { latest[witnessing.username] = witnessing }
        return latest.values.sorted { ($0.time, $0.username) < ($1.time, $1.username) }
    }

    /// Keeps a witness's cosignature of a checkpoint this ledger signed, after checking it against the
    /// witness's registered key.
    ///
    /// - Parameters:
    ///   - cosigned: the checkpoint as the witness returns it, its cosignature line among its signatures.
    ///   - username: the account that submits it, whose registered key must have made the cosignature.
    /// - Returns: the cosignature kept, and whether it is new (a witness's second cosignature of the same
    ///   checkpoint is not kept; the first stands).
    /// - Throws: `CheckpointError` naming what is wrong.
    public func recordCosignature(_ cosigned: SignedCheckpoint, by username: String, for participant: ParticipantID?)
        async throws -> (witnessing: Witnessing, isNew: Bool)
    {
        let vkey = try await database.withSession { db in try await CheckpointTable.witnessKey(of: username, on: db) }
        guard let vkey else { throw CheckpointError.noWitnessKey(username) }
        let cosignature: Cosignature
        do throws(NoteError) {
            cosignature = try cosigned.cosignature(by: try NoteVerifier(vkey: vkey))
        } catch {
            throw CheckpointError.note(error)
        }
        let size = cosigned.checkpoint.size
        let rows = try await database.withSession { db in try await CheckpointTable.all(ofSize: size, on: db) }
        guard
            let row = try rows.first(where: { try SignedCheckpoint(parsing: $0.note).note.text == cosigned.note.text })
        else {
            throw CheckpointError.unknownCheckpoint(
                "this ledger signed no checkpoint with that text at size \(size); cosign one it serves at "
                    + "/api/v1/ledger/checkpoint")
        }
        let witnessing = Witnessing(
            username: username, participant: participant, key: vkey, time: cosignature.time, size: size,
            line: cosignature.line.line)
        let isNew = try await database.withSession { db in
            try await CheckpointTable.insertCosignature(witnessing, checkpointKey: row.key, on: db)
        }
        return (witnessing, isNew)
    }

    /// The verifier key `username` cosigns checkpoints with, if one is registered.
    public func witnessKey(of username: String) async throws -> String? {
        try await database.withSession { db in try await CheckpointTable.witnessKey(of: username, on: db) }
    }

    /// Registers the key `username` cosigns with (a cosigning key, type 0x04), or removes it when nil.
    public func setWitnessKey(_ key: NoteVerifier?, of username: String) async throws {
        try await database.withSession { db in
            if let key {
                try await CheckpointTable.setWitnessKey(key.vkey, of: username, on: db)
            } else {
                try await CheckpointTable.removeWitnessKey(of: username, on: db)
            }
        }
    }

    /// Entries after `sequence`, oldest first: hashes and times, no payloads; at most 1,000 a page.
    public func ledgerHashes(after sequence: Int64, limit: Int) async throws -> [LedgerHash] {
        try await database.withSession { db in
            try await LedgerHashTable.page(after: max(0, sequence), limit: max(1, min(limit, 1_000)), on: db)
        }
    }

    /// The first checkpoint among `checkpoints` that this ledger does not extend, and where: truncated below
    /// its size, or holding another hash at its size (rewritten or forked at or before it, after the largest
    /// checkpoint that still matches). Nil when the ledger extends every one.
    ///
    /// Only the hashes at the checkpoints' sizes are compared here; that every hash is the hash of its entry
    /// and the one before is what `verify` checks, and the two together say the ledger extends them.
    public func firstFault(extending checkpoints: [Checkpoint]) async throws -> CheckpointFault? {
        let (head, hashes) = try await database.transaction(writing: false) { db in
            var hashes: [Int64: String] = [:]
            for checkpoint in checkpoints {
                hashes[checkpoint.size] = try await LedgerHashTable.hash(at: checkpoint.size, on: db)
            }
            return (try await LedgerTable.head(on: db), hashes)
        }
        var matching: Checkpoint?
        for checkpoint in checkpoints.sorted(by: { $0.size < $1.size }) {
            if var fault = Self.fault(of: checkpoint, head: head.sequence, hash: hashes[checkpoint.size] ?? nil) {
                if let matching, fault.sequence <= matching.size {
                    fault.sequence = matching.size + 1
                    fault.problem +=
                        "; it matches the checkpoint of size \(matching.size), so the first entry that "
                        + "differs lies between \(matching.size + 1) and \(checkpoint.size)"
                }
                return fault
            }
            matching = checkpoint
        }
        return nil
    }

    /// Why a ledger whose head is `head`, and whose entry at the checkpoint's size has `hash`, does not
    /// extend `checkpoint`; nil when it does.
    static func fault(of checkpoint: Checkpoint, head: Int64, hash: String?) -> CheckpointFault? {
        let signed = "the checkpoint signed at \(checkpoint.time) by \(checkpoint.origin)"
        if head < checkpoint.size {
            return CheckpointFault(
                sequence: head + 1, checkpoint: checkpoint,
                problem: "the ledger ends at entry \(head), but \(signed) covers \(checkpoint.size) entries: entries "
                    + "\(head + 1) to \(checkpoint.size) were removed (the ledger was truncated)")
        }
        guard let hash, hash == checkpoint.hash else {
            return CheckpointFault(
                sequence: 1, checkpoint: checkpoint,
                problem: "entry \(checkpoint.size) has the hash \((hash ?? "none").prefix(16))…, but \(signed) says "
                    + "\(checkpoint.hash.prefix(16))…: the ledger was rewritten or forked at or before entry "
                    + "\(checkpoint.size)")
        }
        return nil
    }
}

extension Optional {
    /// `map` with an asynchronous transform.
    fileprivate func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let self else { return nil }
        return try await transform(self)
    }
}

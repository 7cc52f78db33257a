import AccordCore
import AccordDocuments
import AccordStore

/// The ledger's head as anyone can check it: signed checkpoints, the hashes of the chain without the entries,
/// and the cosignatures of the member states' delegates who witness it (DESIGN.md §3 rule 5).
///
/// When to sign: after every write that goes through this service (one checkpoint a request, however many
/// entries it appends: a CSV import is one), at start-up, and when a checkpoint is asked for while the head
/// has moved without one (another process appended: the CLI, or another server on PostgreSQL). Not on a
/// timer: writes come at the pace of people recording meetings, a signature costs well under a millisecond
/// and one small insert, and signing every head means no head anyone has read goes unsigned, so a truncation
/// of even the last entry contradicts a checkpoint. Signing happens after the write's transaction, never
/// in it: the append's durability path is the store's alone, and a write is not undone because its
/// checkpoint could not be kept.
extension RecordService {
    /// The newest checkpoint, signing the head first when it has moved since (and a key is configured).
    ///
    /// When the ledger no longer extends the newest checkpoint kept, nothing is signed and that checkpoint
    /// is returned as it stands: its size, larger than the ledger, says what happened to whoever compares.
    public func checkpoint() async throws -> StoredCheckpoint? {
        if let signer { await store.signCheckpointAfterWrite(with: signer) }
        return try await store.latestCheckpoint()
    }

    /// Signs the head after a write, when a key is configured; failures are logged by the store.
    func signAfterWrite() async {
        if let signer { await store.signCheckpointAfterWrite(with: signer) }
    }

    /// The checkpoints that cover ledger position `position`, with the witnesses of each: public, since a
    /// checkpoint tells nothing of what the entries hold.
    public func checkpoints(covering position: Int64) async throws -> [StoredCheckpoint] {
        try await store.checkpoints(covering: position)
    }

    /// What a document of the record at ledger position `position` prints in its footer: the first checkpoint
    /// that covers it, or the position and its hash when none is signed; nil for the empty ledger.
    public func anchor(at position: Int64) async throws -> LedgerAnchor? {
        guard position > 0, let link = try await store.ledgerHashes(after: position - 1, limit: 1).first,
            link.sequence == position
        else { return nil }
        return LedgerAnchor(
            position: position, hash: link.hash, checkpoint: try await store.earliestCheckpoint(covering: position))
    }

    /// The member states' delegates who cosigned a checkpoint covering `position`: public.
    public func witnesses(covering position: Int64) async throws -> [Witnessing] {
        try await store.witnesses(covering: position)
    }

    /// The chain's hashes after `sequence`, without payloads: public, like the head.
    public func ledgerHashes(after sequence: Int64, limit: Int) async throws -> [LedgerHash] {
        try await store.ledgerHashes(after: sequence, limit: limit)
    }

    /// Keeps `principal`'s cosignature of a checkpoint this ledger signed (the checkpoint as the witness
    /// returns it, its cosignature line added), after checking it against the key registered for the account.
    ///
    /// - Throws: `AuthError` unless `principal` is a member state's delegate; `ChangeError` naming the field
    ///   `note` for a text that is not a cosigned checkpoint of this ledger, or a cosignature that does not
    ///   verify with the registered key.
    @discardableResult
    public func cosign(_ note: String, as principal: Principal?) async throws -> (witnessing: Witnessing, isNew: Bool) {
        try Policy(principal: principal).require(
            Policy(principal: principal).witnessesCheckpoints,
            "cosign a checkpoint, which a member state's delegate does as a witness")
        guard let principal else { throw AuthError.notSignedIn }
        do {
            let cosigned = try SignedCheckpoint(parsing: note)
            return try await store.recordCosignature(cosigned, by: principal.username, for: principal.participant)
        } catch let error as NoteError {
            throw ChangeError.invalid(field: "note", reason: "\(error)")
        } catch CheckpointError.note(let error) {
            throw ChangeError.invalid(field: "note", reason: "\(error)")
        } catch CheckpointError.unknownCheckpoint(let reason) {
            throw ChangeError.unknownReference(field: "note", reason: reason)
        } catch let error as CheckpointError {
            throw ChangeError.ruleViolation(field: "note", rule: "witness-key", reason: "\(error)")
        }
    }
}

import AccordCore
import CoreMetrics
import SQLKit

/// A change as the ledger recorded it.
public struct AppendedEntry: Sendable {
    public var entry: LedgerEntry
    public var hash: String
    /// The hash of the entry before it, which this entry's hash covers.
    public var previousHash: String
    /// The entities it created or changed.
    public var changed: [EntityRef]
}

extension Store {
    /// Appends one change: checked, hashed, projected and committed durably, or refused with nothing stored.
    ///
    /// - Throws: `ChangeError` when the change breaks a rule of the process.
    @discardableResult
    public func append(_ change: Change, by actor: Actor, authority: Authority) async throws -> AppendedEntry {
        try await append([ProposedChange(change, by: actor, authority: authority)])[0]
    }

    /// Appends several changes in one transaction: all of them, or (when any is refused) none.
    ///
    /// - Parameter files: files the changes name by their SHA-256 (a statistical vintage's upload and
    ///   observations, an attached file), recorded in the same transaction, so that an entry is never without
    ///   them. With a files folder, each is written there (and flushed) before the transaction begins, so the
    ///   database's write lock is never held while a file is written; the transaction only records it.
    /// - Throws: `ChangeError` when a change breaks a rule of the process; `StoreError.missingFile` when a
    ///   change names a file that is neither among `files` nor stored already. Either way nothing is recorded.
    @discardableResult
    public func append(_ changes: [ProposedChange], storing files: [StoredFile] = []) async throws
        -> [AppendedEntry]
    {
        guard !changes.isEmpty else { return [] }
        // Content-addressed, so writing a file twice or for a change the rules then refuse does no harm: a file
        // no row records is never read, nor copied by a backup. It is not removed on a refusal, since another
        // process may be recording the same bytes meanwhile.
        if let filesFolder { for file in files { try filesFolder.write(file) } }
        return try await writeLock.withLock {
            do {
                return try await self.appendOnce(changes, files: files, trustingCache: true)
            } catch is StaleCache {
                return try await self.appendOnce(changes, files: files, trustingCache: false)
            }
        }
    }

    /// One attempt at an append.
    ///
    /// Trusting the cache saves reading the ledger head: when another process appended meanwhile, the
    /// ledger's unique sequence and previous hash refuse the insert, and the append is tried once more from
    /// the head. A refusal by the rules is double-checked the same way, since a stale state may refuse what
    /// the current one allows.
    private func appendOnce(_ changes: [ProposedChange], files: [StoredFile], trustingCache: Bool) async throws
        -> [AppendedEntry]
    {
        let cached = cache.newest?.value
        let trusted = trustingCache ? cached : nil
        let (appended, snapshot) = try await database.transaction(writing: true) { db in
            var state: ProcessState
            var previousHash: String
            if let trusted {
                (state, previousHash) = (trusted.state, trusted.hash)
            } else {
                let head = try await LedgerTable.head(on: db)
                state = try await self.state(from: cached?.state, advancedTo: head.sequence, on: db)
                previousHash = head.hash
            }
            var appended: [AppendedEntry] = []
            do {
                for proposed in changes {
                    let entry = LedgerEntry(
                        sequence: state.sequence + 1, recordedAt: Clock.now(), actor: proposed.actor,
                        authority: proposed.authority, change: proposed.change)
                    let changed = try state.apply(entry, lexicon: self.lexicon)
                    let bytes = try entry.canonicalEncoding()
                    let hash = HashChain.hash(previous: previousHash, entry: bytes)
                    try await LedgerTable.insert(
                        StoredEntry(
                            sequence: entry.sequence, recordedAt: entry.recordedAt.description,
                            actor: entry.actor.description, decision: entry.authority.decision?.rawValue,
                            kind: entry.change.kind, entry: String(decoding: bytes, as: UTF8.self),
                            previousHash: previousHash, hash: hash),
                        on: db)
                    try await EntityVersionsTable.record(changed, of: state, at: entry.sequence, on: db)
                    if try await self.keepsSearchIndex(on: db) {
                        try await SearchIndex.update(changed, of: state, on: db)
                    }
                    appended.append(
                        AppendedEntry(entry: entry, hash: hash, previousHash: previousHash, changed: changed))
                    previousHash = hash
                }
            } catch let error as ChangeError {
                if let trusted, try await LedgerTable.head(on: db).sequence != trusted.state.sequence {
                    throw StaleCache()
                }
                throw error
            } catch {
                if trusted != nil { throw StaleCache() }
                throw error
            }
            try await StoredFiles.record(files, for: appended.map(\.entry), folder: self.filesFolder, on: db)
            return (appended, Snapshot(state: state, hash: previousHash))
        }
        // Only a committed state may be cached; a refused change leaves the cache as it was.
        cache.store(snapshot, at: snapshot.state.sequence)
        // Counted once committed, by kind of change, in the metrics factory of the caller's task (`/metrics`).
        var appendedKinds: [String: Int] = [:]
        for appended in appended { appendedKinds[appended.entry.change.kind, default: 0] += 1 }
        for (kind, count) in appendedKinds {
            Counter(label: "accord_ledger_appends_total", dimensions: [("kind", kind)]).increment(by: count)
        }
        return appended
    }

    /// The state at `sequence`, reached from `cached` by replaying the entries other processes appended,
    /// or loaded from the projections when there is nothing usable to start from.
    func state(from cached: ProcessState?, advancedTo sequence: Int64, on db: any SQLDatabase) async throws
        -> ProcessState
    {
        guard var state = cached, state.sequence <= sequence, sequence - state.sequence <= 1_000 else {
            return try Projection.state(
                from: try await EntityVersionsTable.versions(at: nil, on: db), sequence: sequence)
        }
        while state.sequence < sequence {
            let upper = min(sequence, state.sequence + 500)
            let batch = try await LedgerTable.entries(in: (state.sequence + 1)...upper, on: db)
            guard !batch.isEmpty else {
                throw StoreError.corruptRow(table: "ledger", key: "\(state.sequence + 1)", reason: "entry is missing")
            }
            for stored in batch {
                _ = try state.apply(try stored.decoded(), lexicon: lexicon)
            }
        }
        return state
    }
}

/// The cached state was behind the ledger: another process appended.
struct StaleCache: Error {}

extension Store {
    /// Whether appends keep the search index: whether the database has it. A store opened without migrating on
    /// a database an earlier release left (tests of upgrades do this) writes as that release did, and migration 6
    /// fills the index from the projections when it comes; asked of the database until the answer is yes.
    func keepsSearchIndex(on db: any SQLDatabase) async throws -> Bool {
        if searchIndexReady.withLock({ $0 }) { return true }
        let ready =
            try await db.raw(
                "SELECT version FROM schema_migrations WHERE version = \(bind: Migration.m0007Search.version)"
            ).first() != nil
        if ready { searchIndexReady.withLock { $0 = true } }
        return ready
    }
}

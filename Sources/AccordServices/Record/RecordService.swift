import AccordCore
import AccordStore

/// The record as the front ends use it: every read reduced to what the principal may see, every write
/// recorded as the principal. The web and the CLI both go through it, so neither can forget a filter or
/// take an actor from a request.
public struct RecordService: Sendable {
    public let store: Store
    /// The key checkpoints of the ledger's head are signed with, read from a file outside the database; none
    /// when the installation signs no checkpoint.
    public let signer: NoteSigner?

    public init(store: Store, signer: NoteSigner? = nil) {
        self.store = store
        self.signer = signer
    }

    /// The ledger's head: its length and last hash, which tell nothing of what the entries hold.
    public func head() async throws -> LedgerHead { try await store.head() }

    // MARK: The state, as each audience reads it

    /// The record now, as `principal` may see it (nil: the public).
    public func state(for principal: Principal?) async throws -> ProcessState {
        try await store.currentState(for: Policy(principal: principal).readership)
    }

    /// The record at an edition, a ledger position or now, as `principal` may see it.
    ///
    /// - Throws: `ChangeError` naming `field` for an edition not published or a position not reached.
    public func state(at point: PlanPoint, for principal: Principal?, field: String = "edition") async throws
        -> ProcessState
    {
        try await store.state(at: point, field: field).published(for: Policy(principal: principal).readership)
    }

    /// The record as it stood after `meeting`, by date (its decisions and those of every meeting held by then,
    /// whatever order they were typed in), as `principal` may see it.
    ///
    /// - Throws: `ChangeError` naming `field` when no such meeting is recorded, or it has no date.
    public func state(afterMeeting meeting: MeetingID, for principal: Principal?, field: String = "meeting")
        async throws -> ProcessState
    {
        do {
            return try await store.state(after: meeting).published(for: Policy(principal: principal).readership)
        } catch ChangeError.unknownReference(_, let reason) {
            throw ChangeError.unknownReference(field: field, reason: reason)
        } catch ChangeError.invalid(_, let reason) {
            throw ChangeError.invalid(field: field, reason: reason)
        }
    }

    /// The ledger positions at which `item` changed, when `principal` may see the item.
    public func history(of item: ItemNumber, for principal: Principal?) async throws -> [Int64]? {
        guard try await state(for: principal).items[item] != nil else { return nil }
        return try await store.history(of: .item(item))
    }

    /// The entries that changed `item`, oldest first, when `principal` may see the item: its provenance, which
    /// an item page shows whoever reads it.
    public func timeline(of item: ItemNumber, for principal: Principal?) async throws -> [LedgerEntry]? {
        guard let sequences = try await history(of: item, for: principal) else { return nil }
        return try await entries(at: sequences)
    }

    /// The entries that changed `participant` — its admission, each change of its standing — oldest first,
    /// when `principal` may see it: the dated history its page shows.
    public func timeline(of participant: ParticipantID, for principal: Principal?) async throws -> [LedgerEntry]? {
        guard try await state(for: principal).participants[participant] != nil else { return nil }
        return try await entries(at: try await store.history(of: .participant(participant)))
    }

    private func entries(at sequences: [Int64]) async throws -> [LedgerEntry] {
        var entries: [LedgerEntry] = []
        for sequence in sequences {
            if let entry = try await store.entry(sequence)?.decoded() { entries.append(entry) }
        }
        return entries
    }

    /// How many entries each meeting's decisions authorized, among the decisions `principal` may see.
    public func changesPerMeeting(for principal: Principal?) async throws -> [MeetingID: Int] {
        let decisions = try await state(for: principal).decisions
        var changes: [MeetingID: Int] = [:]
        var before: Int64? = nil
        // The ledger names the decision behind each entry; counting needs no decoding.
        while true {
            let page = try await store.entries(before: before, limit: 1_000)
            for entry in page {
                if let decision = entry.decision.map({ DecisionID($0) }), let meeting = decisions[decision]?.meeting {
                    changes[meeting, default: 0] += 1
                }
            }
            guard let last = page.last, page.count == 1_000 else { break }
            before = last.sequence
        }
        return changes
    }

    /// The ledger's entries, newest first, with their payloads: a working document.
    ///
    /// - Throws: `AuthError` unless `principal` reads the working side.
    public func entries(before: Int64?, limit: Int, for principal: Principal?) async throws -> [StoredEntry] {
        try Policy(principal: principal).requireWorkingSide("the ledger's entries")
        return try await store.entries(before: before, limit: limit)
    }

    /// One ledger entry with its payload: a working document.
    public func entry(_ sequence: Int64, for principal: Principal?) async throws -> StoredEntry? {
        try Policy(principal: principal).requireWorkingSide("the ledger's entries")
        return try await store.entry(sequence)
    }

    /// The revision report of the working plan plus `draft` against the last edition: a working document.
    public func revisionReport(draft: [ProposedChange] = [], for principal: Principal?) async throws
        -> RevisionReport
    {
        try Policy(principal: principal).requireWorkingSide("revision reports")
        return try await store.revisionReport(draft: draft)
    }

    /// The languages in which each item's translation is older than its source, among the items `state` holds.
    public func staleTranslations(in state: ProcessState) async throws -> [ItemNumber: Set<Language>] {
        try await store.staleTranslations(in: state)
    }

    // MARK: Writes, always as the principal

    /// Records `change` on `authority`, as `principal`.
    ///
    /// - Throws: `AuthError.notSignedIn` without a principal, `.forbidden` for a reader; `ChangeError` from the
    ///   rules.
    @discardableResult
    public func record(_ change: Change, authority: Authority, as principal: Principal?) async throws
        -> AppendedEntry
    {
        let appended = try await store.append(change, by: try Self.actor(of: principal), authority: authority)
        await signAfterWrite()
        return appended
    }

    /// Records `changes` in one transaction, as `principal`: all or none.
    @discardableResult
    public func record(_ changes: [(change: Change, authority: Authority)], as principal: Principal?) async throws
        -> [AppendedEntry]
    {
        let actor = try Self.actor(of: principal)
        let appended = try await store.append(
            changes.map { ProposedChange($0.change, by: actor, authority: $0.authority) })
        await signAfterWrite()
        return appended
    }

    /// The actor the ledger records for `principal`'s changes: its own, always.
    public static func actor(of principal: Principal?) throws -> Actor {
        guard let principal else { throw AuthError.notSignedIn }
        guard let actor = principal.actor else {
            throw AuthError.forbidden("\(principal.username) has a reader's account and cannot change the record")
        }
        return actor
    }
}

/// Something a request names by its code that is not recorded — or that the principal may not read, which a
/// refusal never tells apart from the first, so that it says nothing of what is on the working side. The
/// front ends answer it as not found (404 on the API).
public struct NotFound: Error, Sendable, Equatable, CustomStringConvertible {
    /// The request field that named it.
    public var field: String
    public var description: String

    public init(field: String, _ description: String) {
        self.field = field
        self.description = description
    }
}

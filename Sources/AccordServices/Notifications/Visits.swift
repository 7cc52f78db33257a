import AccordCore
import AccordDocuments
import AccordStore
import Foundation

/// What changed since a reader last marked the record as seen: the records it may see whose last change came
/// after its mark, each described as its Atom feed entry is, grouped by what they are.
public struct ChangesSinceVisit: Sendable {
    /// One changed record: what it is, the ledger position of its last change, and its feed entry.
    public struct Change: Sendable {
        public var ref: EntityRef
        public var sequence: Int64
        public var entry: AtomFeed.Entry
    }

    /// The reader's mark: the changes are those after it.
    public var since: Int64
    /// The ledger position the list was read at: marking it as seen moves the mark here, no further.
    public var through: Int64
    /// Newest first.
    public var changes: [Change]

    public var count: Int { changes.count }

    /// The changes by kind of record, in the order of `AtomFeed.categories`, each kind newest first; kinds
    /// without a change are left out.
    public var groups: [(category: String, changes: [Change])] {
        let byCategory = Dictionary(grouping: changes, by: \.entry.category)
        return AtomFeed.categories.compactMap { category in byCategory[category].map { (category, $0) } }
    }
}

/// "Changes since my last visit" for a signed-in account. Accord keeps, per account, the ledger position it
/// last marked as seen. Reading the list does not move the mark — a reload, or a second tab, shows the same
/// list, as a GET must change nothing — only marking it as seen does, up to the position the reader was shown,
/// and never backwards. An account that never marked anything starts from where the ledger stood when the
/// account was made: a newcomer has not missed anything yet.
///
/// The records come from `RecordService.state(for:)`, the one read policy: nobody is told of a record it
/// could not open.
public struct Visits: Sendable {
    public let record: RecordService
    /// Milliseconds since 1970, when a mark is recorded.
    let now: @Sendable () -> Int64

    public init(
        record: RecordService,
        now: @escaping @Sendable () -> Int64 = { Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)) }
    ) {
        self.record = record
        self.now = now
    }

    /// What changed since the mark of `principal`, as it may see it, described in `language`.
    ///
    /// - Throws: `AuthError.notSignedIn` for the public; `AuthError.forbidden` in the trial mode, which has no
    ///   account to keep a mark for.
    public func changes(for principal: Principal?, language: Language) async throws -> ChangesSinceVisit {
        let account = try Self.account(of: principal)
        let state = try await record.state(for: principal)
        let since = try await mark(of: account)
        let changes = AtomFeed.described(in: state, language: language, since: since, limit: .max).map {
            ChangesSinceVisit.Change(ref: $0.ref, sequence: $0.sequence, entry: $0.entry)
        }
        return ChangesSinceVisit(since: since, through: state.sequence, changes: changes)
    }

    /// The mark of `principal`: the position it last marked as seen.
    public func mark(for principal: Principal?) async throws -> Int64 {
        try await mark(of: try Self.account(of: principal))
    }

    /// Marks what changed through `position` as seen by `principal` (through the ledger's head when nil), and
    /// returns the mark as it now stands: a position behind the mark leaves it where it is.
    ///
    /// - Throws: `AuthError.invalid` naming `through` for a position below 0 or beyond the ledger's head.
    public func markSeen(through position: Int64?, for principal: Principal?) async throws -> Int64 {
        let account = try Self.account(of: principal)
        let head = try await record.head().sequence
        let position = position ?? head
        guard (0...head).contains(position) else {
            throw AuthError.invalid(
                field: "through", reason: "position \(position) is not in the ledger, whose head is \(head)")
        }
        return try await record.store.markVisit(of: account, through: position, at: now())
    }

    private func mark(of username: String) async throws -> Int64 {
        if let mark = try await record.store.visitMark(of: username) { return mark }
        guard let account = try await record.store.account(named: username) else { throw AuthError.notSignedIn }
        return try await record.store.position(at: account.createdAt)
    }

    /// The account a mark is kept for.
    private static func account(of principal: Principal?) throws -> String {
        try Principal.ownAccount(of: principal, "remember a visit for")
    }
}

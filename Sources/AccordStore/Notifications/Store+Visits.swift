import AccordCore
import SQLKit

/// An account's subscription to e-mail digests: where they go, and the ledger position the last one that the
/// SMTP server accepted ran through.
public struct DigestSubscription: Sendable, Hashable {
    public var username: String
    public var address: String
    /// The next digest holds what changed after this position.
    public var digestedThrough: Int64
    /// When the last digest was accepted (milliseconds since 1970); nil before the first.
    public var sentAt: Int64?

    public init(username: String, address: String, digestedThrough: Int64, sentAt: Int64? = nil) {
        self.username = username
        self.address = address
        self.digestedThrough = digestedThrough
        self.sentAt = sentAt
    }
}

/// The SQL of where each account stands in the ledger: its "last visit" mark and its digest position. Both
/// only move forward; the same statements run on SQLite and PostgreSQL (`ON CONFLICT … DO UPDATE … WHERE`).
extension Store {
    /// The position `username` last marked as seen, or nil when it never has.
    public func visitMark(of username: String) async throws -> Int64? {
        try await database.withSession { db in
            try await db.raw("SELECT seen_through FROM visit_marks WHERE username = \(bind: username)").first()?
                .decode(column: "seen_through", as: Int64.self)
        }
    }

    /// Moves the mark of `username` to `position`, unless it already stands there or further: it never moves
    /// backwards, whatever order two browsers' requests arrive in. Returns the mark as it now stands.
    public func markVisit(of username: String, through position: Int64, at time: Int64) async throws -> Int64 {
        try await database.transaction(writing: true) { db in
            try await db.raw(
                """
                INSERT INTO visit_marks (username, seen_through, marked_at) \
                VALUES (\(bind: username), \(bind: position), \(bind: time)) \
                ON CONFLICT (username) DO UPDATE SET seen_through = excluded.seen_through, \
                marked_at = excluded.marked_at WHERE visit_marks.seen_through < excluded.seen_through
                """
            ).run()
            return try await db.raw("SELECT seen_through FROM visit_marks WHERE username = \(bind: username)")
                .first()?.decode(column: "seen_through", as: Int64.self) ?? position
        }
    }

    /// The last ledger position recorded at or before `time` (milliseconds since 1970): where the record stood
    /// then, 0 before the first entry.
    public func position(at time: Int64) async throws -> Int64 {
        let stamp = Timestamp(millisecondsSince1970: time).description
        return try await database.withSession { db in
            try await db.raw("SELECT MAX(sequence) AS position FROM ledger WHERE recorded_at <= \(bind: stamp)")
                .first()?.decode(column: "position", as: Int64?.self) ?? 0
        }
    }

    // MARK: Digests

    /// Every subscription, by username.
    public func digestSubscriptions() async throws -> [DigestSubscription] {
        try await database.withSession { db in
            try await db.raw("SELECT * FROM digest_subscriptions ORDER BY username").all().map(Self.subscription)
        }
    }

    /// The subscription of `username` (as stored: lower-case), nil when it has none; read by its key, not by
    /// reading every subscription.
    public func digestSubscription(of username: String) async throws -> DigestSubscription? {
        try await database.withSession { db in
            try await db.raw("SELECT * FROM digest_subscriptions WHERE username = \(bind: username)").first()
                .map(Self.subscription)
        }
    }

    /// A row of `digest_subscriptions` as the store hands it out.
    private static func subscription(_ row: any SQLRow) throws -> DigestSubscription {
        DigestSubscription(
            username: try row.decode(column: "username", as: String.self),
            address: try row.decode(column: "address", as: String.self),
            digestedThrough: try row.decode(column: "digested_through", as: Int64.self),
            sentAt: try row.decode(column: "sent_at", as: Int64?.self))
    }

    /// Subscribes `username` to digests at `address`, starting after `position`; an existing subscription
    /// keeps its position (changing the address must not resend, nor skip, anything) and takes the new address.
    public func subscribeToDigests(_ username: String, address: String, after position: Int64, at time: Int64)
        async throws
    {
        try await database.transaction(writing: true) { db in
            try await db.raw(
                """
                INSERT INTO digest_subscriptions (username, address, digested_through, subscribed_at) \
                VALUES (\(bind: username), \(bind: address), \(bind: position), \(bind: time)) \
                ON CONFLICT (username) DO UPDATE SET address = excluded.address
                """
            ).run()
        }
    }

    /// Ends the subscription of `username`; false when it had none.
    public func unsubscribeFromDigests(_ username: String) async throws -> Bool {
        try await database.transaction(writing: true) { db in
            let found = try await db.raw(
                "SELECT username FROM digest_subscriptions WHERE username = \(bind: username)"
            ).first()
            try await db.raw("DELETE FROM digest_subscriptions WHERE username = \(bind: username)").run()
            return found != nil
        }
    }

    /// Takes the lease on the subscription of `username` until `until` unless another process holds one that
    /// has not expired at `time`: true when this caller may send its digest now.
    public func claimDigest(of username: String, at time: Int64, until: Int64) async throws -> Bool {
        try await database.transaction(writing: true) { db in
            // A write transaction holds the store's write lock, so two processes never both see it free.
            guard
                let row = try await db.raw(
                    "SELECT claimed_until FROM digest_subscriptions WHERE username = \(bind: username)"
                ).first()
            else { return false }
            if let held = try row.decode(column: "claimed_until", as: Int64?.self), held > time { return false }
            try await db.raw(
                "UPDATE digest_subscriptions SET claimed_until = \(bind: until) WHERE username = \(bind: username)"
            ).run()
            return true
        }
    }

    /// Gives up the lease on the subscription of `username`, as a send that failed does: the next round retries.
    public func releaseDigest(of username: String) async throws {
        try await database.transaction(writing: true) { db in
            try await db.raw("UPDATE digest_subscriptions SET claimed_until = NULL WHERE username = \(bind: username)")
                .run()
        }
    }

    /// Records that the digest of `username` through `position` was accepted at `time`, and gives up the lease;
    /// a position behind the one recorded is not taken. Returns the position as it now stands (nil without a
    /// subscription).
    @discardableResult
    public func recordDigest(of username: String, through position: Int64, at time: Int64) async throws -> Int64? {
        try await database.transaction(writing: true) { db in
            try await db.raw(
                """
                UPDATE digest_subscriptions SET digested_through = \(bind: position), sent_at = \(bind: time) \
                WHERE username = \(bind: username) AND digested_through < \(bind: position)
                """
            ).run()
            try await db.raw("UPDATE digest_subscriptions SET claimed_until = NULL WHERE username = \(bind: username)")
                .run()
            return try await db.raw(
                "SELECT digested_through FROM digest_subscriptions WHERE username = \(bind: username)"
            ).first()?.decode(column: "digested_through", as: Int64.self)
        }
    }
}

extension Migration {
    /// Where each account stands in the ledger: the position its reader last marked as seen ("changes since my
    /// last visit"), and the position its last e-mail digest ran through, with the address it goes to.
    ///
    /// Operational data, like accounts and sessions: kept beside the ledger, never in it. Both positions only
    /// move forward (`Store.markVisit`, `Store.recordDigest`), and a digest's only once the SMTP server has
    /// accepted the message, so a failed send is retried rather than lost. `claimed_until` is the lease one
    /// server process takes on a subscription while it sends, so that several processes over one PostgreSQL
    /// database never send the same digest twice.
    static let m0008VisitsAndDigests = Migration(version: 8, name: "visits and digests") { _ in
        [
            """
            CREATE TABLE visit_marks (
                username TEXT PRIMARY KEY REFERENCES accounts (username),
                seen_through BIGINT NOT NULL CHECK (seen_through >= 0),
                marked_at BIGINT NOT NULL
            )
            """,
            """
            CREATE TABLE digest_subscriptions (
                username TEXT PRIMARY KEY REFERENCES accounts (username),
                address TEXT NOT NULL,
                digested_through BIGINT NOT NULL CHECK (digested_through >= 0),
                subscribed_at BIGINT NOT NULL,
                sent_at BIGINT,
                claimed_until BIGINT
            )
            """,
        ]
    }
}

extension Migration {
    /// Accounts, sessions, API tokens and failed logins: operational data, kept outside the ledger.
    ///
    /// A password hash must never enter an append-only record, and sessions come and go by the minute; what
    /// the ledger keeps of an account is the actor each of its changes was recorded as.
    static let m0003Accounts = Migration(version: 3, name: "accounts") { _ in
        [
            """
            CREATE TABLE accounts (
                username TEXT PRIMARY KEY,
                display_name TEXT NOT NULL,
                role TEXT NOT NULL,
                participant TEXT,
                language TEXT NOT NULL,
                password_hash TEXT NOT NULL,
                disabled INTEGER NOT NULL DEFAULT 0,
                created_at BIGINT NOT NULL
            )
            """,
            """
            CREATE TABLE sessions (
                id_hash TEXT PRIMARY KEY,
                username TEXT NOT NULL REFERENCES accounts (username),
                csrf_token TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                last_seen_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX sessions_by_account ON sessions (username)",
            """
            CREATE TABLE api_tokens (
                token_hash TEXT PRIMARY KEY,
                username TEXT NOT NULL REFERENCES accounts (username),
                name TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                expires_at BIGINT,
                UNIQUE (username, name)
            )
            """,
            """
            CREATE TABLE login_failures (
                account TEXT NOT NULL,
                address TEXT NOT NULL,
                failed_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX login_failures_by_account ON login_failures (account, failed_at)",
            "CREATE INDEX login_failures_by_address ON login_failures (address, failed_at)",
        ]
    }
}

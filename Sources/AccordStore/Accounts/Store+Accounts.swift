import SQLKit

/// The SQL of accounts, sessions, tokens and failed logins. Every value is bound; nothing here decides who
/// may sign in, only what is stored.
extension Store {
    /// Stores a new account.
    ///
    /// - Throws: `StoreError.duplicateAccount` when the username is taken.
    public func insertAccount(_ account: AccountRecord) async throws {
        try await database.transaction(writing: true) { db in
            let taken = try await db.raw(
                "SELECT username FROM accounts WHERE username = \(bind: account.username)"
            ).first()
            guard taken == nil else { throw StoreError.duplicateAccount(account.username) }
            try await db.raw(
                """
                INSERT INTO accounts (username, display_name, role, participant, language, password_hash, disabled, \
                created_at) VALUES (\(bind: account.username), \(bind: account.displayName), \(bind: account.role), \
                \(bind: account.participant), \(bind: account.language), \(bind: account.passwordHash), \
                \(bind: account.isDisabled ? 1 : 0), \(bind: account.createdAt))
                """
            ).run()
        }
    }

    /// The account named `username`, if there is one.
    public func account(named username: String) async throws -> AccountRecord? {
        try await database.withSession { db in
            try await db.raw("SELECT * FROM accounts WHERE username = \(bind: username)").first().map(Self.account)
        }
    }

    /// Every account, by username.
    public func accounts() async throws -> [AccountRecord] {
        try await database.withSession { db in
            try await db.raw("SELECT * FROM accounts ORDER BY username").all().map(Self.account)
        }
    }

    /// Disables or enables an account; disabling also ends its sessions and revokes its tokens.
    public func setAccount(_ username: String, disabled: Bool) async throws {
        try await database.transaction(writing: true) { db in
            try await db.raw(
                "UPDATE accounts SET disabled = \(bind: disabled ? 1 : 0) WHERE username = \(bind: username)"
            ).run()
            if disabled {
                try await db.raw("DELETE FROM sessions WHERE username = \(bind: username)").run()
                try await db.raw("DELETE FROM api_tokens WHERE username = \(bind: username)").run()
            }
        }
    }

    /// Replaces an account's password hash and ends its sessions, so a stolen session dies with the old password.
    public func setPasswordHash(_ hash: String, of username: String) async throws {
        try await database.transaction(writing: true) { db in
            try await db.raw("UPDATE accounts SET password_hash = \(bind: hash) WHERE username = \(bind: username)")
                .run()
            try await db.raw("DELETE FROM sessions WHERE username = \(bind: username)").run()
        }
    }

    public func insertSession(_ session: SessionRecord) async throws {
        try await database.transaction(writing: true) { db in
            try await db.raw(
                """
                INSERT INTO sessions (id_hash, username, csrf_token, created_at, last_seen_at) VALUES \
                (\(bind: session.idHash), \(bind: session.username), \(bind: session.csrfToken), \
                \(bind: session.createdAt), \(bind: session.lastSeenAt))
                """
            ).run()
        }
    }

    public func session(idHash: String) async throws -> SessionRecord? {
        try await database.withSession { db in
            try await db.raw("SELECT * FROM sessions WHERE id_hash = \(bind: idHash)").first().map { row in
                SessionRecord(
                    idHash: try row.decode(column: "id_hash", as: String.self),
                    username: try row.decode(column: "username", as: String.self),
                    csrfToken: try row.decode(column: "csrf_token", as: String.self),
                    createdAt: try row.decode(column: "created_at", as: Int64.self),
                    lastSeenAt: try row.decode(column: "last_seen_at", as: Int64.self))
            }
        }
    }

    /// Records that the session was used at `time`.
    public func touchSession(idHash: String, at time: Int64) async throws {
        try await database.transaction(writing: true) { db in
            try await db.raw("UPDATE sessions SET last_seen_at = \(bind: time) WHERE id_hash = \(bind: idHash)").run()
        }
    }

    public func deleteSession(idHash: String) async throws {
        try await database.transaction(writing: true) { db in
            try await db.raw("DELETE FROM sessions WHERE id_hash = \(bind: idHash)").run()
        }
    }

    public func insertToken(_ token: TokenRecord) async throws {
        try await database.transaction(writing: true) { db in
            let taken = try await db.raw(
                "SELECT name FROM api_tokens WHERE username = \(bind: token.username) AND name = \(bind: token.name)"
            ).first()
            guard taken == nil else { throw StoreError.duplicateAccount("\(token.username) token \(token.name)") }
            try await db.raw(
                """
                INSERT INTO api_tokens (token_hash, username, name, created_at, expires_at) VALUES \
                (\(bind: token.tokenHash), \(bind: token.username), \(bind: token.name), \(bind: token.createdAt), \
                \(bind: token.expiresAt))
                """
            ).run()
        }
    }

    public func token(hash: String) async throws -> TokenRecord? {
        try await database.withSession { db in
            try await db.raw("SELECT \(unsafeRaw: Self.tokenColumns) FROM api_tokens WHERE token_hash = \(bind: hash)")
                .first().map(Self.token)
        }
    }

    /// Records that the token hashed `hash` authenticated a request at `time`, unless a use less than `interval`
    /// milliseconds earlier is recorded already: several processes reading the same stale time write it once.
    public func recordTokenUse(hash: String, at time: Int64, unlessWithin interval: Int64) async throws {
        try await database.transaction(writing: true) { db in
            try await db.raw(
                """
                UPDATE api_tokens SET last_used_at = \(bind: time) WHERE token_hash = \(bind: hash) \
                AND (last_used_at IS NULL OR last_used_at <= \(bind: time - interval))
                """
            ).run()
        }
    }

    /// Revokes the token `name` of `username`; false when there was none.
    public func deleteToken(named name: String, of username: String) async throws -> Bool {
        try await database.transaction(writing: true) { db in
            let found = try await db.raw(
                "SELECT name FROM api_tokens WHERE username = \(bind: username) AND name = \(bind: name)"
            ).first()
            try await db.raw("DELETE FROM api_tokens WHERE username = \(bind: username) AND name = \(bind: name)")
                .run()
            return found != nil
        }
    }

    public func recordLoginFailure(account: String, address: String, at time: Int64) async throws {
        try await database.transaction(writing: true) { db in
            try await db.raw(
                """
                INSERT INTO login_failures (account, address, failed_at) VALUES \
                (\(bind: account), \(bind: address), \(bind: time))
                """
            ).run()
            // Failures older than a day decide nothing; the table stays small.
            try await db.raw("DELETE FROM login_failures WHERE failed_at < \(bind: time - 86_400_000)").run()
        }
    }

    /// The times of the failed logins for `account` and from `address` since `time`, oldest first.
    public func loginFailures(account: String, address: String, since time: Int64) async throws
        -> (account: [Int64], address: [Int64])
    {
        try await database.withSession { db in
            let byAccount = try await db.raw(
                """
                SELECT failed_at FROM login_failures WHERE account = \(bind: account) AND failed_at >= \(bind: time) \
                ORDER BY failed_at
                """
            ).all().map { try $0.decode(column: "failed_at", as: Int64.self) }
            let byAddress = try await db.raw(
                """
                SELECT failed_at FROM login_failures WHERE address = \(bind: address) AND failed_at >= \(bind: time) \
                ORDER BY failed_at
                """
            ).all().map { try $0.decode(column: "failed_at", as: Int64.self) }
            return (byAccount, byAddress)
        }
    }

    /// Forgets an account's failures once it signs in.
    public func clearLoginFailures(account: String) async throws {
        try await database.transaction(writing: true) { db in
            try await db.raw("DELETE FROM login_failures WHERE account = \(bind: account)").run()
        }
    }

    private static func account(_ row: any SQLRow) throws -> AccountRecord {
        AccountRecord(
            username: try row.decode(column: "username", as: String.self),
            displayName: try row.decode(column: "display_name", as: String.self),
            role: try row.decode(column: "role", as: String.self),
            participant: try row.decode(column: "participant", as: String?.self),
            language: try row.decode(column: "language", as: String.self),
            passwordHash: try row.decode(column: "password_hash", as: String.self),
            isDisabled: try row.decode(column: "disabled", as: Int.self) != 0,
            createdAt: try row.decode(column: "created_at", as: Int64.self))
    }
}

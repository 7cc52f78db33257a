import SQLKit

/// The SQL the Secretariat's account administration needs besides sign-in's: when each account was last seen,
/// an account's API tokens, and disabling an account only while another active account keeps its role.
extension Store {
    /// When each account's newest session was last used (milliseconds since 1970), by username; an account
    /// without a live session is absent. Sessions are deleted when they end, so this is "last seen" only while
    /// one lasts — the store records nothing else about use.
    public func lastSeen() async throws -> [String: Int64] {
        try await database.withSession { db in
            let rows = try await db.raw(
                "SELECT username, MAX(last_seen_at) AS seen FROM sessions GROUP BY username"
            ).all()
            var seen: [String: Int64] = [:]
            for row in rows {
                seen[try row.decode(column: "username", as: String.self)] = try row.decode(
                    column: "seen", as: Int64.self)
            }
            return seen
        }
    }

    /// The API tokens of `username` (their hashes, names and dates), by name.
    public func tokens(of username: String) async throws -> [TokenRecord] {
        try await database.withSession { db in
            try await db.raw(
                "SELECT \(unsafeRaw: Self.tokenColumns) FROM api_tokens WHERE username = \(bind: username) ORDER BY name"
            ).all().map(Self.token)
        }
    }

    /// Disables `username` (ending its sessions and revoking its tokens) unless it is the last active account
    /// with the role `keeping`; checked and written in one writing transaction, which both databases serialize,
    /// so two accounts of that role disabling each other at once cannot both succeed.
    ///
    /// - Returns: false, changing nothing, when `username` is the last active account with that role.
    public func disableAccount(_ username: String, keepingOneActive keeping: String) async throws -> Bool {
        try await database.transaction(writing: true) { db in
            let target = try await db.raw(
                "SELECT role, disabled FROM accounts WHERE username = \(bind: username)"
            ).first()
            if let target, try target.decode(column: "role", as: String.self) == keeping,
                try target.decode(column: "disabled", as: Int.self) == 0
            {
                let others = try await db.raw(
                    """
                    SELECT COUNT(*) AS others FROM accounts WHERE role = \(bind: keeping) AND disabled = 0 \
                    AND username <> \(bind: username)
                    """
                ).first()?.decode(column: "others", as: Int.self)
                guard (others ?? 0) > 0 else { return false }
            }
            try await db.raw("UPDATE accounts SET disabled = 1 WHERE username = \(bind: username)").run()
            try await db.raw("DELETE FROM sessions WHERE username = \(bind: username)").run()
            try await db.raw("DELETE FROM api_tokens WHERE username = \(bind: username)").run()
            return true
        }
    }

    /// The columns of `api_tokens` a `TokenRecord` is read from, named rather than `*`: a SQLite connection that
    /// read the table before migration 10 added `last_used_at` would expand `*` to the old columns, and a name it
    /// does not know makes it read the schema again.
    static let tokenColumns = "token_hash, username, name, created_at, expires_at, last_used_at"

    /// A row of `api_tokens` (its `tokenColumns`) as the store hands it out.
    static func token(_ row: any SQLRow) throws -> TokenRecord {
        TokenRecord(
            tokenHash: try row.decode(column: "token_hash", as: String.self),
            username: try row.decode(column: "username", as: String.self),
            name: try row.decode(column: "name", as: String.self),
            createdAt: try row.decode(column: "created_at", as: Int64.self),
            expiresAt: try row.decode(column: "expires_at", as: Int64?.self),
            lastUsedAt: try row.decode(column: "last_used_at", as: Int64?.self))
    }
}

import AccordStore

/// Per-account feed tokens: a secret a feed reader puts in the feed's address (`/api/v1/feed?token=…`), since
/// feed readers send no headers. It reads that one account's feed — the working side the account may see,
/// through the read policy — and nothing else: it starts `feed_`, which no API route accepts as a bearer
/// token (those start `acc_`). The Secretariat issues and revokes it; issuing again replaces it.
extension AccountService {
    /// The name feed tokens are kept under among an account's tokens.
    public static let feedTokenName = "feed-token"

    /// Issues (or replaces) the feed token of `username`, as `principal`; the token is returned once, only its
    /// hash is kept. It does not expire; it stops working when revoked or when the account is disabled.
    ///
    /// - Throws: `AuthError` unless `principal` is the Secretariat; `AuthError.invalid` naming `username`.
    public func issueFeedToken(for username: String, as principal: Principal?) async throws -> String {
        try Policy(principal: principal).require(principal?.role == .secretariat, "issue feed tokens")
        guard let account = try await store.account(named: username.lowercased()), !account.isDisabled else {
            throw AuthError.invalid(field: "username", reason: "no active account '\(username)'")
        }
        _ = try await store.deleteToken(named: Self.feedTokenName, of: account.username)
        let token = "feed_" + Secrets.token()
        try await store.insertToken(
            TokenRecord(
                tokenHash: Secrets.hash(token), username: account.username, name: Self.feedTokenName,
                createdAt: now(), expiresAt: nil))
        return token
    }

    /// Revokes the feed token of `username`, as `principal`; false when it had none.
    ///
    /// - Throws: `AuthError` unless `principal` is the Secretariat.
    public func revokeFeedToken(of username: String, as principal: Principal?) async throws -> Bool {
        try Policy(principal: principal).require(principal?.role == .secretariat, "revoke feed tokens")
        return try await store.deleteToken(named: Self.feedTokenName, of: username.lowercased())
    }

    /// The principal whose feed `token` reads, or nil when it is not a live feed token.
    public func principal(feedToken token: String) async throws -> Principal? {
        guard token.hasPrefix("feed_"), let record = try await store.token(hash: Secrets.hash(token)),
            record.name == Self.feedTokenName
        else { return nil }
        guard let account = try await store.account(named: record.username), !account.isDisabled else { return nil }
        await recordUse(of: record, at: now())
        return Principal(account, csrfToken: nil)
    }
}

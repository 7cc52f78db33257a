extension Migration {
    /// When each API or feed token last authenticated a request (milliseconds since 1970; NULL until it first
    /// does), shown where the Secretariat lists an account's tokens so that an unused one can be revoked.
    ///
    /// Operational data, like the token itself: written at most once a minute per token
    /// (`Store.recordTokenUse`), never in the ledger.
    static let m0010TokenLastUse = Migration(version: 10, name: "token last use") { _ in
        ["ALTER TABLE api_tokens ADD COLUMN last_used_at BIGINT"]
    }
}

import SQLKit
import Testing

@testable import AccordStore

/// The account tables behave alike on both databases: unique names, sessions and tokens kept by hash,
/// disabling ends sessions and tokens, and login failures counted per account and per address.
@Suite("Accounts in the store")
struct AccountStoreTests {
    static func record(_ name: String) -> AccountRecord {
        AccountRecord(
            username: name, displayName: name.capitalized, role: "delegate", participant: "MEX", language: "es",
            passwordHash: "$2b$04$hash", createdAt: 1_000)
    }

    /// A token's last use is a column migration 10 adds to a table that exists: every connection a store opened
    /// before the migration reads it afterwards (a SQLite connection that read the old table would otherwise
    /// expand `SELECT *` to the old columns).
    @Test(
        "tokens read with their last use on every connection, however old, once migration 10 ran",
        arguments: Backend.all)
    func tokenLastUseAfterMigration(_ backend: Backend) async throws {
        try await withDatabase(backend) { database in
            try await withOpenStore(database, migrate: false) { store in
                // Setup: the schema before migration 10, a token, and every reader connection having read it.
                _ = try await store.migrate(through: 9)
                try await store.insertAccount(Self.record("ana"))
                try await store.insertToken(
                    TokenRecord(tokenHash: "t1", username: "ana", name: "script", createdAt: 1, expiresAt: nil))
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for _ in 0..<48 {
                        group.addTask {
                            _ = try await store.database.withSession { db in
                                try await db.raw("SELECT * FROM api_tokens").all().count
                            }
                        }
                    }
                    try await group.waitForAll()
                }

                // Act: migration 10, and a use recorded.
                #expect(try await store.migrate() == ["10 token last use"])
                try await store.recordTokenUse(hash: "t1", at: 90_000, unlessWithin: 60_000)

                // Check: every read, on whichever connection, has the column and its value.
                let read = try await withThrowingTaskGroup(of: TokenRecord?.self) { group in
                    for _ in 0..<24 {
                        group.addTask { try await store.token(hash: "t1") }
                        group.addTask { try await store.tokens(of: "ana").first }
                    }
                    return try await group.reduce(into: []) { $0.append($1) }
                }
                #expect(read.count == 48 && read.allSatisfy { $0?.lastUsedAt == 90_000 })
            }
        }
    }

    @Test("accounts, sessions and tokens", arguments: Backend.all)
    func accountsSessionsAndTokens(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            try await store.insertAccount(Self.record("ana"))
            await #expect(throws: StoreError.self) { try await store.insertAccount(Self.record("ana")) }
            #expect(try await store.account(named: "ana")?.participant == "MEX")
            #expect(try await store.accounts().map(\.username) == ["ana"])

            try await store.insertSession(
                SessionRecord(idHash: "h1", username: "ana", csrfToken: "c1", createdAt: 1, lastSeenAt: 1))
            try await store.touchSession(idHash: "h1", at: 5)
            #expect(try await store.session(idHash: "h1")?.lastSeenAt == 5)
            try await store.insertToken(
                TokenRecord(tokenHash: "t1", username: "ana", name: "script", createdAt: 1, expiresAt: nil))
            #expect(try await store.token(hash: "t1")?.name == "script")

            // Disabling ends every session and token at once.
            try await store.setAccount("ana", disabled: true)
            #expect(try await store.account(named: "ana")?.isDisabled == true)
            #expect(try await store.session(idHash: "h1") == nil)
            #expect(try await store.token(hash: "t1") == nil)
            try await store.setAccount("ana", disabled: false)
            try await store.insertToken(
                TokenRecord(tokenHash: "t2", username: "ana", name: "script", createdAt: 1, expiresAt: 9))
            #expect(try await store.deleteToken(named: "script", of: "ana"))
            #expect(try await !store.deleteToken(named: "script", of: "ana"))

            try await store.recordLoginFailure(account: "ana", address: "10.0.0.1", at: 100)
            try await store.recordLoginFailure(account: "bob", address: "10.0.0.1", at: 200)
            let failures = try await store.loginFailures(account: "ana", address: "10.0.0.1", since: 50)
            #expect(failures.account == [100] && failures.address == [100, 200])
            try await store.clearLoginFailures(account: "ana")
            #expect(try await store.loginFailures(account: "ana", address: "10.0.0.2", since: 0).account.isEmpty)
        }
    }
}

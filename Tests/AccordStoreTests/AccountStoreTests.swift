import AccordStore
import Testing

/// The account tables behave alike on both databases: unique names, sessions and tokens kept by hash,
/// disabling ends sessions and tokens, and login failures counted per account and per address.
@Suite("Accounts in the store")
struct AccountStoreTests {
    static func record(_ name: String) -> AccountRecord {
        AccountRecord(
            username: name, displayName: name.capitalized, role: "delegate", participant: "MEX", language: "es",
            passwordHash: "$2b$04$hash", createdAt: 1_000)
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

import AccordStore
import AccordTestSupport
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Testing

@testable import AccordServices
@testable import AccordWeb

/// `accord serve --behind-proxy` (README, "Deployment"): over a real loopback connection, as nginx makes one,
/// the address a failed sign-in is counted against is the `X-Real-IP` the proxy sends — and without the flag
/// that header is ignored, so no client can pass for another address.
@Suite("Behind a proxy")
struct ProxyTests {
    @Test("X-Real-IP is the client's address only behind a proxy", arguments: [true, false])
    func realIPOnlyBehindAProxy(_ isBehindProxy: Bool) async throws {
        try await withDatabase(.sqlite) { database in
            let logger = Logger(label: "test")
            let store = try await Store.open(database.location, logger: logger)
            var accounts = AccountService(store: store)
            accounts.cost = 4
            try await accounts.addAccount(
                username: "ana.ts", displayName: "Ana", role: "secretariat", participant: nil, language: "en",
                password: "a long test password")
            let app = Application(
                router: buildRouter(store: store, accounts: accounts, isBehindProxy: isBehindProxy),
                configuration: .init(address: .hostname("127.0.0.1", port: 0)), logger: logger)
            do {
                try await app.test(.live) { client in
                    let answer = try await client.execute(
                        uri: "/api/v1/session", method: .post,
                        headers: [.contentType: "application/json", ProxyMiddleware.realIP: "203.0.113.7"],
                        body: ByteBuffer(string: #"{"username":"ana.ts","password":"not her password"}"#))
                    #expect(answer.status == .unauthorized)
                }
                let failures = try await store.loginFailures(account: "ana.ts", address: "203.0.113.7", since: 0)
                #expect(failures.account.count == 1)
                #expect(failures.address.count == (isBehindProxy ? 1 : 0))
            } catch {
                await store.close()
                throw error
            }
            await store.close()
        }
    }
}

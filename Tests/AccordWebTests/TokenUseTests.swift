import AccordCore
import AccordDemo
import AccordStore
import AccordTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Synchronization
import Testing

@testable import AccordServices
@testable import AccordWeb

/// An API token's last use (issue 19.1's token list): recorded when the token authenticates a request, at most
/// once a minute, shown where the Secretariat lists the account's tokens; a use that cannot be recorded is
/// logged and the request goes on. With the test's clock, on both databases.
@Suite("API token last use")
struct TokenUseTests {
    /// What the account service logs, kept for the test to read.
    final class Warnings: Sendable {
        let messages = Mutex<[String]>([])

        /// A handler writing into `warnings`.
        struct Handler: LogHandler {
            let warnings: Warnings
            var metadata: Logger.Metadata = [:]
            var logLevel: Logger.Level = .info
            subscript(metadataKey key: String) -> Logger.Metadata.Value? {
                get { metadata[key] }
                set { metadata[key] = newValue }
            }
            func log(event: LogEvent) {
                let fields = (event.metadata ?? [:]).map { "\($0.key)=\($0.value)" }.sorted().joined(separator: " ")
                warnings.messages.withLock { $0.append("\(event.level): \(event.message) \(fields)") }
            }
        }
    }

    /// The SQL, run as an operator would from a shell, that makes the database refuse to record a token's use
    /// while it goes on reading tokens.
    static func refuseTokenUse(_ backend: Backend) -> String {
        switch backend {
        case .sqlite:
            """
            CREATE TRIGGER refuse_token_use BEFORE UPDATE OF last_used_at ON api_tokens \
            BEGIN SELECT RAISE(ABORT, 'token use refused by the test'); END;
            """
        case .postgres:
            """
            CREATE FUNCTION refuse_token_use() RETURNS trigger LANGUAGE plpgsql AS \
            $$ BEGIN RAISE EXCEPTION 'token use refused by the test'; END $$; \
            CREATE TRIGGER refuse_token_use BEFORE UPDATE OF last_used_at ON api_tokens \
            FOR EACH ROW EXECUTE FUNCTION refuse_token_use();
            """
        }
    }

    @Test(
        "a token's use is recorded once a minute at most, listed in the API, and a failed record fails nothing",
        arguments: Backend.all)
    func lastUse(_ backend: Backend) async throws {
        try await withDatabase(backend) { database in
            let store = try await Store.open(database.location, logger: Logger(label: "test"))
            try await store.append(Demo.changes)
            let clock = AccountServiceTests.Clock()
            let warnings = Warnings()
            let accounts = {
                var accounts = AccountServiceTests.service(store, clock)
                accounts.logger = Logger(label: "test") { _ in Warnings.Handler(warnings: warnings) }
                return accounts
            }()
            let app = Application(router: buildRouter(store: store, accounts: accounts), logger: Logger(label: "test"))
            do {
                try await app.test(.router) { client in
                    try await Self.check(client, store, accounts, clock, warnings, database, backend)
                }
            } catch {
                await store.close()
                throw error
            }
            await store.close()
        }
    }

    private static func check(
        _ client: any TestClientProtocol, _ store: Store, _ accounts: AccountService,
        _ clock: AccountServiceTests.Clock, _ warnings: Warnings, _ database: TestDatabase, _ backend: Backend
    ) async throws {
        // Setup: the Secretariat's account with a token, and a delegate's with one that was never used.
        try await accounts.addAccount(
            username: "ts.officer", displayName: "", role: "secretariat", participant: nil, language: "en",
            password: AccountServiceTests.password)
        try await accounts.addAccount(
            username: "can.officer", displayName: "", role: "delegate", participant: "CAN", language: "en",
            password: AccountServiceTests.password)
        let admin = try await accounts.makeToken(for: "ts.officer", name: "admin")
        let secretariat: HTTPFields = [.authorization: "Bearer \(admin)"]
        let laptop = try await accounts.makeToken(for: "can.officer", name: "laptop")
        func session() async throws -> HTTPResponse.Status {
            try await client.execute(
                uri: "/api/v1/session", method: .get, headers: [.authorization: "Bearer \(laptop)"]
            ).status
        }
        func listed() async throws -> [String: Any] {
            let response = try await client.execute(
                uri: "/api/v1/accounts/can.officer/tokens", method: .get, headers: secretariat)
            #expect(response.status == .ok)
            let tokens = try #require(
                try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [[String: Any]])
            return try #require(tokens.first { $0["name"] as? String == "laptop" })
        }
        func stored() async throws -> Int64? {
            try await store.tokens(of: "can.officer").first { $0.name == "laptop" }?.lastUsedAt
        }
        #expect(try await listed()["lastUsedAt"] == nil, "never used")

        // Act and check: the first use is recorded, and listed with the time it happened.
        let first = clock.now
        #expect(try await session() == .ok)
        #expect(try await stored() == first)
        #expect(try await listed()["lastUsedAt"] as? String == Timestamp(millisecondsSince1970: first).description)

        // The database refuses the write from now on; within the minute the service does not even try (no
        // warning); past it, it tries: the request still succeeds, the old time stays, and a warning says why.
        let refused = try await database.executeOutsideStore(Self.refuseTokenUse(backend))
        #expect(refused.succeeded, "\(refused.output)")
        func warned() -> Bool {
            warnings.messages.withLock {
                $0.contains {
                    $0.contains("a token's use could not be recorded") && $0.contains("token=laptop")
                        && $0.contains("account=can.officer")
                }
            }
        }
        clock.advance(milliseconds: 59_999)
        #expect(try await session() == .ok)
        #expect(try await stored() == first)
        #expect(!warned(), "no write within the minute: \(warnings.messages.withLock { $0 })")
        clock.advance(milliseconds: 1)
        #expect(try await session() == .ok)
        #expect(try await stored() == first)
        #expect(warned(), "\(warnings.messages.withLock { $0 })")

        // Writable again, the next use is recorded.
        let allowed = try await database.executeOutsideStore(
            backend == .sqlite ? "DROP TRIGGER refuse_token_use;" : "DROP TRIGGER refuse_token_use ON api_tokens;")
        #expect(allowed.succeeded, "\(allowed.output)")
        clock.advance(milliseconds: 1)
        #expect(try await session() == .ok)
        #expect(try await stored() == first + 60_001)

        // The store writes a use once a minute too, whatever time a process read: several processes over one
        // PostgreSQL database write it once.
        let hash = Secrets.hash(laptop)
        try await store.recordTokenUse(hash: hash, at: first + 120_000, unlessWithin: 60_000)
        #expect(try await stored() == first + 60_001)
        try await store.recordTokenUse(hash: hash, at: first + 120_001, unlessWithin: 60_000)
        #expect(try await stored() == first + 120_001)

        // A feed token's use is recorded the same way.
        let officer = try #require(try await accounts.principal(token: admin))
        let feed = try await accounts.issueFeedToken(for: "can.officer", as: officer)
        #expect(try await accounts.principal(feedToken: feed)?.username == "can.officer")
        let feedUse = try await store.tokens(of: "can.officer").first { $0.name == AccountService.feedTokenName }
        #expect(feedUse?.lastUsedAt == clock.now)

        // An expired token authenticates nothing, and its use is not recorded.
        let shortLived = try await accounts.makeToken(for: "can.officer", name: "short", days: 1)
        clock.advance(minutes: 24 * 60)
        #expect(try await accounts.principal(token: shortLived) == nil)
        #expect(try await store.tokens(of: "can.officer").first { $0.name == "short" }?.lastUsedAt == nil)
    }
}

import AccordStore
import Foundation
import Synchronization
import Testing

@testable import AccordWeb

/// The rules of accounts and sessions, with a clock the test moves: a new session id at every sign-in,
/// idle and absolute timeouts, throttling per account and per address, tokens that act with the account's
/// role, and refusals that name the field.
@Suite("Accounts and sessions")
struct AccountServiceTests {
    final class Clock: Sendable {
        let time = Mutex<Int64>(1_700_000_000_000)
        func advance(minutes: Int64) { time.withLock { $0 += minutes * 60_000 } }
        var now: Int64 { time.withLock { $0 } }
    }

    static func service(_ store: Store, _ clock: Clock) -> AccountService {
        var service = AccountService(store: store)
        service.cost = 4
        service.now = { clock.now }
        return service
    }

    static let password = "a long enough password"

    @Test("sign-in gives a new session each time; idle and absolute timeouts end it; sign-out destroys it")
    func sessions() async throws {
        try await withAPI(demo: true) { _, store in
            let clock = Clock()
            let accounts = Self.service(store, clock)
            try await accounts.addAccount(
                username: "mex.delegate", displayName: "", role: "delegate", participant: "MEX", language: "es",
                password: Self.password)
            let first = try await accounts.signIn(username: "mex.delegate", password: Self.password, address: "a")
            let second = try await accounts.signIn(username: "MEX.delegate", password: Self.password, address: "a")
            #expect(first.id != second.id && first.principal.csrfToken != second.principal.csrfToken)
            #expect(first.principal.actor?.participant?.rawValue == "MEX")

            clock.advance(minutes: 29)
            #expect(try await accounts.principal(session: first.id) != nil)
            clock.advance(minutes: 29)
            #expect(try await accounts.principal(session: first.id) != nil, "in use, so not idle")
            #expect(try await accounts.principal(session: second.id) == nil, "58 minutes unused")
            for _ in 0..<26 {
                clock.advance(minutes: 28)
                _ = try await accounts.principal(session: first.id)
            }
            #expect(try await accounts.principal(session: first.id) == nil, "past 12 hours, however busy")

            let third = try await accounts.signIn(username: "mex.delegate", password: Self.password, address: "a")
            try await accounts.signOut(session: third.id)
            #expect(try await accounts.principal(session: third.id) == nil)
        }
    }

    @Test("five failures lock the account for a while, twenty lock the address; the message never says which")
    func throttling() async throws {
        try await withAPI(demo: true) { _, store in
            let clock = Clock()
            let accounts = Self.service(store, clock)
            try await accounts.addAccount(
                username: "ts.officer", displayName: "TS", role: "secretariat", participant: nil, language: "en",
                password: Self.password)
            for _ in 0..<5 {
                await #expect(throws: AuthError.invalidCredentials) {
                    try await accounts.signIn(username: "ts.officer", password: "wrong password!", address: "1")
                }
            }
            // Locked now, even with the right password, from any address.
            await #expect(throws: AuthError.throttled(seconds: 900)) {
                try await accounts.signIn(username: "ts.officer", password: Self.password, address: "2")
            }
            clock.advance(minutes: 16)
            _ = try await accounts.signIn(username: "ts.officer", password: Self.password, address: "2")

            for index in 0..<20 {
                await #expect(throws: AuthError.invalidCredentials) {
                    try await accounts.signIn(username: "nobody\(index)", password: "wrong password!", address: "3")
                }
            }
            await #expect(throws: AuthError.self) {
                try await accounts.signIn(username: "ts.officer", password: Self.password, address: "3")
            }
        }
    }

    @Test(
        "bad accounts are refused naming the field",
        arguments: [
            ("x", "secretariat", nil, "username"), ("ana", "king", nil, "role"),
            ("ana", "delegate", nil, "participant"),
            ("ana", "delegate", "IOM", "participant"), ("ana", "observer", "MEX", "participant"),
            ("ana", "secretariat", "MEX", "participant"),
        ] as [(String, String, String?, String)])
    func refusals(_ username: String, _ role: String, _ participant: String?, _ field: String) async throws {
        try await withAPI(demo: true) { _, store in
            let accounts = Self.service(store, Clock())
            do {
                try await accounts.addAccount(
                    username: username, displayName: "", role: role, participant: participant, language: "en",
                    password: Self.password)
                Issue.record("accepted \(username) \(role)")
            } catch AuthError.invalid(let named, _) {
                #expect(named == field)
            }
            #expect(try await store.accounts().isEmpty)
        }
    }

    @Test("passwords: too short, too long for bcrypt, or the username are refused")
    func passwords() {
        #expect(throws: AuthError.self) { try AccountService.check(password: "short", username: "ana") }
        #expect(throws: AuthError.self) {
            try AccountService.check(password: String(repeating: "é", count: 40), username: "ana")
        }
        #expect(throws: AuthError.self) { try AccountService.check(password: "ana.delegate", username: "ANA.delegate") }
        #expect(throws: Never.self) { try AccountService.check(password: Self.password, username: "ana") }
    }

    @Test("an API token acts with its account's role until it expires or the account is disabled")
    func tokens() async throws {
        try await withAPI(demo: true) { _, store in
            let clock = Clock()
            let accounts = Self.service(store, clock)
            try await accounts.addAccount(
                username: "iom", displayName: "IOM", role: "observer", participant: "IOM", language: "fr",
                password: Self.password)
            let token = try await accounts.makeToken(for: "iom", name: "sync", days: 1)
            #expect(token.hasPrefix("acc_"))
            #expect(try await accounts.principal(token: token)?.role == .observer)
            #expect(try await accounts.principal(token: "acc_forged") == nil)
            clock.advance(minutes: 24 * 60)
            #expect(try await accounts.principal(token: token) == nil)
            let other = try await accounts.makeToken(for: "iom", name: "other", days: nil)
            try await accounts.setDisabled(true, username: "iom")
            #expect(try await accounts.principal(token: other) == nil)
        }
    }
}

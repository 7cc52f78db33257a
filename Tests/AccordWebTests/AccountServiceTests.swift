import AccordCore
import AccordStore
import Foundation
import Synchronization
import Testing

@testable import AccordServices
@testable import AccordWeb

/// The rules of accounts and sessions, with a clock the test moves: a new session id at every sign-in,
/// idle and absolute timeouts, throttling per account and per address, tokens that act with the account's
/// role, and refusals that name the field.
@Suite("Accounts and sessions")
struct AccountServiceTests {
    final class Clock: Sendable {
        let time = Mutex<Int64>(1_700_000_000_000)
        func advance(minutes: Int64) { time.withLock { $0 += minutes * 60_000 } }
        func advance(milliseconds: Int64) { time.withLock { $0 += milliseconds } }
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

    @Test("failures past the free ones make the next attempt wait, twice as long each time; never a lock")
    func throttling() async throws {
        try await withAPI(demo: true) { _, store in
            let clock = Clock()
            let accounts = Self.service(store, clock)
            try await accounts.addAccount(
                username: "ts.officer", displayName: "TS", role: "secretariat", participant: nil, language: "en",
                password: Self.password)
            // Three free failures, then one second's wait, then two, then four…
            for expectedWait in [0, 0, 0, 1, 2, 4] {
                if expectedWait > 0 {
                    await #expect(throws: AuthError.throttled(seconds: expectedWait)) {
                        try await accounts.signIn(username: "ts.officer", password: "wrong password!", address: "1")
                    }
                    clock.advance(milliseconds: Int64(expectedWait) * 1_000)
                }
                await #expect(throws: AuthError.invalidCredentials) {
                    try await accounts.signIn(username: "ts.officer", password: "wrong password!", address: "1")
                }
            }
            // The owner waits out the delay, from any address, and is in: an attacker cannot lock the account.
            await #expect(throws: AuthError.throttled(seconds: 8)) {
                try await accounts.signIn(username: "ts.officer", password: Self.password, address: "2")
            }
            clock.advance(milliseconds: 8_000)
            _ = try await accounts.signIn(username: "ts.officer", password: Self.password, address: "2")

            // The delay grows to a minute at most per account.
            for _ in 0..<12 {
                clock.advance(milliseconds: 60_000)
                _ = try? await accounts.signIn(username: "ts.officer", password: "wrong password!", address: "4")
            }
            await #expect(throws: AuthError.throttled(seconds: 60)) {
                try await accounts.signIn(username: "ts.officer", password: Self.password, address: "5")
            }

            // An address that guesses at many accounts waits too, whichever account it tries next.
            for index in 0..<10 {
                await #expect(throws: AuthError.invalidCredentials) {
                    try await accounts.signIn(username: "nobody\(index)", password: "wrong password!", address: "3")
                }
            }
            await #expect(throws: AuthError.throttled(seconds: 1)) {
                try await accounts.signIn(username: "someone.else", password: Self.password, address: "3")
            }
        }
    }

    @Test("signing in again ends the session the browser brought")
    func signInAgainEndsThePreviousSession() async throws {
        try await withAPI(demo: true) { _, store in
            let accounts = Self.service(store, Clock())
            try await accounts.addAccount(
                username: "ppt", displayName: "", role: "presidency", participant: nil, language: "en",
                password: Self.password)
            let first = try await accounts.signIn(username: "ppt", password: Self.password, address: "a")
            let second = try await accounts.signIn(
                username: "ppt", password: Self.password, address: "a", ending: first.id)
            #expect(try await accounts.principal(session: first.id) == nil)
            #expect(try await accounts.principal(session: second.id) != nil)
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
        #expect(throws: AuthError.invalid(field: "password", reason: "use at least 12 characters")) {
            try AccountService.check(password: "short", username: "ana")
        }
        #expect(throws: AuthError.invalid(field: "password", reason: "use at most 72 bytes")) {
            try AccountService.check(password: String(repeating: "é", count: 40), username: "ana")
        }
        #expect(throws: AuthError.invalid(field: "password", reason: "must not be the username")) {
            try AccountService.check(password: "ana.delegate", username: "ANA.delegate")
        }
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
            // Without a lifetime asked for, a token lasts 90 days; more than 365 is refused.
            let other = try await accounts.makeToken(for: "iom", name: "other")
            clock.advance(minutes: 89 * 24 * 60)
            #expect(try await accounts.principal(token: other) != nil)
            clock.advance(minutes: 24 * 60)
            #expect(try await accounts.principal(token: other) == nil, "expired after 90 days")
            await #expect(throws: AuthError.invalid(field: "days", reason: "a token lasts 1 to 365 days")) {
                try await accounts.makeToken(for: "iom", name: "forever", days: 366)
            }
            let last = try await accounts.makeToken(for: "iom", name: "last")
            try await accounts.setDisabled(true, username: "iom")
            #expect(try await accounts.principal(token: last) == nil)
        }
    }

    @Test("a request does not revoke the token it is signed with; another one, or none, does")
    func ownTokenIsNotRevoked() async throws {
        try await withAPI(demo: true) { _, store in
            let accounts = Self.service(store, Clock())
            try await accounts.addAccount(
                username: "ana.ts", displayName: "Ana", role: "secretariat", participant: nil, language: "es",
                password: Self.password)
            let script = try await accounts.makeToken(for: "ana.ts", name: "script")
            let laptop = try await accounts.makeToken(for: "ana.ts", name: "laptop")
            let ana = try #require(try await accounts.principal(token: script))
            let refusal = await #expect(throws: ChangeError.self) {
                try await accounts.revokeToken(named: "script", of: "ana.ts", as: ana, presenting: script)
            }
            #expect(
                refusal?.field == "name" && "\(refusal!)".contains("signed with the token 'script'"),
                "\(String(describing: refusal))")
            #expect(try await accounts.principal(token: script) != nil)
            try await accounts.revokeToken(named: "script", of: "ana.ts", as: ana, presenting: laptop)
            #expect(try await accounts.principal(token: script) == nil)
        }
    }
}

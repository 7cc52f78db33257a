import AccordCore
import AccordStore
import Foundation
import HummingbirdBcrypt
import Logging
import Synchronization

/// Accounts, sign-in, sessions and API tokens: the rules, over the store's tables.
///
/// Time comes in through `now` (milliseconds since 1970), so that the tests can move the clock past the
/// timeouts instead of waiting for them.
public struct AccountService: Sendable {
    public let store: Store
    /// bcrypt's cost: 12 in service (about a quarter of a second per hash), lower only in tests.
    public var cost: UInt8 = 12
    /// A session unused this long ends (30 minutes).
    public var idleTimeout: Int64 = 30 * 60_000
    /// A session ends this long after sign-in, however busy (12 hours).
    public var absoluteTimeout: Int64 = 12 * 3_600_000
    /// Failed sign-ins, within `throttleWindow`, that cost nothing; each further one doubles the wait before the
    /// next attempt, from one second up to `accountDelayLimit` per account and `addressDelayLimit` per address.
    /// A delay, unlike a lock, never keeps the account's owner out for long, whoever guesses at its password.
    public var freeAttempts = 3
    public var accountDelayLimit: Int64 = 60_000
    public var addressFreeAttempts = 10
    public var addressDelayLimit: Int64 = 15 * 60_000
    public var throttleWindow: Int64 = 15 * 60_000
    /// An API token's lifetime when none is asked for, and the longest one may have.
    public static let tokenDays = 90
    public static let tokenDaysLimit = 365
    public var now: @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970 * 1000) }
    /// A token's last use is written at most this often (a minute): reading with a token must not cost a write
    /// each time.
    public static let tokenUseInterval: Int64 = 60_000
    /// Where what goes wrong beside a request, without failing it, is logged: a token's use that could not be
    /// recorded.
    public var logger = Logger(label: "accord.accounts")

    public init(store: Store) { self.store = store }

    /// Set once the installation has an account; accounts are disabled, never deleted, so it stays set.
    private let knownToHaveAccounts = Latch()

    /// The open trial mode's principal while the database has no account; nil from the moment the first exists.
    ///
    /// Everyone then acts as a Secretariat recorded as "trial". The server offers it only on the loopback
    /// interface (`accord serve` refuses to listen further without an account).
    public func trialPrincipal() async throws -> Principal? {
        try await hasAccounts() ? nil : .trial
    }

    /// Whether any account exists; asked of the database only until the answer is yes.
    public func hasAccounts() async throws -> Bool {
        if knownToHaveAccounts.isSet { return true }
        let has = try await !store.accounts().isEmpty
        if has { knownToHaveAccounts.set() }
        return has
    }

    /// A hash that no password matches, checked when the account does not exist so that a sign-in takes as
    /// long for an unknown username as for a wrong password.
    private static let decoy = Bcrypt.hash("accord decoy password", cost: 12)

    /// Creates an account after checking every field against the record.
    ///
    /// - Throws: `AuthError.invalid` naming the field, or `StoreError.duplicateAccount`.
    public func addAccount(
        username: String, displayName: String, role: String, participant: String?, language: String,
        password: String
    ) async throws {
        let name = username.lowercased()
        guard (3...64).contains(name.count), Self.isName(name)
        else {
            throw AuthError.invalid(
                field: "username",
                reason: "use 3–64 letters, digits, dots, dashes or underscores, starting with a letter or digit")
        }
        guard let role = AccountRole(rawValue: role) else {
            throw AuthError.invalid(field: "role", reason: "use secretariat, presidency, delegate, observer or public")
        }
        guard Language(rawValue: language) != nil else {
            throw AuthError.invalid(field: "language", reason: "use es, en or fr")
        }
        let state = try await store.currentState()
        switch role {
        case .delegate, .observer:
            guard let code = participant, let member = state.participants[ParticipantID(code)] else {
                throw AuthError.invalid(
                    field: "participant",
                    reason: "a \(role.rawValue) acts for a participant of the process; name its code (e.g. MEX)")
            }
            if role == .delegate, member.kind != .memberState {
                throw AuthError.invalid(
                    field: "participant", reason: "\(code) is not a member state; a delegate acts for a member state")
            }
            if role == .observer, member.kind == .memberState {
                throw AuthError.invalid(
                    field: "participant", reason: "\(code) is a member state; its people are delegates, not observers")
            }
        default:
            guard participant == nil else {
                throw AuthError.invalid(
                    field: "participant", reason: "the \(role.rawValue) acts for the process, not for one participant")
            }
        }
        try Self.check(password: password, username: name)
        let trimmed = displayName.trimmingCharacters(in: .whitespaces)
        try await store.insertAccount(
            AccountRecord(
                username: name, displayName: trimmed.isEmpty ? name : trimmed, role: role.rawValue,
                participant: participant, language: language, passwordHash: Bcrypt.hash(password, cost: cost),
                createdAt: now()))
    }

    /// Whether `name` is made of ASCII letters, digits, dots, dashes and underscores and starts with a letter or
    /// digit: a username or a token's name, which pages and the API put in a path (so never "." or "..").
    public static func isName(_ name: String) -> Bool {
        guard let first = name.first, first.isASCII, first.isLetter || first.isNumber else { return false }
        return name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }
    }

    static func check(password: String, username: String) throws {
        guard password.count >= 12 else {
            throw AuthError.invalid(field: "password", reason: "use at least 12 characters")
        }
        guard password.count <= 72, password.utf8.count <= 72 else {
            // bcrypt reads only the first 72 bytes; a longer password would seem stronger than it is.
            throw AuthError.invalid(field: "password", reason: "use at most 72 bytes")
        }
        guard password.lowercased() != username.lowercased() else {
            throw AuthError.invalid(field: "password", reason: "must not be the username")
        }
    }

    /// Signs in: a new session (a new id every time, never one the browser brought) and its anti-forgery
    /// token, or a refusal that never says whether the username exists. The session the browser brought, if
    /// any, ends: one browser holds one session.
    ///
    /// - Throws: `AuthError.throttled` while the account or the address must wait after repeated failures;
    ///   `AuthError.invalidCredentials`.
    public func signIn(username: String, password: String, address: String, ending previous: String? = nil)
        async throws -> (id: String, principal: Principal)
    {
        let name = username.lowercased()
        let time = now()
        let failures = try await store.loginFailures(account: name, address: address, since: time - throttleWindow)
        let wait = max(
            Self.wait(after: failures.account, free: freeAttempts, limit: accountDelayLimit, now: time),
            Self.wait(after: failures.address, free: addressFreeAttempts, limit: addressDelayLimit, now: time))
        if wait > 0 { throw AuthError.throttled(seconds: Int((wait + 999) / 1000)) }
        let account = try await store.account(named: name)
        let matches = Bcrypt.verify(password, hash: account?.passwordHash ?? Self.decoy)
        guard let account, matches, !account.isDisabled else {
            try await store.recordLoginFailure(account: name, address: address, at: time)
            throw AuthError.invalidCredentials
        }
        try await store.clearLoginFailures(account: name)
        if let previous { try await signOut(session: previous) }
        let id = Secrets.token()
        let csrf = Secrets.token()
        try await store.insertSession(
            SessionRecord(idHash: Secrets.hash(id), username: name, csrfToken: csrf, createdAt: time, lastSeenAt: time))
        return (id, Principal(account, csrfToken: csrf))
    }

    /// How long, in milliseconds from `now`, the next attempt must wait after `failures` (oldest first): nothing
    /// for the first `free`, then one second doubled for each further failure, up to `limit`, counted from the
    /// last failure.
    static func wait(after failures: [Int64], free: Int, limit: Int64, now: Int64) -> Int64 {
        guard failures.count >= free, let last = failures.last else { return 0 }
        let doublings = min(failures.count - free, 30)
        let delay = min(Int64(1_000) << Int64(doublings), limit)
        return max(0, last + delay - now)
    }

    /// The principal of a session id, or nil when it is unknown, expired (idle or absolute) or its account
    /// is disabled; an expired session is deleted.
    public func principal(session id: String) async throws -> Principal? {
        let hash = Secrets.hash(id)
        guard let session = try await store.session(idHash: hash) else { return nil }
        let time = now()
        guard time - session.lastSeenAt < idleTimeout, time - session.createdAt < absoluteTimeout else {
            try await store.deleteSession(idHash: hash)
            return nil
        }
        guard let account = try await store.account(named: session.username), !account.isDisabled else { return nil }
        // Written at most once a minute: reading a page must not cost a write each time.
        if time - session.lastSeenAt > 60_000 { try await store.touchSession(idHash: hash, at: time) }
        return Principal(account, csrfToken: session.csrfToken)
    }

    /// Disables (or enables again) an account; disabling ends its sessions and revokes its tokens. The last
    /// active Secretariat account stays: without it nobody could enable another or make a new one but on the
    /// server's command line.
    ///
    /// - Throws: `AuthError.invalid` naming `username` for an unknown account; `ChangeError.ruleViolation`
    ///   naming `username` for the last active Secretariat account.
    public func setDisabled(_ disabled: Bool, username: String) async throws {
        let name = username.lowercased()
        guard try await store.account(named: name) != nil else {
            throw AuthError.invalid(field: "username", reason: "there is no account '\(name)'")
        }
        guard disabled else { return try await store.setAccount(name, disabled: false) }
        guard try await store.disableAccount(name, keepingOneActive: AccountRole.secretariat.rawValue) else {
            throw Self.lastSecretariat(name)
        }
    }

    /// The refusal to disable `name`, the last active Secretariat account.
    static func lastSecretariat(_ name: String) -> ChangeError {
        .ruleViolation(
            field: "username", rule: "last-secretariat",
            reason: "\(name) is the last active Secretariat account; enable or add another Secretariat account "
                + "before disabling it")
    }

    /// Replaces an account's password after the same checks as a new one; its sessions end.
    public func setPassword(_ password: String, of username: String) async throws {
        let name = username.lowercased()
        guard try await store.account(named: name) != nil else {
            throw AuthError.invalid(field: "username", reason: "there is no account '\(name)'")
        }
        try Self.check(password: password, username: name)
        try await store.setPasswordHash(Bcrypt.hash(password, cost: cost), of: name)
    }

    /// Ends a session.
    public func signOut(session id: String) async throws {
        try await store.deleteSession(idHash: Secrets.hash(id))
    }

    /// Makes an API token for `username`, returned once: only its hash is kept. It expires after `days`
    /// (`tokenDays` when nil, at most `tokenDaysLimit`): a token forgotten in a script stops working by itself.
    ///
    /// - Throws: `AuthError.invalid` naming `username`, `name` or `days`.
    public func makeToken(for username: String, name: String, days: Int? = nil) async throws -> String {
        let days = days ?? Self.tokenDays
        guard (1...Self.tokenDaysLimit).contains(days) else {
            throw AuthError.invalid(field: "days", reason: "a token lasts 1 to \(Self.tokenDaysLimit) days")
        }
        guard let account = try await store.account(named: username.lowercased()), !account.isDisabled else {
            throw AuthError.invalid(field: "username", reason: "no active account '\(username)'")
        }
        guard (1...64).contains(name.count), Self.isName(name) else {
            throw AuthError.invalid(
                field: "name",
                reason: "give the token a name of 1–64 letters, digits, dots, dashes or underscores, starting with a "
                    + "letter or digit")
        }
        let token = "acc_" + Secrets.token()
        let time = now()
        try await store.insertToken(
            TokenRecord(
                tokenHash: Secrets.hash(token), username: account.username, name: name, createdAt: time,
                expiresAt: time + Int64(days) * 86_400_000))
        return token
    }

    /// The principal of the account `username`, for a command run on the server by someone who names the
    /// account they act as (`accord … --as USERNAME`): the database's own access control stands for a password.
    ///
    /// - Throws: `AuthError.invalid` when there is no active account of that name.
    public func principal(acting username: String) async throws -> Principal {
        guard let account = try await store.account(named: username.lowercased()), !account.isDisabled else {
            throw AuthError.invalid(field: "as", reason: "there is no active account '\(username.lowercased())'")
        }
        return Principal(account, csrfToken: nil)
    }

    /// The principal of an API token, or nil when it is unknown, expired or its account disabled.
    public func principal(token: String) async throws -> Principal? {
        guard token.hasPrefix("acc_"), let record = try await store.token(hash: Secrets.hash(token)) else { return nil }
        let time = now()
        if let expiry = record.expiresAt, expiry <= time { return nil }
        guard let account = try await store.account(named: record.username), !account.isDisabled else { return nil }
        await recordUse(of: record, at: time)
        return Principal(account, csrfToken: nil)
    }

    /// Records that `token` authenticated a request at `time`, unless a use within the last minute is recorded.
    ///
    /// Never throws: the request the token authenticated goes on whether or not its use could be written (a
    /// database busy or read-only for a moment), and the failure is logged.
    func recordUse(of token: TokenRecord, at time: Int64) async {
        if let last = token.lastUsedAt, time - last < Self.tokenUseInterval { return }
        do {
            try await store.recordTokenUse(hash: token.tokenHash, at: time, unlessWithin: Self.tokenUseInterval)
        } catch {
            logger.warning(
                "a token's use could not be recorded; the request goes on",
                metadata: [
                    "account": "\(token.username)", "token": "\(token.name)", "error": "\(String(reflecting: error))",
                ])
        }
    }
}

/// A flag that, once set, stays set; shared by every copy of the service.
private final class Latch: Sendable {
    private let value = Mutex(false)
    var isSet: Bool { value.withLock { $0 } }
    func set() { value.withLock { $0 = true } }
}

import AccordCore
import AccordStore

/// An account as the Secretariat's administration shows it: never its password hash.
public struct AccountSummary: Sendable, Hashable {
    public var username: String
    public var displayName: String
    public var role: AccountRole
    /// The member state a delegate acts for, or an observer's country or organization.
    public var participant: ParticipantID?
    public var language: Language
    public var isActive: Bool
    /// Milliseconds since 1970.
    public var createdAt: Int64
    /// When its newest live session was last used; nil when it has none (sessions are deleted as they end).
    public var lastSeenAt: Int64?

    init(_ record: AccountRecord, lastSeenAt: Int64?) {
        username = record.username
        displayName = record.displayName
        role = AccountRole(rawValue: record.role) ?? .public
        participant = record.participant.map { ParticipantID($0) }
        language = Language(rawValue: record.language) ?? .en
        isActive = !record.isDisabled
        createdAt = record.createdAt
        self.lastSeenAt = lastSeenAt
    }
}

/// An API token as its list shows it: its name and dates, and the first characters of its hash to tell two
/// apart — never the token, which is shown once, when it is made.
public struct TokenSummary: Sendable, Hashable {
    public var name: String
    /// The first 12 hexadecimal digits of the token's SHA-256.
    public var id: String
    public var createdAt: Int64
    /// Nil for a feed token, which lasts until it is revoked.
    public var expiresAt: Int64?
    /// Whether it is the account's feed token (`feed_…`), which reads only the account's feed.
    public var isFeedToken: Bool
    /// When it last authenticated a request, to the minute; nil when it never has.
    public var lastUsedAt: Int64?

    init(_ record: TokenRecord) {
        name = record.name
        id = String(record.tokenHash.prefix(12))
        createdAt = record.createdAt
        expiresAt = record.expiresAt
        lastUsedAt = record.lastUsedAt
        isFeedToken = record.name == AccountService.feedTokenName
    }
}

/// A new account as the Secretariat fills it in, on a page or in the API.
public struct NewAccount: Sendable, Hashable {
    public var username: String
    public var displayName: String
    public var role: String
    public var participant: String?
    public var language: String
    public var password: String

    public init(
        username: String, displayName: String = "", role: String, participant: String? = nil, language: String = "en",
        password: String
    ) {
        self.username = username
        self.displayName = displayName
        self.role = role
        self.participant = participant
        self.language = language
        self.password = password
    }
}

/// The Secretariat's administration of accounts and API tokens (issue 19.1), shared by the pages, the API and
/// the command line: every operation checks the principal through `Policy` first, whoever calls it.
extension AccountService {
    /// Every account, by username, with when it was last seen.
    ///
    /// - Throws: `AuthError` unless `principal` is the Secretariat.
    public func accountList(as principal: Principal?) async throws -> [AccountSummary] {
        try requireAdministrator(principal, "list accounts")
        return try await accountList()
    }

    /// Every account, by username, for a command run on the server.
    public func accountList() async throws -> [AccountSummary] {
        let seen = try await store.lastSeen()
        return try await store.accounts().map { AccountSummary($0, lastSeenAt: seen[$0.username]) }
    }

    /// The account `username`.
    ///
    /// - Throws: `AuthError` unless `principal` is the Secretariat; `NotFound` naming `username`.
    public func accountSummary(named username: String, as principal: Principal?) async throws -> AccountSummary {
        try requireAdministrator(principal, "read accounts")
        let record = try await existing(username)
        return AccountSummary(record, lastSeenAt: try await store.lastSeen()[record.username])
    }

    /// Creates an account, as `principal`, after the checks `addAccount` makes.
    ///
    /// - Throws: `AuthError` unless `principal` is the Secretariat; `AuthError.invalid` naming the field;
    ///   `ChangeError.duplicate` naming `username` when it is taken.
    public func createAccount(_ account: NewAccount, as principal: Principal?) async throws -> AccountSummary {
        try requireAdministrator(principal, "create accounts")
        let participant = account.participant.map { $0.trimmingCharacters(in: .whitespaces).uppercased() }
        do {
            try await addAccount(
                username: account.username, displayName: account.displayName, role: account.role,
                participant: participant?.isEmpty == true ? nil : participant, language: account.language,
                password: account.password)
        } catch StoreError.duplicateAccount {
            throw ChangeError.duplicate(
                field: "username", reason: "an account named '\(account.username.lowercased())' exists already")
        }
        return try await accountSummary(named: account.username, as: principal)
    }

    /// Enables or disables `username`, as `principal`, who may not disable their own account; see
    /// `setDisabled(_:username:)`.
    ///
    /// - Throws: `AuthError` unless `principal` is the Secretariat; `ChangeError.ruleViolation` naming `username`
    ///   for the principal's own account; what `setDisabled` throws.
    public func setActive(_ active: Bool, username: String, as principal: Principal?) async throws -> AccountSummary {
        try requireAdministrator(principal, "\(active ? "enable" : "disable") accounts")
        // Nobody locks themselves out: another Secretariat account disables this one, if it must be.
        if !active, username.lowercased() == principal?.username {
            // The last active Secretariat account is refused as such, as the command line refuses it.
            let others = try await store.accounts().filter {
                $0.role == AccountRole.secretariat.rawValue && !$0.isDisabled && $0.username != principal?.username
            }
            if others.isEmpty { throw Self.lastSecretariat(username.lowercased()) }
            throw ChangeError.ruleViolation(
                field: "username", rule: "own-account",
                reason: "you are signed in as \(username.lowercased()); another Secretariat account may disable it")
        }
        try await setDisabled(!active, username: username)
        return try await accountSummary(named: username, as: principal)
    }

    /// Makes an API token for `username`, as `principal`: see `makeToken(for:name:days:)`.
    ///
    /// - Throws: `AuthError` unless `principal` is the Secretariat; what `makeToken` throws.
    public func issueToken(for username: String, name: String, days: Int?, as principal: Principal?) async throws
        -> (token: String, summary: TokenSummary)
    {
        try requireAdministrator(principal, "issue API tokens")
        let record = try await existing(username)
        let token: String
        do {
            token = try await makeToken(for: record.username, name: name, days: days)
        } catch StoreError.duplicateAccount {
            throw ChangeError.duplicate(
                field: "name", reason: "'\(record.username)' has a token named '\(name)' already; revoke it first")
        }
        guard let stored = try await store.token(hash: Secrets.hash(token)) else {
            throw NotFound(field: "name", "the token '\(name)' of '\(record.username)' was not kept")
        }
        return (token, TokenSummary(stored))
    }

    /// The tokens of `username`, API and feed tokens alike, by name.
    ///
    /// - Throws: `AuthError` unless `principal` is the Secretariat; `NotFound` naming `username`.
    public func tokens(of username: String, as principal: Principal?) async throws -> [TokenSummary] {
        try requireAdministrator(principal, "list API tokens")
        return try await tokens(of: username)
    }

    /// The tokens of `username`, for a command run on the server.
    ///
    /// - Throws: `NotFound` naming `username`.
    public func tokens(of username: String) async throws -> [TokenSummary] {
        let record = try await existing(username)
        return try await store.tokens(of: record.username).map(TokenSummary.init)
    }

    /// Revokes the token `name` of `username`, as `principal`: it stops working at once.
    ///
    /// - Throws: `AuthError` unless `principal` is the Secretariat; `NotFound` naming `username` or `name`.
    ///
    /// - Parameter presented: the token the request is signed with, if any: a request does not revoke the token
    ///   it is signed with, so that a script cannot lock itself out halfway (another token or the page revokes it).
    public func revokeToken(
        named name: String, of username: String, as principal: Principal?, presenting presented: String? = nil
    ) async throws {
        try requireAdministrator(principal, "revoke API tokens")
        if let presented, try await isToken(presented, named: name, of: username) {
            throw ChangeError.ruleViolation(
                field: "name", rule: "own-token",
                reason: "this request is signed with the token '\(name)'; revoke it with another token or from the "
                    + "accounts page")
        }
        try await revokeToken(named: name, of: username)
    }

    /// Whether `token` is the token `name` of `username`.
    func isToken(_ token: String, named name: String, of username: String) async throws -> Bool {
        guard let record = try await store.token(hash: Secrets.hash(token)) else { return false }
        return record.username == username.lowercased() && record.name == name
    }

    /// Revokes the token `name` of `username`, for a command run on the server.
    ///
    /// - Throws: `NotFound` naming `username` or `name`.
    public func revokeToken(named name: String, of username: String) async throws {
        let record = try await existing(username)
        guard try await store.deleteToken(named: name, of: record.username) else {
            throw NotFound(field: "name", "'\(record.username)' has no token named '\(name)'")
        }
    }

    /// The delegates of `participant` — the active accounts that act for it — or nil when `principal` may not
    /// know who they are (`Policy.seesDelegates(of:)`): only the Secretariat and that country's own delegates.
    public func delegates(of participant: ParticipantID, for principal: Principal?) async throws -> [AccountSummary]? {
        guard Policy(principal: principal).seesDelegates(of: participant) else { return nil }
        let seen = try await store.lastSeen()
        return try await store.accounts().filter {
            $0.participant == participant.rawValue && $0.role == AccountRole.delegate.rawValue && !$0.isDisabled
        }.map { AccountSummary($0, lastSeenAt: seen[$0.username]) }
    }

    /// The account `username` (case aside).
    ///
    /// - Throws: `NotFound` naming `username`.
    func existing(_ username: String) async throws -> AccountRecord {
        guard let record = try await store.account(named: username.lowercased()) else {
            throw NotFound(field: "username", "there is no account '\(username.lowercased())'")
        }
        return record
    }
}

extension AccountService {
    /// Throws unless `principal` administers accounts (`Policy.managesAccounts`); `what` names the act.
    public func requireAdministrator(_ principal: Principal?, _ what: String) throws {
        let policy = Policy(principal: principal)
        try policy.require(policy.managesAccounts, what)
    }
}

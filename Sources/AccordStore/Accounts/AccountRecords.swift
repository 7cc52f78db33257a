/// An account as the store keeps it; the rules about accounts (who may have which role, what a password
/// must be) live in the web service that creates them.
public struct AccountRecord: Sendable, Hashable {
    public var username: String
    public var displayName: String
    /// secretariat, presidency, delegate or observer.
    public var role: String
    /// The member state a delegate acts for, or the country or organization an observer belongs to.
    public var participant: String?
    /// es, en or fr: the language pages open in.
    public var language: String
    public var passwordHash: String
    public var isDisabled: Bool
    /// Milliseconds since 1970.
    public var createdAt: Int64

    public init(
        username: String, displayName: String, role: String, participant: String?, language: String,
        passwordHash: String, isDisabled: Bool = false, createdAt: Int64
    ) {
        self.username = username
        self.displayName = displayName
        self.role = role
        self.participant = participant
        self.language = language
        self.passwordHash = passwordHash
        self.isDisabled = isDisabled
        self.createdAt = createdAt
    }
}

/// A signed-in browser: only the SHA-256 of its session id is kept, so a copy of the database signs no one in.
public struct SessionRecord: Sendable, Hashable {
    public var idHash: String
    public var username: String
    /// The anti-forgery token every state-changing form of this session must carry.
    public var csrfToken: String
    public var createdAt: Int64
    public var lastSeenAt: Int64

    public init(idHash: String, username: String, csrfToken: String, createdAt: Int64, lastSeenAt: Int64) {
        self.idHash = idHash
        self.username = username
        self.csrfToken = csrfToken
        self.createdAt = createdAt
        self.lastSeenAt = lastSeenAt
    }
}

/// An API token: only its SHA-256 is kept; the token itself is shown once, when it is made.
public struct TokenRecord: Sendable, Hashable {
    public var tokenHash: String
    public var username: String
    public var name: String
    public var createdAt: Int64
    public var expiresAt: Int64?
    /// When it last authenticated a request, to the minute (milliseconds since 1970); nil until it first does.
    public var lastUsedAt: Int64?

    public init(
        tokenHash: String, username: String, name: String, createdAt: Int64, expiresAt: Int64?,
        lastUsedAt: Int64? = nil
    ) {
        self.tokenHash = tokenHash
        self.username = username
        self.name = name
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.lastUsedAt = lastUsedAt
    }
}

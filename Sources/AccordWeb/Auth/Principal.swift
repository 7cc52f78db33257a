import AccordCore
import AccordStore

/// Who is making a request: a signed-in account (by session cookie or API token), with the role it acts in.
public struct Principal: Sendable, Hashable {
    public var username: String
    public var displayName: String
    public var role: AccountRole
    /// The member state a delegate acts for, or the country or organization an observer belongs to.
    public var participant: ParticipantID?
    public var language: Language
    /// The session's anti-forgery token; nil for a request authenticated by an API token.
    public var csrfToken: String?

    /// The actor the ledger records for this principal's changes; nil for a reader, who never changes anything.
    public var actor: Actor? {
        role.actorRole.map { Actor(name: username, role: $0, participant: participant) }
    }

    init(_ account: AccountRecord, csrfToken: String?) {
        username = account.username
        displayName = account.displayName
        role = AccountRole(rawValue: account.role) ?? .public
        participant = account.participant.map { ParticipantID($0) }
        language = Language(rawValue: account.language) ?? .en
        self.csrfToken = csrfToken
    }
}

/// Why a sign-in or an authenticated request was refused, in words the person can act on.
public enum AuthError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The username or password is wrong; which one is never said.
    case invalidCredentials
    /// Too many failed attempts; try again after `seconds`.
    case throttled(seconds: Int)
    /// A field of a new account is not acceptable: which one and why.
    case invalid(field: String, reason: String)
    /// The request needs a signed-in account.
    case notSignedIn
    /// The principal may not do this.
    case forbidden(String)
    /// A state-changing request without the session's anti-forgery token, or from another site.
    case forgery

    public var description: String {
        switch self {
        case .invalidCredentials: "the username or the password is wrong"
        case .throttled(let seconds):
            "too many failed sign-ins; try again in \(max(1, (seconds + 59) / 60)) minute\(seconds > 60 ? "s" : "")"
        case .invalid(let field, let reason): "\(field): \(reason)"
        case .notSignedIn: "sign in first: this needs an account"
        case .forbidden(let reason): reason
        case .forgery: "the form is stale or came from another site; reload the page and try again"
        }
    }
}

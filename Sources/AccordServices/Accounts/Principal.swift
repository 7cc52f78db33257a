import AccordCore
import AccordStore

/// Who is making a request or running a command: a signed-in account (by session cookie or API token), with
/// the role it acts in — or, while the installation has no account at all, the trial Secretariat.
public struct Principal: Sendable, Hashable {
    public var username: String
    public var displayName: String
    public var role: AccountRole
    /// The member state a delegate acts for, or the country or organization an observer belongs to.
    public var participant: ParticipantID?
    public var language: Language
    /// The session's anti-forgery token; nil for a request authenticated by an API token, a command, or trial.
    public var csrfToken: String?
    /// Whether this is the open trial mode's principal, which exists only while the database has no account.
    public private(set) var isTrial = false

    /// The actor the ledger records for this principal's changes; nil for a reader, who never changes anything.
    public var actor: Actor? {
        role.actorRole.map { Actor(name: username, role: $0, participant: participant) }
    }

    /// The principal of `account`, with its session's anti-forgery token when it signed in by cookie.
    public init(_ account: AccountRecord, csrfToken: String?) {
        username = account.username
        displayName = account.displayName
        role = AccountRole(rawValue: account.role) ?? .public
        participant = account.participant.map { ParticipantID($0) }
        language = Language(rawValue: account.language) ?? .en
        self.csrfToken = csrfToken
    }

    private init(trialIn language: Language) {
        username = "trial"
        displayName = "Trial (no account yet)"
        role = .secretariat
        participant = nil
        self.language = language
        csrfToken = nil
        isTrial = true
    }

    /// The open trial mode's principal: everyone acts as a Secretariat recorded as "trial". The service hands it
    /// out only while the database has no account (see `AccountService.trialPrincipal()`).
    static let trial = Principal(trialIn: .en)

    /// Who this principal is, in words for an error message: "mex (delegate of MEX)".
    public var summary: String {
        "\(username) (\(role.rawValue)\(participant.map { " of \($0)" } ?? ""))"
    }
}

/// Why a sign-in or an authenticated request was refused, in words the person can act on.
public enum AuthError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The username or password is wrong; which one is never said.
    case invalidCredentials
    /// Too many failed attempts in a row; try again after `seconds`.
    case throttled(seconds: Int)
    /// A field is not acceptable: which one and why.
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
            seconds < 60
                ? "too many failed sign-ins; try again in \(max(1, seconds)) second\(seconds > 1 ? "s" : "")"
                : "too many failed sign-ins; try again in \((seconds + 59) / 60) minute\(seconds > 60 ? "s" : "")"
        case .invalid(let field, let reason): "\(field): \(reason)"
        case .notSignedIn: "sign in first: this needs an account"
        case .forbidden(let reason): reason
        case .forgery: "the form is stale or came from another site; reload the page and try again"
        }
    }
}

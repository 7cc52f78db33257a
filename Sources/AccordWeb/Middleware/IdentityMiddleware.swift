import AccordServices
import HTTPTypes
import Hummingbird

/// Finds who is asking, for every route: the account of an API token or of a session cookie; or, while the
/// database has no account and the server allows it, the trial Secretariat; or nobody. It decides nothing
/// else: what the principal may read is `RecordService`'s to decide, what it may change the route group's
/// guard's (`APIWriteGuard`, `PageFormGuard`) and Core's.
struct IdentityMiddleware: RouterMiddleware {
    typealias Context = AccordContext
    let accounts: AccountService
    /// Whether the open trial mode is offered at all: only on a server listening on the loopback interface.
    let allowsTrial: Bool

    static let cookie = "__Host-accord-session"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var context = context
        if let authorization = request.headers[.authorization] {
            guard authorization.hasPrefix("Bearer "),
                let principal = try await accounts.principal(token: String(authorization.dropFirst(7)))
            else {
                throw Problem(
                    .unauthorized, kind: "not-signed-in", title: "Not signed in",
                    detail: "the API token is unknown, revoked or expired")
            }
            context.principal = principal
        } else if let id = request.cookies[Self.cookie]?.value,
            let principal = try await accounts.principal(session: id)
        {
            context.principal = principal
            context.sessionID = id
        } else if allowsTrial {
            context.principal = try await accounts.trialPrincipal()
        }
        return try await next(request, context)
    }
}

/// Refuses a state change that another site started: a browser says where a request comes from, and a
/// cross-site one changes nothing, signed in or not.
enum CrossSite {
    static func refuse(_ request: Request) throws {
        if let site = request.headers[HTTPField.Name("Sec-Fetch-Site")!], site != "same-origin", site != "none" {
            throw AuthError.forgery
        }
        if let origin = request.headers[HTTPField.Name("Origin")!] {
            let host = request.head.authority ?? request.headers[HTTPField.Name("Host")!]
            guard let host, origin.hasSuffix("://\(host)") else { throw AuthError.forgery }
        }
    }
}

/// The guard of the API's writes: a state change needs a principal who acts in the process (a reader's
/// account changes nothing) and, when it came by session cookie, the session's anti-forgery token in the
/// `X-CSRF-Token` header. The actor recorded is the principal's (`RecordService.record`); Core decides the rest.
struct APIWriteGuard: RouterMiddleware {
    typealias Context = AccordContext

    /// Whether the routes behind it change the record, which a reader's account may not; false for an
    /// account's own bookkeeping (the mark of its last visit), which every account keeps.
    var changesRecord = true

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        guard request.method.isUnsafe else { return try await next(request, context) }
        try CrossSite.refuse(request)
        guard let principal = context.principal else { throw AuthError.notSignedIn }
        if context.sessionID != nil {
            let sent = request.headers[HTTPField.Name("X-CSRF-Token")!] ?? ""
            guard let expected = principal.csrfToken, Secrets.equal(sent, expected) else { throw AuthError.forgery }
        }
        guard principal.actor != nil || !changesRecord else {
            throw AuthError.forbidden("\(principal.username) has a reader's account and cannot change the record")
        }
        return try await next(request, context)
    }
}

/// The guard of the pages' forms. A form is read as a form only when its content type says it is one (415
/// otherwise), and only up to `FormBody.limit` (413 beyond); its anti-forgery token must be the session's —
/// or, for the sign-in form, the short-lived form cookie's, there being no session yet. A form without a
/// principal is refused before any handler runs. Refusals are pages, in the language of the page.
struct PageFormGuard: RouterMiddleware {
    typealias Context = AccordContext

    enum Token {
        /// The signed-in session's token: every form but sign-in.
        case session
        /// The form cookie's: the sign-in form.
        case formCookie
    }

    let token: Token

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        guard request.method.isUnsafe else { return try await next(request, context) }
        var request = request
        do {
            try CrossSite.refuse(request)
            let form = try await FormBody.read(&request, as: AntiForgery.self)
            let expected: String? =
                switch token {
                case .session: context.sessionID != nil ? context.principal?.csrfToken : nil
                case .formCookie: request.cookies[SignInPages.formCookie]?.value
                }
            if token == .session, context.principal == nil || context.sessionID == nil {
                throw AuthError.notSignedIn
            }
            guard let expected, !expected.isEmpty, Secrets.equal(form.csrf ?? "", expected) else {
                throw AuthError.forgery
            }
        } catch {
            return PageRoutes.errorPage(error, try PageRoutes.viewer(request, context))
        }
        return try await next(request, context)
    }

    /// The one field every form carries.
    struct AntiForgery: Decodable {
        var csrf: String?
    }
}

extension HTTPRequest.Method {
    /// Whether the method may change state: everything but GET, HEAD and OPTIONS.
    var isUnsafe: Bool { self != .get && self != .head && self != .options }
}

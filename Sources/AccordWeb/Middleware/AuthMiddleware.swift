import AccordCore
import AccordStore
import HTTPTypes
import Hummingbird

/// Finds the principal of each request (session cookie or API token), refuses cross-site and token-less
/// state changes, and, once an installation has accounts, refuses anonymous writes to the API.
struct AuthMiddleware: RouterMiddleware {
    typealias Context = AccordContext
    let accounts: AccountService

    static let cookie = "__Host-accord-session"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var context = context
        var byCookie = false
        if let authorization = request.headers[.authorization], authorization.hasPrefix("Bearer ") {
            guard let principal = try await accounts.principal(token: String(authorization.dropFirst(7))) else {
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
            byCookie = true
        }
        if context.principal == nil { context.isOpen = try await !accounts.hasAccounts() }
        var request = request
        let policy = Policy(principal: context.principal, isOpen: context.isOpen)
        if !request.method.isUnsafe, request.uri.path.hasPrefix("/api/"),
            !policy.mayRead(path: request.uri.path, query: request.uri.query ?? "")
        {
            if context.principal == nil { throw AuthError.notSignedIn }
            throw AuthError.forbidden("the working documents are for the Secretariat, the Presidency and delegations")
        }
        if request.method.isUnsafe {
            do {
                try await refuseForgery(&request, context: context, byCookie: byCookie)
            } catch let error as AuthError where !request.uri.path.hasPrefix("/api/") {
                // A page's form gets a page back, in the language of the page it came from.
                let code = request.uri.path.split(separator: "/").first.map(String.init) ?? ""
                let viewer = Viewer(
                    language: Language(rawValue: code) ?? .en, principal: context.principal, path: "/")
                return PageRoutes.errorPage(error, viewer)
            }
        }
        let (principal, isOpen) = (context.principal, context.isOpen)
        return try await Authorization.$principal.withValue(principal) {
            try await Authorization.$isOpen.withValue(isOpen) { try await next(request, context) }
        }
    }
}

extension AuthMiddleware {
    /// Refuses a state change that another site started, that lacks the anti-forgery token of the session
    /// (or, for the sign-in form, of the form cookie), or that nobody signed for once accounts exist.
    func refuseForgery(_ request: inout Request, context: Context, byCookie: Bool) async throws {
        // A browser says where a request comes from; a cross-site one changes nothing, signed in or not.
        if let site = request.headers[HTTPField.Name("Sec-Fetch-Site")!], site != "same-origin", site != "none" {
            throw AuthError.forgery
        }
        if let origin = request.headers[HTTPField.Name("Origin")!] {
            let host = request.head.authority ?? request.headers[HTTPField.Name("Host")!]
            guard let host, origin.hasSuffix("://\(host)") else { throw AuthError.forgery }
        }
        let path = request.uri.path
        guard path.hasPrefix("/api/") else {
            // A page's form: the token travels in the body, which is read here once and kept for the handler.
            let body = try await request.collectBody(upTo: FormData.limit)
            let sent = FormData.parse(String(buffer: body))["csrf"] ?? ""
            let expected =
                byCookie && !path.hasSuffix("/sign-in")
                ? context.principal?.csrfToken : request.cookies[SignInPages.formCookie]?.value
            guard let expected, !expected.isEmpty, Secrets.equal(sent, expected) else { throw AuthError.forgery }
            return
        }
        if byCookie,
            request.headers[HTTPField.Name("X-CSRF-Token")!].map({
                Secrets.equal($0, context.principal?.csrfToken ?? "")
            })
                != true
        {
            throw AuthError.forgery
        }
        if let principal = context.principal, principal.actor == nil, path != "/api/v1/session" {
            throw AuthError.forbidden("\(principal.username) has a reader's account and cannot change the record")
        }
        if context.principal == nil, path != "/api/v1/session", !context.isOpen {
            throw AuthError.notSignedIn
        }
    }
}

extension HTTPRequest.Method {
    /// Whether the method may change state: everything but GET, HEAD and OPTIONS.
    var isUnsafe: Bool { self != .get && self != .head && self != .options }
}

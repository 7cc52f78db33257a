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
        if request.method.isUnsafe {
            // A browser says where a request comes from; a cross-site one changes nothing, signed in or not.
            if let site = request.headers[HTTPField.Name("Sec-Fetch-Site")!], site != "same-origin", site != "none" {
                throw AuthError.forgery
            }
            if let origin = request.headers[HTTPField.Name("Origin")!] {
                let host = request.head.authority ?? request.headers[HTTPField.Name("Host")!]
                guard let host, origin.hasSuffix("://\(host)") else { throw AuthError.forgery }
            }
            let path = request.uri.path
            if byCookie, path.hasPrefix("/api/"),
                request.headers[HTTPField.Name("X-CSRF-Token")!].map({
                    Secrets.equal($0, context.principal?.csrfToken ?? "")
                })
                    != true
            {
                throw AuthError.forgery
            }
            if context.principal == nil, path.hasPrefix("/api/"), path != "/api/v1/session",
                try await !accounts.store.accounts().isEmpty
            {
                throw AuthError.notSignedIn
            }
        }
        let principal = context.principal
        return try await Authorization.$principal.withValue(principal) { try await next(request, context) }
    }
}

extension HTTPRequest.Method {
    /// Whether the method may change state: everything but GET, HEAD and OPTIONS.
    var isUnsafe: Bool { self != .get && self != .head && self != .options }
}

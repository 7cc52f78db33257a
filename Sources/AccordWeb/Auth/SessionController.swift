import AccordServices
import Foundation
import HTTPTypes
import Hummingbird

/// Signing in and out through the API: a session cookie for browsers and scripts that keep cookies.
struct SessionController: Sendable {
    let accounts: AccountService

    struct Credentials: Decodable, Sendable {
        var username: String
        var password: String
    }

    /// Who is signed in, and the anti-forgery token their state-changing requests must carry.
    struct SessionAnswer: Encodable, Sendable {
        var username: String
        var displayName: String
        var role: String
        var participant: String?
        var language: String
        var csrfToken: String?

        init(_ principal: Principal) {
            username = principal.username
            displayName = principal.displayName
            role = principal.role.rawValue
            participant = principal.participant?.rawValue
            language = principal.language.rawValue
            csrfToken = principal.csrfToken
        }
    }

    var endpoints: RouteCollection<AccordContext> {
        RouteCollection(context: AccordContext.self)
            .post("session", use: signIn)
            .get("session", use: session)
            .delete("session", use: signOut)
    }

    @Sendable func signIn(_ request: Request, context: AccordContext) async throws -> Response {
        let credentials = try await request.decodeJSON(as: Credentials.self, context: context)
        // Signing in again ends the session this client brought: one client holds one session.
        let (id, principal) = try await accounts.signIn(
            username: credentials.username, password: credentials.password, address: context.clientAddress,
            ending: context.sessionID)
        var response = try JSONResponse(SessionAnswer(principal)).response(from: request, context: context)
        response.setCookie(Self.sessionCookie(id))
        return response
    }

    @Sendable func session(_ request: Request, context: AccordContext) async throws -> JSONResponse<SessionAnswer> {
        guard let principal = context.principal, !principal.isTrial else { throw AuthError.notSignedIn }
        return JSONResponse(SessionAnswer(principal))
    }

    @Sendable func signOut(_ request: Request, context: AccordContext) async throws -> Response {
        if let id = context.sessionID {
            // Signing out is a state change too: another site must not end a session.
            try CrossSite.refuse(request)
            let sent = request.headers[HTTPField.Name("X-CSRF-Token")!] ?? ""
            guard let expected = context.principal?.csrfToken, Secrets.equal(sent, expected) else {
                throw AuthError.forgery
            }
            try await accounts.signOut(session: id)
        }
        var response = Response(status: .noContent)
        response.setCookie(Self.expiredCookie)
        return response
    }

    /// The session cookie: `__Host-` so no subdomain or path can set or shadow it, Secure, invisible to
    /// scripts, and never sent with a request another site starts.
    static func sessionCookie(_ id: String) -> Cookie {
        Cookie(name: IdentityMiddleware.cookie, value: id, path: "/", secure: true, httpOnly: true, sameSite: .strict)
    }

    static var expiredCookie: Cookie {
        Cookie(
            name: IdentityMiddleware.cookie, value: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, path: "/",
            secure: true, httpOnly: true, sameSite: .strict)
    }
}

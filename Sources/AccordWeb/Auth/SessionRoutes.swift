import AccordServices
import Foundation
import HTTPTypes
import Hummingbird

/// Signing in and out through the API: a session cookie for browsers and scripts that keep cookies.
enum SessionRoutes {
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
    }

    static func add(to api: RouterGroup<AccordContext>, accounts: AccountService) {
        api.post("session") { request, context in
            let credentials = try await request.decodeJSON(as: Credentials.self, context: context)
            // Signing in again ends the session this client brought: one client holds one session.
            let (id, principal) = try await accounts.signIn(
                username: credentials.username, password: credentials.password, address: context.clientAddress,
                ending: context.sessionID)
            var response = try JSONResponse(answer(principal)).response(from: request, context: context)
            response.setCookie(sessionCookie(id))
            return response
        }
        api.get("session") { _, context in
            guard let principal = context.principal, !principal.isTrial else { throw AuthError.notSignedIn }
            return JSONResponse(answer(principal))
        }
        api.delete("session") { request, context in
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
            response.setCookie(expiredCookie)
            return response
        }
    }

    static func answer(_ principal: Principal) -> SessionAnswer {
        SessionAnswer(
            username: principal.username, displayName: principal.displayName, role: principal.role.rawValue,
            participant: principal.participant?.rawValue, language: principal.language.rawValue,
            csrfToken: principal.csrfToken)
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

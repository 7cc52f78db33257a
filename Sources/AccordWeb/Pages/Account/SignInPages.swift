import AccordCore
import AccordServices
import Hummingbird

/// Signing in and out in the browser. The sign-in form carries an anti-forgery token too, tied to a
/// short-lived cookie (there is no session yet), so another site cannot sign a visitor in to its account.
enum SignInPages {
    static let formCookie = "__Host-accord-form"

    /// The sign-in form's fields.
    struct Credentials: Decodable, Sendable {
        var username: String?
        var password: String?
    }

    static func add(
        to router: RouterGroup<AccordContext>, forms: RouterGroup<AccordContext>, signedIn: RouterGroup<AccordContext>,
        accounts: AccountService
    ) {
        router.get("/") { request, context in
            let language = context.principal?.language ?? preferred(request.headers[.acceptLanguage] ?? "")
            return Response(status: .seeOther, headers: [.location: "/\(language.rawValue)"])
        }
        router.get("{lang}/sign-in") { request, context in
            let viewer = try PageRoutes.viewer(request, context)
            return form(viewer, request: request, problem: nil)
        }
        forms.post("{lang}/sign-in") { request, context in
            let viewer = try PageRoutes.viewer(request, context)
            do {
                var request = request
                let fields = try await FormBody.read(&request, as: Credentials.self)
                // Signing in again ends the session this browser brought, so one browser holds one session.
                let (id, _) = try await accounts.signIn(
                    username: fields.username ?? "", password: fields.password ?? "",
                    address: context.clientAddress, ending: context.sessionID)
                var response = Response(status: .seeOther, headers: [.location: viewer.link("/").path])
                response.setCookie(SessionController.sessionCookie(id))
                response.setCookie(expired(formCookie))
                return response
            } catch {
                return form(viewer, request: request, problem: Problem(error))
            }
        }
        signedIn.post("{lang}/sign-out") { request, context in
            let viewer = try PageRoutes.viewer(request, context)
            if let id = context.sessionID { try await accounts.signOut(session: id) }
            var response = Response(status: .seeOther, headers: [.location: viewer.link("/").path])
            response.setCookie(SessionController.expiredCookie)
            return response
        }
    }

    private static func form(_ viewer: Viewer, request: Request, problem: Problem?) -> Response {
        let token = request.cookies[formCookie]?.value ?? Secrets.token()
        var main = HTML()
        main.element("h1", text: viewer.t(.signIn))
        if let problem {
            main.element("div", [("class", "notice error"), ("role", "alert")], text: problem.detail)
        }
        main.element("form", [("class", "stack"), ("method", "post"), ("action", viewer.link("/sign-in").path)]) {
            html in
            html.open("input", [("type", "hidden"), ("name", "csrf"), ("value", token)])
            html.element("label") { html in
                html.element("span", text: viewer.t(.username))
                html.open("input", [("name", "username"), ("autocomplete", "username"), ("required", "")])
            }
            html.element("label") { html in
                html.element("span", text: viewer.t(.password))
                html.open(
                    "input",
                    [
                        ("type", "password"), ("name", "password"), ("autocomplete", "current-password"),
                        ("required", ""),
                    ])
            }
            html.element("button", [("type", "submit")], text: viewer.t(.signIn))
        }
        var response = PageRoutes.response(
            Layout.render(PageContent(title: viewer.t(.signIn), main: main), for: viewer),
            status: problem.map { $0.status } ?? .ok, etag: nil)
        response.setCookie(
            Cookie(
                name: formCookie, value: token, maxAge: 3_600, path: "/", secure: true, httpOnly: true,
                sameSite: .strict))
        return response
    }

    private static func expired(_ name: String) -> Cookie {
        Cookie(name: name, value: "", maxAge: 0, path: "/", secure: true, httpOnly: true, sameSite: .strict)
    }

    /// The first of es, en, fr that the browser lists; English otherwise.
    static func preferred(_ header: String) -> Language {
        for part in header.split(separator: ",") {
            let code = part.split(separator: ";")[0].trimmingCharacters(in: .whitespaces).prefix(2).lowercased()
            if let language = Language(rawValue: code) { return language }
        }
        return .en
    }
}

import AccordCore
import AccordStore
import Foundation
import HTTPTypes
import Testing

@testable import AccordServices
@testable import AccordWeb

/// Signing in through the API, once the installation has its first account: anonymous writes stop, a
/// cookie-signed write needs the anti-forgery token, and signing out destroys the session.
enum SessionAPIScenario {
    static func run(_ api: APIClient, _ store: Store) async throws {
        var accounts = AccountService(store: store)
        accounts.cost = 4
        try await accounts.addAccount(
            username: "ts.session", displayName: "TS officer", role: "secretariat", participant: nil, language: "es",
            password: "correct horse battery")

        let wrong = try await api.post("/api/v1/session", #"{"username":"ts.session","password":"nope nope nope"}"#)
        #expect(wrong.status == 401)
        #expect(try await api.get("/api/v1/session").status == 401)

        let signedIn = try await api.post(
            "/api/v1/session", #"{"username":"TS.Session","password":"correct horse battery"}"#)
        #expect(signedIn.status == 200 && signedIn["role"] as? String == "secretariat", "\(signedIn.text)")
        let cookie = try #require(signedIn.headers[.setCookie])
        #expect(cookie.hasPrefix("__Host-accord-session="))
        for attribute in ["Path=/", "Secure", "HttpOnly", "SameSite=Strict"] { #expect(cookie.contains(attribute)) }
        let session = String(cookie.split(separator: ";")[0])
        let csrf = try #require(signedIn["csrfToken"] as? String)
        let byCookie: HTTPFields = [.cookie: session]
        #expect(try await api.call(.get, "/api/v1/session", headers: byCookie)["username"] as? String == "ts.session")

        // With an account in the installation, nobody writes anonymously; a cookie alone is not enough.
        let head = try await store.head()
        let csv = try await api.call(.get, "/api/v1/exports/plan?format=csv", headers: byCookie).text
        let published = try await api.get("/api/v1/exports/plan?format=csv")
        #expect(published.status == 200 && published.text != csv, "the public's CSV holds no working item")
        let body = try ExportAPIScenario.body(csv, apply: true).replacingOccurrences(
            of: #""actor":\#(ExportAPIScenario.ts),"#, with: "")
        #expect(try await api.post("/api/v1/imports/plan", body).status == 401)
        #expect(try await api.call(.post, "/api/v1/imports/plan", body, headers: byCookie).status == 403)
        var signed = byCookie
        signed[HTTPField.Name("X-CSRF-Token")!] = csrf
        var forged = signed
        forged[HTTPField.Name("Origin")!] = "https://evil.example"
        #expect(try await api.call(.post, "/api/v1/imports/plan", body, headers: forged).status == 403)
        #expect(try await store.head() == head)

        // With the token, the write goes through as the signed-in account, and only as it.
        let check = try await api.call(
            .post, "/api/v1/imports/plan", body.replacingOccurrences(of: #""apply":true"#, with: #""apply":false"#),
            headers: signed)
        #expect(check.status == 200 && check["changes"] as? Int == 0, "\(check.text)")
        // A body that names an actor is refused, whoever it names: the actor is the principal.
        let impostor = try ExportAPIScenario.body(csv, apply: false).replacingOccurrences(
            of: #""role":"secretariat""#, with: #""role":"delegate","participant":"MEX""#)
        let refused = try await api.call(.post, "/api/v1/imports/plan", impostor, headers: signed)
        #expect(refused.status == 400 && refused["field"] as? String == "actor", "\(refused.text)")

        #expect(try await api.call(.delete, "/api/v1/session", headers: byCookie).status == 403)
        #expect(try await api.call(.delete, "/api/v1/session", headers: signed).status == 204)
        #expect(try await api.call(.get, "/api/v1/session", headers: byCookie).status == 401)
    }
}

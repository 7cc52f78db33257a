import AccordCore
import AccordStore
import Foundation
import HTTPTypes
import Testing

@testable import AccordServices
@testable import AccordWeb

/// Pages under attack: stored script in every text field never runs, forged and token-less forms change
/// nothing, the sign-in form works only with its own token, and a cached page never outlives the ledger.
@Suite("Page security")
struct PageSecurityTests {
    static let payloads = [
        "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)",
        "'><svg onload=alert(1)>", "</textarea><script>alert(1)</script>", "<a href=\"javascript:alert(1)\">x</a>",
    ]

    @Test("a stored payload in every text field is shown as text, never as markup")
    func storedPayloadsNeverRun() async throws {
        try await withPages { pages in
            let secretariat = Actor(name: "ts.officer", role: .secretariat)
            for (index, payload) in Self.payloads.enumerated() {
                let text = LocalizedText(authoritative: .en, [.en: payload, .es: payload])
                _ = try await pages.store.append(
                    .recordDecision(Decision(meeting: "RCM-V", paragraph: "3\(index)", kind: .conclusion, text: text)),
                    by: secretariat, authority: .editorial(reason: payload))
                _ = try await pages.store.append(
                    .addItem(
                        PlanItem(
                            number: ItemNumber("HR-9\(index)"), kind: .activity, parent: "HR-7", title: text,
                            text: text,
                            leads: [.secretariat], timeline: Timeline(text: text), status: .proposed)),
                    by: secretariat, authority: .editorial(reason: payload))
            }
            let uris = [
                "/en/plan?version=proposed", "/en/items/HR-90", "/en/decisions", "/en/meetings/RCM-V", "/en/ledger",
                "/en/search?q=alert", "/en/translations", "/en/search?q=%3Cscript%3E",
                "/en/plan?lead=%22%3E%3Cscript%3E", "/en/compare?from=meeting:RCM-V&to=",
            ]
            for uri in uris {
                let page = try await pages.get(uri, as: .secretariat)
                #expect(page.status == 200, "\(uri): \(page.status)")
                for marker in ["<script>alert", "<img src=x", "<svg onload", "href=\"javascript:"] {
                    #expect(!page.text.contains(marker), "\(uri) renders \(marker)")
                }
                #expect(!page.text.lowercased().contains("href=\"javascript"), "\(uri) links to javascript:")
            }
            #expect(try await pages.get("/en/items/HR-90", as: .secretariat).text.contains("&lt;script&gt;alert(1)"))
        }
    }

    @Test("cross-origin and token-less form posts change nothing")
    func forgedFormsChangeNothing() async throws {
        try await withPages { pages in
            let head = try await pages.store.head()
            let form = ["paragraph": "21", "kind": "conclusion", "text": "Forged", "source": "none"]
            let tokenless = try await pages.call(
                .post, "/en/meetings/RCM-V/decisions", as: .secretariat, form: form, forge: true)
            #expect(tokenless.status == 403 && tokenless.text.contains("<h1>"))
            let crossSite = try await pages.call(
                .post, "/en/meetings/RCM-V/decisions", as: .secretariat, form: form,
                headers: [HTTPField.Name("Sec-Fetch-Site")!: "cross-site"])
            #expect(crossSite.status == 403)
            let otherOrigin = try await pages.call(
                .post, "/en/meetings/RCM-V/decisions", as: .secretariat, form: form,
                headers: [HTTPField.Name("Origin")!: "https://evil.example"])
            #expect(otherOrigin.status == 403)
            #expect(try await pages.store.head() == head)
            // A GET never changes state, whatever it asks.
            _ = try await pages.get("/en/meetings/RCM-V/decisions?paragraph=G&text=x", as: .secretariat)
            #expect(try await pages.store.head() == head)

            let genuine = try await pages.call(.post, "/en/meetings/RCM-V/decisions", as: .secretariat, form: form)
            #expect(genuine.status == 303)
            #expect(try await pages.store.head().sequence == head.sequence + 1)
        }
    }

    @Test("recording a decision with an effect changes the plan page, and the cache never serves the old one")
    func decisionChangesThePlan() async throws {
        try await withPages { pages in
            let item = try await pages.approvedActivity()
            let before = try await pages.get("/en/plan", as: .reader)
            let etag = try #require(before.headers[.eTag])
            let unchanged = try await pages.call(.get, "/en/plan", as: .reader, headers: [.ifNoneMatch: etag])
            #expect(unchanged.status == 304)

            let form = [
                "paragraph": "7", "kind": "decision", "text": "Declares the activity completed.", "source": "minutes",
                "item": item.rawValue, "status": "completed",
            ]
            #expect(
                try await pages.call(.post, "/en/meetings/RCM-V/decisions", as: .secretariat, form: form).status == 303)
            // The transcription declares the effect; the Presidency's confirmation applies it.
            #expect(try await pages.store.currentState().items[item]?.status == .approved)
            _ = try await pages.store.append(
                .confirmDecision("RCM-V/7"), by: AccordCore.Actor(name: "ppt.officer", role: .presidency),
                authority: .decision("RCM-V/7"))
            let after = try await pages.call(.get, "/en/plan", as: .reader, headers: [.ifNoneMatch: etag])
            #expect(after.status == 200 && after.headers[.eTag] != etag)
            #expect(before.text.contains(">\(item.rawValue)<") && !after.text.contains(">\(item.rawValue)<"))
            let archive = try await pages.get("/en/plan?version=archive", as: .reader)
            #expect(archive.text.contains(">\(item.rawValue)<"))
            let history = try await pages.get("/en/items/\(item.rawValue)", as: .reader)
            #expect(history.text.contains("RCM-V/7"))
        }
    }

    @Test("the sign-in form needs its own token; sign-out destroys the session")
    func signInAndOut() async throws {
        try await withPages { pages in
            let form = try await pages.get("/fr/sign-in")
            let cookie = try #require(form.headers[.setCookie]).split(separator: ";")[0]
            let token = try #require(form.text.firstMatch(of: /name="csrf" value="([^"]+)"/)?.1)
            let body = "csrf=\(token)&username=ts.officer&password=a+long+test+password"
            let signedIn = try await pages.client.execute(
                uri: "/fr/sign-in", method: .post,
                headers: [.cookie: String(cookie), .contentType: "application/x-www-form-urlencoded"],
                body: .init(string: body))
            #expect(signedIn.status == .seeOther)
            let session = try #require(
                signedIn.headers[values: .setCookie].first { $0.hasPrefix("__Host-accord-session=") })
            #expect(session.contains("HttpOnly") && session.contains("Secure") && session.contains("SameSite=Strict"))

            let noToken = try await pages.client.execute(
                uri: "/fr/sign-in", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: .init(string: "username=ts.officer&password=a+long+test+password"))
            #expect(noToken.status == .forbidden)

            let wrong = try await pages.client.execute(
                uri: "/fr/sign-in", method: .post,
                headers: [.cookie: String(cookie), .contentType: "application/x-www-form-urlencoded"],
                body: .init(string: "csrf=\(token)&username=ts.officer&password=wrong+password+here"))
            #expect(wrong.status == .unauthorized)

            let out = try await pages.call(.post, "/en/sign-out", as: .presidency, form: [:])
            #expect(out.status == 303)
            #expect(try await pages.get("/en/meetings/RCM-V/agenda", as: .presidency).status == 401)
        }
    }

    @Test("every page carries the security headers; errors show no internals")
    func headers() async throws {
        try await withPages { pages in
            for uri in ["/en/plan", "/en/nope", "/xx/plan", "/en/items/NOPE"] {
                let page = try await pages.get(uri)
                let csp = try #require(page.headers[.contentSecurityPolicy])
                #expect(csp.contains("frame-ancestors 'none'") && csp.contains("script-src 'self'"))
                #expect(page.headers[.strictTransportSecurity] != nil)
                #expect(!page.text.contains("/work/") && !page.text.contains("SELECT "))
            }
        }
    }
}

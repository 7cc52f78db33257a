import AccordCore
import AccordStore
import AccordTestSupport
import Foundation
import HTTPTypes
import Testing

@testable import AccordServices
@testable import AccordWeb

/// The e-mail digest from the browser and the API: a signed-in account subscribes its own address on the
/// changes page (or with `PUT /api/v1/changes/digest`), changes it, unsubscribes; what it set is what
/// `accord digest list` lists (the store's subscriptions), and nothing it sends reaches another account's.
@Suite("E-mail digest subscriptions")
struct DigestPageTests {
    /// The subscriptions as `accord digest list` reads them, by username.
    static func listed(_ pages: PageClient) async throws -> [String: String] {
        Dictionary(uniqueKeysWithValues: try await pages.store.digestSubscriptions().map { ($0.username, $0.address) })
    }

    /// `DELETE /api/v1/changes/digest` as `role`, with its session's anti-forgery token (the API asks for it on
    /// every state change a session makes, body or not).
    static func unsubscribe(_ pages: PageClient, as role: Role) async throws -> PageClient.Answer {
        let csrf = pages.sessions[role]?.csrf ?? ""
        return try await pages.call(
            .delete, "/api/v1/changes/digest", as: role, headers: [HTTPField.Name("X-CSRF-Token")!: csrf])
    }

    @Test("a delegate subscribes, changes the address and unsubscribes from the changes page", arguments: Backend.all)
    func subscribeFromThePage(_ backend: Backend) async throws {
        try await withPages(backend) { pages in
            let before = try await pages.get("/es/changes", as: .delegateMEX)
            #expect(before.status == 200 && before.text.contains("Resumen por correo electrónico"))
            #expect(before.text.contains(#"<form class="stack" method="post" action="/es/changes/digest">"#))
            #expect(before.text.contains(#"<button type="submit">Suscribirse</button>"#))
            #expect(!before.text.contains("/es/changes/digest/stop"), "nothing to unsubscribe from yet")

            let head = try await pages.store.head().sequence
            let subscribed = try await pages.call(
                .post, "/es/changes/digest", as: .delegateMEX, form: ["address": " delegacion@sre.gob.mx "])
            #expect(subscribed.status == 303 && subscribed.headers[.location] == "/es/changes", "\(subscribed.text)")
            #expect(try await Self.listed(pages) == ["mex": "delegacion@sre.gob.mx"])
            #expect(try await pages.store.digestSubscriptions().first?.digestedThrough == head, "from now on")

            for (language, words) in [
                ("en", "Your digests go to <strong>delegacion@sre.gob.mx</strong>"),
                ("es", "Sus resúmenes se envían a <strong>delegacion@sre.gob.mx</strong>"),
                ("fr", "Vos résumés sont envoyés à <strong>delegacion@sre.gob.mx</strong>"),
            ] {
                let page = try await pages.get("/\(language)/changes", as: .delegateMEX)
                #expect(page.text.contains(words), "\(language): \(page.text)")
                #expect(page.text.contains(#"value="delegacion@sre.gob.mx""#), "\(language)")
                #expect(page.text.contains(#"action="/\#(language)/changes/digest/stop""#), "\(language)")
            }

            // Again, to change the address: the position stays.
            let changed = try await pages.call(
                .post, "/en/changes/digest", as: .delegateMEX, form: ["address": "mision@sre.gob.mx"])
            #expect(changed.status == 303)
            #expect(try await Self.listed(pages) == ["mex": "mision@sre.gob.mx"])

            // A refused address names the field and leaves the subscription as it was.
            for address in ["mision", "a@b.c, otro@sre.gob.mx", "<x@y.org>", ""] {
                let refused = try await pages.call(
                    .post, "/en/changes/digest", as: .delegateMEX, form: ["address": address])
                #expect(refused.status == 422, "\(address): \(refused.status)")
                #expect(refused.text.contains("<strong>address: </strong>"), "\(address): \(refused.text)")
            }
            #expect(try await Self.listed(pages) == ["mex": "mision@sre.gob.mx"])

            let stopped = try await pages.call(.post, "/fr/changes/digest/stop", as: .delegateMEX, form: [:])
            #expect(stopped.status == 303 && stopped.headers[.location] == "/fr/changes")
            #expect(try await Self.listed(pages).isEmpty)
            let after = try await pages.get("/fr/changes", as: .delegateMEX)
            #expect(after.text.contains("S&#39;abonner") || after.text.contains("S'abonner"), "\(after.text)")
            #expect(!after.text.contains("/fr/changes/digest/stop"))
        }
    }

    @Test("no form changes another account's subscription, and the public is refused before anything is read")
    func attackers() async throws {
        try await withPages { pages in
            _ = try await pages.call(.post, "/en/changes/digest", as: .delegateMEX, form: ["address": "mex@sre.gob.mx"])

            // Canada's delegate names Mexico's account in the form: only its own subscription changes.
            let canada = try await pages.call(
                .post, "/en/changes/digest", as: .delegateCAN,
                form: ["address": "can@international.gc.ca", "username": "mex"])
            #expect(canada.status == 303)
            #expect(try await Self.listed(pages) == ["mex": "mex@sre.gob.mx", "can": "can@international.gc.ca"])
            _ = try await pages.call(.post, "/en/changes/digest/stop", as: .delegateCAN, form: ["username": "mex"])
            #expect(try await Self.listed(pages) == ["mex": "mex@sre.gob.mx"])
            // Canada's page shows its own state, never Mexico's address.
            let page = try await pages.get("/en/changes", as: .delegateCAN)
            #expect(!page.text.contains("mex@sre.gob.mx") && page.text.contains("Subscribe"), "\(page.text)")

            // The public: no page, so no form; each form refused, naming why.
            let anonymousPage = try await pages.get("/en/changes")
            #expect(anonymousPage.status == 401 && !anonymousPage.text.contains("/en/changes/digest"))
            for path in ["/en/changes/digest", "/en/changes/digest/stop"] {
                let refused = try await pages.call(.post, path, as: .anonymous, form: ["address": "x@example.org"])
                #expect([401, 403].contains(refused.status), "\(path): \(refused.status)")
                #expect(refused.text.contains("sign in") || refused.text.contains("stale"), "\(refused.text)")
            }
            // A forged form (no anti-forgery token) changes nothing.
            let forged = try await pages.call(
                .post, "/en/changes/digest", as: .delegateMEX, form: ["address": "evil@example.org"], forge: true)
            #expect(forged.status == 403)
            #expect(try await Self.listed(pages) == ["mex": "mex@sre.gob.mx"])
        }
    }

    @Test(
        "the API: the session's own subscription, read, set and ended; another account's never", arguments: Backend.all)
    func api(_ backend: Backend) async throws {
        try await withPages(backend) { pages in
            let none = try await pages.get("/api/v1/changes/digest", as: .reader)
            #expect(none.status == 200 && none.text == #"{"subscribed":false,"username":"reader"}"#, "\(none.text)")
            let put = try await pages.call(
                .put, "/api/v1/changes/digest", as: .reader, json: #"{"address":"reader@example.org","username":"mex"}"#
            )
            #expect(put.status == 200, "\(put.text)")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(put.text.utf8)) as? [String: Any])
            #expect(json["username"] as? String == "reader" && json["address"] as? String == "reader@example.org")
            #expect((json["digestedThrough"] as? NSNumber)?.int64Value == (try await pages.store.head().sequence))
            #expect(json["lastSentAt"] == nil)
            #expect(try await Self.listed(pages) == ["reader": "reader@example.org"])
            let read = try await pages.get("/api/v1/changes/digest", as: .reader)
            #expect(read.status == 200 && read.text.contains(#""address":"reader@example.org""#))
            let mexico = try await pages.get("/api/v1/changes/digest", as: .delegateMEX)
            #expect(mexico.text.contains(#""subscribed":false"#), "not Mexico's: \(mexico.text)")

            let bad = try await pages.call(
                .put, "/api/v1/changes/digest", as: .reader, json: #"{"address":"x y@z.org"}"#)
            #expect(bad.status == 422 && bad.text.contains(#""field":"address""#), "\(bad.text)")
            let missing = try await pages.call(.put, "/api/v1/changes/digest", as: .reader, json: "{}")
            #expect(missing.status == 400 && missing.text.contains("address"), "\(missing.text)")

            #expect(try await pages.call(.put, "/api/v1/changes/digest", as: .anonymous, json: "{}").status == 401)
            #expect(try await Self.unsubscribe(pages, as: .anonymous).status == 401)
            #expect(try await pages.get("/api/v1/changes/digest").status == 401)
            let forged = try await pages.call(
                .put, "/api/v1/changes/digest", as: .reader, json: #"{"address":"evil@example.org"}"#, forge: true)
            #expect(forged.status == 403)

            #expect(try await Self.unsubscribe(pages, as: .delegateMEX).status == 404)
            #expect(try await Self.unsubscribe(pages, as: .reader).status == 204)
            #expect(try await Self.listed(pages).isEmpty)
            #expect(try await Self.unsubscribe(pages, as: .reader).status == 404)
        }
    }
}

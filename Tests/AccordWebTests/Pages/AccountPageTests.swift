import AccordCore
import AccordTestSupport
import Foundation
import HTTPTypes
import Testing

@testable import AccordServices
@testable import AccordWeb

/// The Secretariat's accounts and API tokens from the pages and the API (issue 19.1): an account created, a
/// token issued (shown once) that works, then stops working the moment it is revoked or its account disabled;
/// the last active Secretariat account kept; everyone else refused; bad input refused naming the field, with
/// nothing stored.
@Suite struct AccountPageTests {
    static let password = "a long test password"

    /// The `acc_…` token a page or an answer shows.
    static func token(in text: String) throws -> String {
        let match = try #require(text.firstMatch(of: /acc_[A-Za-z0-9_-]{20,}/), "no token in the answer")
        return String(match.output)
    }

    /// `GET /api/v1/session` with `token` as the bearer: 200 while it authenticates, 401 once it does not.
    static func status(of token: String, _ pages: PageClient) async throws -> Int {
        try await pages.call(.get, "/api/v1/session", as: .anonymous, headers: [.authorization: "Bearer \(token)"])
            .status
    }

    @Test(arguments: Backend.all) func theSecretariatManagesAccountsAndTokensFromThePages(_ backend: Backend)
        async throws
    {
        try await withPages(backend) { pages in
            // The list, in French, with every account of the harness and the form to create one.
            let list = try await pages.get("/fr/accounts", as: .secretariat)
            #expect(list.status == 200)
            #expect(list.text.contains("Comptes et jetons d&#39;API") || list.text.contains("Comptes et jetons d'API"))
            #expect(list.text.contains("href=\"/fr/accounts/mex\"") && list.text.contains("href=\"/fr/accounts/iom\""))
            #expect(list.text.contains("name=\"password\"") && list.text.contains("type=\"password\""))

            // Bad input: a delegate without a member state, a short password, a taken username; nothing stored.
            let before = try await pages.store.accounts()
            var fields = [
                "username": "mex.second", "displayName": "Segunda delegada", "role": "delegate", "participant": "",
                "language": "es", "password": Self.password,
            ]
            var bad = fields
            bad["participant"] = ""
            let noCountry = try await pages.call(.post, "/es/accounts", as: .secretariat, form: bad)
            #expect(noCountry.status == 422 && noCountry.text.contains("participant"), "\(noCountry.status)")
            bad["participant"] = "MEX"
            bad["password"] = "short"
            let short = try await pages.call(.post, "/es/accounts", as: .secretariat, form: bad)
            #expect(short.status == 422 && short.text.contains("password"), "\(short.status)")
            bad["password"] = Self.password
            bad["username"] = "mex"
            let taken = try await pages.call(.post, "/es/accounts", as: .secretariat, form: bad)
            #expect(taken.status == 409 && taken.text.contains("username"), "\(taken.status)")
            #expect(try await pages.store.accounts() == before, "a refused form stores nothing")

            // Act: the Secretariat creates a second delegate of Mexico and issues a token for it.
            fields["participant"] = "MEX"
            let created = try await pages.call(.post, "/es/accounts", as: .secretariat, form: fields)
            #expect(created.status == 303 && created.headers[.location] == "/es/accounts/mex.second")
            let account = try #require(try await pages.store.account(named: "mex.second"))
            #expect(account.role == "delegate" && account.participant == "MEX" && !account.isDisabled)
            let issued = try await pages.call(
                .post, "/en/accounts/mex.second/tokens", as: .secretariat, form: ["name": "laptop", "days": "30"])
            #expect(issued.status == 200, "\(AuthorizationMatrixTests.refusal(issued.text))")
            let token = try Self.token(in: issued.text)
            #expect(try await Self.status(of: token, pages) == 200, "the token works")
            let stored = try await pages.store.tokens(of: "mex.second")
            #expect(stored.map(\.name) == ["laptop"] && stored.first?.tokenHash == Secrets.hash(token))

            // The account's page lists the token by name and hash prefix, never the token itself.
            let page = try await pages.get("/en/accounts/mex.second", as: .secretariat)
            #expect(page.text.contains("<td>laptop</td>") && page.text.contains(String(Secrets.hash(token).prefix(12))))
            #expect(!page.text.contains(token), "a token is shown once, when it is issued")
            // Used once above, it says when.
            #expect(page.text.contains("<th scope=\"col\">Last used</th>"))
            let used = try #require(try await pages.store.tokens(of: "mex.second").first?.lastUsedAt)
            #expect(page.text.contains("<td>\(AccountPages.moment(used))</td>"))

            // Revoked, it stops authenticating at once.
            let revoked = try await pages.call(
                .post, "/en/accounts/mex.second/tokens/revoke", as: .secretariat, form: ["name": "laptop"])
            #expect(revoked.status == 303)
            #expect(try await Self.status(of: token, pages) == 401)
            let again = try await pages.call(
                .post, "/en/accounts/mex.second/tokens/revoke", as: .secretariat, form: ["name": "laptop"])
            #expect(again.status == 404 && again.text.contains("laptop"))

            // Disabled, its other token stops too, and it cannot sign in; enabled again, it can.
            let second = try Self.token(
                in: try await pages.call(
                    .post, "/en/accounts/mex.second/tokens", as: .secretariat, form: ["name": "sync"]
                ).text)
            let listed = try await pages.get("/fr/accounts/mex.second", as: .secretariat).text
            #expect(
                listed.contains("<th scope=\"col\">Dernière utilisation</th>") && listed.contains("<td>jamais</td>"))
            #expect(try await Self.status(of: second, pages) == 200)
            let disabled = try await pages.call(
                .post, "/en/accounts/mex.second/state", as: .secretariat, form: ["active": "no"])
            #expect(disabled.status == 303)
            #expect(try await Self.status(of: second, pages) == 401)
            let signIn = #"{"username":"mex.second","password":"a long test password"}"#
            #expect(try await pages.call(.post, "/api/v1/session", as: .anonymous, json: signIn).status == 401)
            #expect(try await pages.get("/en/accounts", as: .secretariat).text.contains("disabled"))
            let enabled = try await pages.call(
                .post, "/en/accounts/mex.second/state", as: .secretariat, form: ["active": "yes"])
            #expect(enabled.status == 303)
            #expect(try await pages.call(.post, "/api/v1/session", as: .anonymous, json: signIn).status == 200)

            // The last active Secretariat account stays, and the refusal names the field.
            let last = try await pages.call(
                .post, "/en/accounts/ts.officer/state", as: .secretariat, form: ["active": "no"])
            #expect(last.status == 409 && last.text.contains("username") && last.text.contains("last active"))
            #expect(try await pages.store.account(named: "ts.officer")?.isDisabled == false)
            // With a second Secretariat account, the officer still cannot disable their own; the other can be.
            let colleague = [
                "username": "ts.second", "role": "secretariat", "language": "en", "password": Self.password,
            ]
            #expect(try await pages.call(.post, "/en/accounts", as: .secretariat, form: colleague).status == 303)
            let own = try await pages.call(
                .post, "/en/accounts/ts.officer/state", as: .secretariat, form: ["active": "no"])
            #expect(own.status == 409 && own.text.contains("signed in as ts.officer"), "\(own.status)")
            let other = try await pages.call(
                .post, "/en/accounts/ts.second/state", as: .secretariat, form: ["active": "no"])
            #expect(other.status == 303)
            #expect(try await pages.store.account(named: "ts.second")?.isDisabled == true)
        }
    }

    @Test(arguments: Backend.all) func nobodyButTheSecretariatReachesThem(_ backend: Backend) async throws {
        try await withPages(backend) { pages in
            let before = try await pages.store.accounts()
            for role in Role.allCases where role != .secretariat {
                let list = try await pages.get("/en/accounts", as: role)
                #expect(list.status == (role == .anonymous ? 401 : 403), "\(role): \(list.status)")
                #expect(!list.text.contains("href=\"/en/accounts/mex\""))
                let one = try await pages.get("/en/accounts/mex", as: role)
                #expect([401, 403].contains(one.status), "\(role): \(one.status)")
                let form = [
                    "username": "intruder", "role": "secretariat", "language": "en", "password": Self.password,
                ]
                let created = try await pages.call(.post, "/en/accounts", as: role, form: form)
                #expect([401, 403].contains(created.status), "\(role): \(created.status)")
                let token = try await pages.call(.post, "/en/accounts/mex/tokens", as: role, form: ["name": "x"])
                #expect([401, 403].contains(token.status), "\(role): \(token.status)")
                let api = try await pages.get("/api/v1/accounts", as: role)
                #expect([401, 403].contains(api.status), "\(role): \(api.status)")
                let body = #"{"username":"intruder","role":"secretariat","password":"a long test password"}"#
                let post = try await pages.call(.post, "/api/v1/accounts", as: role, json: body)
                #expect([401, 403].contains(post.status), "\(role): \(post.status)")
            }
            // The Secretariat's own form without its anti-forgery token.
            let forged = try await pages.call(
                .post, "/en/accounts/mex/state", as: .secretariat, form: ["active": "no"], forge: true)
            #expect(forged.status == 403)
            #expect(try await pages.store.accounts() == before, "nothing was stored")
        }
    }

    @Test(arguments: Backend.all) func theSameOperationsInTheAPI(_ backend: Backend) async throws {
        try await withPages(backend) { pages in
            let list = try await pages.get("/api/v1/accounts", as: .secretariat)
            #expect(list.status == 200 && list.text.contains(#""username":"mex""#), "\(list.text.prefix(200))")
            #expect(!list.text.contains("password"), "never a password hash")

            let body =
                #"{"username":"api.observer","role":"observer","participant":"IOM","password":"a long password"}"#
            let created = try await pages.call(.post, "/api/v1/accounts", as: .secretariat, json: body)
            #expect(created.status == 201 && created.text.contains(#""active":true"#), "\(created.text)")
            let twice = try await pages.call(.post, "/api/v1/accounts", as: .secretariat, json: body)
            #expect(twice.status == 409 && twice.text.contains(#""field":"username""#), "\(twice.text)")
            let before = try await pages.store.accounts()
            let role = #"{"username":"api.other","role":"chair","password":"a long password"}"#
            let badRole = try await pages.call(.post, "/api/v1/accounts", as: .secretariat, json: role)
            #expect(badRole.status == 422 && badRole.text.contains(#""field":"role""#), "\(badRole.text)")
            #expect(try await pages.store.accounts() == before)

            let issued = try await pages.call(
                .post, "/api/v1/accounts/api.observer/tokens", as: .secretariat, json: #"{"name":"sync","days":7}"#)
            #expect(issued.status == 201, "\(issued.text)")
            let token = try AccountPageTests.token(in: issued.text)
            #expect(try await Self.status(of: token, pages) == 200)
            let badDays = try await pages.call(
                .post, "/api/v1/accounts/api.observer/tokens", as: .secretariat, json: #"{"name":"x","days":400}"#)
            #expect(badDays.status == 422 && badDays.text.contains(#""field":"days""#), "\(badDays.text)")
            let tokens = try await pages.get("/api/v1/accounts/api.observer/tokens", as: .secretariat)
            #expect(tokens.status == 200 && tokens.text.contains(#""name":"sync""#) && !tokens.text.contains(token))

            let revoked = try await pages.call(
                .delete, "/api/v1/accounts/api.observer/tokens/sync", as: .secretariat, json: "")
            #expect(revoked.status == 204, "\(revoked.text)")
            #expect(try await Self.status(of: token, pages) == 401, "a revoked token stops at once")
            let gone = try await pages.call(
                .delete, "/api/v1/accounts/api.observer/tokens/sync", as: .secretariat, json: "")
            #expect(gone.status == 404 && gone.text.contains(#""field":"name""#))

            // Disabling through PATCH ends the account's tokens; the last Secretariat account is refused.
            let other = try AccountPageTests.token(
                in: try await pages.call(
                    .post, "/api/v1/accounts/api.observer/tokens", as: .secretariat, json: #"{"name":"other"}"#
                ).text)
            let patched = try await pages.call(
                .patch, "/api/v1/accounts/api.observer", as: .secretariat, json: #"{"active":false}"#)
            #expect(patched.status == 200 && patched.text.contains(#""active":false"#), "\(patched.text)")
            #expect(try await Self.status(of: other, pages) == 401)
            let last = try await pages.call(
                .patch, "/api/v1/accounts/ts.officer", as: .secretariat, json: #"{"active":false}"#)
            #expect(last.status == 409 && last.text.contains(#""field":"username""#), "\(last.text)")
            // A script's token does not revoke itself: it would lock the script out halfway.
            let own = try AccountPageTests.token(
                in: try await pages.call(
                    .post, "/api/v1/accounts/ts.officer/tokens", as: .secretariat, json: #"{"name":"script"}"#
                ).text)
            let itself = try await pages.call(
                .delete, "/api/v1/accounts/ts.officer/tokens/script", as: .anonymous,
                headers: [.authorization: "Bearer \(own)"])
            #expect(itself.status == 409 && itself.text.contains(#""field":"name""#), "\(itself.text)")
            #expect(try await Self.status(of: own, pages) == 200)
            let null = try await pages.call(
                .patch, "/api/v1/accounts/api.observer", as: .secretariat, json: #"{"active":null}"#)
            #expect(null.status == 400 && null.text.contains(#""field":"active""#), "\(null.text)")
            let upper = try await pages.get("/api/v1/accounts/MEX", as: .secretariat)
            #expect(upper.status == 400 && upper.text.contains(#""field":"username""#))
            #expect(try await pages.get("/api/v1/accounts/nobody", as: .secretariat).status == 404)
        }
    }

    /// A country's delegates on its participant page: for the Secretariat and that country's own delegates,
    /// never for another country's delegate, an observer, a reader, the Presidency or the public.
    @Test(arguments: Backend.all) func delegatesShowOnlyToTheSecretariatAndTheirOwnCountry(_ backend: Backend)
        async throws
    {
        try await withPages(backend) { pages in
            for role in Role.allCases {
                let page = try await pages.get("/en/participants/MEX", as: role)
                #expect(page.status == 200)
                let main = page.text.components(separatedBy: "<main").last ?? ""
                let sees = role == .secretariat || role == .delegateMEX
                #expect(main.contains("Its delegates") == sees, "\(role)")
                #expect(main.contains("delegateMEX") == sees, "\(role) and Mexico's delegate")
            }
            // Canada's delegate sees Canada's, not Mexico's, in Spanish.
            let canada = try await pages.get("/es/participants/CAN", as: .delegateCAN)
            #expect(canada.text.contains("Sus delegados") && canada.text.contains("delegateCAN ("))
            // A new delegate shows at once (the page is not cached by ledger position), a disabled one goes.
            let accounts = AccountService(store: pages.store)
            try await accounts.addAccount(
                username: "mex.adviser", displayName: "Asesora", role: "delegate", participant: "MEX", language: "es",
                password: Self.password)
            let listed = try await pages.get("/en/participants/MEX", as: .secretariat).text
            #expect(listed.contains("Asesora <a href=\"/en/accounts/mex.adviser\">(mex.adviser)</a>"))
            try await accounts.setDisabled(true, username: "mex.adviser")
            #expect(!(try await pages.get("/en/participants/MEX", as: .delegateMEX).text.contains("Asesora (")))
        }
    }
}

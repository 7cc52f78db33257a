import AccordStore
import Foundation
import HTTPTypes
import Testing

@testable import AccordWeb

/// The Secretariat's accounts and tokens through the API, each answer checked against the OpenAPI document by
/// the client: create an account, read it, issue a token, list and revoke it, disable and enable the account.
enum AccountAPIScenario {
    static func run(_ api: APIClient, _ store: Store) async throws {
        let ts = #""actor":\#(Bodies.secretariat)"#
        let mexico = #"{"actor":{"name":"delegate.mex","role":"delegate","participant":"MEX"}}"#
        #expect(try await api.get("/api/v1/accounts").status == 401)
        #expect(try await api.get("/api/v1/accounts", as: Bodies.secretariat).text.contains(#""username":"ana.ts""#))

        let created = try await api.post(
            "/api/v1/accounts",
            #"{\#(ts),"username":"can.officer","role":"delegate","participant":"CAN","password":"a long password"}"#)
        #expect(created.status == 201 && created["participant"] as? String == "CAN", "\(created.text)")
        let refused = try await api.post(
            "/api/v1/accounts", #"{\#(ts),"username":"x","role":"delegate","password":"a long password"}"#)
        #expect(refused.status == 422 && refused["field"] as? String == "username", "\(refused.text)")
        #expect(try await api.post("/api/v1/accounts", mexico).status == 403)
        let one = try await api.get("/api/v1/accounts/can.officer", as: Bodies.secretariat)
        #expect(one.status == 200 && one["active"] as? Bool == true)
        #expect(try await api.get("/api/v1/accounts/Can.Officer", as: Bodies.secretariat).status == 400)

        let issued = try await api.post("/api/v1/accounts/can.officer/tokens", #"{\#(ts),"name":"laptop"}"#)
        #expect(issued.status == 201, "\(issued.text)")
        let token = try #require(issued["token"] as? String)
        let bearer: HTTPFields = [.authorization: "Bearer \(token)"]
        #expect(try await api.call(.get, "/api/v1/session", headers: bearer)["username"] as? String == "can.officer")
        let tokens = try await api.get("/api/v1/accounts/can.officer/tokens", as: Bodies.secretariat)
        #expect(tokens.text.contains(#""name":"laptop""#) && !tokens.text.contains(token))
        let revoked = try await api.call(.delete, "/api/v1/accounts/can.officer/tokens/laptop", "{\(ts)}")
        #expect(revoked.status == 204)
        #expect(try await api.call(.get, "/api/v1/session", headers: bearer).status == 401)
        #expect(try await api.call(.delete, "/api/v1/accounts/can.officer/tokens/laptop", "{\(ts)}").status == 404)

        // A request does not revoke the token it is signed with; the Secretariat's other way (here the signed-in
        // actor) does.
        let script = try await api.post("/api/v1/accounts/ana.ts/tokens", #"{\#(ts),"name":"script"}"#)
        let scriptToken = try #require(script["token"] as? String, "\(script.text)")
        let own = try await api.call(
            .delete, "/api/v1/accounts/ana.ts/tokens/script", headers: [.authorization: "Bearer \(scriptToken)"])
        #expect(own.status == 409 && own["rule"] as? String == "own-token", "\(own.text)")
        #expect(
            try await api.call(.get, "/api/v1/session", headers: [.authorization: "Bearer \(scriptToken)"])["username"]
                as? String == "ana.ts")
        #expect(try await api.call(.delete, "/api/v1/accounts/ana.ts/tokens/script", "{\(ts)}").status == 204)

        let disabled = try await api.call(.patch, "/api/v1/accounts/can.officer", #"{\#(ts),"active":false}"#)
        #expect(disabled.status == 200 && disabled["active"] as? Bool == false, "\(disabled.text)")
        let enabled = try await api.call(.patch, "/api/v1/accounts/can.officer", #"{\#(ts),"active":true}"#)
        #expect(enabled["active"] as? Bool == true)
        #expect(try await store.account(named: "can.officer")?.isDisabled == false)
    }
}

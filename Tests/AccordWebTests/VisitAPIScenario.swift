import AccordStore
import Foundation
import Testing

/// "Changes since my last visit" in the API, on whatever the scenarios before it recorded: the Secretariat's
/// list, marked as seen through the position it was read at, is then empty; the public is asked to sign in; a
/// position beyond the ledger's head is a problem naming `through`.
enum VisitAPIScenario {
    static func run(_ api: APIClient, _ store: Store) async throws {
        let changes = try await api.get("/api/v1/changes/since-last-visit?lang=es", as: Bodies.secretariat)
        #expect(changes.status == 200, "\(changes.text)")
        let through = try #require(changes["through"] as? Int)
        #expect(through == Int(try await store.head().sequence))
        let seen = try await api.post(
            "/api/v1/changes/since-last-visit/seen", #"{"actor":\#(Bodies.secretariat),"through":\#(through)}"#)
        #expect(seen.status == 200 && seen["since"] as? Int == through, "\(seen.text)")
        let after = try await api.get("/api/v1/changes/since-last-visit", as: Bodies.secretariat)
        #expect(after["count"] as? Int == 0 && (after["groups"] as? [Any])?.isEmpty == true, "\(after.text)")

        #expect(try await api.get("/api/v1/changes/since-last-visit").status == 401)
        let beyond = try await api.post(
            "/api/v1/changes/since-last-visit/seen", #"{"actor":\#(Bodies.secretariat),"through":\#(through + 1)}"#)
        #expect(beyond.status == 422 && beyond["field"] as? String == "through", "\(beyond.text)")
    }
}

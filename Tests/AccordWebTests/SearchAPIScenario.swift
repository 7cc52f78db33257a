import AccordCore
import AccordStore
import Foundation
import Testing

/// `GET /api/v1/search` on whatever the scenarios before it recorded (issue 19.5): accents and case are ignored,
/// the working side finds what is proposed and the public does not, and bad parameters are problems naming them.
enum SearchAPIScenario {
    static func run(_ api: APIClient, _ store: Store) async throws {
        // The line of action, with its words written with accents and in capitals that its title does not have.
        let line = try await api.get("/api/v1/search?q=MIGRATIÓN%20mánagement")
        #expect(line.status == 200, "\(line.text)")
        let hits = try #require(line["hits"] as? [[String: Any]])
        #expect(hits.contains { $0["kind"] as? String == "item" && $0["id"] as? String == "MPM" }, "\(line.text)")

        // A proposed workplan: the Secretariat finds it by its code, the public does not.
        let state = try await store.currentState()
        let proposed = try #require(state.workplans.values.first { $0.status == .proposed })
        let secretariat = try await api.get("/api/v1/search?q=\(proposed.id.rawValue)", as: Bodies.secretariat)
        let found = try #require(secretariat["hits"] as? [[String: Any]])
        #expect(found.contains { $0["kind"] as? String == "workplan" && $0["id"] as? String == proposed.id.rawValue })
        let publicly = try await api.get("/api/v1/search?q=\(proposed.id.rawValue)")
        let seen = try #require(publicly["hits"] as? [[String: Any]])
        #expect(!seen.contains { $0["kind"] as? String == "workplan" }, "\(publicly.text)")

        #expect(try await api.get("/api/v1/search")["field"] as? String == "q")
        let long = try await api.get("/api/v1/search?q=\(String(repeating: "a", count: 201))")
        #expect(long.status == 422 && long["field"] as? String == "q")
        #expect(try await api.get("/api/v1/search?q=plan&limit=0")["field"] as? String == "limit")
        #expect(try await api.get("/api/v1/search?q=plan&lang=de")["field"] as? String == "lang")
    }
}

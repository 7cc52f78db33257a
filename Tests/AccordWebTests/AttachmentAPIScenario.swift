import AccordCore
import AccordStore
import Foundation
import HTTPTypes
import Testing

/// The attachment routes in the scenario every route passes through (`APIScenarioTests`): each answer checked
/// against the OpenAPI document.
enum AttachmentAPIScenario {
    static func run(_ api: APIClient, _ store: Store) async throws {
        let ts = try await api.token("ts.officer", role: "secretariat")
        let meeting = try #require(try await store.currentState().meetings.keys.min()).rawValue
        let attached = try await api.call(
            .post, "/api/v1/attachments?target=meeting&id=\(meeting)&name=orden-del-dia.txt",
            "Orden del día provisional\n", headers: [.contentType: "text/plain", .authorization: "Bearer \(ts)"])
        #expect(attached.status == 201, "\(attached.text)")
        let number = try #require(attached["number"] as? Int)
        #expect((try await api.get("/api/v1/attachments").json as? [Any])?.isEmpty == false)
        #expect(try await api.get("/api/v1/attachments/\(number)")["mediaType"] as? String == "text/plain")
        let content = try await api.get("/api/v1/attachments/\(number)/content")
        #expect(content.text == "Orden del día provisional\n")
        #expect(try await api.get("/api/v1/attachments/\(number + 1000)").status == 404)
        #expect(try await api.get("/api/v1/attachments/x").status == 400)
        #expect(try await api.get("/api/v1/attachments?target=meeting").status == 200)
    }
}

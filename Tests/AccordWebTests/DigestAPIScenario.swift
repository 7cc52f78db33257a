import AccordStore
import Foundation
import Testing

@testable import AccordWeb

/// The account's own e-mail digest through the API, each answer's status checked against the OpenAPI document
/// by the client and each subscription's body against its `DigestSubscription` schema: none at first,
/// subscribed (200), read back, a bad address refused naming `address`, unsubscribed (204), and then none to end.
enum DigestAPIScenario {
    static let delegate = #"{"name":"digest.mex","role":"delegate","participant":"MEX"}"#

    static func run(_ api: APIClient, _ store: Store) async throws {
        let mexico = #""actor":\#(delegate)"#
        #expect(try await api.get("/api/v1/changes/digest").status == 401)
        #expect(try await api.put("/api/v1/changes/digest", #"{"address":"x@example.org"}"#).status == 401)
        let none = try await api.get("/api/v1/changes/digest", as: delegate)
        #expect(none.status == 200 && none["subscribed"] as? Bool == false && none["address"] == nil, "\(none.text)")
        try conforms(none)

        let subscribed = try await api.put("/api/v1/changes/digest", #"{\#(mexico),"address":"mex@sre.gob.mx"}"#)
        #expect(subscribed.status == 200, "\(subscribed.text)")
        try conforms(subscribed)
        #expect(subscribed["username"] as? String == "digest.mex" && subscribed["subscribed"] as? Bool == true)
        #expect(subscribed["digestedThrough"] as? Int == Int(try await store.head().sequence))
        let read = try await api.get("/api/v1/changes/digest", as: delegate)
        try conforms(read)
        #expect(read["address"] as? String == "mex@sre.gob.mx")
        #expect(try await store.digestSubscriptions().map(\.address) == ["mex@sre.gob.mx"])

        let bad = try await api.put("/api/v1/changes/digest", #"{\#(mexico),"address":"mex at sre"}"#)
        #expect(bad.status == 422 && bad["field"] as? String == "address", "\(bad.text)")
        let missing = try await api.put("/api/v1/changes/digest", #"{\#(mexico)}"#)
        #expect(missing.status == 400 && missing["field"] as? String == "address", "\(missing.text)")

        #expect(try await api.call(.delete, "/api/v1/changes/digest", "{\(mexico)}").status == 204)
        #expect(try await store.digestSubscriptions().isEmpty)
        #expect(try await api.call(.delete, "/api/v1/changes/digest", "{\(mexico)}").status == 404)
    }

    /// The answer's body has every property `DigestSubscription` requires and none it does not declare, each of
    /// the declared JSON type.
    static func conforms(_ answer: APIClient.Answer) throws {
        let schema = try #require(
            try OpenAPIDocument.bundled.get().root["components"]?["schemas"]?["DigestSubscription"])
        let object = try #require(answer.json as? [String: Any], "\(answer.text)")
        let properties = schema["properties"]?.members ?? [:]
        guard case .array(let required) = schema["required"] else {
            Issue.record("DigestSubscription lists no required property")
            return
        }
        for name in required.compactMap(\.string) {
            #expect(object[name] != nil, "\(name) is missing: \(answer.text)")
        }
        for (key, value) in object {
            let type = properties[key]?["type"]?.string ?? (properties[key]?["$ref"] != nil ? "string" : nil)
            #expect(type != nil, "\(key) is not in the schema")
            switch type {
            case "string": #expect(value is String, "\(key)")
            case "integer": #expect(value is Int, "\(key)")
            case "boolean": #expect(value is Bool, "\(key)")
            default: break
            }
        }
    }
}

import AccordStore
import Foundation
import Hummingbird
import Logging
import Testing

@testable import AccordWeb

/// The OpenAPI document and the router describe the same API.
@Suite struct OpenAPIContractTests {
    @Test func everyRouteIsDescribedAndEveryOperationIsRouted() async throws {
        try await withAPI { api, _ in
            let document = OpenAPIDocument.document
            let routed = Set(api.routes.map { "\($0.method.rawValue.lowercased()) \($0.openAPIPath)" })
            var described: Set<String> = []
            for path in document["paths"]?.keys ?? [] {
                for method in document["paths"]?[path]?.keys ?? [] { described.insert("\(method) \(path)") }
            }
            #expect(
                routed.subtracting(described).isEmpty,
                "routes missing from /openapi.json: \(routed.subtracting(described))")
            #expect(described.subtracting(routed).isEmpty, "operations with no route: \(described.subtracting(routed))")
        }
    }

    @Test func documentIsServedAsOpenAPI31WithResolvableReferences() async throws {
        try await withAPI { api, _ in
            let answer = try await api.get("/openapi.json")
            let json = try #require(answer.json as? [String: Any])
            #expect(json["openapi"] as? String == "3.1.0")
            let schemas = try #require((json["components"] as? [String: Any])?["schemas"] as? [String: Any])
            // Every $ref points at a schema that exists.
            let references = answer.text.matches(of: /"\$ref"\s*:\s*"#\/components\/schemas\/([A-Za-z]+)"/).map {
                String($0.1)
            }
            #expect(!references.isEmpty)
            for name in Set(references) { #expect(schemas[name] != nil, "dangling reference to \(name)") }
        }
    }
}

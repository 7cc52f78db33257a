import AccordCore
import AccordStore
import Foundation
import Hummingbird
import Logging
import Testing

@testable import AccordWeb

/// The OpenAPI document and the router describe the same API, and the document describes every kind of change.
@Suite struct OpenAPIContractTests {
    /// The document as the server serves it.
    static func document() throws -> JSONValue { try OpenAPIDocument.bundled.get().root }

    @Test func everyRouteIsDescribedAndEveryOperationIsRouted() async throws {
        let document = try Self.document()
        try await withAPI { api, _ in
            let routed = Set(api.routes.map { "\($0.method.rawValue.lowercased()) \($0.openAPIPath)" })
            var described: Set<String> = []
            for path in document["paths"]?.keys ?? [] {
                for method in document["paths"]?[path]?.keys ?? [] where method != "parameters" {
                    described.insert("\(method) \(path)")
                }
            }
            #expect(routed.count > 50)
            #expect(
                routed.subtracting(described).isEmpty,
                "routes missing from /openapi.json: \(routed.subtracting(described).sorted())")
            #expect(
                described.subtracting(routed).isEmpty,
                "operations with no route: \(described.subtracting(routed).sorted())")
        }
    }

    @Test func documentIsServedAsOpenAPI31WithEveryReferenceResolved() async throws {
        let document = try Self.document()
        try await withAPI { api, _ in
            let answer = try await api.get("/openapi.json")
            #expect(answer.status == 200)
            let served = try JSONDecoder().decode(JSONValue.self, from: Data(answer.bytes))
            #expect(served == document)
        }
        #expect(document["openapi"]?.string == "3.1.0")
        var references: Set<String> = []
        func collect(_ value: JSONValue) {
            switch value {
            case .object(let members):
                if let reference = members["$ref"]?.string { references.insert(reference) }
                members.values.forEach(collect)
            case .array(let values): values.forEach(collect)
            default: break
            }
        }
        collect(document)
        #expect(references.count > 100)
        for reference in references {
            // A local JSON pointer: "#/components/schemas/Plan%20Item" has no escapes in this document.
            let target = reference.dropFirst(2).split(separator: "/").reduce(Optional(document)) { $0?[String($1)] }
            #expect(reference.hasPrefix("#/") && target != nil, "dangling reference \(reference)")
        }
    }

    @Test func everyOperationHasAnIDAndEveryWriteAFullBody() throws {
        let document = try Self.document()
        var identifiers: [String] = []
        for (path, item) in document["paths"]?.members ?? [:] {
            for (method, operation) in item.members ?? [:] where method != "parameters" {
                identifiers.append(operation["operationId"]?.string ?? "\(method) \(path) has none")
                #expect(operation["responses"]?.keys.contains { $0.hasPrefix("2") } == true, "\(method) \(path)")
                // A JSON body; an upload's raw file (the statistics') is described as binary.
                guard ["post", "put", "patch"].contains(method), let body = operation["requestBody"],
                    body["content"]?["application/json"] != nil
                else { continue }
                let schema = body["content"]?["application/json"]?["schema"]
                // A body is described field by field (or names a schema that is), never as any object.
                #expect(
                    schema?["$ref"] != nil || schema?["properties"] != nil || schema?["oneOf"] != nil,
                    "\(method) \(path) has a body without a schema")
            }
        }
        #expect(Set(identifiers).count == identifiers.count, "operation IDs are unique")
    }

    /// The `Change` schema is a `oneOf` of one schema per kind, chosen by `kind`, and the kinds are Core's.
    @Test func everyKindOfChangeHasItsSchema() throws {
        let schemas = try #require(try Self.document()["components"]?["schemas"])
        let change = try #require(schemas["Change"])
        #expect(change["discriminator"]?["propertyName"]?.string == "kind")
        let mapping = try #require(change["discriminator"]?["mapping"]?.members)
        #expect(Set(mapping.keys) == Set(Change.kinds))
        #expect(Change.kinds.count == 44)
        guard case .array(let choices) = change["oneOf"] else {
            Issue.record("Change is not a oneOf")
            return
        }
        #expect(Set(choices.compactMap { $0["$ref"]?.string }) == Set(mapping.values.compactMap(\.string)))
        for (kind, reference) in mapping {
            let name = try #require(reference.string?.split(separator: "/").last.map(String.init))
            let schema = try #require(schemas[name], "\(kind) maps to \(name), which is not defined")
            // Each choice admits only its own kind, so exactly one of the oneOf matches.
            #expect(schema["properties"]?["kind"]?["const"]?.string == kind, "\(name)")
            #expect(schemaRequires(schema, "kind"), "\(name)")
            #expect(schema["additionalProperties"] == .bool(false), "\(name) admits fields the kind does not have")
        }
        if case .array(let kinds) = schemas["ChangeKind"]?["enum"] {
            #expect(kinds.compactMap(\.string) == Change.kinds)
        } else {
            Issue.record("ChangeKind is not an enumeration")
        }
    }

    private func schemaRequires(_ schema: JSONValue, _ field: String) -> Bool {
        guard case .array(let required) = schema["required"] else { return false }
        return required.contains(.string(field))
    }

    /// A method the document does not list on a path it does is a 405 naming the methods that are; a path it
    /// does not list is a 404.
    @Test func anotherMethodOnAKnownPathIsNotAllowed() async throws {
        try await withAPI { api, _ in
            for (method, path, allow) in [
                (HTTPRequest.Method.trace, "/api/v1/health", "GET"), (.put, "/api/v1/items", "GET, POST"),
                (.delete, "/api/v1/items/MPM-1", "GET, PATCH"), (.post, "/openapi.json", "GET"),
            ] {
                let response = try await api.client.execute(uri: path, method: method, headers: [:], body: nil)
                #expect(response.status == .methodNotAllowed, "\(method) \(path)")
                #expect(response.headers[.allow] == allow, "\(method) \(path)")
                #expect(response.headers[.contentType] == "application/problem+json")
            }
            let unknown = try await api.client.execute(uri: "/api/v1/nothing", method: .trace, headers: [:], body: nil)
            #expect(unknown.status == .notFound)
            // A handler's own 404 stays one.
            #expect(try await api.get("/api/v1/items/MPM-99").status == 404)
        }
    }

    @Test func fragmentsThatDefineOneThingTwiceDoNotMerge() throws {
        let base = Data(#"{"openapi":"3.1.0","paths":{"/a":{"get":{}}}}"#.utf8)
        let again = Data(#"{"paths":{"/a":{"get":{}}}}"#.utf8)
        let other = Data(#"{"paths":{"/a":{"put":{}}},"components":{"schemas":{"A":{}}}}"#.utf8)
        #expect(throws: OpenAPIError.self) {
            try OpenAPIDocument(fragments: [("base.json", base), ("area.json", again)])
        }
        #expect(throws: OpenAPIError.self) {
            try OpenAPIDocument(fragments: [("area.json", other)])
        }
        #expect(throws: OpenAPIError.self) {
            try OpenAPIDocument(fragments: [("base.json", base), ("area.json", Data(#"{"info":{}}"#.utf8))])
        }
        let merged = try OpenAPIDocument(fragments: [("area.json", other), ("base.json", base)])
        #expect(merged.root["paths"]?["/a"]?.keys == ["get", "put"])
        #expect(merged.root["components"]?["schemas"]?["A"] == .object([:]))
        #expect(merged.root["openapi"]?.string == "3.1.0")
    }
}

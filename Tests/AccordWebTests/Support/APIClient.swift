import AccordCore
import AccordDemo
import AccordStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

@testable import AccordWeb

/// A test client for the JSON API over a real SQLite file, that checks every answer against the OpenAPI
/// document: a status the called operation does not declare fails the test.
final class APIClient: @unchecked Sendable {
    let client: any TestClientProtocol
    let routes: [RouteTemplate]
    /// The operations called so far, as "METHOD /template".
    private(set) var called: Set<String> = []

    init(client: any TestClientProtocol, routes: [RouteTemplate]) {
        self.client = client
        self.routes = routes
    }

    struct Answer {
        var status: Int
        var json: Any?
        var contentType: String?
        var text: String
        /// The body as it came, for files that are not text.
        var bytes: [UInt8] = []
        var headers: HTTPFields = [:]

        /// The value at a dotted path of a JSON object answer ("entry.sequence").
        subscript(path: String) -> Any? {
            path.split(separator: ".").reduce(json) { value, key in (value as? [String: Any])?[String(key)] }
        }
    }

    @discardableResult
    func call(
        _ method: HTTPRequest.Method, _ uri: String, _ body: String? = nil, headers: HTTPFields = [:]
    ) async throws -> Answer {
        var fields: HTTPFields = [.contentType: "application/json"]
        fields.append(contentsOf: headers)
        let response = try await client.execute(
            uri: uri, method: method, headers: fields, body: body.map { ByteBuffer(string: $0) })
        let text = String(buffer: response.body)
        let answer = Answer(
            status: Int(response.status.code), json: try? JSONSerialization.jsonObject(with: Data(text.utf8)),
            contentType: response.headers[.contentType], text: text, bytes: Array(buffer: response.body),
            headers: response.headers)
        let path = String(uri.split(separator: "?", maxSplits: 1)[0])
        guard let template = routes.first(where: { $0.method == method && $0.matches(path) }) else {
            Issue.record("no route answers \(method) \(path)")
            return answer
        }
        called.insert("\(method) \(template.openAPIPath)")
        let declared =
            OpenAPIDocument.document["paths"]?[template.openAPIPath]?[method.rawValue.lowercased()]?[
                "responses"]?.keys ?? []
        #expect(
            declared.contains("\(answer.status)"),
            "\(method) \(template.openAPIPath) answered \(answer.status), which its OpenAPI operation does not declare (\(declared)): \(text)"
        )
        if answer.status >= 400 {
            #expect(answer.contentType == "application/problem+json", "errors are problem details: \(text)")
        }
        return answer
    }

    func get(_ uri: String) async throws -> Answer { try await call(.get, uri) }
    func post(_ uri: String, _ body: String) async throws -> Answer { try await call(.post, uri, body) }
    func put(_ uri: String, _ body: String) async throws -> Answer { try await call(.put, uri, body) }
    func patch(_ uri: String, _ body: String) async throws -> Answer { try await call(.patch, uri, body) }
}

/// A registered route, matched against concrete paths.
struct RouteTemplate: Sendable {
    var method: HTTPRequest.Method
    /// Segments, with parameters as "{name}" (Hummingbird writes them as OpenAPI does).
    var segments: [String]

    init(_ description: Router<AccordContext>.RouteDescription) {
        method = description.method
        segments = description.path.description.split(separator: "/").map(String.init)
    }

    /// The path as the OpenAPI document writes it: "/api/v1/items/{code}".
    var openAPIPath: String {
        "/" + segments.joined(separator: "/")
    }

    /// Whether the route belongs to the JSON API (or is its document), rather than to the pages.
    var isAPI: Bool { segments.first == "api" || segments == ["openapi.json"] }

    func matches(_ path: String) -> Bool {
        let parts = path.split(separator: "/").map(String.init)
        return parts.count == segments.count
            && zip(parts, segments).allSatisfy { part, segment in segment.hasPrefix("{") || part == segment }
    }
}

/// Runs `body` with an API client over a fresh store in a temporary SQLite file.
func withAPI(demo: Bool = false, _ body: @escaping @Sendable (APIClient, Store) async throws -> Void) async throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("accord-web-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let logger = Logger(label: "test")
    let store = try await Store.open(.sqlite(path: folder.appendingPathComponent("test.sqlite").path), logger: logger)
    if demo { try await store.append(Demo.changes) }
    let router = buildRouter(store: store)
    // The pages have their own tests; this client checks the API against its OpenAPI document.
    let routes = router.routes.map(RouteTemplate.init).filter(\.isAPI)
    let app = Application(router: router, logger: logger)
    do {
        try await app.test(.router) { client in try await body(APIClient(client: client, routes: routes), store) }
    } catch {
        await store.close()
        throw error
    }
    await store.close()
}

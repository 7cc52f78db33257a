import AccordCore
import AccordDemo
import AccordStore
import AccordTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

@testable import AccordServices
@testable import AccordWeb

/// A test client for the JSON API over a real SQLite file, that checks every answer against the OpenAPI
/// document: a status the called operation does not declare fails the test.
///
/// The scenarios write who acts beside each body, as `"actor":{"name":…,"role":…,"participant":…}`, so that a
/// reader sees who does what. The API refuses a body naming an actor (the actor is the principal), so the
/// client takes that field out and sends the request with an API token of that account instead, adding the
/// account the first time it is named. A body without it goes with no token: anonymously.
final class APIClient: @unchecked Sendable {
    let client: any TestClientProtocol
    let routes: [RouteTemplate]
    let accounts: AccountService
    /// The operations called so far, as "METHOD /template".
    private(set) var called: Set<String> = []
    /// API tokens by username.
    private var tokens: [String: String] = [:]

    init(client: any TestClientProtocol, routes: [RouteTemplate], accounts: AccountService) {
        self.client = client
        self.routes = routes
        self.accounts = accounts
    }

    /// An API token of `username`, adding the account with `role` and `participant` the first time.
    func token(_ username: String, role: String, participant: String? = nil) async throws -> String {
        if let token = tokens[username] { return token }
        try await accounts.addAccount(
            username: username, displayName: username, role: role, participant: participant, language: "en",
            password: "a long test password")
        let token = try await accounts.makeToken(for: username, name: "tests")
        tokens[username] = token
        return token
    }

    /// `body` without its `actor`, and the token of the account it names.
    private func acting(_ body: String) async throws -> (body: String, token: String?) {
        guard var object = try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any],
            let actor = object.removeValue(forKey: "actor") as? [String: Any],
            let name = actor["name"] as? String, let role = actor["role"] as? String
        else { return (body, nil) }
        let token = try await token(name, role: role, participant: actor["participant"] as? String)
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        return (String(decoding: data, as: UTF8.self), token)
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
        // JSON unless the call names its own type (a file sent as it is).
        var fields: HTTPFields = headers[.contentType] == nil ? [.contentType: "application/json"] : [:]
        fields.append(contentsOf: headers)
        var body = body
        // A request that brings its own credentials is sent as it is written, `actor` included.
        if let sent = body, fields[.authorization] == nil, fields[.cookie] == nil {
            let (stripped, token) = try await acting(sent)
            body = stripped
            if let token { fields[.authorization] = "Bearer \(token)" }
        }
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
        let document = try OpenAPIDocument.bundled.get().root
        let declared = document["paths"]?[template.openAPIPath]?[method.rawValue.lowercased()]?["responses"]?.keys ?? []
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

    /// A read with the API token of the account `actor` names (written as the scenarios write an actor beside
    /// a body): what that account may read, the working side's documents included when it is on that side.
    func get(_ uri: String, as actor: String) async throws -> Answer {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(actor.utf8)) as? [String: Any])
        let name = try #require(object["name"] as? String)
        let role = try #require(object["role"] as? String)
        let token = try await token(name, role: role, participant: object["participant"] as? String)
        return try await call(.get, uri, headers: [.authorization: "Bearer \(token)"])
    }
    func post(_ uri: String, _ body: String) async throws -> Answer { try await call(.post, uri, body) }
    func put(_ uri: String, _ body: String) async throws -> Answer { try await call(.put, uri, body) }
    func patch(_ uri: String, _ body: String) async throws -> Answer { try await call(.patch, uri, body) }
}

/// A registered route, matched against concrete paths.
struct RouteTemplate: Sendable {
    var method: HTTPRequest.Method
    var path: RouterPath
    /// Segments, with parameters as "{name}" (Hummingbird writes them as OpenAPI does).
    var segments: [String]

    init(_ description: Router<AccordContext>.RouteDescription) {
        method = description.method
        path = description.path
        segments = description.path.description.split(separator: "/").map(String.init)
    }

    /// The path as the OpenAPI document writes it: "/api/v1/items/{code}".
    var openAPIPath: String {
        "/" + segments.joined(separator: "/")
    }

    /// Whether the route belongs to the API (or is its document, or the metrics), rather than to the pages.
    var isAPI: Bool { segments.first == "api" || segments == ["openapi.json"] || segments == ["metrics"] }

    func matches(_ path: String) -> Bool { self.path.matches(path) }
}

/// Runs `body` with an API client over a fresh store: a temporary SQLite file, or a database of `backend`.
func withAPI(
    demo: Bool = false, backend: Backend = .sqlite, _ body: @escaping @Sendable (APIClient, Store) async throws -> Void
) async throws {
    try await withAPIStore(demo: demo, backend: backend) { api, store, _ in try await body(api, store) }
}

/// Runs `body` with an API client, the store and its account service (bcrypt's cost lowered for speed).
func withAPIStore(
    demo: Bool = false, backend: Backend = .sqlite, checkpointSigner: NoteSigner? = nil,
    _ body: @escaping @Sendable (APIClient, Store, AccountService) async throws -> Void
) async throws {
    try await withDatabase(backend) { database in
        let logger = Logger(label: "test")
        let store = try await Store.open(database.location, logger: logger)
        if demo { try await store.append(Demo.changes) }
        let accounts = {
            var accounts = AccountService(store: store)
            accounts.cost = 4
            return accounts
        }()
        let router = buildRouter(store: store, accounts: accounts, checkpointSigner: checkpointSigner)
        // The pages have their own tests; this client checks the API against its OpenAPI document.
        let routes = router.router.routes.map(RouteTemplate.init).filter(\.isAPI)
        let app = Application(router: router, logger: logger)
        do {
            try await app.test(.router) { client in
                try await body(APIClient(client: client, routes: routes, accounts: accounts), store, accounts)
            }
        } catch {
            await store.close()
            throw error
        }
        await store.close()
    }
}

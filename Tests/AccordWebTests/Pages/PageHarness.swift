import AccordCore
import AccordDemo
import AccordStore
import AccordTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

@testable import AccordServices
@testable import AccordWeb

/// The roles of the authorization matrix: two delegations of different countries, the Secretariat, the
/// Presidency, an observer organization, a reader with an account, and nobody signed in.
enum Role: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case delegateMEX, delegateCAN, secretariat, presidency, observer, reader, anonymous

    var account: (username: String, role: String, participant: String?)? {
        switch self {
        case .delegateMEX: ("mex", "delegate", "MEX")
        case .delegateCAN: ("can", "delegate", "CAN")
        case .secretariat: ("ts.officer", "secretariat", nil)
        case .presidency: ("ppt.office", "presidency", nil)
        case .observer: ("iom", "observer", "IOM")
        case .reader: ("reader", "public", nil)
        case .anonymous: nil
        }
    }

    var testDescription: String { rawValue }
}

/// A browser-like client over the whole application (pages and API) on the demo in a real database (SQLite,
/// or PostgreSQL on the suite's own server), with one signed-in session per role.
final class PageClient: @unchecked Sendable {
    let client: any TestClientProtocol
    let store: Store
    /// Every route of the application, as "METHOD /template".
    let routes: [String]
    var sessions: [Role: (cookie: String, csrf: String)] = [:]

    init(client: any TestClientProtocol, store: Store, routes: [String]) {
        self.client = client
        self.store = store
        self.routes = routes
    }

    struct Answer {
        var status: Int
        var text: String
        var headers: HTTPFields
        /// The body as it came, for what is not text (a DOCX): `text` replaces invalid UTF-8.
        var bytes: [UInt8] = []
    }

    /// A request as `role`: its session cookie, and for a state change its anti-forgery token (in the
    /// form body for pages, in the header for the API) unless `forge` leaves it out.
    func call(
        _ method: HTTPRequest.Method, _ uri: String, as role: Role, form: [String: String]? = nil, json: String? = nil,
        headers extra: HTTPFields = [:], forge: Bool = false
    ) async throws -> Answer {
        var headers = extra
        var body: ByteBuffer?
        let session = sessions[role]
        if let session { headers[.cookie] = session.cookie }
        if var form {
            if !forge, let session { form["csrf"] = session.csrf }
            headers[.contentType] = "application/x-www-form-urlencoded"
            body = ByteBuffer(
                string: form.map { "\(Link.encode($0.key))=\(Link.encode($0.value))" }.joined(separator: "&"))
        } else if let json {
            // JSON, unless the call sends a file with its own type.
            headers[.contentType] = extra[.contentType] ?? "application/json"
            if !forge, let session { headers[HTTPField.Name("X-CSRF-Token")!] = session.csrf }
            body = ByteBuffer(string: json)
        }
        let response = try await client.execute(uri: uri, method: method, headers: headers, body: body)
        return Answer(
            status: Int(response.status.code), text: String(buffer: response.body), headers: response.headers,
            bytes: Array(buffer: response.body))
    }

    func get(_ uri: String, as role: Role = .anonymous) async throws -> Answer { try await call(.get, uri, as: role) }
}

extension PageClient {
    /// An approved activity in the current version, which the demo (its Plan of Action replaced by the
    /// Strategic Plan) no longer has: the XXIX RCM's paragraph 90, confirmed by the Presidency, approves
    /// Mexico's proposed activity on document standards. Test data, not the demo's.
    func approvedActivity() async throws -> ItemNumber {
        let decision = Decision(
            meeting: "RCM-XXIX", paragraph: "90", kind: .decision,
            text: LocalizedText(authoritative: .en, [.en: "Approves the activity on document standards."]),
            effects: [.changeStatus(item: "MPM-3.1", to: .approved)])
        _ = try await store.append(
            .recordDecision(decision), by: AccordCore.Actor(name: "ts.officer", role: .secretariat),
            authority: .editorial(reason: "transcribed"))
        _ = try await store.append(
            .confirmDecision(decision.id), by: AccordCore.Actor(name: "ppt.officer", role: .presidency),
            authority: .decision(decision.id))
        return "MPM-3.1"
    }
}

/// Runs `body` with the demo loaded into a fresh database of `backend`, an account and a session for every role;
/// the server as `accord serve --max-attachment-bytes maximumAttachmentBytes` would run it.
func withPages(
    _ backend: Backend = .sqlite, maximumAttachmentBytes: Int = AttachmentService.defaultMaximumBytes,
    _ body: @escaping @Sendable (PageClient) async throws -> Void
) async throws {
    try await withDatabase(backend) { database in
        try await withPages(on: database, maximumAttachmentBytes: maximumAttachmentBytes, body)
    }
}

private func withPages(
    on database: TestDatabase, maximumAttachmentBytes: Int,
    _ body: @escaping @Sendable (PageClient) async throws -> Void
) async throws {
    let logger = Logger(label: "test")
    let store = try await Store.open(database.location, logger: logger)
    do {
        try await store.append(Demo.changes)
        let accounts = {
            var service = AccountService(store: store)
            service.cost = 4
            return service
        }()
        let router = buildRouter(
            store: store, accounts: accounts,
            checkpointSigner: try CheckpointKeys.generate(name: "rcm.test/accord", type: .ed25519),
            maximumAttachmentBytes: maximumAttachmentBytes)
        let routes = router.router.routes.map { "\($0.method) \($0.path)" }
        let app = Application(router: router, logger: logger)
        try await app.test(.router) { client in
            let pages = PageClient(client: client, store: store, routes: routes)
            for role in Role.allCases {
                guard let account = role.account else { continue }
                try await accounts.addAccount(
                    username: account.username, displayName: role.rawValue, role: account.role,
                    participant: account.participant, language: "en", password: "a long test password")
                let (id, principal) = try await accounts.signIn(
                    username: account.username, password: "a long test password", address: "127.0.0.1")
                pages.sessions[role] = ("\(IdentityMiddleware.cookie)=\(id)", principal.csrfToken ?? "")
            }
            try await body(pages)
        }
    } catch {
        await store.close()
        throw error
    }
    await store.close()
}

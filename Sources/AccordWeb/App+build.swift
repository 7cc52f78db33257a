import AccordCore
import AccordStore
import Hummingbird
import Logging

/// How the server is set up: read once by the CLI and passed in.
public struct ServerConfiguration: Sendable {
    public var hostname: String
    public var port: Int
    /// A folder whose files are served as they are (an installation's own logo, notices…); none by default.
    public var publicFolder: String?

    public init(hostname: String = "127.0.0.1", port: Int = 8080, publicFolder: String? = nil) {
        self.hostname = hostname
        self.port = port
        self.publicFolder = publicFolder
    }
}

/// The whole HTTP application over `store`.
public func buildApplication(
    store: Store, configuration: ServerConfiguration, logger: Logger
) -> some ApplicationProtocol {
    Application(
        router: buildRouter(store: store, publicFolder: configuration.publicFolder),
        configuration: .init(
            address: .hostname(configuration.hostname, port: configuration.port), serverName: "Accord"),
        logger: logger)
}

/// The routes: the pages (`/es/…`, `/en/…`, `/fr/…`), the JSON API under `/api/v1` and its OpenAPI
/// document at `/openapi.json`.
///
/// - Parameter accounts: the account service (its bcrypt cost and timeouts); by default the service's own.
/// - Parameter pageCacheBytes: rendered pages kept; 32 MiB holds some forty full plan pages of a
///   2,000-activity plan and keeps the server well under 150 MB while it serves them.
public func buildRouter(
    store: Store, accounts: AccountService? = nil, pageCacheBytes: Int = 32 << 20, publicFolder: String? = nil
) -> Router<AccordContext> {
    let accounts = accounts ?? AccountService(store: store)
    let router = Router(context: AccordContext.self)
    // Outermost first: the security headers go on every response, problem responses included.
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: ProblemMiddleware())
    router.add(middleware: AuthMiddleware(accounts: accounts))
    if let publicFolder { router.add(middleware: FileMiddleware(publicFolder, searchForIndexHtml: false)) }
    router.get("openapi.json") { _, _ in OpenAPIDocument.response }
    let api = router.group("api/v1")
    api.get("process") { _, _ in
        let state = try await store.currentState()
        guard let process = state.process else {
            throw Problem.notFound("process", "", field: "process")
        }
        return JSONResponse(process)
    }
    api.get("health") { _, _ in JSONResponse(try await store.head()) }
    RecordRoutes.add(Participant.self, to: api, store: store) { $0.id < $1.id }
    RecordRoutes.add(Body.self, to: api, store: store) { ($0.level, $1.id) > ($1.level, $0.id) }
    RecordRoutes.add(Meeting.self, to: api, store: store) {
        ($0.start?.description ?? "", $0.id) < ($1.start?.description ?? "", $1.id)
    }
    RecordRoutes.add(Decision.self, to: api, store: store) { $0.id < $1.id }
    RecordRoutes.add(Workplan.self, to: api, store: store) { $0.id < $1.id }
    ItemRoutes.add(to: api, store: store)
    PlanRoutes.add(to: api, store: store)
    LedgerRoutes.add(to: api, store: store)
    ProposalRoutes.add(to: api, store: store)
    DecisionRoutes.add(to: api, store: store)
    EditionRoutes.add(to: api, store: store)
    AgendaRoutes.add(to: api, store: store)
    ExportRoutes.add(to: api, store: store)
    SessionRoutes.add(to: api, accounts: accounts)
    Pages.add(to: router, store: store, accounts: accounts, cache: PageCache(maximumBytes: pageCacheBytes))
    return router
}

/// Turns every error into an RFC 9457 problem response, so no error ever shows SQL, paths or stack traces.
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch {
            let problem = Problem(error)
            if problem.statusCode >= 500 {
                context.logger.error("request failed", metadata: ["path": "\(request.uri.path)", "error": "\(error)"])
            }
            return try problem.response(from: request, context: context)
        }
    }
}

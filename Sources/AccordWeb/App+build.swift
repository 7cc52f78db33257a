import AccordCore
import AccordServices
import AccordStatistics
import AccordStore
import Hummingbird
import Logging
import ServiceLifecycle

/// How the server is set up: read once by the CLI and passed in.
public struct ServerConfiguration: Sendable {
    public var hostname: String
    public var port: Int
    /// A folder whose files are served as they are (an installation's own logo, notices…); none by default.
    public var publicFolder: String?
    /// The key checkpoints of the ledger's head are signed with, read from a file kept outside the database;
    /// none when the installation signs no checkpoint.
    public var checkpointSigner: NoteSigner?
    /// Whether a reverse proxy on this machine stands in front (`--behind-proxy`): its `X-Real-IP` is then the
    /// client's address on connections from the loopback interface (`ProxyMiddleware`).
    public var isBehindProxy: Bool
    /// Where and how often e-mail digests are sent; none when no SMTP server is configured.
    public var digests: DigestConfiguration?
    /// The most bytes an attached file may have (`--max-attachment-bytes`).
    public var maximumAttachmentBytes: Int

    public init(
        hostname: String = "127.0.0.1", port: Int = 8080, publicFolder: String? = nil,
        checkpointSigner: NoteSigner? = nil, isBehindProxy: Bool = false, digests: DigestConfiguration? = nil,
        maximumAttachmentBytes: Int = AttachmentService.defaultMaximumBytes
    ) {
        self.maximumAttachmentBytes = maximumAttachmentBytes
        self.hostname = hostname
        self.port = port
        self.publicFolder = publicFolder
        self.checkpointSigner = checkpointSigner
        self.isBehindProxy = isBehindProxy
        self.digests = digests
    }

    /// Whether the server listens on the loopback interface only, where the open trial mode may be offered.
    public var isLoopback: Bool { ["127.0.0.1", "::1", "localhost"].contains(hostname) }
}

/// Why `serve` will not start.
public enum ServeError: Error, CustomStringConvertible {
    /// The database has no account and the server would listen beyond this machine.
    case trialBeyondLoopback(hostname: String)
    /// The ledger no longer extends the newest checkpoint signed: it was truncated or rewritten outside Accord.
    case checkpoint(CheckpointError)

    public var description: String {
        switch self {
        case .trialBeyondLoopback(let hostname):
            "the database has no account yet, so everyone could change the record as a trial Secretariat; "
                + "accord serve offers that only on 127.0.0.1, not on \(hostname). Add the first account "
                + "(`accord user add NAME --role secretariat`), or listen on 127.0.0.1"
        case .checkpoint(let error): "\(error)"
        }
    }
}

/// Runs the server over `store` until it is stopped (SIGINT or SIGTERM): the one entry point the CLI needs.
///
/// The open trial mode — everyone writes as a trial Secretariat — exists only while the database has no
/// account, only on the loopback interface (listening further without an account is refused), and is logged.
public func serve(store: Store, configuration: ServerConfiguration, logger: Logger) async throws {
    // A document whose checked-in fragments do not merge is a fault of the build: refuse to start with it.
    _ = try OpenAPIDocument.bundled.get()
    var accounts = AccountService(store: store)
    accounts.logger = logger
    if try await !accounts.hasAccounts() {
        guard configuration.isLoopback else { throw ServeError.trialBeyondLoopback(hostname: configuration.hostname) }
        logger.warning(
            """
            trial mode: the database has no account, so everyone on this machine reads everything and writes as \
            a trial Secretariat until the first account exists (accord user add NAME --role secretariat)
            """)
    }
    if let signer = configuration.checkpointSigner {
        // The head as the server finds it is signed before the first request, and a ledger that no longer
        // extends the last checkpoint stops the server: someone must look before it signs anything again.
        do {
            let signed = try await store.signCheckpoint(with: signer)
            logger.info(
                "checkpoint signed",
                metadata: ["size": "\(signed.checkpoint.size)", "key": "\(signer.verifier.vkey)"])
        } catch let error as CheckpointError {
            throw ServeError.checkpoint(error)
        }
    }
    let app = Application(
        router: buildRouter(
            store: store, accounts: accounts, publicFolder: configuration.publicFolder,
            allowsTrial: configuration.isLoopback, checkpointSigner: configuration.checkpointSigner,
            isBehindProxy: configuration.isBehindProxy,
            maximumAttachmentBytes: configuration.maximumAttachmentBytes),
        configuration: .init(
            address: .hostname(configuration.hostname, port: configuration.port), serverName: "Accord"),
        logger: logger)
    // The digests run beside the server, in one service group: SIGTERM or SIGINT stops the digests between
    // rounds first (a round in progress finishes), then the server.
    var services: [any Service] = [app]
    if let digests = configuration.digests {
        services.append(
            DigestSender(
                record: RecordService(store: store), settings: digests.settings, interval: digests.interval,
                logger: logger))
    }
    let group = ServiceGroup(
        configuration: ServiceGroupConfiguration(
            services: services.map { ServiceGroupConfiguration.ServiceConfiguration(service: $0) },
            gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
    try await group.run()
}

/// E-mail digests in `accord serve`: the SMTP server, and how often each subscribed account gets its digest.
public struct DigestConfiguration: Sendable {
    public var settings: SMTPSettings
    public var interval: DigestInterval

    public init(settings: SMTPSettings, interval: DigestInterval = .daily) {
        self.settings = settings
        self.interval = interval
    }
}

/// The routes: the pages (`/es/…`, `/en/…`, `/fr/…`), the JSON API under `/api/v1` and its OpenAPI
/// document at `/openapi.json`, behind the canonical-path check.
///
/// API and pages are told apart by the group a route belongs to, each with its own guard: `APIWriteGuard`
/// for the API, `PageFormGuard` for the forms. Every route reads and writes through `RecordService`.
///
/// - Parameter accounts: the account service (its bcrypt cost and timeouts); by default the service's own.
/// - Parameter pageCacheBytes: rendered pages kept; 32 MiB holds some forty full plan pages of a
///   2,000-activity plan and keeps the server well under 150 MB while it serves them.
/// - Parameter allowsTrial: whether the open trial mode is offered while the database has no account.
/// - Parameter checkpointSigner: the key that signs a checkpoint of the ledger's head after every write.
/// - Parameter disclosure: the small-cell threshold the public statistics apply.
/// - Parameter isBehindProxy: whether the client's address is the `X-Real-IP` a proxy on this machine sends.
/// - Parameter maximumAttachmentBytes: the most bytes an attached file may have.
public func buildRouter(
    store: Store, accounts: AccountService? = nil, pageCacheBytes: Int = 32 << 20, publicFolder: String? = nil,
    allowsTrial: Bool = true, checkpointSigner: NoteSigner? = nil, disclosure: DisclosureControl = .init(),
    isBehindProxy: Bool = false, maximumAttachmentBytes: Int = AttachmentService.defaultMaximumBytes
) -> AccordRouter {
    let accounts = accounts ?? AccountService(store: store)
    let record = RecordService(store: store, signer: checkpointSigner)
    let router = Router(context: AccordContext.self)
    // Outermost, so that it counts every response with its final status (a problem response's too) and its
    // whole duration, by the route's pattern (never the raw path, so no URL can add a series).
    router.add(middleware: MetricsMiddleware())
    // Then the security headers, on every response, problem responses included.
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: ProblemMiddleware())
    if isBehindProxy { router.add(middleware: ProxyMiddleware()) }
    router.add(middleware: IdentityMiddleware(accounts: accounts, allowsTrial: allowsTrial))
    if let publicFolder { router.add(middleware: FileMiddleware(publicFolder, searchForIndexHtml: false)) }
    router.get("openapi.json") { _, _ in try OpenAPIDocument.bundled.get().response }
    // The registry of the metrics factory current while the router is built: the process's (`accord serve`
    // bootstraps it) or a test's own.
    router.addRoutes(MetricsController(registry: ServerMetrics.currentRegistry).endpoints)
    // Signing in and out is not a write to the record: the session routes are outside the API's write guard.
    router.group("api/v1").addRoutes(SessionController(accounts: accounts).endpoints)
    let api = router.group("api/v1").add(middleware: APIWriteGuard())
    api.addRoutes(ProcessController(record: record).endpoints)
    api.addRoutes(RecordController<Participant>(record: record) { $0.id < $1.id }.endpoints)
    api.addRoutes(RecordController<Body>(record: record) { ($0.level, $1.id) > ($1.level, $0.id) }.endpoints)
    api.addRoutes(
        RecordController<Meeting>(record: record) {
            ($0.start?.description ?? "", $0.id) < ($1.start?.description ?? "", $1.id)
        }.endpoints)
    api.addRoutes(RecordController<Decision>(record: record) { $0.id < $1.id }.endpoints)
    api.addRoutes(RecordController<Workplan>(record: record) { $0.id < $1.id }.endpoints)
    api.addRoutes(RecordController<PlanItem>(record: record, sort: Plan.inReadingOrder).endpoints)
    api.addRoutes(ItemController(record: record).endpoints)
    api.addRoutes(PlanController(record: record).endpoints)
    api.addRoutes(RecordController<Proposal>(record: record) { $0.id < $1.id }.endpoints)
    api.addRoutes(ProposalController(record: record).endpoints)
    api.addRoutes(RecordController<StandingItem>(record: record) { $0.id < $1.id }.endpoints)
    api.addRoutes(AgendaController(record: record).endpoints)
    api.addRoutes(ExportController(record: record).endpoints)
    for records in [
        RecordController<ExternalPlan>(record: record) { $0.id < $1.id }.endpoints,
        RecordController<Mandate>(record: record) { $0.id < $1.id }.endpoints,
        RecordController<ReportingCycle>(record: record) { $0.id < $1.id }.endpoints,
        RecordController<Event>(record: record) {
            ($0.start?.description ?? "", $0.id) < ($1.start?.description ?? "", $1.id)
        }.endpoints,
        RecordController<EventSeries>(record: record) { $0.id < $1.id }.endpoints,
    ] {
        api.addRoutes(records)
    }
    api.addRoutes(FollowUpController(reports: FollowUpService(record: record), accounts: accounts).endpoints)
    api.addRoutes(LedgerController(record: record).endpoints)
    api.addRoutes(DecisionController(record: record).endpoints)
    api.addRoutes(RecordController<Edition>(record: record) { $0.number < $1.number }.endpoints)
    api.addRoutes(EditionController(record: record).endpoints)
    let statistics = StatisticsService(record: record, disclosure: disclosure)
    api.addRoutes(SDMXController(statistics: statistics).endpoints)
    api.addRoutes(StatisticsController(statistics: statistics).endpoints)
    api.addRoutes(SearchController(record: record).endpoints)
    // An account's mark of its last visit, and its e-mail digest, are its own, not the record's: readers keep
    // them too.
    let ownBookkeeping = router.group("api/v1").add(middleware: APIWriteGuard(changesRecord: false))
    ownBookkeeping.addRoutes(VisitController(visits: Visits(record: record)).endpoints)
    ownBookkeeping.addRoutes(DigestController(store: store).endpoints)
    api.addRoutes(AccountController(accounts: accounts).endpoints)
    let attachments = AttachmentService(record: record, maximumBytes: maximumAttachmentBytes)
    api.addRoutes(AttachmentController(attachments: attachments).endpoints)
    Pages.add(
        to: router, record: record, accounts: accounts, cache: PageCache(maximumBytes: pageCacheBytes),
        statistics: statistics, attachments: attachments)
    // Last, so that it wraps only the not-found responder: a known path asked with another method is a 405.
    router.add(middleware: MethodNotAllowedMiddleware(routes: router.routes.map { ($0.path, $0.method) }))
    return AccordRouter(router: router)
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

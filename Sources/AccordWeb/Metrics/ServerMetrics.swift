import AccordServices
import CoreMetrics
import Hummingbird
import NIOCore
import Prometheus

/// The server's metrics in the Prometheus text format, at `/metrics`, for the Secretariat only.
///
/// What is recorded, and where: HTTP requests by method, route pattern and status, and their durations
/// (Hummingbird's `MetricsMiddleware`, `hb_requests` and `http_server_request_duration`); ledger entries
/// appended, by kind of change (the store's one append, `accord_ledger_appends_total`); page cache lookups, hit
/// or miss (`accord_page_cache_lookups_total`). Each is made through swift-metrics, so it lands in whatever
/// factory is current when it is made: the one `bootstrap()` installs for the process in `accord serve`, or a
/// test's own (`withMetricsFactory`), so that tests running side by side never share counters.
public enum ServerMetrics {
    /// Makes a Prometheus registry the process's metrics backend. Call it once, at the start of the process
    /// that serves (swift-metrics refuses a second bootstrap); a process that never calls it records nothing.
    public static func bootstrap() {
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: PrometheusCollectorRegistry()))
    }

    /// The registry that metrics made now would land in, when it is a Prometheus registry: the one `/metrics`
    /// shows. Nil when no Prometheus factory is current (a process that did not bootstrap one).
    static var currentRegistry: PrometheusCollectorRegistry? {
        (MetricsSystem.factory as? PrometheusMetricsFactory)?.registry
    }
}

/// `GET /metrics`: the registry's metrics as Prometheus scrapes them. A scraper authenticates with a
/// Secretariat's API token (`Authorization: Bearer …`); the public gets a 401, other roles a 403. The trial
/// Secretariat of a database without accounts is nobody's token, so it is refused too.
struct MetricsController: Sendable {
    /// Where the counters are; nil when the process records none, and `/metrics` says so in a comment.
    let registry: PrometheusCollectorRegistry?

    var endpoints: RouteCollection<AccordContext> {
        RouteCollection(context: AccordContext.self).get("metrics", use: metrics)
    }

    @Sendable func metrics(_ request: Request, context: AccordContext) async throws -> Response {
        guard let principal = context.principal, !principal.isTrial else { throw AuthError.notSignedIn }
        guard principal.role == .secretariat else {
            throw AuthError.forbidden(
                "the server's metrics are for the Secretariat; \(principal.username) may not read them")
        }
        let text = registry?.emitToBuffer() ?? Array("# this process records no metrics\n".utf8)
        return Response(
            status: .ok,
            headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(bytes: text)))
    }
}

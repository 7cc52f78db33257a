import HTTPTypes
import Hummingbird

/// The headers every response carries, errors included: a strict content security policy (no inline
/// script or style, no framing), HSTS, no MIME sniffing, and no referrer sent to other sites.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    static var headers: [(HTTPField.Name, String)] {
        [
            (
                .contentSecurityPolicy,
                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
                    + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
            ),
            (.strictTransportSecurity, "max-age=63072000; includeSubDomains"),
            (.xContentTypeOptions, "nosniff"),
            (HTTPField.Name("Referrer-Policy")!, "same-origin"),
            (HTTPField.Name("Cross-Origin-Opener-Policy")!, "same-origin"),
        ]
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var response = try await next(request, context)
        // A download's own policy (`sandbox`, nothing loaded) is stricter than the pages' and stays.
        let sandboxed = response.headers[.contentSecurityPolicy]?.hasPrefix("sandbox") == true
        for (name, value) in Self.headers where !(sandboxed && name == .contentSecurityPolicy) {
            response.headers[name] = value
        }
        return response
    }
}

import HTTPTypes
import Hummingbird

/// Answers 405 Method Not Allowed, with an `Allow` header naming the methods that are, when a path has routes
/// but none for the request's method (RFC 9110 §15.5.6); a path no route matches stays a 404.
///
/// Added to the router after every route, it wraps only the router's not-found responder (Hummingbird builds
/// that one with all the router's middleware), so a handler's own 404 never reaches it.
struct MethodNotAllowedMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Every route of the router, by path and method.
    let routes: [(path: RouterPath, method: HTTPRequest.Method)]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            let allowed = Set(routes.filter { $0.path.matches(request.uri.path) }.map(\.method.rawValue)).sorted()
            guard !allowed.isEmpty else { throw error }
            let allow = allowed.joined(separator: ", ")
            let verb = allowed.count == 1 ? "is" : "are"
            let problem = Problem(
                .methodNotAllowed, kind: "method-not-allowed", title: "Method not allowed",
                detail: "\(request.method.rawValue) is not allowed on this path; \(allow) \(verb)")
            var response = try problem.response(from: request, context: context)
            response.headers[.allow] = allow
            return response
        }
    }
}

extension RouterPath {
    /// Whether `path` ("/api/v1/items/MPM-1") is one this route answers, segment by segment.
    func matches(_ path: String) -> Bool {
        let segments = path.split(separator: "/")
        return segments.count == count && zip(self, segments).allSatisfy { element, segment in element ~= segment }
    }
}

import HTTPTypes
import Hummingbird

/// Paths are canonical before anything else looks at them: this responder wraps the whole router, so a path
/// with empty segments (`//`), dot segments (`.`, `..`), a trailing slash, an encoded slash, backslash, dot
/// or control character, or an encoded character that needs no encoding is never routed. A GET or HEAD whose
/// path has one plain canonical form is redirected there (308); anything else is refused (400).
///
/// The router (like most) reads `//api/v1/items` as `/api/v1/items`; every check after it would otherwise
/// see one path and the router another.
public struct CanonicalPathResponder<Next: HTTPResponder>: HTTPResponder where Next.Context: RequestContext {
    public typealias Context = Next.Context
    let next: Next

    public func respond(to request: Request, context: Context) async throws -> Response {
        let path = request.uri.path
        switch CanonicalPath.check(path) {
        case .canonical:
            return try await next.respond(to: request, context: context)
        case .redirect(let canonical) where request.method == .get || request.method == .head:
            let query = request.uri.query.map { "?" + $0 } ?? ""
            return Self.secured(Response(status: .permanentRedirect, headers: [.location: canonical + query]))
        case .redirect(let canonical):
            return try Self.refusal("the path is not canonical; send the request to \(canonical)", request, context)
        case .refused(let reason):
            return try Self.refusal(reason, request, context)
        }
    }

    private static func refusal(_ reason: String, _ request: Request, _ context: Context) throws -> Response {
        let problem = Problem(.badRequest, kind: "non-canonical-path", title: "Path not canonical", detail: reason)
        return secured(try problem.response(from: request, context: context))
    }

    /// The security headers, which the router's middleware would have added to a routed response.
    private static func secured(_ response: Response) -> Response {
        var response = response
        for (name, value) in SecurityHeadersMiddleware<Context>.headers { response.headers[name] = value }
        return response
    }
}

/// The canonical form of a request path, and what is wrong with one that is not.
package enum CanonicalPath {
    package enum Verdict: Equatable {
        case canonical
        /// The path has exactly one plain reading, this one.
        case redirect(String)
        case refused(String)
    }

    /// Characters RFC 3986 calls unreserved: percent-encoding them changes nothing, so it only hides a path.
    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
            UInt8(ascii: "~"):
            true
        default: false
        }
    }

    package static func check(_ path: String) -> Verdict {
        let bytes = Array(path.utf8)
        guard bytes.first == UInt8(ascii: "/") else { return .refused("a path starts with /") }
        if path == "/" { return .canonical }
        var plain: [UInt8] = []
        plain.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x20 || byte == 0x7F || byte == UInt8(ascii: "\\") {
                return .refused("the path holds a control character or a backslash")
            }
            guard byte == UInt8(ascii: "%") else {
                plain.append(byte)
                index += 1
                continue
            }
            guard index + 2 < bytes.count, let high = hex(bytes[index + 1]), let low = hex(bytes[index + 2]) else {
                return .refused("the path holds a % that does not start an escape like %20")
            }
            let decoded = high << 4 | low
            if decoded < 0x20 || decoded == 0x7F || decoded == UInt8(ascii: "/") || decoded == UInt8(ascii: "\\")
                || decoded == UInt8(ascii: ".")
            {
                return .refused("the path encodes a slash, a backslash, a dot or a control character")
            }
            if isUnreserved(decoded) {
                plain.append(decoded)
            } else {
                plain.append(contentsOf: bytes[index...(index + 2)])
            }
            index += 3
        }
        let segments = plain.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).dropFirst()
        if segments.contains(where: { $0.elementsEqual(".".utf8) || $0.elementsEqual("..".utf8) }) {
            return .refused("the path holds a . or .. segment")
        }
        let kept = segments.filter { !$0.isEmpty }
        let canonical = "/" + kept.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "/")
        return canonical == path ? .canonical : .redirect(canonical)
    }

    private static func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

/// The application's responder: canonical paths first, then the router.
public struct AccordRouter: HTTPResponderBuilder {
    /// The routes, for the tests and the OpenAPI document.
    public let router: Router<AccordContext>

    public func buildResponder() -> CanonicalPathResponder<RouterResponder<AccordContext>> {
        CanonicalPathResponder(next: router.buildResponder())
    }
}

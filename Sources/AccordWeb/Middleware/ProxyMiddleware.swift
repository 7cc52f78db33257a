import HTTPTypes
import Hummingbird
import NIOCore

/// Behind a reverse proxy on the same machine (`accord serve --behind-proxy`, README "Deployment"): the
/// client's address is the one the proxy read from its own connection and sent as `X-Real-IP`, so that
/// sign-in throttling counts each client, not the proxy as one client for everyone.
///
/// Fail closed: the header is believed only with the flag, and only on a connection from the loopback
/// interface, where the proxy is; from anywhere else it is ignored, so nobody reaching the server directly can
/// pass for another address. The proxy must set the header itself, replacing whatever a client sent
/// (`proxy_set_header X-Real-IP $remote_addr;`). Nothing else the proxy says is read: the session cookie is
/// `Secure` whatever the scheme, so `X-Forwarded-Proto` cannot weaken it and Accord never looks at it.
struct ProxyMiddleware: RouterMiddleware {
    typealias Context = AccordContext

    static let realIP = HTTPField.Name("X-Real-IP")!

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var context = context
        if context.remoteAddress?.isLoopback == true, let sent = request.headers[Self.realIP],
            let address = try? SocketAddress(ipAddress: sent, port: 0)
        {
            context.proxiedClientAddress = address.ipAddress
        }
        return try await next(request, context)
    }
}

extension SocketAddress {
    /// Whether this is an address of the loopback interface (127.0.0.0/8 or ::1).
    var isLoopback: Bool {
        switch self {
        case .v4: ipAddress?.hasPrefix("127.") == true
        case .v6: ipAddress == "::1" || ipAddress?.hasPrefix("::ffff:127.") == true
        case .unixDomainSocket: false
        }
    }
}

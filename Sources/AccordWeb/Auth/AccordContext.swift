import AccordServices
import Hummingbird
import NIOCore

/// The request context of Accord's server: who is asking (once the auth middleware has looked), and from
/// which address, which sign-in throttling counts by.
public struct AccordContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Who is asking — the signed-in account (by session cookie or API token), or the trial Secretariat while
    /// the database has no account; nil for the public. Set once, by `IdentityMiddleware`: the one place the
    /// principal of a request is kept.
    public var principal: Principal?
    /// The session id the browser brought, when the principal signed in by cookie.
    public var sessionID: String?
    public let remoteAddress: SocketAddress?
    /// The client's address as the reverse proxy on this machine saw it, when the server runs behind one
    /// (`ProxyMiddleware`, only with `--behind-proxy`); nil otherwise.
    var proxiedClientAddress: String?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// The client's address as throttling counts it.
    var clientAddress: String { proxiedClientAddress ?? remoteAddress?.ipAddress ?? "unknown" }
}

import Hummingbird
import NIOCore

/// The request context of Accord's server: who is asking (once the auth middleware has looked), and from
/// which address, which sign-in throttling counts by.
public struct AccordContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The signed-in account, by session cookie or API token; nil for the public.
    public var principal: Principal?
    /// The session id the browser brought, when the principal signed in by cookie.
    public var sessionID: String?
    /// Whether the installation has no account yet; see `Policy.isOpen`.
    public var isOpen = false
    public let remoteAddress: SocketAddress?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// The client's address as throttling counts it.
    var clientAddress: String { remoteAddress?.ipAddress ?? "unknown" }
}

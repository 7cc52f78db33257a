import AccordCore
import AccordServices
import AccordStore
import Hummingbird

/// The signed-in account's own e-mail digest in the API: whether it receives one and where it goes (`GET
/// /changes/digest`, always 200: the account's setting exists, subscribed or not), subscribing or changing the
/// address (`PUT`), unsubscribing (`DELETE`, 404 when there was nothing to end). Nothing in a request names an account: each route
/// reads and changes the principal's own subscription only, through `Digests`, as `accord digest` does.
struct DigestController: Sendable {
    let store: Store

    /// What subscribing reads: the address the digests go to.
    struct SubscribeBody: Decodable, Sendable {
        var address: String
    }

    /// An account's subscription as a client sees it; only `username` and `subscribed` when it has none.
    struct SubscriptionDTO: Encodable, Sendable {
        var username: String
        var subscribed: Bool
        var address: String?
        /// The next digest holds what changed after this ledger position.
        var digestedThrough: Int64?
        /// When the last digest was accepted by the SMTP server; absent before the first.
        var lastSentAt: String?

        init(_ subscription: DigestSubscription) {
            username = subscription.username
            subscribed = true
            address = subscription.address
            digestedThrough = subscription.digestedThrough
            lastSentAt = subscription.sentAt.map { Timestamp(millisecondsSince1970: $0).description }
        }

        /// No subscription for `username`.
        init(none username: String) {
            self.username = username
            subscribed = false
        }
    }

    var endpoints: RouteCollection<AccordContext> {
        RouteCollection(context: AccordContext.self)
            .get("changes/digest", use: subscription)
            .put("changes/digest", use: subscribe)
            .delete("changes/digest", use: unsubscribe)
    }

    @Sendable func subscription(_ request: Request, context: AccordContext) async throws
        -> JSONResponse<SubscriptionDTO>
    {
        guard let subscription = try await Digests.subscription(for: context.principal, in: store) else {
            // Digests.subscription has refused the public and the trial mode: a principal with an account is here.
            return JSONResponse(SubscriptionDTO(none: context.principal?.username ?? ""))
        }
        return JSONResponse(SubscriptionDTO(subscription))
    }

    @Sendable func subscribe(_ request: Request, context: AccordContext) async throws
        -> JSONResponse<SubscriptionDTO>
    {
        // Who asks is checked before the body is read: the public is told to sign in, whatever it sends.
        _ = try await Digests.subscription(for: context.principal, in: store)
        let body = try await request.decodeJSON(as: SubscribeBody.self, context: context)
        return JSONResponse(
            SubscriptionDTO(try await Digests.subscribe(context.principal, address: body.address, in: store)))
    }

    @Sendable func unsubscribe(_ request: Request, context: AccordContext) async throws -> Response {
        guard try await Digests.unsubscribe(context.principal, in: store) else {
            throw Problem(
                .notFound, kind: "not-found", title: "Not found",
                detail: "\(context.principal?.username ?? "this account") receives no e-mail digest to stop")
        }
        return Response(status: .noContent)
    }
}

import AccordCore
import AccordServices
import AccordStore
import Hummingbird

/// The ledger, newest first, and single entries with their hashes; its signed checkpoints, the chain's hashes
/// without the entries, and the witnesses' cosignatures, which are public (DESIGN.md §3 rule 5).
struct LedgerController: Sendable {
    let record: RecordService

    struct LedgerPage: Encodable, Sendable {
        var head: LedgerHead
        var entries: [EntrySummary]
        /// The `before` value that fetches the next (older) page; absent on the last page.
        var next: Int64?
    }

    /// A page of the chain's hashes, oldest first.
    struct HashPage: Encodable, Sendable {
        var head: LedgerHead
        var items: [LedgerHash]
        /// The `after` value that fetches the next (newer) page; absent on the last page.
        var next: Int64?
    }

    /// `?before=N&limit=N`: the page of entries recorded before a position, newest first.
    struct EntriesQuery: Decodable, Sendable {
        var before: QueryNumber?
        var limit: QueryNumber?
    }

    /// `?after=N&limit=N`: the page of hashes after a position, oldest first.
    struct HashesQuery: Decodable, Sendable {
        var after: QueryNumber?
        var limit: QueryNumber?
    }

    struct CosignatureBody: Decodable, Sendable {
        /// The checkpoint as served, with the witness's cosignature line added.
        var note: String
    }

    /// A witness's cosignature as kept.
    struct CosignatureAnswer: Encodable, Sendable {
        var witness: String
        var participant: ParticipantID?
        /// The size of the checkpoint cosigned.
        var size: Int64
        /// When the witness cosigned, in seconds since 1970.
        var time: UInt64
    }

    var endpoints: RouteCollection<AccordContext> {
        RouteCollection(context: AccordContext.self)
            .get("ledger/checkpoint", use: checkpoint)
            .post("ledger/checkpoint/cosignatures", use: cosign)
            .get("ledger/hashes", use: hashes)
            .get("ledger", use: entries)
            .get("ledger/:sequence", use: entry)
    }

    @Sendable func checkpoint(_ request: Request, context: AccordContext) async throws -> Response {
        guard let latest = try await record.checkpoint() else {
            throw Problem(
                .notFound, kind: "not-found", title: "Not found",
                detail: "no checkpoint is signed: the server runs without --checkpoint-key")
        }
        return Response(
            status: .ok, headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-cache"],
            body: .init(byteBuffer: ByteBuffer(string: latest.signed.description)))
    }

    @Sendable func cosign(_ request: Request, context: AccordContext) async throws
        -> JSONResponse<CosignatureAnswer>
    {
        // Who may witness is known before the body is read: anyone else is refused whatever they send.
        let policy = Policy(principal: context.principal)
        try policy.require(policy.witnessesCheckpoints, "cosign a checkpoint, which a member state's delegate does")
        let body = try await request.decodeJSON(as: CosignatureBody.self, context: context)
        let (kept, isNew) = try await record.cosign(body.note, as: context.principal)
        return JSONResponse(
            CosignatureAnswer(witness: kept.username, participant: kept.participant, size: kept.size, time: kept.time),
            status: isNew ? .created : .ok)
    }

    @Sendable func hashes(_ request: Request, context: AccordContext) async throws -> JSONResponse<HashPage> {
        let query = try request.query(as: HashesQuery.self)
        let after = try Self.position(query.after, "after") ?? 0
        let limit = try Self.position(query.limit, "limit").map(Int.init) ?? 100
        guard (1...1_000).contains(limit) else {
            throw Problem.badParameter("limit", "a page holds 1 to 1000 hashes")
        }
        let hashes = try await record.ledgerHashes(after: after, limit: limit)
        let head = try await record.head()
        let next = hashes.count == limit ? hashes.last.map(\.sequence).flatMap { $0 < head.sequence ? $0 : nil } : nil
        return JSONResponse(HashPage(head: head, items: hashes, next: next))
    }

    @Sendable func entries(_ request: Request, context: AccordContext) async throws -> JSONResponse<LedgerPage> {
        let query = try request.query(as: EntriesQuery.self)
        let before = try Self.position(query.before, "before")
        let limit = try Self.position(query.limit, "limit").map(Int.init) ?? 50
        guard (1...500).contains(limit) else {
            throw Problem.badParameter("limit", "a page holds 1 to 500 entries")
        }
        let stored = try await record.entries(before: before, limit: limit, for: context.principal)
        let head = try await record.head()
        let entries = try stored.map(EntrySummary.init)
        let next = entries.count == limit ? entries.last.map(\.sequence).flatMap { $0 > 1 ? $0 : nil } : nil
        return JSONResponse(LedgerPage(head: head, entries: entries, next: next))
    }

    @Sendable func entry(_ request: Request, context: AccordContext) async throws -> JSONResponse<EntrySummary> {
        let text = try context.parameters.require("sequence")
        guard let sequence = Int64(text), sequence > 0 else {
            throw Problem.badParameter("sequence", "'\(text)' is not a ledger sequence (a whole number from 1)")
        }
        guard let stored = try await record.entry(sequence, for: context.principal) else {
            throw Problem.notFound("ledger entry", text, field: "sequence")
        }
        return JSONResponse(try EntrySummary(stored))
    }

    /// A query's whole number read as a ledger position.
    private static func position(_ number: QueryNumber?, _ name: String) throws -> Int64? {
        guard let value = number?.value else { return nil }
        guard value >= 0 else {
            throw Problem.badParameter(name, "'\(value)' is not a ledger position (a whole number from 0)")
        }
        return value
    }
}

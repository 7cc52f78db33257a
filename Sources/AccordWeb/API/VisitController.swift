import AccordCore
import AccordServices
import Hummingbird

/// "Changes since my last visit" in the API: what changed since the signed-in account's mark, as it may see
/// it (`GET /changes/since-last-visit`), and marking it as seen (`POST /changes/since-last-visit/seen`). The
/// mark is the account's own: no route reads or moves another account's.
struct VisitController: Sendable {
    let visits: Visits

    /// `lang` (es, en, fr; en by default): the language the changes are described in.
    struct ChangesQuery: Decodable, Sendable {
        var lang: Language?
    }

    /// What marking as seen reads: the position the reader was shown (`through` of the list); the ledger's head
    /// when left out.
    struct MarkSeenBody: Decodable, Sendable {
        var through: Int64?
    }

    /// One changed record, described as its feed entry is.
    struct ChangeDTO: Encodable, Sendable {
        var kind: String
        var id: String
        var sequence: Int64
        var title: String
        var summary: String
        var link: String?
    }

    /// The changes of one kind of record.
    struct GroupDTO: Encodable, Sendable {
        var kind: String
        var changes: [ChangeDTO]
    }

    struct ChangesDTO: Encodable, Sendable {
        var since: Int64
        var through: Int64
        var count: Int
        var groups: [GroupDTO]

        init(_ changes: ChangesSinceVisit) {
            since = changes.since
            through = changes.through
            count = changes.count
            groups = changes.groups.map { group in
                GroupDTO(
                    kind: group.category,
                    changes: group.changes.map {
                        ChangeDTO(
                            kind: $0.entry.category, id: $0.ref.id, sequence: $0.sequence, title: $0.entry.title,
                            summary: $0.entry.summary, link: $0.entry.link)
                    })
            }
        }
    }

    /// What marking as seen answers: the mark as it now stands.
    struct MarkDTO: Encodable, Sendable {
        var since: Int64
    }

    var endpoints: RouteCollection<AccordContext> {
        RouteCollection(context: AccordContext.self)
            .get("changes/since-last-visit", use: changes)
            .post("changes/since-last-visit/seen", use: markSeen)
    }

    @Sendable func changes(_ request: Request, context: AccordContext) async throws -> JSONResponse<ChangesDTO> {
        let query = try request.query(as: ChangesQuery.self)
        return JSONResponse(ChangesDTO(try await visits.changes(for: context.principal, language: query.lang ?? .en)))
    }

    @Sendable func markSeen(_ request: Request, context: AccordContext) async throws -> JSONResponse<MarkDTO> {
        // Who asks is checked before the body is read: the public is told to sign in, whatever it sends.
        _ = try await visits.mark(for: context.principal)
        let body = try await request.decodeJSON(as: MarkSeenBody.self, context: context)
        return JSONResponse(MarkDTO(since: try await visits.markSeen(through: body.through, for: context.principal)))
    }
}

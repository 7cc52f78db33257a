import AccordCore
import AccordServices
import Hummingbird

/// `GET /api/v1/search?q=…`: the record's full-text search (issue 19.5), through the one read policy — the
/// public never finds a proposed item, a draft or a proposal it is not invited to.
struct SearchController: Sendable {
    let record: RecordService

    /// `q` the words to find; `limit` (1–200, 50 by default) bounds the hits; `lang` (es, en, fr) picks the
    /// language a hit is shown in where it matched in several.
    struct SearchQuery: Decodable, Sendable {
        var q: String?
        var limit: QueryNumber?
        var lang: Language?
    }

    var endpoints: RouteCollection<AccordContext> {
        RouteCollection(context: AccordContext.self).get("search", use: search)
    }

    @Sendable func search(_ request: Request, context: AccordContext) async throws -> JSONResponse<SearchResults> {
        let query = try request.query(as: SearchQuery.self)
        guard let words = query.q, !words.isEmpty else { throw Problem.badParameter("q", "say what to search for") }
        let limit = query.limit.map { Int(clamping: $0.value) } ?? 50
        return JSONResponse(
            try await record.search(words, for: context.principal, limit: limit, language: query.lang))
    }
}

import AccordCore
import AccordServices
import Hummingbird

/// `GET /api/v1/search?q=…`: the record's full-text search (issue 19.5), through the one read policy — the
/// public never finds a proposed item, a draft or a proposal it is not invited to.
///
/// `limit` (1–200, 50 by default) bounds the hits and `lang` (es, en, fr) picks the language a hit is shown
/// in where it matched in several; the answer is `{"query", "hits": [{"kind", "id", "language", "title",
/// "text", "proposal"}], "more"}`.
struct SearchController: Sendable {
    let record: RecordService

    func add(to api: RouterGroup<AccordContext>) {
        api.get("search") { request, context in try await search(request, context: context) }
    }

    func search(_ request: Request, context: AccordContext) async throws -> JSONResponse<SearchResults> {
        guard let query = request.text("q") else { throw Problem.badParameter("q", "say what to search for") }
        var limit = 50
        if let text = request.text("limit") {
            guard let value = Int(text) else { throw Problem.badParameter("limit", "'\(text)' is not a number") }
            limit = value
        }
        var language: Language?
        if let text = request.text("lang") {
            guard let value = Language(rawValue: text) else { throw Problem.badParameter("lang", "use es, en or fr") }
            language = value
        }
        return JSONResponse(
            try await record.search(query, for: context.principal, limit: limit, language: language))
    }
}

import AccordCore
import AccordServices
import Hummingbird

/// The list, show, add and (where the process allows) replace operations of one kind of record:
/// `GET /plural`, `GET /plural/{code}`, `POST /plural`, `PUT /plural/{code}`.
struct RecordController<Value: RecordEntity>: Sendable {
    let record: RecordService
    /// The order of the list.
    let sort: @Sendable (Value, Value) -> Bool

    var endpoints: RouteCollection<AccordContext> {
        let routes = RouteCollection(context: AccordContext.self)
            .get(RouterPath(Value.plural), use: list)
            .get(RouterPath("\(Value.plural)/\(Value.codePath)"), use: show)
            .post(RouterPath(Value.plural), use: add)
        if Value.isReplaceable { routes.put(RouterPath("\(Value.plural)/:code"), use: replace) }
        return routes
    }

    @Sendable func list(_ request: Request, context: AccordContext) async throws -> JSONResponse<Page<Value>> {
        let filter = try request.query(as: Value.Filter.self)
        let state = try await record.state(for: context.principal)
        let values = Value.all(in: state).filter { Value.matches($0, filter) }.sorted(by: sort)
        return JSONResponse(Page(asOf: state.sequence, items: values))
    }

    @Sendable func show(_ request: Request, context: AccordContext) async throws -> JSONResponse<Value> {
        // A decision's code holds a slash ("RCM-V/3.b"), so its path has two parameters.
        let code =
            try context.parameters.get("code")
            ?? "\(try context.parameters.require("meeting"))/\(try context.parameters.require("paragraph"))"
        return JSONResponse(try await record.find(Value.self, code, for: context.principal))
    }

    @Sendable func add(_ request: Request, context: AccordContext) async throws -> JSONResponse<WriteResult<Value>> {
        let body = try await request.decodeJSON(as: Signed<Keyed<Value>>.self, context: context)
        return try await record.answer(
            recording: Value.adding(body.body.value), authority: body.authority, as: context.principal,
            showing: Value.self, code: body.body.value.code)
    }

    @Sendable func replace(_ request: Request, context: AccordContext) async throws -> JSONResponse<WriteResult<Value>>
    {
        let code = try context.parameters.require("code")
        let body = try await request.decodeJSON(as: Signed<Keyed<Value>>.self, context: context)
        guard let change = Value.replacing(body.body.value) else { preconditionFailure("only replaceable") }
        guard body.body.value.code == code else {
            throw Problem(
                .unprocessableContent, kind: "invalid-field", title: "Invalid field",
                detail: "the body's code '\(body.body.value.code)' differs from the path's '\(code)'",
                field: "\(Value.singular).id")
        }
        _ = try await record.find(Value.self, code, for: context.principal)
        return try await record.answer(
            recording: change, authority: body.authority, as: context.principal, showing: Value.self, code: code,
            status: .ok)
    }
}

extension RecordService {
    /// The record `code` of `Value`, as `principal` may see it.
    ///
    /// - Throws: a 404 problem when there is none, and when `principal` may not see it.
    func find<Value: RecordEntity>(_ type: Value.Type, _ code: String, for principal: Principal?) async throws -> Value
    {
        guard let value = Value.find(code, in: try await state(for: principal)) else {
            throw Problem.notFound(Value.singular, code, field: "code")
        }
        return value
    }

    /// Records `change` on `authority` as `principal` (the actor is always the principal's) and answers with
    /// the entry and the record `code` of `Value` as it now stands.
    func answer<Value: RecordEntity>(
        recording change: Change, authority: Authority, as principal: Principal?, showing type: Value.Type,
        code: String, status: HTTPResponse.Status = .created
    ) async throws -> JSONResponse<WriteResult<Value>> {
        let appended = try await record(change, authority: authority, as: principal)
        let value = try await find(Value.self, code, for: principal)
        return JSONResponse(WriteResult(entry: EntrySummary(appended), value: value), status: status)
    }
}

/// A list answer, with the ledger position it reflects.
struct Page<Value: Encodable & Sendable>: Encodable, Sendable {
    var asOf: Int64
    var items: [Value]
}

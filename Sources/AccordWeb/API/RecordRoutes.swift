import AccordCore
import AccordServices
import AccordStore
import Hummingbird

/// The four routes every record entity has: list, show, add and (where allowed) replace.
enum RecordRoutes {
    static func add<Value: RecordEntity>(
        _ type: Value.Type, to api: RouterGroup<AccordContext>, record: RecordService,
        sort: @escaping @Sendable (Value, Value) -> Bool
    ) {
        api.get(RouterPath(Value.plural)) { request, context in
            let state = try await record.state(for: context.principal)
            let values = try Value.all(in: state).filter { try Value.matches($0, request) }.sorted(by: sort)
            return JSONResponse(Page(asOf: state.sequence, items: values))
        }
        // A decision's code holds a slash ("RCM-V/3.b"), so its path has two parameters.
        let codePath = Value.self == Decision.self ? ":meeting/:paragraph" : ":code"
        api.get(RouterPath("\(Value.plural)/\(codePath)")) { _, context in
            let code =
                try context.parameters.get("code")
                ?? "\(try context.parameters.require("meeting"))/\(try context.parameters.require("paragraph"))"
            return JSONResponse(try await show(Value.self, code: code, record: record, for: context.principal))
        }
        api.post(RouterPath(Value.plural)) { request, context in
            let signed = try await request.decodeJSON(as: Signed<Keyed<Value>>.self, context: context)
            return try await write(
                Value.self, Value.adding(signed.body.value), signed, code: signed.body.value.code, record: record,
                for: context.principal)
        }
        guard Value.isReplaceable else { return }
        api.put(RouterPath("\(Value.plural)/:code")) { request, context in
            let code = try context.parameters.require("code")
            let signed = try await request.decodeJSON(as: Signed<Keyed<Value>>.self, context: context)
            guard let change = Value.replacing(signed.body.value) else { preconditionFailure("replaceable") }
            guard signed.body.value.code == code else {
                throw Problem(
                    .unprocessableContent, kind: "invalid-field", title: "Invalid field",
                    detail: "the body's code '\(signed.body.value.code)' differs from the path's '\(code)'",
                    field: "\(Value.singular).id")
            }
            _ = try await show(Value.self, code: code, record: record, for: context.principal)
            return try await write(
                Value.self, change, signed, code: code, record: record, for: context.principal, status: .ok)
        }
    }

    /// The entity with `code` as `principal` may see it, or a 404 problem (also when it may not see it).
    static func show<Value: RecordEntity>(
        _ type: Value.Type, code: String, record: RecordService, for principal: Principal?
    ) async throws -> Value {
        guard let value = Value.find(code, in: try await record.state(for: principal)) else {
            throw Problem.notFound(Value.singular, code, field: "code")
        }
        return value
    }

    /// Records `change` as `principal` (the actor is always the principal's) and answers with the entry and
    /// the entity as it now stands.
    static func write<Value: RecordEntity, Body>(
        _ type: Value.Type, _ change: Change, _ signed: Signed<Body>, code: String, record: RecordService,
        for principal: Principal?, status: HTTPResponse.Status = .created
    ) async throws -> JSONResponse<WriteResult<Value>> {
        let appended = try await record.record(change, authority: signed.authority, as: principal)
        let value = try await show(Value.self, code: code, record: record, for: principal)
        return JSONResponse(WriteResult(entry: EntrySummary(appended), value: value), status: status)
    }
}

/// A list answer, with the ledger position it reflects.
struct Page<Value: Encodable & Sendable>: Encodable, Sendable {
    var asOf: Int64
    var items: [Value]
}

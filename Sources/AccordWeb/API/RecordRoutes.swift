import AccordCore
import AccordServices
import Hummingbird

/// The record routes and helpers as DecisionRoutes, EditionRoutes and LedgerRoutes call them; this goes when
/// they become controllers (another branch is changing them as this is written).
enum RecordRoutes {
    static func add<Value: RecordEntity>(
        _ type: Value.Type, to api: RouterGroup<AccordContext>, record: RecordService,
        sort: @escaping @Sendable (Value, Value) -> Bool
    ) {
        api.addRoutes(RecordController(record: record, sort: sort).endpoints)
    }

    static func show<Value: RecordEntity>(
        _ type: Value.Type, code: String, record: RecordService, for principal: Principal?
    ) async throws -> Value {
        try await record.find(Value.self, code, for: principal)
    }

    static func write<Value: RecordEntity, Body>(
        _ type: Value.Type, _ change: Change, _ signed: Signed<Body>, code: String, record: RecordService,
        for principal: Principal?, status: HTTPResponse.Status = .created
    ) async throws -> JSONResponse<WriteResult<Value>> {
        try await record.answer(
            recording: change, authority: signed.authority, as: principal, showing: Value.self, code: code,
            status: status)
    }
}

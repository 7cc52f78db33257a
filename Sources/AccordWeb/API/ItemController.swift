import AccordCore
import AccordServices
import Hummingbird

/// Plan items: besides the record routes, an item's history, amendments of single fields and status changes.
struct ItemController: Sendable {
    let record: RecordService

    /// `PATCH /items/{code}`: the fields an amendment may change; the number comes from the path.
    struct AmendmentBody: Decodable, Sendable {
        var amendment: Fields

        struct Fields: Decodable, Sendable {
            var title: LocalizedText?
            var text: LocalizedText?
            var leads: [Lead]?
            var timeline: Timeline?
            var parent: ItemNumber?
        }
    }

    /// `POST /items/{code}/status`.
    struct StatusBody: Decodable, Sendable {
        var status: Status
    }

    /// An item with the ledger positions at which it changed.
    struct ItemDetail: Encodable, Sendable {
        var item: PlanItem
        /// The level of the body that approved it, which any substantive change must match.
        var approvalLevel: BodyLevel?
        var history: [Int64]
    }

    var endpoints: RouteCollection<AccordContext> {
        RouteCollection(context: AccordContext.self)
            .get("items/:code/history", use: history)
            .patch("items/:code", use: amend)
            .post("items/:code/status", use: changeStatus)
    }

    @Sendable func history(_ request: Request, context: AccordContext) async throws -> JSONResponse<ItemDetail> {
        let item = try await record.find(PlanItem.self, try context.parameters.require("code"), for: context.principal)
        let state = try await record.state(for: context.principal)
        return JSONResponse(
            ItemDetail(
                item: item, approvalLevel: state.approvalLevel(of: item),
                history: try await record.history(of: item.number, for: context.principal) ?? []))
    }

    @Sendable func amend(_ request: Request, context: AccordContext) async throws
        -> JSONResponse<WriteResult<PlanItem>>
    {
        let code = try context.parameters.require("code")
        let body = try await request.decodeJSON(as: Signed<AmendmentBody>.self, context: context)
        _ = try await record.find(PlanItem.self, code, for: context.principal)
        let fields = body.body.amendment
        let amendment = ItemAmendment(
            number: .init(code), title: fields.title, text: fields.text, leads: fields.leads,
            timeline: fields.timeline, parent: fields.parent)
        return try await record.answer(
            recording: .amendItem(amendment), authority: body.authority, as: context.principal,
            showing: PlanItem.self, code: code, status: .ok)
    }

    @Sendable func changeStatus(_ request: Request, context: AccordContext) async throws
        -> JSONResponse<WriteResult<PlanItem>>
    {
        let code = try context.parameters.require("code")
        let body = try await request.decodeJSON(as: Signed<StatusBody>.self, context: context)
        _ = try await record.find(PlanItem.self, code, for: context.principal)
        return try await record.answer(
            recording: .changeStatus(item: .init(code), to: body.body.status), authority: body.authority,
            as: context.principal, showing: PlanItem.self, code: code, status: .ok)
    }
}

import AccordCore
import AccordServices
import AccordStore
import Hummingbird

/// Plan items: besides the record routes, amendments of single fields and status changes.
enum ItemRoutes {
    struct AmendmentBody: Decodable, Sendable {
        var amendment: Fields

        /// The fields an amendment may change; the number comes from the path.
        struct Fields: Decodable, Sendable {
            var title: LocalizedText?
            var text: LocalizedText?
            var leads: [Lead]?
            var timeline: Timeline?
            var parent: ItemNumber?
        }
    }

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

    static func add(to api: RouterGroup<AccordContext>, record: RecordService) {
        RecordRoutes.add(PlanItem.self, to: api, record: record, sort: Plan.inReadingOrder)
        api.get("items/:code/history") { _, context in
            let code = try context.parameters.require("code")
            let item = try await RecordRoutes.show(PlanItem.self, code: code, record: record, for: context.principal)
            let state = try await record.state(for: context.principal)
            return JSONResponse(
                ItemDetail(
                    item: item, approvalLevel: state.approvalLevel(of: item),
                    history: try await record.history(of: item.number, for: context.principal) ?? []))
        }
        api.patch("items/:code") { request, context in
            let code = try context.parameters.require("code")
            let signed = try await request.decodeJSON(as: Signed<AmendmentBody>.self, context: context)
            _ = try await RecordRoutes.show(PlanItem.self, code: code, record: record, for: context.principal)
            let fields = signed.body.amendment
            let amendment = ItemAmendment(
                number: .init(code), title: fields.title, text: fields.text, leads: fields.leads,
                timeline: fields.timeline, parent: fields.parent)
            return try await RecordRoutes.write(
                PlanItem.self, .amendItem(amendment), signed, code: code, record: record, for: context.principal,
                status: .ok)
        }
        api.post("items/:code/status") { request, context in
            let code = try context.parameters.require("code")
            let signed = try await request.decodeJSON(as: Signed<StatusBody>.self, context: context)
            _ = try await RecordRoutes.show(PlanItem.self, code: code, record: record, for: context.principal)
            return try await RecordRoutes.write(
                PlanItem.self, .changeStatus(item: .init(code), to: signed.body.status), signed, code: code,
                record: record, for: context.principal, status: .ok)
        }
    }
}

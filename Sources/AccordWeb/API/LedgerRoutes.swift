import AccordCore
import AccordServices
import AccordStore
import Hummingbird

/// The ledger, newest first, and single entries with their hashes.
enum LedgerRoutes {
    struct LedgerPage: Encodable, Sendable {
        var head: LedgerHead
        var entries: [EntrySummary]
        /// The `before` value that fetches the next (older) page; absent on the last page.
        var next: Int64?
    }

    static func add(to api: RouterGroup<AccordContext>, record: RecordService) {
        api.get("ledger") { request, context in
            let before = try request.position("before")
            let limit = try request.position("limit").map(Int.init) ?? 50
            guard (1...500).contains(limit) else {
                throw Problem.badParameter("limit", "a page holds 1 to 500 entries")
            }
            let stored = try await record.entries(before: before, limit: limit, for: context.principal)
            let head = try await record.head()
            let entries = try stored.map(EntrySummary.init)
            let next = entries.count == limit ? entries.last.map(\.sequence).flatMap { $0 > 1 ? $0 : nil } : nil
            return JSONResponse(LedgerPage(head: head, entries: entries, next: next))
        }
        api.get("ledger/:sequence") { _, context in
            let text = try context.parameters.require("sequence")
            guard let sequence = Int64(text), sequence > 0 else {
                throw Problem.badParameter("sequence", "'\(text)' is not a ledger sequence (a whole number from 1)")
            }
            guard let stored = try await record.entry(sequence, for: context.principal) else {
                throw Problem.notFound("ledger entry", text, field: "sequence")
            }
            return JSONResponse(try EntrySummary(stored))
        }
    }
}

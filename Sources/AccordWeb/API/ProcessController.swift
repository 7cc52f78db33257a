import AccordCore
import AccordServices
import AccordStore
import Hummingbird

/// The process the record is about, and the ledger head a health check reads.
struct ProcessController: Sendable {
    let record: RecordService

    var endpoints: RouteCollection<AccordContext> {
        RouteCollection(context: AccordContext.self)
            .get("process", use: process)
            .get("health", use: health)
    }

    @Sendable func process(_ request: Request, context: AccordContext) async throws -> JSONResponse<Process> {
        guard let process = try await record.state(for: context.principal).process else {
            throw Problem.notFound("process", "", field: "process")
        }
        return JSONResponse(process)
    }

    /// The ledger's length and last hash: answers when the store is reachable, and tells nothing of the entries.
    @Sendable func health(_ request: Request, context: AccordContext) async throws -> JSONResponse<LedgerHead> {
        JSONResponse(try await record.head())
    }
}

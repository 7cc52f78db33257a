import AccordCore
import AccordServices
import Hummingbird

/// The views of the plan: current, archive and proposed versions, and the annexes, now or as of a ledger
/// position, a meeting or a published edition.
struct PlanController: Sendable {
    let record: RecordService

    /// `?version=…` and when: `?asOf=N`, `?meeting=ID` or `?edition=N`, one of them at most.
    struct PlanQuery: Decodable, Sendable {
        var version: PlanVersion?
        var asOf: QueryNumber?
        var meeting: MeetingID?
        var edition: QueryNumber?
    }

    struct PlanAnswer: Encodable, Sendable {
        var version: PlanVersion
        var asOf: Int64
        var nodes: [PlanNode]
        /// Set when the view was asked for as of a meeting.
        var meeting: MeetingID?
    }

    struct AnnexesAnswer: Encodable, Sendable {
        var version: PlanVersion
        var asOf: Int64
        var annexes: [Annex]
    }

    var endpoints: RouteCollection<AccordContext> {
        RouteCollection(context: AccordContext.self)
            .get("plan", use: plan)
            .get("plan/archive", use: archive)
            .get("plan/annexes", use: annexes)
    }

    @Sendable func plan(_ request: Request, context: AccordContext) async throws -> JSONResponse<PlanAnswer> {
        let query = try request.query(as: PlanQuery.self)
        return try await view(query.version ?? .current, query, context)
    }

    @Sendable func archive(_ request: Request, context: AccordContext) async throws -> JSONResponse<PlanAnswer> {
        try await view(.archive, try request.query(as: PlanQuery.self), context)
    }

    @Sendable func annexes(_ request: Request, context: AccordContext) async throws -> JSONResponse<AnnexesAnswer> {
        let query = try request.query(as: PlanQuery.self)
        let version = query.version ?? .current
        let state = try await state(for: query, context)
        let annexes = Plan.annexes(Array(state.workplans.values), items: Array(state.items.values), version: version)
        return JSONResponse(AnnexesAnswer(version: version, asOf: state.sequence, annexes: annexes))
    }

    private func view(_ version: PlanVersion, _ query: PlanQuery, _ context: AccordContext) async throws
        -> JSONResponse<PlanAnswer>
    {
        let state = try await state(for: query, context)
        let view = Plan.view(version, of: Array(state.items.values), asOf: state.sequence)
        return JSONResponse(PlanAnswer(version: version, asOf: view.asOf, nodes: view.nodes, meeting: query.meeting))
    }

    /// The state the query asks about, as the principal may see it: a proposed version of it holds no proposed
    /// item for the public, however it is asked for. An edition, position or meeting the record does not have
    /// is Core's refusal (422), which the edge names.
    private func state(for query: PlanQuery, _ context: AccordContext) async throws -> ProcessState {
        let principal = context.principal
        switch (query.edition.map(\.value), query.asOf?.value, query.meeting) {
        case (nil, nil, nil):
            return try await record.state(for: principal)
        case (let edition?, nil, nil):
            guard edition > 0 else { throw Problem.badParameter("edition", "'\(edition)' is not an edition number") }
            return try await record.state(at: .edition(Int(edition)), for: principal)
        case (nil, let position?, nil):
            guard position >= 0 else {
                throw Problem.badParameter("asOf", "'\(position)' is not a ledger position (a whole number from 0)")
            }
            return try await record.state(at: .position(position), for: principal, field: "asOf")
        case (nil, nil, let meeting?):
            return try await record.state(afterMeeting: meeting, for: principal)
        case (.some, _, _):
            throw Problem.badParameter("edition", "give one of edition, asOf or meeting")
        default:
            throw Problem.badParameter("meeting", "give either asOf or meeting, not both")
        }
    }
}

import AccordCore
import AccordServices
import AccordStore
import Hummingbird

/// The views of the plan: current, archive and proposed versions, and the annexes, now or as of a ledger
/// position or a meeting.
enum PlanRoutes {
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

    static func add(to api: RouterGroup<AccordContext>, record: RecordService) {
        api.get("plan") { request, context in
            try await plan(request.option("version", as: PlanVersion.self) ?? .current, request, context, record)
        }
        api.get("plan/archive") { request, context in try await plan(.archive, request, context, record) }
        api.get("plan/annexes") { request, context in
            let version = try request.option("version", as: PlanVersion.self) ?? .current
            let (state, _) = try await state(for: request, context, record)
            let annexes = Plan.annexes(
                Array(state.workplans.values), items: Array(state.items.values), version: version)
            return JSONResponse(AnnexesAnswer(version: version, asOf: state.sequence, annexes: annexes))
        }
    }

    private static func plan(
        _ version: PlanVersion, _ request: Request, _ context: AccordContext, _ record: RecordService
    ) async throws -> JSONResponse<PlanAnswer> {
        let (state, meeting) = try await state(for: request, context, record)
        let view = Plan.view(version, of: Array(state.items.values), asOf: state.sequence)
        return JSONResponse(PlanAnswer(version: version, asOf: view.asOf, nodes: view.nodes, meeting: meeting))
    }

    /// The state the request asks about — `?asOf=N`, `?meeting=ID`, `?edition=N`, or now — as the principal
    /// may see it: a proposed version of it holds no proposed item for the public, however it is asked for.
    private static func state(for request: Request, _ context: AccordContext, _ record: RecordService) async throws
        -> (ProcessState, MeetingID?)
    {
        let principal = context.principal
        if let edition = request.text("edition") {
            guard request.text("asOf") == nil, request.text("meeting") == nil else {
                throw Problem.badParameter("edition", "give one of edition, asOf or meeting")
            }
            guard let number = Int(edition), number > 0 else {
                throw Problem.badParameter("edition", "'\(edition)' is not an edition number")
            }
            do {
                return (try await record.state(at: .edition(number), for: principal), nil)
            } catch let error as ChangeError {
                throw Problem.badParameter("edition", error.reason)
            }
        }
        if let position = try request.position("asOf") {
            guard request.text("meeting") == nil else {
                throw Problem.badParameter("meeting", "give either asOf or meeting, not both")
            }
            do {
                return (try await record.state(at: .position(position), for: principal), nil)
            } catch let error as ChangeError {
                throw Problem.badParameter("asOf", error.reason)
            }
        }
        if let meeting = request.text("meeting") {
            let id = MeetingID(meeting)
            do {
                return (try await record.state(afterMeeting: id, for: principal), id)
            } catch let error as ChangeError {
                throw Problem.badParameter("meeting", error.reason)
            }
        }
        return (try await record.state(for: context.principal), nil)
    }
}

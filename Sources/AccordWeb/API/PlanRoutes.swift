import AccordCore
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

    static func add<Context: RequestContext>(to api: RouterGroup<Context>, store: Store) {
        api.get("plan") { request, _ in
            try await plan(request.option("version", as: PlanVersion.self) ?? .current, request, store)
        }
        api.get("plan/archive") { request, _ in try await plan(.archive, request, store) }
        api.get("plan/annexes") { request, _ in
            let version = try request.option("version", as: PlanVersion.self) ?? .current
            let (state, _) = try await state(for: request, store)
            let annexes = Plan.annexes(
                Array(state.workplans.values), items: Array(state.items.values), version: version)
            return JSONResponse(AnnexesAnswer(version: version, asOf: state.sequence, annexes: annexes))
        }
    }

    private static func plan(_ version: PlanVersion, _ request: Request, _ store: Store) async throws
        -> JSONResponse<PlanAnswer>
    {
        let (state, meeting) = try await state(for: request, store)
        let view = Plan.view(version, of: Array(state.items.values), asOf: state.sequence)
        return JSONResponse(PlanAnswer(version: version, asOf: view.asOf, nodes: view.nodes, meeting: meeting))
    }

    /// The state the request asks about: `?asOf=N`, `?meeting=ID`, `?edition=N`, or now.
    private static func state(for request: Request, _ store: Store) async throws -> (ProcessState, MeetingID?) {
        if let edition = request.text("edition") {
            guard request.text("asOf") == nil, request.text("meeting") == nil else {
                throw Problem.badParameter("edition", "give one of edition, asOf or meeting")
            }
            guard let number = Int(edition), number > 0 else {
                throw Problem.badParameter("edition", "'\(edition)' is not an edition number")
            }
            do {
                return (try await store.state(at: .edition(number)), nil)
            } catch let error as ChangeError {
                throw Problem.badParameter("edition", error.reason)
            }
        }
        if let position = try request.position("asOf") {
            guard request.text("meeting") == nil else {
                throw Problem.badParameter("meeting", "give either asOf or meeting, not both")
            }
            do {
                return (try await store.state(at: position), nil)
            } catch let error as ChangeError {
                throw Problem.badParameter("asOf", error.reason)
            }
        }
        if let meeting = request.text("meeting") {
            let id = MeetingID(meeting)
            do {
                return (try await store.state(after: id), id)
            } catch ChangeError.unknownReference {
                throw Problem.badParameter("meeting", "no meeting has the code '\(meeting)'")
            }
        }
        return (try await store.currentState(), nil)
    }
}

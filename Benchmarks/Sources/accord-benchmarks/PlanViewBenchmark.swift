import AccordCore
import AccordStore
import Foundation

/// Target 3: the current view of a plan of 2,000 activities (3 lines of action × 10 areas) built from the
/// ledger's projections in no more than 5 ms.
///
/// Two paths are timed: (a) reading the items valid now from the projections table and building the view,
/// which is what "built from the projections" says; (b) what the server does for GET /api/v1/plan, one
/// query for the ledger head and the state this process keeps in memory. Both must meet the target.
final class PlanViewBenchmark {
    let options: Options
    let workspace: Workspace
    /// The SQLite file holding the plan, for target 4 to serve once this benchmark has closed it.
    private(set) var databasePath: String?

    /// The longest median time the view may take.
    static let target = 0.005

    init(options: Options, workspace: Workspace) {
        self.options = options
        self.workspace = workspace
    }

    func run() async -> Outcome {
        say("3. the current plan view of a 2,000-activity plan (3 lines × 10 areas), \(options.viewRuns) runs each")
        let path = workspace.path("plan.sqlite")
        let store: Store
        do {
            store = try await Store.benchmark(at: path)
        } catch {
            return .failed(.planView, "plan view", error: error)
        }
        do {
            let outcome = try await measure(store)
            await store.close()
            databasePath = path
            return outcome
        } catch {
            await store.close()
            return .failed(.planView, "plan view", error: error)
        }
    }

    private func measure(_ store: Store) async throws -> Outcome {
        let fixture = PlanFixture(activities: 2_000)
        try await store.append(fixture.changes, inBatchesOf: 1_000)
        let state = try await store.currentState()
        let items = Array(state.items.values)
        let view = Plan.view(.current, of: items, asOf: state.sequence)
        say(
            "   plan: \(Format.grouped(items.count)) items (\(Format.grouped(fixture.liveActivities.count)) activities "
                + "current), \(Format.grouped(view.flattened.count)) in the current view, "
                + "ledger at \(Format.grouped(Int(state.sequence)))")

        // Both paths must show the same plan before their speed means anything.
        let (sequence, projected) = try await store.items(at: nil)
        let projectedCount = Plan.view(.current, of: projected, asOf: sequence).flattened.count
        guard projectedCount == view.flattened.count else {
            throw BenchmarkError("the projections show \(projectedCount) items, the state \(view.flattened.count)")
        }

        let runs = options.viewRuns
        // Each run keeps a figure of its view, so that no run's work can be optimized away.
        var shown = 0
        let projections = try await sample(runs) {
            let (sequence, items) = try await store.items(at: nil)
            shown += Plan.view(.current, of: items, asOf: sequence).nodes.count
        }
        let server = try await sample(runs) {
            let state = try await store.currentState()
            shown += Plan.view(.current, of: Array(state.items.values), asOf: state.sequence).nodes.count
        }
        // The parts, to say where the time goes when a path misses the target.
        let itemsQuery = try await sample(runs) { _ = try await store.items(at: nil) }
        let head = try await sample(runs) { _ = try await store.currentState() }
        let viewOnly = await sample(runs) { shown += Plan.view(.current, of: items, asOf: state.sequence).nodes.count }

        say("   " + "what".padding(52) + "median".leftPadding(11) + "p95".leftPadding(11))
        let rows: [(String, Samples)] = [
            ("(a) store.items(at: nil) + Plan.view(.current)", projections),
            ("(b) store.currentState() + Plan.view(.current)", server),
            ("    store.items(at: nil) alone", itemsQuery),
            ("    store.currentState() alone (cached state)", head),
            ("    Plan.view(.current) alone, in memory", viewOnly),
        ]
        for (name, samples) in rows {
            say(
                "   " + name.padding(52) + Format.duration(samples.median).leftPadding(11)
                    + Format.duration(samples.p95).leftPadding(11))
        }
        let checks = [("(a) projections", projections), ("(b) server path", server)].map { name, samples in
            Check(
                name: name, isMet: samples.median <= Self.target,
                figure: "median \(Format.duration(samples.median)), p95 \(Format.duration(samples.p95)) "
                    + "(needs median ≤ \(Format.duration(Self.target)))")
        }
        for check in checks { say("   target: \(check)") }
        guard shown > 0 else { throw BenchmarkError("the views were empty") }
        return Outcome(.planView, checks: checks, summary: "current view of a 2,000-activity plan ≤ 5 ms")
    }
}

import AccordCore
import Testing

@Suite("Status transitions")
struct StatusTests {
    /// The life of an item as DESIGN.md describes it, written out pair by pair rather than derived from
    /// `allowedNext`, so a change to the code cannot quietly change the expectation too.
    static let allowed: Set<String> = [
        "proposed>approved", "proposed>withdrawn",
        "approved>ongoing", "approved>pending-completion", "approved>completed", "approved>withdrawn",
        "approved>superseded",
        "ongoing>pending-completion", "ongoing>completed", "ongoing>withdrawn", "ongoing>superseded",
        "pending-completion>ongoing", "pending-completion>completed", "pending-completion>withdrawn",
        "pending-completion>superseded",
    ]

    static func isAllowed(_ from: Status, _ to: Status) -> Bool { allowed.contains("\(from.rawValue)>\(to.rawValue)") }

    @Test("canMove(to:) follows the matrix", arguments: Status.allCases, Status.allCases)
    func matrix(from: Status, to: Status) {
        #expect(from.canMove(to: to) == Self.isAllowed(from, to))
    }

    /// The same matrix through the rules: an item recorded in `from` is moved to `to` by a decision.
    @Test("the rules accept exactly the allowed moves", arguments: Status.allCases, Status.allCases)
    func rules(from: Status, to: Status) throws {
        var record = try Fixture.plan()
        try record.decide(
            [.addItem(Fixture.item("MPM-1.5", .activity, under: "MPM-1", status: from))], at: "RCGM-2014-11")
        // The move is the declared effect of a decision of the RCM, above the item's level.
        let move = Decision(
            meeting: "RCM-V", paragraph: "50", kind: .decision, text: .en("Moves it"),
            effects: [.changeStatus(item: "MPM-1.5", to: to)])
        try record.transcribe(move)
        let refusal = record.refusal(
            of: .confirmDecision(move.id), authority: .decision(move.id), as: Fixture.presidency)
        if Self.isAllowed(from, to) {
            #expect(refusal == nil)
        } else {
            #expect(refusal?.shape == .ruleViolation("effects[0].status", rule: "status-transition"))
        }
    }

    @Test("archived statuses are final and say so", arguments: [Status.completed, .withdrawn, .superseded])
    func archivedIsFinal(status: Status) throws {
        #expect(status.isArchived && !status.isCurrent)
        #expect(status.allowedNext.isEmpty)
        var record = try Fixture.plan()
        try record.decide(
            [.addItem(Fixture.item("MPM-1.5", .activity, under: "MPM-1", status: status))], at: "RCGM-2014-11")
        for next in Status.allCases {
            let refusal = record.refusal(of: .changeStatus(item: "MPM-1.5", to: next))
            #expect(refusal?.shape == .ruleViolation("status", rule: "status-transition"))
            #expect(refusal?.reason.contains("archived") == true)
        }
    }

    @Test("every status belongs to exactly one of proposed, current and archived", arguments: Status.allCases)
    func partition(status: Status) {
        let memberships = [status == .proposed, status.isCurrent, status.isArchived].filter { $0 }
        #expect(memberships.count == 1)
        #expect(PlanVersion.allCases.filter { $0.includes(status) }.count == 1)
    }

    @Test("status names are stable")
    func names() {
        #expect(
            Status.allCases.map(\.rawValue) == [
                "proposed", "approved", "ongoing", "pending-completion", "completed", "withdrawn", "superseded",
            ])
    }
}

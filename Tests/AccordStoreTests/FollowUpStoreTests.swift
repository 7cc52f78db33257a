import AccordCore
import AccordDemo
import AccordStore
import Testing

/// Mandates, reports and events through a real store, on both databases: projected like every record, read
/// back from the projections by a fresh process, every revision of a report kept, and `verify` content.
@Suite("Follow-up through the store")
struct FollowUpStoreTests {
    static let canadian = Actor(name: "ca.delegate", role: .delegate, participant: "CAN")
    static let secretariat = Actor(name: "ana.ts", role: .secretariat)

    @Test(
        "a report's revisions are projected and read back, by this process and by a fresh one", arguments: Backend.all)
    func revisionsAreKept(_ backend: Backend) async throws {
        try await withDatabase(backend) { database in
            let id = Demo.canadaReport.reportID
            var draft = Demo.canadaReport
            draft.mandate = Demo.iachrMandate.id
            draft.cycle = "CYCLE-2030"
            draft.status = .draft
            let filed = draft.reportID
            try await withOpenStore(database) { store in
                try await store.append(Demo.changes)
                try await store.append(
                    .addCycle(ReportingCycle(id: "CYCLE-2030", plan: "SANTIAGO-1998", title: .en("Open"))),
                    by: Self.secretariat, authority: .editorial(reason: "opened"))
                try await store.append(.fileReport(draft), by: Self.canadian, authority: .participant("CAN"))
                draft.status = .submitted
                try await store.append(.fileReport(draft), by: Self.canadian, authority: .participant("CAN"))
                let versions = try await store.versions(of: .report(filed))
                #expect(versions.count == 2)
                #expect(versions.map { Self.status(of: $0.record) } == [.draft, .submitted])
                #expect(versions[0].from < versions[1].from)
                let report = try await store.versions(of: .report(id))
                #expect(report.map { Self.status(of: $0.record) } == [.submitted, .published])
            }
            // A fresh store has no state in memory: it reads the projections.
            try await withOpenStore(database) { store in
                let state = try await store.currentState()
                #expect(state.reports[filed]?.revision == 2)
                #expect(state.reports[filed]?.recordedBy == .delegation)
                #expect(state.reports[id]?.recordedBy == .secretariat)
                #expect(state.events.count == 2 + Demo.factEvents.count)
                #expect(state.mandates[Demo.iachrMandate.id]?.coCoordinators == ["SLV", "MEX"])
                let head = try await store.head().sequence
                let before = try await store.state(at: head - 1)
                #expect(before.reports[filed]?.status == .draft, "the projection as of the first revision")
                let report = try await store.verify()
                #expect(report.isValid, "\(report.problem ?? "")")
            }
        }
    }

    @Test("a refused filing leaves the ledger head where it was", arguments: Backend.all)
    func refusalStoresNothing(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            try await store.append(Demo.changes)
            let head = try await store.head()
            let mexican = Actor(name: "mx.delegate", role: .delegate, participant: "MEX")
            var filing = Demo.canadaReport
            filing.participant = "MEX"
            filing.indicators = [Indicator(name: .en("Trained"), kind: .quantitative, actual: "3")]
            filing.status = .draft
            filing.mandate = "NO-MANDATE"
            await #expect(throws: ChangeError.unknownReference(field: "report.mandate", reason: "")) {
                try await Self.expectingField {
                    try await store.append(.fileReport(filing), by: mexican, authority: .participant("MEX"))
                }
            }
            filing.mandate = Demo.iachrMandate.id
            await #expect(throws: ChangeError.invalid(field: "report.indicators[0].baseline", reason: "")) {
                try await Self.expectingField {
                    try await store.append(.fileReport(filing), by: mexican, authority: .participant("MEX"))
                }
            }
            #expect(try await store.head() == head)
        }
    }

    static func status(of record: Record) -> ReportStatus? {
        if case .report(let report) = record { return report.status }
        return nil
    }

    /// Runs `body`, rethrowing a `ChangeError` with its reason blanked, so that a test can match the case and
    /// the field without the sentence.
    static func expectingField(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as ChangeError {
            switch error {
            case .invalid(let field, _): throw ChangeError.invalid(field: field, reason: "")
            case .unknownReference(let field, _): throw ChangeError.unknownReference(field: field, reason: "")
            case .duplicate(let field, _): throw ChangeError.duplicate(field: field, reason: "")
            case .ruleViolation(let field, let rule, _):
                throw ChangeError.ruleViolation(field: field, rule: rule, reason: "")
            }
        }
    }
}

import AccordCore
import Testing

/// The reporting rules against an oracle: random filings and publications by random people, each accepted
/// exactly when the oracle says the rules allow it, and the record then holding exactly what the oracle
/// expects — revision, status, who filed it, whether it was ever submitted.
@Suite("Properties: national reports")
struct ReportPropertyTests {
    typealias F = FollowUpFixture

    /// What the oracle expects of one report.
    struct Expected: Equatable {
        var status: ReportStatus
        var revision: Int
        var recordedBy: PositionRecord.Recorder
        var everSubmitted: Bool
    }

    static let actors: [Actor] = [
        F.canadian, F.mexican, F.american, F.secretariat, F.observer,
        Actor(name: "ppt", role: .presidency, participant: "MEX"),
    ]
    static let participants: [ParticipantID] = ["CAN", "MEX", "USA", "IOM", "ZZZ"]

    @Test("filings and publications are accepted exactly as the rules say", arguments: [1, 2, 3, 4, 5] as [UInt64])
    func oracle(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        var record = try F.record()
        var expected: [ReportID: Expected] = [:]
        var accepted = 0
        for _ in 0..<400 {
            var actor = random.pick(Self.actors)
            if random.chance(10), !expected.isEmpty {
                let id = random.pick(expected.keys.sorted())
                let allowed = actor.role == .secretariat && expected[id]?.status == .submitted
                let refusal = record.refusal(of: .publishReport(id), authority: Fixture.editorial, as: actor)
                #expect((refusal == nil) == allowed, "publish \(id) as \(actor): \(String(describing: refusal))")
                if refusal == nil {
                    try record.append(.publishReport(id), authority: Fixture.editorial, as: actor)
                    expected[id]?.status = .published
                    accepted += 1
                }
                continue
            }
            let participant = random.pick(Self.participants)
            // Mostly someone who may speak for the country, so that the run gets far; otherwise anyone.
            if random.chance(60) {
                actor =
                    random.chance(50) && ["CAN", "MEX", "USA"].contains(participant)
                    ? F.delegate(of: participant) : F.secretariat
            }
            let authority: ParticipantID = random.chance(85) ? participant : random.pick(Self.participants)
            var filing = F.filing(
                participant, on: random.chance(5) ? "NO-MANDATE" : random.pick(["SPA-MW-1", "SPA-MW-2"]),
                in: random.chance(5) ? "NO-CYCLE" : random.pick(["CYCLE-2030", "QUEBEC-2001"]),
                kind: random.chance(25) ? .coordinator : .national,
                status: random.chance(5) ? .published : random.pick([.draft, .draft, .submitted]))
            let quantitativeOK = random.chance(85)
            filing.indicators = [
                Indicator(name: .en("Trained"), kind: .quantitative, baseline: quantitativeOK ? "0" : nil, actual: "5")
            ]
            let current = expected[filing.reportID]
            let allowed =
                [.delegate, .secretariat].contains(actor.role)
                && authority != "ZZZ"
                && ["CYCLE-2030", "QUEBEC-2001"].contains(filing.cycle)
                && ["SPA-MW-1", "SPA-MW-2"].contains(filing.mandate)
                && ["CAN", "MEX", "USA"].contains(participant)
                && (filing.kind == .national || (filing.mandate == "SPA-MW-1" && ["USA", "MEX"].contains(participant)))
                && authority == participant
                && (actor.role == .secretariat || actor.participant == participant)
                && current?.status != .published && filing.status != .published
                && !(current?.status == .submitted && filing.status == .draft)
                && quantitativeOK
            let refusal = record.refusal(of: .fileReport(filing), authority: .participant(authority), as: actor)
            #expect(
                (refusal == nil) == allowed,
                "\(actor) files \(filing.reportID) (\(filing.status)) for \(authority): \(String(describing: refusal))")
            guard refusal == nil else { continue }
            try record.append(.fileReport(filing), authority: .participant(authority), as: actor)
            accepted += 1
            expected[filing.reportID] = Expected(
                status: filing.status, revision: (current?.revision ?? 0) + 1,
                recordedBy: actor.role == .secretariat ? .secretariat : .delegation,
                everSubmitted: current?.everSubmitted == true || filing.status == .submitted)
        }
        #expect(accepted > 40, "the run accepted too little to prove anything: \(accepted)")
        let actual = record.state.reports.mapValues {
            Expected(
                status: $0.status, revision: $0.revision, recordedBy: $0.recordedBy, everSubmitted: $0.submitted != nil)
        }
        #expect(Dictionary(uniqueKeysWithValues: actual.map { ($0.key, $0.value) }) == expected)
        // Outside the working side only published reports are read, and the matrix never shows more.
        let outside = record.state.published(for: .outside(invited: nil))
        #expect(outside.reports.values.allSatisfy { $0.status == .published })
        #expect(Set(outside.reports.keys) == Set(expected.filter { $0.value.status == .published }.keys))
        for cycle in ["CYCLE-2030", "QUEBEC-2001"] as [CycleID] {
            let matrix = try #require(ReportMatrix(of: cycle, in: outside))
            #expect(matrix.cells.allSatisfy { $0.state == .noReport || $0.status == .published })
        }
    }
}

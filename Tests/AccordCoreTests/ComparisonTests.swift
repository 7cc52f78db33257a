import AccordCore
import Testing

@Suite("Comparing two states of the plan")
struct ComparisonTests {
    @Test("an edition and the plan after a meeting: added, entered, removed, moved, lead and text changes")
    func meeting() throws {
        var record = try GovernanceFixture.record()
        let before = record.state
        try record.decide(
            [
                .addItem(Fixture.item("MPM-10.2", .activity, under: "MPM-10")),
                .changeStatus(item: "HR", to: .approved),
            ], at: "RCM-XX", kind: .decision)
        try record.decide([.changeStatus(item: "MPM-1.1", to: .completed)], at: "RCGM-2014-11")
        try record.decide(
            [
                .amendItem(
                    ItemAmendment(
                        number: "MPM-10.1",
                        title: .en("Regional workshop on returns", es: "Taller regional sobre retornos"),
                        leads: [.participant("CAN")], parent: "MPM-1"))
            ], at: "RCM-XX", kind: .decision)
        let comparison = PlanComparison(from: before, to: record.state)

        let byNumber = Dictionary(uniqueKeysWithValues: comparison.items.map { ($0.number, $0) })
        #expect(comparison.items.map(\.number) == ["HR", "MPM-1.1", "MPM-10.1", "MPM-10.2"])
        #expect(byNumber["MPM-10.2"]?.added == "new")
        #expect(byNumber["HR"]?.added == "entered")
        #expect(byNumber["HR"]?.status?.before == .proposed && byNumber["HR"]?.status?.after == .approved)
        #expect(byNumber["MPM-1.1"]?.removed == "completed")
        let amended = try #require(byNumber["MPM-10.1"])
        #expect(amended.moved?.fromParent == "MPM-10" && amended.moved?.toParent == "MPM-1")
        #expect(amended.leads?.after == [.participant("CAN")])
        let english = try #require(amended.texts.first { $0.language == .en })
        #expect(english.isAuthoritative)
        #expect(english.diff.segments == [.removed("Workshop"), .added("Regional workshop"), .same(" on returns")])
        let spanish = try #require(amended.texts.first { $0.language == .es })
        #expect(!spanish.isAuthoritative)
        #expect(spanish.diff.segments == [.same("Taller "), .added("regional "), .same("sobre retornos")])
        #expect(
            comparison.summary["moved"] == 1 && comparison.summary["added"] == 2 && comparison.summary["removed"] == 1)
    }

    @Test("a number gone and a new number with the same kind and title read as one item renumbered")
    func renumbered() throws {
        let record = try GovernanceFixture.record()
        let records = record.state.items.values.map(Record.item)
        let old = ProcessState(sequence: 1, records: records, lastChanged: [:])
        let renamed = records.map { record -> Record in
            guard case .item(var item) = record, item.number == "MPM-10.1" else { return record }
            item.number = "MPM-10.5"
            return .item(item)
        }
        let new = ProcessState(sequence: 2, records: renamed, lastChanged: [:])
        let comparison = PlanComparison(from: old, to: new)
        #expect(comparison.items.map(\.number) == ["MPM-10.5"])
        #expect(comparison.items.first?.renumberedFrom == "MPM-10.1")
        #expect(comparison.items.first?.kinds == ["renumbered"])
        #expect(PlanComparison(from: old, to: old).items.isEmpty)
    }
    @Test(
        "comparing a state with itself finds nothing; with any later state, exactly the items that differ",
        arguments: Array(UInt64(1)...60))
    func property(seed: UInt64) throws {
        var record = try Fixture.plan()
        let start = record.state
        var generator = ChangeGenerator(seed: seed)
        for _ in 0..<40 {
            let (change, authority) = generator.next(for: record.state)
            _ = try? record.append(change, authority: authority, as: generator.actor(for: change))
        }
        #expect(PlanComparison(from: record.state, to: record.state).items.isEmpty)
        let comparison = PlanComparison(from: start, to: record.state)
        let reported = Set(comparison.items.map(\.number))
        for item in record.state.items.values {
            let before = start.items[item.number]
            let differs =
                before.map {
                    $0.status != item.status || $0.parent != item.parent || $0.leads != item.leads
                        || $0.timeline != item.timeline || $0.title != item.title || $0.text != item.text
                        || $0.workplan != item.workplan
                } ?? item.status.isCurrent
            #expect(reported.contains(item.number) == differs, "seed \(seed): \(item.number)")
        }
    }
}

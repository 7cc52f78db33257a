import AccordCore
import Testing

@Suite("Plan views")
struct PlanViewTests {
    /// Each node as "number" or "(number)" for a context node, indented by depth: a whole view in one string.
    static func outline(_ nodes: [PlanNode], depth: Int = 0) -> [String] {
        nodes.flatMap { node in
            let label = node.isContext ? "(\(node.item.number))" : node.item.number.rawValue
            return [String(repeating: "  ", count: depth) + label] + outline(node.children, depth: depth + 1)
        }
    }

    static func items(_ record: Recorder) -> [PlanItem] {
        record.state.items.values.sorted { $0.number < $1.number }
    }

    @Test("reads MPM-2 before MPM-10 and a prefix before its numbers")
    func readingOrder() {
        let numbers: [ItemNumber] = ["MPM-10", "MPM-1.10", "MPM", "HR-2", "MPM-2", "MPM-1.9", "MPM-1", "HR"]
        let sorted = numbers.map { Fixture.item($0, .area) }.sorted(by: Plan.inReadingOrder).map(\.number)
        #expect(sorted == ["HR", "HR-2", "MPM", "MPM-1", "MPM-1.9", "MPM-1.10", "MPM-2", "MPM-10"])
    }

    @Test("the current version shows a completed area as context above its ongoing activity")
    func current() throws {
        let record = try Fixture.plan()
        let view = Plan.view(.current, of: Self.items(record), asOf: record.state.sequence)
        #expect(Self.outline(view.nodes) == ["MPM", "  MPM-1", "    MPM-1.1", "  (MPM-2)", "    MPM-2.1", "  MPM-10"])
        #expect(view.asOf == record.state.sequence)
        #expect(view.version == .current)
        #expect(view.flattened.map(\.number) == ["MPM", "MPM-1", "MPM-1.1", "MPM-2", "MPM-2.1", "MPM-10"])
    }

    @Test("the archive version keeps the completed area under its line, shown as context")
    func archive() throws {
        let record = try Fixture.plan()
        let view = Plan.view(.archive, of: Self.items(record), asOf: record.state.sequence)
        #expect(Self.outline(view.nodes) == ["(MPM)", "  MPM-2"])
    }

    @Test("the proposed version lists what awaits a decision")
    func proposed() throws {
        var record = try Fixture.plan()
        try record.append(.addItem(Fixture.item("MPM-1.7", .activity, under: "MPM-1", status: .proposed)))
        let view = Plan.view(.proposed, of: Self.items(record), asOf: record.state.sequence)
        #expect(Self.outline(view.nodes) == ["HR", "(MPM)", "  (MPM-1)", "    MPM-1.7"])
    }

    @Test("the order of the input does not matter")
    func inputOrder() throws {
        let record = try Fixture.plan()
        let items = Self.items(record)
        let expected = Plan.view(.current, of: items, asOf: 1)
        var random = SplitMix64(seed: 42)
        for _ in 0..<20 {
            var shuffled = items
            shuffled.shuffle(using: &random)
            #expect(Plan.view(.current, of: shuffled, asOf: 1) == expected)
        }
    }

    @Test("workplan items stay out of the Plan of Action and appear in their annex")
    func annexes() throws {
        var record = try Fixture.plan()
        try record.append(
            .addWorkplan(Workplan(id: "LON-AB", body: "LON-CP", title: .en("Draft"), status: .proposed)))
        try record.decide(
            [
                .addWorkplan(Workplan(id: "LON-OLD", body: "LON-CP", title: .en("2010"), status: .completed)),
                .addItem(Fixture.item("OLD-1", .area, workplan: "LON-OLD")),
                .addItem(Fixture.item("CP-2", .area, workplan: "LON-CP", status: .withdrawn)),
            ], at: "LON-CP-2015")
        let items = Self.items(record)
        for version in PlanVersion.allCases {
            let view = Plan.view(version, of: items, asOf: 0)
            #expect(view.flattened.allSatisfy { $0.workplan == nil })
        }
        var random = SplitMix64(seed: 7)
        let workplans = record.state.workplans.values.shuffled(using: &random)
        let annexes = Plan.annexes(Array(workplans), items: items)
        // Only workplans that are not archived are annexed, in code order.
        #expect(annexes.map(\.workplan.id) == ["LON-AB", "LON-CP"])
        #expect(annexes[0].nodes.isEmpty)
        #expect(Self.outline(annexes[1].nodes) == ["CP-1", "  CP-1.1"])
        let archived = Plan.annexes(Array(workplans), items: items, version: .archive)
        #expect(archived.map(\.workplan.id) == ["LON-AB", "LON-CP"])
        #expect(Self.outline(archived[1].nodes) == ["CP-2"])
    }
}

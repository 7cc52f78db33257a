import Testing

@testable import AccordCore

/// Views list items by prefix, then by their numbers compared number by number.
@Suite("Reading order")
struct ReadingOrderTests {
    /// The order views must follow: prefix, then the path compared element by element.
    static func reference(_ lhs: ItemNumber, _ rhs: ItemNumber) -> Bool {
        let (left, right) = (lhs.rawValue.prefix { $0 != "-" }, rhs.rawValue.prefix { $0 != "-" })
        if left != right { return left < right }
        return lhs.sortKey.lexicographicallyPrecedes(rhs.sortKey)
    }

    /// Numbers of every shape a view can meet: Accord's own, deeper ones, large numbers, and ones that are
    /// not numbers at all.
    static func number(_ random: inout SplitMix64) -> ItemNumber {
        let prefix = random.pick(["MPM", "CP", "HR", "LON1", "LON", "Z", "ABCDEFGH", "ABCDEFGHI", "Ñ", "É", "e"])
        let depth = random.below(random.chance(10) ? 7 : 4)
        guard depth > 0 else { return ItemNumber(prefix) }
        let parts = (0..<depth).map { _ -> String in
            switch random.below(20) {
            case 0: String(65_534 + random.below(4))
            case 1: random.pick(["x", "1a", "00", "", "99999999999999999999"])
            default: String(random.below(random.chance(50) ? 4 : 13))
            }
        }
        return ItemNumber(prefix + "-" + parts.joined(separator: "."))
    }

    @Test("a number comes before the numbers under it, and numbers compare as numbers")
    func edges() {
        let ordered: [ItemNumber] = [
            "MPM", "MPM-0", "MPM-0.0", "MPM-1", "MPM-1.0", "MPM-1.2.3.4", "MPM-1.2.3.4.0", "MPM-1.2.3.65534",
            "MPM-1.2.3.65535", "MPM-2", "MPM-65534", "MPM-65535", "MPM-99999",
        ]
        for (index, number) in ordered.enumerated() {
            for other in ordered[(index + 1)...] {
                #expect(ReadingKey(number) < ReadingKey(other), "\(number) before \(other)")
                #expect(!(ReadingKey(other) < ReadingKey(number)), "\(other) not before \(number)")
            }
        }
    }

    @Test("a view lists random numbers in the reference order", arguments: 0..<20)
    func viewOrder(seed: Int) {
        var random = SplitMix64(seed: UInt64(20_261_200 + seed))
        let numbers = Set((0..<300).map { _ in Self.number(&random) })
        let items = numbers.map { PlanItem(number: $0, kind: .activity, title: .en("Activity"), status: .approved) }
        let listed = Plan.view(.current, of: items.shuffled(), asOf: 1).flattened.map(\.number)
        // Numbers that read the same ("HR-11" and "HR-.11") may come in either order: compare what they read as.
        let reading = { (number: ItemNumber) in "\(number.rawValue.prefix { $0 != "-" }) \(number.sortKey)" }
        #expect(listed.map(reading) == numbers.sorted(by: Self.reference).map(reading), "seed \(seed)")
        #expect(Set(listed) == numbers)
    }
}

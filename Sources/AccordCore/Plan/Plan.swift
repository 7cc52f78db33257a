/// Builds the views of the plan from its items: pure functions, so the same code serves the current plan,
/// the plan as of any ledger position, and the checks of `verify`.
public enum Plan {
    /// The `version` of the Plan of Action (items outside any workplan) among `items`.
    ///
    /// Items of the version are shown under their ancestors; an ancestor outside the version is shown as
    /// context, so an ongoing activity under a completed area still reads in its place.
    public static func view(_ version: PlanVersion, of items: [PlanItem], asOf: Int64) -> PlanView {
        PlanView(version: version, asOf: asOf, nodes: tree(of: items, version: version) { $0.workplan == nil })
    }

    /// The annexes: every workplan that is not archived, with its items in `version`.
    public static func annexes(
        _ workplans: [Workplan], items: [PlanItem], version: PlanVersion = .current
    ) -> [Annex] {
        let byWorkplan = Dictionary(grouping: items.filter { $0.workplan != nil }, by: { $0.workplan! })
        return workplans.filter { !$0.status.isArchived }.sorted { $0.id < $1.id }.map { workplan in
            Annex(workplan: workplan, nodes: tree(of: byWorkplan[workplan.id] ?? [], version: version) { _ in true })
        }
    }

    /// Sorts items in the order a reader expects: by prefix, then numerically (MPM-2 before MPM-10).
    public static func inReadingOrder(_ lhs: PlanItem, _ rhs: PlanItem) -> Bool {
        ReadingKey(lhs.number) < ReadingKey(rhs.number)
    }

    private static func tree(
        of items: [PlanItem], version: PlanVersion, where belongs: (PlanItem) -> Bool
    ) -> [PlanNode] {
        // Items are referred to by their index until the nodes are built: a PlanItem is large, and copying,
        // hashing and sorting whole items was most of the view's cost.
        var indexByNumber: [ItemNumber: Int] = [:]
        indexByNumber.reserveCapacity(items.count)
        // By index, not `enumerated()`, which would copy every item it hands out.
        for index in items.indices where belongs(items[index]) { indexByNumber[items[index].number] = index }
        // nil: not shown; false: an item of the version; true: an ancestor shown only as context.
        var shown = [Bool?](repeating: nil, count: items.count)
        for index in items.indices where version.includes(items[index].status) && belongs(items[index]) {
            shown[index] = false
            var parent = items[index].parent
            // Climbing stops at the first ancestor already marked: its own ancestors were marked with it.
            while let number = parent, let ancestor = indexByNumber[number], shown[ancestor] == nil {
                shown[ancestor] = true
                parent = items[ancestor].parent
            }
        }
        // One sort of the shown items' indices, each key computed once; grouping keeps that order within each parent.
        let shownIndices = items.indices.filter { shown[$0] != nil }
        var children = [[Int]](repeating: [], count: items.count)
        var roots: [Int] = []
        for index in inReadingOrder(shownIndices, of: items) {
            if let parent = items[index].parent, let parentIndex = indexByNumber[parent] {
                children[parentIndex].append(index)
            } else {
                roots.append(index)
            }
        }
        func node(_ index: Int) -> PlanNode {
            PlanNode(item: items[index], isContext: shown[index] ?? false, children: children[index].map(node))
        }
        return roots.map(node)
    }

    /// `indices` of `items`, sorted by their items' numbers in reading order.
    private static func inReadingOrder(_ indices: [Int], of items: [PlanItem]) -> [Int] {
        // Every number Accord issues packs into two integers: then the sort moves plain integers, not keys
        // holding strings and arrays, which sorting thousands of items spent most of its time copying.
        var packed: [(prefix: UInt64, path: UInt64, index: Int)] = []
        packed.reserveCapacity(indices.count)
        for index in indices {
            guard let key = ReadingKey.packedKey(items[index].number) else {
                return indices.map { (ReadingKey(items[$0].number), $0) }.sorted { $0.0 < $1.0 }.map(\.1)
            }
            packed.append((key.prefix, key.path, index))
        }
        return packed.sorted { ($0.prefix, $0.path) < ($1.prefix, $1.path) }.map(\.index)
    }
}

/// An item number's position in reading order: its prefix, then its numbers compared as numbers.
///
/// Views sort thousands of items, so the numbers are packed into one integer where they fit (up to four
/// levels, each below 65,535: every number Accord issues), and the prefix into another (up to eight ASCII
/// characters, as Accord's prefixes are), so comparing two keys is two integer comparisons. Numbers that do
/// not fit keep their path as an array, and prefixes that do not fit their text; those compare as text does.
struct ReadingKey: Comparable {
    /// The prefix as text when it is not packed; empty when it is, so that copying the key copies no string.
    private let unpackedPrefix: Substring
    /// The prefix's bytes, the first in the highest byte, when it is 1 to 8 ASCII characters; nil otherwise.
    /// Zeros pad a shorter prefix, so it comes before the longer ones it begins, as it does as text.
    private let packedPrefix: UInt64?
    /// Each number plus one in 16 bits, the first in the highest: a shorter path leaves zeros, so it comes
    /// before the paths it begins. Zero for every key that `unpacked` holds instead.
    private let packed: UInt64
    /// The path when it does not fit in `packed`; nil when it does.
    private let unpacked: [Int]?

    init(_ number: ItemNumber) {
        if let (prefix, path) = Self.packedKey(number) {
            (unpackedPrefix, packedPrefix, packed, unpacked) = ("", prefix, path, nil)
            return
        }
        let prefix = number.rawValue.prefix { $0 != "-" }
        packedPrefix = Self.pack(prefix)
        unpackedPrefix = packedPrefix == nil ? prefix : ""
        var packed: UInt64 = 0
        var count = 0
        var fits = true
        Self.forEachNumber(in: number) { part in
            if count < 4, (0..<0xFFFF).contains(part) {
                packed |= UInt64(part + 1) << (48 - 16 * count)
            } else {
                fits = false
            }
            count += 1
        }
        self.packed = fits ? packed : 0
        unpacked = fits ? nil : Self.path(of: number)
    }

    /// The packed prefix and path of the numbers Accord issues (an ASCII prefix of up to 8 characters, up
    /// to four numbers below 65,535), read from the bytes in one pass; nil for anything else, which the
    /// general reading handles. Two packed keys order as their two integers do. A dash followed by anything but digits or dots is left to it too, as Swift
    /// may read it as part of a longer character.
    static func packedKey(_ number: ItemNumber) -> (prefix: UInt64, path: UInt64)? {
        let utf8 = number.rawValue.utf8
        var prefix: UInt64 = 0
        var prefixLength = 0
        var iterator = utf8.makeIterator()
        var next = iterator.next()
        while let byte = next, byte != UInt8(ascii: "-") {
            guard prefixLength < 8, (1...127).contains(byte) else { return nil }
            prefix |= UInt64(byte) << (56 - 8 * prefixLength)
            prefixLength += 1
            next = iterator.next()
        }
        guard prefixLength > 0 else { return nil }
        var path: UInt64 = 0
        var count = 0
        var part = 0
        var digits = 0
        // After the dash: numbers separated by dots, empty parts skipped as the general reading skips them.
        func endPart() -> Bool {
            guard digits > 0 else { return true }
            guard count < 4, part < 0xFFFF else { return false }
            path |= UInt64(part + 1) << (48 - 16 * count)
            count += 1
            (part, digits) = (0, 0)
            return true
        }
        while next != nil, let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard digits < 5 else { return nil }
                part = part * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
            case UInt8(ascii: "."):
                guard endPart() else { return nil }
            default:
                return nil
            }
        }
        return endPart() ? (prefix, path) : nil
    }

    private static func pack(_ prefix: Substring) -> UInt64? {
        let bytes = prefix.utf8
        guard (1...8).contains(bytes.count), bytes.allSatisfy({ (1...127).contains($0) }) else { return nil }
        var packed: UInt64 = 0
        for (index, byte) in bytes.enumerated() { packed |= UInt64(byte) << (56 - 8 * index) }
        return packed
    }

    /// The numbers after the prefix.
    var path: [Int] {
        if let unpacked { return unpacked }
        return (0..<4).map { Int((packed >> (48 - 16 * $0)) & 0xFFFF) }.prefix { $0 > 0 }.map { $0 - 1 }
    }

    /// The numbers after the prefix, as `Identifier.sortKey` reads them.
    static func path(of number: ItemNumber) -> [Int] {
        var path: [Int] = []
        forEachNumber(in: number) { path.append($0) }
        return path
    }

    /// Calls `body` with each number after the prefix, in order, without making a string for any of them.
    private static func forEachNumber(in number: ItemNumber, _ body: (Int) -> Void) {
        let text = number.rawValue
        let utf8 = text.utf8
        guard let dash = utf8.firstIndex(of: UInt8(ascii: "-")) else { return }
        var start = utf8.index(after: dash)
        while start < utf8.endIndex {
            let stop = utf8[start...].firstIndex(of: UInt8(ascii: ".")) ?? utf8.endIndex
            // Empty parts are skipped, and a part that is not a number reads as 0, as in `sortKey`.
            if start < stop {
                let part = utf8[start..<stop]
                if part.count <= 18, part.allSatisfy({ (48...57).contains($0) }) {
                    body(part.reduce(0) { $0 * 10 + Int($1 - 48) })
                } else {
                    body(Int(text[start..<stop]) ?? 0)
                }
            }
            start = stop < utf8.endIndex ? utf8.index(after: stop) : stop
        }
    }

    /// The prefix as text, for comparing a packed prefix with one that is not.
    private var prefix: Substring {
        guard let packedPrefix else { return unpackedPrefix }
        let bytes = (0..<8).map { UInt8(truncatingIfNeeded: packedPrefix >> (56 - 8 * $0)) }.prefix { $0 != 0 }
        return Substring(decoding: bytes, as: UTF8.self)
    }

    static func < (lhs: Self, rhs: Self) -> Bool {
        if let left = lhs.packedPrefix, let right = rhs.packedPrefix {
            if left != right { return left < right }
        } else if lhs.prefix != rhs.prefix {
            return lhs.prefix < rhs.prefix
        }
        if lhs.unpacked == nil, rhs.unpacked == nil { return lhs.packed < rhs.packed }
        return lhs.path.lexicographicallyPrecedes(rhs.path)
    }
}

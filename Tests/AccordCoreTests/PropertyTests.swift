import AccordCore
import Testing

/// Random runs of valid and invalid changes against the rules. Each run is named by its seed, which Swift
/// Testing shows as the test case's argument and which every failure message repeats: rerun one with
/// `swift test --filter PropertyTests` after narrowing `seeds` to it.
@Suite("Properties of the rules")
struct PropertyTests {
    static let seeds = Array(UInt64(1)...200)
    static let steps = 80

    @Test("random changes keep the record's invariants", arguments: seeds)
    func invariants(seed: UInt64) throws {
        var record = try Fixture.plan()
        var generator = ChangeGenerator(seed: seed)
        var refused = 0
        for step in 0..<Self.steps {
            let (change, authority) = generator.next(for: record.state)
            let before = record.state
            record.actor = generator.actor(for: change)
            let entry = record.entry(change, authority: authority)
            if record.refusal(of: entry) != nil {
                refused += 1
                // (a) ProcessState is a value, so this holds by construction today; it guards against storage
                // moving behind a reference, where a half-applied change could leak out of a refusal.
                #expect(
                    record.state == before, "seed \(seed), step \(step): a refused \(change.kind) altered the state")
            } else {
                try record.append(change, authority: authority)
                #expect(record.state.sequence == before.sequence + 1, "seed \(seed), step \(step)")
            }
            // Checked after every step, so a transient break is caught at the step that caused it.
            let problems = Self.approvalProblems(record.state) + Self.partitionProblems(record.state)
            #expect(problems.isEmpty, "seed \(seed), step \(step) (\(change.kind)): \(problems)")
        }
        // A run that refuses nothing, or accepts nothing, would prove little about either path.
        #expect(refused >= 5, "seed \(seed): only \(refused) refusals")
        #expect(Self.steps - refused >= 10, "seed \(seed): only \(Self.steps - refused) accepted")
        let bytes = try record.entries.map { try $0.canonicalEncoding() }
        try Self.checkReplay(record, bytes: bytes, "seed \(seed)")
        Self.checkChain(bytes, seed: seed)
    }

    // The invariants collect their problems as text rather than calling #expect per node: the run makes
    // millions of checks, and one expectation per step keeps the suite fast.

    /// (b) Every item past the proposal stage was approved by a decision on record; a proposal by none.
    static func approvalProblems(_ state: ProcessState) -> [String] {
        state.items.values.sorted { $0.number < $1.number }.compactMap { item in
            if item.status == .proposed {
                return item.approvedBy == nil ? nil : "proposal \(item.number) has an approval"
            }
            let decision = item.approvedBy.flatMap { state.decisions[$0] }
            return decision != nil ? nil : "\(item.number) is \(item.status.rawValue) without a recorded decision"
        }
    }

    /// (c) The three versions partition the Plan of Action: each item is shown as itself in exactly the view
    /// its status belongs to, everything else shown is a context ancestor, and trees follow parents in
    /// reading order.
    static func partitionProblems(_ state: ProcessState) -> [String] {
        let items = Array(state.items.values)
        var problems: [String] = []
        var shownAsItself: [ItemNumber: [PlanVersion]] = [:]
        for version in PlanVersion.allCases {
            let view = Plan.view(version, of: items, asOf: state.sequence)
            var seen = Set<ItemNumber>()
            func walk(_ nodes: [PlanNode], under parent: ItemNumber?) {
                for (left, right) in zip(nodes, nodes.dropFirst()) where Plan.inReadingOrder(right.item, left.item) {
                    problems.append("\(right.item.number) is shown before \(left.item.number)")
                }
                for node in nodes {
                    let item = node.item
                    if item.parent != parent {
                        problems.append("\(item.number) shown under \(parent?.rawValue ?? "root")")
                    }
                    if item.workplan != nil { problems.append("workplan item \(item.number) in the Plan of Action") }
                    if !seen.insert(item.number).inserted { problems.append("\(item.number) twice in \(version)") }
                    if node.isContext == version.includes(item.status) {
                        problems.append(
                            "\(item.number) (\(item.status.rawValue)) has isContext \(node.isContext) in \(version)")
                    }
                    if node.isContext {
                        if node.children.isEmpty { problems.append("context \(item.number) places nothing") }
                    } else {
                        shownAsItself[item.number, default: []].append(version)
                    }
                    walk(node.children, under: item.number)
                }
            }
            walk(view.nodes, under: nil)
        }
        for item in items where item.workplan == nil {
            let versions = shownAsItself[item.number] ?? []
            if versions.count != 1 { problems.append("\(item.number) (\(item.status.rawValue)) shown in \(versions)") }
        }
        return problems
    }

    /// (d) Replaying the accepted entries, read back from their canonical bytes as `verify` reads the ledger,
    /// from an empty state rebuilds the same state.
    static func checkReplay(_ record: Recorder, bytes: [[UInt8]], _ context: String) throws {
        var replayed = ProcessState()
        for (entry, bytes) in zip(record.entries, bytes) {
            let decoded = try LedgerEntry.decode(canonical: bytes)
            #expect(decoded == entry, "\(context): entry \(entry.sequence) reads back differently")
            #expect(
                try decoded.canonicalEncoding() == bytes, "\(context): entry \(entry.sequence) re-encodes differently")
            replayed = try replayed.applying(decoded).state
        }
        #expect(replayed == record.state, "\(context): replay gives another state")
    }

    /// (e) Altering one byte of entry k's canonical bytes changes the chain from k on, and nothing before it.
    static func checkChain(_ entries: [[UInt8]], seed: UInt64) {
        var random = SplitMix64(seed: seed ^ 0xC4A1)
        let hashes = HashChainTests.chain(entries)
        #expect(HashChainTests.chain(entries) == hashes, "seed \(seed): the chain is not deterministic")
        for _ in 0..<3 {
            let k = random.below(entries.count)
            var altered = entries
            altered[k][random.below(altered[k].count)] ^= UInt8(1 + random.below(255))
            let rehashed = HashChainTests.chain(altered)
            #expect(rehashed[..<k] == hashes[..<k], "seed \(seed): hashes before entry \(k + 1) changed")
            for index in k..<hashes.count where rehashed[index] == hashes[index] {
                Issue.record("seed \(seed): altering entry \(k + 1) left the hash of entry \(index + 1) unchanged")
            }
        }
    }
}

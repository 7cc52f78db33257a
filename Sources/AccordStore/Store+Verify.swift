import AccordCore

/// What `verify` found.
public struct VerificationReport: Sendable, Codable, Equatable {
    /// How many ledger entries were re-hashed.
    public var entries: Int64
    /// How many projection rows were compared with the rebuilt ones.
    public var projectionRows: Int
    /// The first ledger sequence at which something is wrong, if anything is.
    public var firstBadSequence: Int64?
    /// What is wrong there.
    public var problem: String?

    /// Whether the chain and the projections are exactly what the ledger implies.
    public var isValid: Bool { firstBadSequence == nil && problem == nil }
}

/// How much `verify` checks.
public enum VerificationScope: Sendable {
    /// The hash chain only: sequence, links and hashes.
    case chain
    /// The chain, each entry against the rules, and every projection row against a rebuild from the ledger.
    case everything
}

extension Store {
    /// Re-hashes the chain, replays every entry through the rules, rebuilds every projection and compares it
    /// with what is stored, and names the first bad sequence number.
    ///
    /// The work is spread over the cores: while one page of rows is replayed in order, the next is read,
    /// hashed and decoded, each row on its own (every row stores the hash it links to); the links, the
    /// rules and the replay itself run in sequence. Projection rows are compared by the digests of their
    /// documents, the expected ones encoded exactly as an append writes them.
    public func verify(_ scope: VerificationScope = .everything, pageSize: Int64 = 2_000) async throws
        -> VerificationReport
    {
        let replays = scope == .everything
        return try await database.withLedgerSnapshot { snapshot in
            let head = try await snapshot.head().sequence
            var pages = PageReader(snapshot: snapshot, head: head, size: max(1, pageSize), replays: replays)
            // The stored versions are read while the ledger is checked: the reading overlaps the replay.
            let stored = replays ? Task { try await snapshot.versions() } : nil
            var check = LedgerCheck(replays: replays)
            // The projection rows of one page are encoded while the next page is replayed.
            var encoding: Task<([ChangedEntity], [Result<[UInt8], any Error>]), Never>?
            do {
                while check.failure == nil, let (range, page, examined) = try await pages.next() {
                    var changed: [ChangedEntity] = []
                    for (row, result) in zip(page.rows, examined) where check.failure == nil {
                        check.check(row, result, changing: &changed)
                    }
                    if check.failure == nil, check.next != range.upperBound + 1 {
                        check.fail(check.next, "entry \(check.next) is missing from the ledger")
                    }
                    if let (entities, digests) = await encoding?.value { check.expect(entities, digests: digests) }
                    encoding = changed.isEmpty ? nil : Self.encoding(changed)
                }
                if let (entities, digests) = await encoding?.value { check.expect(entities, digests: digests) }
            } catch {
                await pages.finish()
                _ = try? await stored?.value
                throw error
            }
            // Nothing may still be reading when the snapshot ends.
            await pages.finish()
            var report = VerificationReport(
                entries: check.entries, projectionRows: 0, firstBadSequence: check.failure?.sequence,
                problem: check.failure?.problem)
            guard let stored else { return report }
            guard check.failure == nil else {
                _ = try? await stored.value
                return report
            }
            let versions = try await stored.value
            report.projectionRows = versions.count
            if let (sequence, problem) = ProjectionCheck.firstDifference(stored: versions, expected: check.expected) {
                report.firstBadSequence = sequence
                report.problem = problem
            }
            return report
        }
    }
}

extension Store {
    /// The digests of the projection rows of `changed`, encoded on every core in a task of their own.
    fileprivate static func encoding(_ changed: [ChangedEntity]) -> Task<
        ([ChangedEntity], [Result<[UInt8], any Error>]), Never
    > {
        Task { (changed, await Parallel.map(changed.count) { LedgerCheck.digest(of: changed[$0]) }) }
    }
}

/// Reads the ledger a page ahead: while the caller checks one page in order, the next is read, and its
/// rows hashed and decoded, on the other cores.
private struct PageReader {
    typealias Examined = (range: ClosedRange<Int64>, page: LedgerPage, rows: [RowCheck])

    let snapshot: any LedgerSnapshot
    let head: Int64
    let size: Int64
    let replays: Bool
    private var lower: Int64 = 1
    private var pending: Task<Examined, any Error>?

    init(snapshot: any LedgerSnapshot, head: Int64, size: Int64, replays: Bool) {
        self.snapshot = snapshot
        self.head = head
        self.size = size
        self.replays = replays
        pending = read(from: 1)
    }

    /// The next page with its rows examined, or nil after the last.
    mutating func next() async throws -> Examined? {
        guard let current = pending else { return nil }
        let examined = try await current.value
        lower = examined.range.upperBound + 1
        pending = read(from: lower)
        return examined
    }

    /// Waits for the page being read, so that nothing reads after the snapshot ends.
    mutating func finish() async {
        _ = try? await pending?.value
        pending = nil
    }

    private func read(from lower: Int64) -> Task<Examined, any Error>? {
        guard lower <= head else { return nil }
        // Compared before adding, so that a very large page size cannot overflow.
        let range = lower...(size > head - lower ? head : lower + size - 1)
        let (snapshot, replays) = (snapshot, replays)
        return Task {
            let page = try await snapshot.page(range, withColumns: replays)
            let rows = await RowCheck.examine(page, decoding: replays)
            return (range, page, rows)
        }
    }
}

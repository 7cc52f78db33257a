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
    /// The work is spread over the cores: while one page of rows is replayed in order, the next two are
    /// read, hashed and decoded, each row on its own (every row stores the hash it links to), and the
    /// projection rows of the pages before are encoded; the links, the rules and the replay itself run in
    /// sequence. Projection rows are compared by the digests of their
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
            var check = LedgerCheck(replays: replays, lexicon: self.lexicon)
            // The projection rows of each page are encoded while the next pages are replayed; their digests
            // are taken in order, a few pages behind, so that the pass seldom waits for them.
            var encodings: [Task<([ChangedEntity], [Result<[UInt8], any Error>]), Never>] = []
            do {
                while check.failure == nil, let (range, page, examined) = try await pages.next() {
                    var changed: [ChangedEntity] = []
                    for (row, result) in zip(page.rows, examined) where check.failure == nil {
                        check.check(row, result, changing: &changed)
                    }
                    if check.failure == nil, check.next != range.upperBound + 1 {
                        check.fail(check.next, "entry \(check.next) is missing from the ledger")
                    }
                    if !changed.isEmpty { encodings.append(Self.encoding(changed)) }
                    while encodings.count > Self.encodingsAhead {
                        let (entities, digests) = await encodings.removeFirst().value
                        check.expect(entities, digests: digests)
                    }
                }
                await Self.expect(encodings, in: &check)
            } catch {
                await pages.finish()
                _ = try? await stored?.value
                // A page that could not be read comes after the pages already replayed: a rule one of them
                // broke is still the first fault, and is reported rather than the error.
                await Self.expect(encodings, in: &check)
                guard let failure = check.failure else { throw error }
                return VerificationReport(
                    entries: check.entries, projectionRows: 0, firstBadSequence: failure.sequence,
                    problem: failure.problem)
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
    /// How many pages' projection rows may be still encoding while the pass goes on.
    fileprivate static let encodingsAhead = 2

    /// Waits for the encodings still running, in order, and takes their digests.
    fileprivate static func expect(
        _ encodings: [Task<([ChangedEntity], [Result<[UInt8], any Error>]), Never>], in check: inout LedgerCheck
    ) async {
        for encoding in encodings {
            let (entities, digests) = await encoding.value
            check.expect(entities, digests: digests)
        }
    }

    /// The digests of the projection rows of `changed`, encoded on every core in a task of their own.
    fileprivate static func encoding(_ changed: [ChangedEntity]) -> Task<
        ([ChangedEntity], [Result<[UInt8], any Error>]), Never
    > {
        Task { (changed, await Parallel.map(changed.count) { LedgerCheck.digest(of: changed[$0]) }) }
    }
}

/// Reads the ledger ahead: while the caller checks one page in order, the next pages are read, and their
/// rows hashed and decoded, on the other cores.
private struct PageReader {
    typealias Examined = (range: ClosedRange<Int64>, page: LedgerPage, rows: [RowCheck])

    /// How many pages are read ahead: two, so that one page's rows are examined while the next is read
    /// from the database, and neither waits for the caller's pass.
    static let depth = 2

    let snapshot: any LedgerSnapshot
    let head: Int64
    let size: Int64
    let replays: Bool
    /// The first sequence not yet asked for.
    private var lower: Int64 = 1
    private var pending: [Task<Examined, any Error>] = []

    init(snapshot: any LedgerSnapshot, head: Int64, size: Int64, replays: Bool) {
        self.snapshot = snapshot
        self.head = head
        self.size = size
        self.replays = replays
        readAhead()
    }

    /// The next page with its rows examined, or nil after the last.
    mutating func next() async throws -> Examined? {
        guard !pending.isEmpty else { return nil }
        let current = pending.removeFirst()
        readAhead()
        return try await current.value
    }

    /// Waits for the pages being read, so that nothing reads after the snapshot ends.
    mutating func finish() async {
        for task in pending { _ = try? await task.value }
        pending = []
    }

    private mutating func readAhead() {
        while pending.count < Self.depth, lower <= head {
            // Compared before adding, so that a very large page size cannot overflow.
            let range = lower...(size > head - lower ? head : lower + size - 1)
            lower = range.upperBound + 1
            let (snapshot, replays) = (snapshot, replays)
            pending.append(
                Task {
                    let page = try await snapshot.page(range, withColumns: replays)
                    let rows = await RowCheck.examine(page, decoding: replays)
                    return (range, page, rows)
                })
        }
    }
}

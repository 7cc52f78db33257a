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
    /// Everything is read in one read transaction, a page of `pageSize` entries at a time. While one page is
    /// replayed (in order, as the rules need), the next is read and its rows are hashed and decoded, a share of
    /// them on each core (every row stores the hash it links to, so rows are examined independently); the
    /// links, the rules and the projection rows each entry implies are then checked in sequence. Projection
    /// rows are compared by the SHA-256 of their documents, the expected ones encoded as an append writes them.
    public func verify(_ scope: VerificationScope = .everything, pageSize: Int64 = 2_000) async throws
        -> VerificationReport
    {
        let replays = scope == .everything
        let size = max(1, pageSize)
        return try await database.transaction(writing: false) { db in
            let head = try await LedgerTable.head(on: db).sequence
            /// The page starting at `lower`, read and examined; nil past the head.
            @Sendable func page(from lower: Int64) async throws -> ExaminedPage? {
                guard lower <= head else { return nil }
                // Compared before adding, so that a very large page size cannot overflow.
                let range = lower...(size > head - lower ? head : lower + size - 1)
                let rows = try await LedgerTable.entries(in: range, on: db)
                return ExaminedPage(range: range, rows: rows, checks: await RowCheck.examine(rows, decoding: replays))
            }
            var check = LedgerCheck(replays: replays)
            var current = try await page(from: 1)
            while let examined = current {
                async let next = page(from: examined.range.upperBound + 1)
                check.check(examined)
                // A fault found is the first: the page being read after it is not waited for, nor any error
                // reading it.
                if check.failure != nil { break }
                current = try await next
            }
            var report = VerificationReport(
                entries: check.entries, projectionRows: 0, firstBadSequence: check.failure?.sequence,
                problem: check.failure?.problem)
            guard replays, check.failure == nil else { return report }
            let stored = try await EntityVersionsTable.allVersions(on: db)
            report.projectionRows = stored.count
            if let (sequence, problem) = ProjectionCheck.firstDifference(stored: stored, expected: check.expected) {
                report.firstBadSequence = sequence
                report.problem = problem
            }
            return report
        }
    }
}

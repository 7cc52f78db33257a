import AccordCore

/// What `verify` found.
public struct VerificationReport: Sendable, Codable, Equatable {
    /// How many ledger entries were re-hashed.
    public var entries: Int64
    /// How many projection rows were compared with the rebuilt ones.
    public var projectionRows: Int
    /// How many rows of the search index were compared with the words of the rebuilt record.
    public var searchRows = 0
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
    /// The chain, each entry against the rules, every projection row against a rebuild from the ledger, and the
    /// files of every statistical vintage against the digests its entry carries.
    case everything
}

extension Store {
    /// Re-hashes the chain, replays every entry through the rules, rebuilds every projection and compares it
    /// with what is stored, and names the first bad sequence number.
    ///
    /// Everything is read in one read transaction, a page of `pageSize` entries at a time, and three pages are
    /// worked on at once: while one page is checked in order (links, the rules, the projection rows each entry
    /// implies), the rows of the next are hashed and read back, a share of them on each core (every row stores
    /// the hash it links to, so rows are examined independently), and the page after that is read. Projection
    /// rows are compared by the SHA-256 of their documents, the expected ones encoded as an append writes them.
    public func verify(_ scope: VerificationScope = .everything, pageSize: Int64 = 2_000) async throws
        -> VerificationReport
    {
        let replays = scope == .everything
        let size = max(1, pageSize)
        let folder = filesFolder
        return try await database.transaction(writing: false) { db in
            let head = try await LedgerTable.head(on: db).sequence
            /// The page after `range` (the first page when nil), or nil past the head.
            func page(after range: ClosedRange<Int64>?) -> ClosedRange<Int64>? {
                let lower = (range?.upperBound ?? 0) + 1
                guard lower <= head else { return nil }
                // Compared before adding, so that a very large page size cannot overflow.
                return lower...(size > head - lower ? head : lower + size - 1)
            }
            /// The rows of `range`, or why they could not be read: that is reported only once every page before
            /// them was checked, since a rule broken there is the first fault.
            @Sendable func rows(in range: ClosedRange<Int64>?) async -> Result<[StoredEntry], any Error> {
                guard let range else { return .success([]) }
                do {
                    return .success(try await LedgerTable.entries(in: range, chainOnly: !replays, on: db))
                } catch {
                    return .failure(error)
                }
            }
            // Three pages move through three stages at once: one is read from the database, the one before is
            // examined on every core, and the one before that is checked in order.
            var check = LedgerCheck(replays: replays, lexicon: self.lexicon)
            var range = page(after: nil)
            var current = try await rows(in: range).get()
            var checks = await RowCheck.examine(current, decoding: replays)
            var following = await rows(in: range.flatMap(page(after:)))
            while let checked = range {
                let next = page(after: checked)
                let (afterNext, examined) = (next.flatMap(page(after:)), (try? following.get()) ?? [])
                async let reading = rows(in: afterNext)
                async let examining = RowCheck.examine(examined, decoding: replays)
                check.check(ExaminedPage(range: checked, rows: current, checks: checks))
                // A fault found is the first: the pages after it are not waited for.
                if check.failure != nil { break }
                (range, current) = (next, try following.get())
                (checks, following) = (await examining, await reading)
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
                return report
            }
            // The files an entry names by digest (a vintage's, an attachment) are part of what the chain covers.
            if let (sequence, problem) = try await StoredFiles.firstFault(folder: folder, on: db) {
                report.firstBadSequence = sequence
                report.problem = problem
                return report
            }
            // The search index (migration 7) holds the words of the record now; a database an older Accord left
            // has none to compare.
            guard (try await Migrator.newestVersion(on: db) ?? 0) >= Migration.m0007Search.version else {
                return report
            }
            let search = try await SearchIndex.stored(on: db)
            report.searchRows = search.count
            if let (sequence, problem) = SearchIndex.firstDifference(stored: search, in: check.state) {
                report.firstBadSequence = sequence
                report.problem = problem
            }
            return report
        }
    }
}

import AccordCore
import Foundation

/// A page of ledger rows as read, with what could be checked of each row on its own.
struct ExaminedPage: Sendable {
    var range: ClosedRange<Int64>
    var rows: [StoredEntry]
    var checks: [RowCheck]
}

/// What can be worked out for one ledger row without the rows before it: whether its stored hash is the hash
/// of its own previous hash and entry, and (for the full check) its entry read back and compared with the
/// columns repeated from it.
struct RowCheck: Sendable {
    /// Whether SHA-256 over (previous hash, entry) is the stored hash.
    var matches: Bool
    /// The entry read back from its canonical bytes, for the full check.
    var entry: Result<LedgerEntry, any Error>?
    /// Whether the columns repeated from the entry (sequence, time, actor, decision, kind) agree with it.
    var columnsAgree = false

    init(_ row: StoredEntry, decoding: Bool) {
        matches = HashChain.hash(previous: row.previousHash, entry: row.entry.utf8) == row.hash
        guard decoding else { return }
        entry = Result { try row.decoded() }
        if case .success(let entry) = entry {
            columnsAgree =
                entry.sequence == row.sequence && entry.recordedAt.description == row.recordedAt
                && entry.actor.description == row.actor && entry.authority.decision?.rawValue == row.decision
                && entry.change.kind == row.kind
        }
    }

    /// The checks of every row of `rows`, in order: a run of consecutive rows on each core.
    static func examine(_ rows: [StoredEntry], decoding: Bool) async -> [RowCheck] {
        let parts = min(ProcessInfo.processInfo.activeProcessorCount, max(1, rows.count / 64))
        return await withTaskGroup(of: (Int, [RowCheck]).self) { group in
            for part in 0..<parts {
                let run = (rows.count * part / parts)..<(rows.count * (part + 1) / parts)
                group.addTask { (part, rows[run].map { RowCheck($0, decoding: decoding) }) }
            }
            var runs = [[RowCheck]](repeating: [], count: parts)
            for await (part, checks) in group { runs[part] = checks }
            return Array(runs.joined())
        }
    }
}

/// One pass over the ledger in sequence order: the chain, and for the full check the rules and the
/// projection rows each entry implies.
struct LedgerCheck {
    /// Whether entries are decoded and replayed, or only the chain is checked.
    let replays: Bool
    /// The next sequence expected.
    private(set) var next: Int64 = 1
    /// How many entries were checked, as the report gives it.
    private(set) var entries: Int64 = 0
    private var previous = HashChain.genesis
    /// The state the entries checked so far lead to.
    private(set) var state = ProcessState()
    /// For each entity, the (sequence, document digest) of each version the ledger implies: digests rather
    /// than documents, so that the pass over a long ledger keeps a few megabytes.
    private(set) var expected: [EntityRef: [(Int64, String)]] = [:]
    private(set) var failure: (sequence: Int64, problem: String)?

    /// The dictionary the rules check typo fixes against: the store's, as on append.
    let lexicon: any Lexicon

    init(replays: Bool, lexicon: any Lexicon) {
        self.replays = replays
        self.lexicon = lexicon
    }

    private mutating func fail(_ sequence: Int64, _ problem: String) {
        if failure == nil { failure = (sequence, problem) }
    }

    /// Checks each row of a page against the ones before it, then that the page had every entry it should.
    mutating func check(_ page: ExaminedPage) {
        for (row, examined) in zip(page.rows, page.checks) where failure == nil {
            check(row, examined)
        }
        if failure == nil, next != page.range.upperBound + 1 { fail(next, "entry \(next) is missing from the ledger") }
    }

    private mutating func check(_ row: StoredEntry, _ examined: RowCheck) {
        guard row.sequence == next else { return fail(next, "entry \(next) is missing from the ledger") }
        guard row.previousHash == previous else {
            return fail(row.sequence, "entry \(row.sequence) does not link to the hash of the entry before it")
        }
        guard examined.matches else {
            return fail(row.sequence, "entry \(row.sequence) does not match its hash: its content was changed")
        }
        previous = row.hash
        next += 1
        entries = row.sequence
        guard replays, let decoded = examined.entry else { return }
        let entry: LedgerEntry
        switch decoded {
        case .success(let value): entry = value
        case .failure(let error): return fail(row.sequence, "entry \(row.sequence) cannot be read: \(error)")
        }
        guard examined.columnsAgree else {
            return fail(row.sequence, "the columns of entry \(row.sequence) disagree with its hashed content")
        }
        do {
            for ref in try state.apply(entry, lexicon: lexicon) {
                // Encoded exactly as an append writes the projection row.
                let row = try Projection.row(for: ref, in: state)
                expected[ref, default: []].append((entry.sequence, HashChain.digest(of: row.document.utf8)))
            }
        } catch {
            fail(row.sequence, "entry \(row.sequence) breaks a rule: \(error)")
        }
    }
}

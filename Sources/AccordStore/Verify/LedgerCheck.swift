import AccordCore

/// What can be worked out for one ledger row without the rows before it: its two hashes as raw bytes, whether
/// its stored hash is the hash of its own previous hash and entry, and (for the full check) its entry decoded.
///
/// Every row stores the hash it links to, so rows are hashed and decoded independently, on every core;
/// `LedgerCheck` then walks them in order and checks that each links to the one before.
struct RowCheck: Sendable {
    var previous: [UInt8]?
    var hash: [UInt8]?
    /// Whether SHA-256 over (previous hash, entry) is the stored hash.
    var matches: Bool
    var entry: Result<LedgerEntry, any Error>?
    /// Whether the columns repeated from the entry (sequence, time, actor, decision, kind) agree with it;
    /// compared here, on every core, rather than in the pass in sequence order.
    var columnsAgree = false

    /// The checks of every row of `page`, a chunk of consecutive rows per core.
    static func examine(_ page: LedgerPage, decoding: Bool) async -> [RowCheck] {
        Array(
            await Parallel.chunks(page.rows.count) { range in
                var checks: [RowCheck] = []
                checks.reserveCapacity(range.count)
                for index in range {
                    checks.append(RowCheck(page, row: index, decoding: decoding, after: checks.last))
                }
                return checks
            }.joined())
    }

    /// - Parameter before: the check of the row before, whose hash this row's previous hash usually repeats.
    private init(_ page: LedgerPage, row index: Int, decoding: Bool, after before: RowCheck?) {
        let row = page.rows[index]
        // A row that links to the row before repeats its hash: the bytes are compared, not decoded again.
        if let before, index > 0, page.bytes[page.rows[index - 1].hash] == page.bytes[row.previousHash] {
            previous = before.hash
        } else {
            previous = HashChain.raw(hex: page.bytes[row.previousHash])
        }
        hash = HashChain.raw(hex: page.bytes[row.hash])
        let computed = previous.map { previous in
            page.bytes.withUnsafeBytes { bytes in
                HashChain.rawHash(previous: previous, entry: UnsafeRawBufferPointer(rebasing: bytes[row.entry]))
            }
        }
        matches = computed != nil && computed == hash
        // The store's decoder reads the canonical bytes into the same entry as `LedgerEntry.decode(canonical:)`,
        // in less than half the time.
        entry = decoding ? Result { try DocumentDecoder.decode(LedgerEntry.self, from: page.bytes[row.entry]) } : nil
        if case .success(let entry) = entry, let columns = row.columns {
            columnsAgree = page.bytes.withUnsafeBytes { bytes in
                let decisionAgrees =
                    switch (entry.authority.decision, columns.decision) {
                    case (nil, nil): true
                    case (let id?, let range?): id.rawValue.utf8.elementsEqual(bytes[range])
                    default: false
                    }
                return decisionAgrees && entry.sequence == row.sequence
                    && entry.recordedAt.isWritten(as: UnsafeRawBufferPointer(rebasing: bytes[columns.recordedAt]))
                    && entry.actor.isWritten(as: UnsafeRawBufferPointer(rebasing: bytes[columns.actor]))
                    && entry.change.kind.utf8.elementsEqual(bytes[columns.kind])
            }
        }
    }
}

/// An entity an entry changed, with its record right after the entry (nil if the entry removed it): its
/// projection row is encoded later, on every core. The record, not the whole state, is kept: a state kept
/// per entry would hold on to every version of the trees it shares, and release them all at once later.
struct ChangedEntity: Sendable {
    var ref: EntityRef
    var sequence: Int64
    var record: Record?
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
    private var previous = HashChain.raw(hex: HashChain.genesis.utf8)!
    private var state = ProcessState()
    /// For each entity, the (sequence, document digest) of each version the ledger implies.
    private(set) var expected: [EntityRef: [(Int64, [UInt8])]] = [:]
    private(set) var failure: (sequence: Int64, problem: String)?

    /// The dictionary the rules check typo fixes against: the store's, as on append.
    let lexicon: any Lexicon

    init(replays: Bool, lexicon: any Lexicon) {
        self.replays = replays
        self.lexicon = lexicon
    }

    mutating func fail(_ sequence: Int64, _ problem: String) {
        if failure == nil { failure = (sequence, problem) }
    }

    /// Checks one row against the ones before it, collecting the entities its entry changed.
    mutating func check(_ row: LedgerPage.Row, _ examined: RowCheck, changing changed: inout [ChangedEntity]) {
        guard failure == nil else { return }
        guard row.sequence == next else { return fail(next, "entry \(next) is missing from the ledger") }
        guard examined.previous == previous else {
            return fail(row.sequence, "entry \(row.sequence) does not link to the hash of the entry before it")
        }
        guard examined.matches, let hash = examined.hash else {
            return fail(row.sequence, "entry \(row.sequence) does not match its hash: its content was changed")
        }
        previous = hash
        next += 1
        entries = row.sequence
        guard replays, row.columns != nil, let decoded = examined.entry else { return }
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
                changed.append(ChangedEntity(ref: ref, sequence: entry.sequence, record: state.record(ref)))
            }
        } catch {
            fail(row.sequence, "entry \(row.sequence) breaks a rule: \(error)")
        }
    }

    /// Records the projection rows the entries of a page imply, as `Projection.row` encodes them.
    mutating func expect(_ changed: [ChangedEntity], digests: [Result<[UInt8], any Error>]) {
        for (entity, digest) in zip(changed, digests) {
            switch digest {
            case .success(let digest): expected[entity.ref, default: []].append((entity.sequence, digest))
            case .failure(let error):
                // Found after later entries of the page were replayed: it is still the first fault.
                if failure.map({ entity.sequence < $0.sequence }) ?? true {
                    failure = (entity.sequence, "entry \(entity.sequence) breaks a rule: \(error)")
                    entries = entity.sequence
                }
                return
            }
        }
    }

    /// The digest of the projection row of `entity`, computed apart from the pass.
    static func digest(of entity: ChangedEntity) -> Result<[UInt8], any Error> {
        Result {
            guard let record = entity.record else { throw Projection.missing(entity.ref) }
            return try record.encoded().withUnsafeBytes { DocumentDigest.of($0) }
        }
    }
}

import AccordCore

/// What `verify` reads, all of it from one snapshot of the database.
///
/// Each database reads in the way that is fast for it (SQLite straight from its C interface on the
/// connection's thread, PostgreSQL through SQLKit); the checks themselves are written once.
protocol LedgerSnapshot: Sendable {
    /// The last entry's sequence and hash, or (0, genesis) for an empty ledger.
    func head() async throws -> (sequence: Int64, hash: String)

    /// The rows with a sequence in `range`, in order, with the columns repeated from the entry when
    /// `withColumns` (the full check compares them; the chain check does not need them).
    func page(_ range: ClosedRange<Int64>, withColumns: Bool) async throws -> LedgerPage

    /// Every stored version of every entity, with a digest of its document.
    func versions() async throws -> [StoredVersion]
}

/// One page of ledger rows: the text of every row in one buffer, and where each column of each row lies.
///
/// One buffer instead of a string per column: verify reads the whole ledger, and a page of 2,000 rows is
/// then a handful of allocations rather than 16,000.
struct LedgerPage: Sendable {
    struct Row: Sendable {
        var sequence: Int64
        var previousHash: Range<Int>
        var hash: Range<Int>
        /// The canonical bytes of the entry, exactly as hashed.
        var entry: Range<Int>
        /// The columns repeated from the entry, when the page was read with them.
        var columns: Columns?
    }

    /// Where recorded_at, actor, decision and kind lie in `bytes`: the full check compares them with the
    /// decoded entry, as bytes, without a string per column.
    struct Columns: Sendable {
        var recordedAt: Range<Int>
        var actor: Range<Int>
        var decision: Range<Int>?
        var kind: Range<Int>
    }

    var bytes: [UInt8] = []
    var rows: [Row] = []

    /// Appends one row, copying its text; `columns` were copied before with `text(_:)`.
    mutating func append(
        sequence: Int64, previousHash: UnsafeRawBufferPointer, hash: UnsafeRawBufferPointer,
        entry: UnsafeRawBufferPointer, columns: Columns?
    ) {
        rows.append(
            Row(
                sequence: sequence, previousHash: text(previousHash), hash: text(hash), entry: text(entry),
                columns: columns))
    }

    /// Copies `text` into the buffer and says where it lies.
    mutating func text(_ text: UnsafeRawBufferPointer) -> Range<Int> {
        let start = bytes.count
        bytes.append(contentsOf: text)
        return start..<bytes.count
    }

    mutating func text(_ text: String) -> Range<Int> {
        let start = bytes.count
        bytes.append(contentsOf: text.utf8)
        return start..<bytes.count
    }
}

/// One stored version of an entity, with a SHA-256 digest of its document instead of the document: the
/// full check compares digests, which keeps a whole projection table in a few megabytes.
struct StoredVersion: Sendable {
    var ref: EntityRef
    var validFrom: Int64
    var validTo: Int64?
    var digest: [UInt8]
}

/// SHA-256 of a document's UTF-8 bytes.
enum DocumentDigest {
    static func of(_ bytes: UnsafeRawBufferPointer) -> [UInt8] {
        // The chain's hash with nothing before the bytes is plain SHA-256 of the bytes.
        HashChain.rawHash(previous: [], entry: bytes)
    }

    static func of(_ text: String) -> [UInt8] {
        var text = text
        return text.withUTF8 { of(UnsafeRawBufferPointer($0)) }
    }
}

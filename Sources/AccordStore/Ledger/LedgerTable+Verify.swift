import AccordCore
import SQLiteKit

/// The ledger reads of `verify`: pages of rows in sequence order, straight into a `LedgerPage`.
extension LedgerTable {
    private static let chainColumns = "sequence, previous_hash, hash, entry"
    private static let allColumns = "sequence, previous_hash, hash, entry, recorded_at, actor, decision, kind"

    private static func pageQuery(withColumns: Bool) -> String {
        """
        SELECT \(withColumns ? allColumns : chainColumns) FROM ledger \
        WHERE sequence >= ?1 AND sequence <= ?2 ORDER BY sequence
        """
    }

    /// The rows with a sequence in `range`, read on a direct SQLite connection without a string per column.
    ///
    /// A plain SELECT stepped through SQLite's C interface: each row's text is copied once, from SQLite's
    /// page cache into the page's buffer.
    static func page(_ range: ClosedRange<Int64>, withColumns: Bool, on connection: DirectSQLiteConnection) throws
        -> LedgerPage
    {
        var page = LedgerPage()
        page.rows.reserveCapacity(Int(range.upperBound - range.lowerBound + 1))
        let binds: [SQLiteData] = [.integer(Int(range.lowerBound)), .integer(Int(range.upperBound))]
        try connection.execute(pageQuery(withColumns: withColumns), binds) { row in
            let columns =
                withColumns
                ? LedgerPage.Columns(
                    recordedAt: page.text(row.bytes(4)), actor: page.text(row.bytes(5)),
                    decision: row.isNull(6) ? nil : page.text(row.bytes(6)), kind: page.text(row.bytes(7)))
                : nil
            page.append(
                sequence: row.int64(0), previousHash: row.bytes(1), hash: row.bytes(2), entry: row.bytes(3),
                columns: columns)
        }
        return page
    }

    /// The rows with a sequence in `range`, read through SQLKit (PostgreSQL).
    static func page(_ range: ClosedRange<Int64>, withColumns: Bool, on db: any SQLDatabase) async throws
        -> LedgerPage
    {
        let rows = try await db.raw(
            """
            SELECT \(unsafeRaw: withColumns ? allColumns : chainColumns) FROM ledger \
            WHERE sequence >= \(bind: range.lowerBound) AND sequence <= \(bind: range.upperBound) ORDER BY sequence
            """
        ).all()
        var page = LedgerPage()
        page.rows.reserveCapacity(rows.count)
        for row in rows {
            let columns =
                withColumns
                ? LedgerPage.Columns(
                    recordedAt: page.text(try row.decode(column: "recorded_at", as: String.self)),
                    actor: page.text(try row.decode(column: "actor", as: String.self)),
                    decision: try row.decode(column: "decision", as: String?.self).map { page.text($0) },
                    kind: page.text(try row.decode(column: "kind", as: String.self)))
                : nil
            let sequence = try row.decode(column: "sequence", as: Int64.self)
            var previousHash = try row.decode(column: "previous_hash", as: String.self)
            var hash = try row.decode(column: "hash", as: String.self)
            var entry = try row.decode(column: "entry", as: String.self)
            previousHash.withUTF8 { previous in
                hash.withUTF8 { hash in
                    entry.withUTF8 { entry in
                        page.append(
                            sequence: sequence,
                            previousHash: UnsafeRawBufferPointer(previous), hash: UnsafeRawBufferPointer(hash),
                            entry: UnsafeRawBufferPointer(entry), columns: columns)
                    }
                }
            }
        }
        return page
    }

    /// The last entry's sequence and hash on a direct SQLite connection.
    static func head(on connection: DirectSQLiteConnection) throws -> (sequence: Int64, hash: String) {
        var head: (Int64, String)?
        try connection.execute("SELECT sequence, hash FROM ledger ORDER BY sequence DESC LIMIT 1") { row in
            head = (row.int64(0), row.string(1) ?? "")
        }
        return head ?? (0, HashChain.genesis)
    }
}

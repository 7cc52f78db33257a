import AccordCore
import Foundation
import Testing

@testable import AccordStore

/// The store's SQLite connections gather each transaction's WAL writes and write them at the commit's sync:
/// whatever SQLite wrote must still be there to read, by the writer itself, by the store's other
/// connections and by other programs, in transactions of every size.
@Suite("SQLite WAL writes")
struct WALWriteBufferTests {
    @Test("a transaction far larger than what is gathered at once reads back, within itself and after the commit")
    func largeTransactionReadsBack() throws {
        try Self.withDatabaseFile { path in try largeTransactionReadsBack(at: path) }
    }

    private func largeTransactionReadsBack(at path: String) throws {

        let writer = try DirectSQLiteConnection(path: path)
        // A page cache of a few pages makes SQLite spill changed pages to the WAL in the middle of the
        // transaction and read them back from there: those reads must see the writes still being gathered.
        try writer.execute("PRAGMA cache_size = 4")
        try writer.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)")
        try writer.execute("BEGIN IMMEDIATE")
        // 400 rows of 2 KB: about 800 KB of pages, a dozen times what is gathered before a write.
        let rows = 400
        for id in 1...rows {
            try writer.execute("INSERT INTO notes (id, body) VALUES (?1, ?2)", [.integer(id), .text(Self.body(id))])
        }
        #expect(try Self.checksum(on: writer) == Self.expectedChecksum(rows: rows), "read back inside the transaction")
        try writer.execute("COMMIT")

        // Another connection of this process, with the same VFS, and another program, with SQLite's own.
        let reader = try DirectSQLiteConnection(path: path)
        #expect(try Self.checksum(on: reader) == Self.expectedChecksum(rows: rows))
        try writer.execute("INSERT INTO notes (id, body) VALUES (?1, ?2)", [.integer(rows + 1), .text(Self.body(0))])
        #expect(try Self.count(on: reader) == rows + 1, "a single-row commit is seen at once")
        // CI installs the shell; elsewhere the rest of the test still runs without it.
        if let sqlite3 = Subprocess.find("sqlite3") {
            let outside = try Subprocess.runBlocking(
                sqlite3, [path, "PRAGMA integrity_check; SELECT count(*), sum(length(body)) FROM notes"])
            #expect(outside.output == "ok\n\(rows + 1)|\((rows + 1) * 2_000)\n", "\(outside.output)")
        }
        reader.close()
        writer.close()

        // Reopened from the file alone: the WAL holds every committed frame.
        let reopened = try DirectSQLiteConnection(path: path)
        #expect(try Self.count(on: reopened) == rows + 1)
        #expect(try Self.integrity(on: reopened) == "ok")
        reopened.close()
    }

    @Test("a transaction that spilled frames and rolled back leaves nothing over what the next writer commits")
    func rollbackLeavesNothingBehind() throws {
        try Self.withDatabaseFile { path in try rollbackLeavesNothingBehind(at: path) }
    }

    private func rollbackLeavesNothingBehind(at path: String) throws {
        let first = try DirectSQLiteConnection(path: path)
        let second = try DirectSQLiteConnection(path: path)
        try first.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)")
        try first.execute("INSERT INTO notes (id, body) VALUES (1, 'x')")
        // An empty log: the next transaction writes from its start.
        try first.execute("PRAGMA wal_checkpoint(TRUNCATE)")

        // The first connection writes frames to the WAL before its commit (a small page cache spills them),
        // then rolls back: those frames lie beyond the end of the log, where the next writer writes.
        try first.execute("PRAGMA cache_size = 4")
        try first.execute("BEGIN IMMEDIATE")
        try first.execute(
            """
            WITH RECURSIVE n(i) AS (SELECT 2 UNION ALL SELECT i + 1 FROM n WHERE i < 40) \
            INSERT INTO notes SELECT i, hex(randomblob(750)) FROM n
            """)
        try first.execute("ROLLBACK")
        // The second connection commits in the same place, and the first one then reads the file again.
        try second.execute(
            """
            WITH RECURSIVE n(i) AS (SELECT 1000 UNION ALL SELECT i + 1 FROM n WHERE i < 1100) \
            INSERT INTO notes SELECT i, printf('%.1000c', 'B') FROM n
            """)
        #expect(try Self.count(on: first) == 102)
        first.close()
        second.close()

        let reopened = try DirectSQLiteConnection(path: path)
        #expect(try Self.integrity(on: reopened) == "ok")
        #expect(try Self.count(on: reopened) == 102)
        reopened.close()
    }

    @Test("appends of one change and of a thousand, read by the store and by the sqlite3 shell while it runs")
    func appendsReadEverywhere() async throws {
        try await withDatabase(.sqlite) { database in
            try await withOpenStore(database) { store in
                let setup = try await store.appendSetup()
                let proposals = (2...1_001).map { index in
                    ProposedChange(
                        .addItem(
                            Fixture.activity(
                                ItemNumber("MPM-1.\(index)"), title: "Proposed activity \(index)", status: .proposed)),
                        by: Fixture.secretariat, authority: .editorial(reason: "proposals tabled at the meeting"))
                }
                try await store.append(proposals)
                for round in 0..<20 {
                    try await store.append(
                        .changeStatus(
                            item: Fixture.activity, to: round.isMultiple(of: 2) ? .ongoing : .pendingCompletion),
                        by: Fixture.secretariat, authority: .editorial(reason: "progress report"))
                }
                let head = setup.sequence + 1_020
                #expect(try await store.head().sequence == head)
                #expect(try await store.items().items.count == 1_003)

                // The shell reads the same file, WAL included, while the store still has it open.
                let outside = try await database.executeOutsideStore(
                    "PRAGMA integrity_check; SELECT count(*) FROM ledger; "
                        + "SELECT count(*) FROM entity_versions WHERE valid_to IS NULL AND kind = 'item'")
                #expect(outside.output == "ok\n\(head)\n1003\n", "\(outside.output)")
                let report = try await store.verify()
                #expect(report.isValid, "\(report.problem ?? "")")
            }
        }
    }

    /// Runs `body` with the path of a new database file in a folder of its own, removed afterwards.
    private static func withDatabaseFile(_ body: (String) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("accord-wal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try body(folder.appendingPathComponent("wal.sqlite").path)
    }

    private static func body(_ id: Int) -> String {
        String(repeating: Character(UnicodeScalar(UInt8(65 + id % 26))), count: 2_000)
    }

    private static func expectedChecksum(rows: Int) -> Int { (1...rows).reduce(0) { $0 + $1 * 2_000 } }

    /// The sum of each row's id times its length: wrong if any page came back other than it was written.
    private static func checksum(on connection: DirectSQLiteConnection) throws -> Int {
        var sum = 0
        try connection.execute("SELECT id, body FROM notes") { row in
            let body = row.bytes(1)
            let id = Int(row.int64(0))
            let expected = id <= 400 ? Self.body(id) : Self.body(0)
            sum += body.elementsEqual(expected.utf8) ? id * body.count : -1_000_000
        }
        return sum
    }

    private static func count(on connection: DirectSQLiteConnection) throws -> Int {
        var count = 0
        try connection.execute("SELECT count(*) FROM notes") { count = Int($0.int64(0)) }
        return count
    }

    private static func integrity(on connection: DirectSQLiteConnection) throws -> String {
        var result = ""
        try connection.execute("PRAGMA integrity_check") { result = $0.string(0) ?? "" }
        return result
    }
}

import AccordCore
import Testing

@testable import AccordStore

/// Migrations run once, whoever runs them and however often.
@Suite("Migrations")
struct MigrationTests {
    static let all = [
        "1 ledger", "2 projections", "3 accounts", "4 leaner appends", "5 checkpoints", "6 statistics",
        "7 search index", "8 visits and digests", "9 stored files", "10 token last use",
    ]

    @Test("a second migrate() applies nothing and keeps the data", arguments: Backend.all)
    func migrateIsIdempotent(_ backend: Backend) async throws {
        try await withDatabase(backend) { database in
            let head = try await withOpenStore(database, migrate: false) { store in
                #expect(try await store.migrate() == Self.all)
                #expect(try await store.migrate() == [])
                return try await store.appendSetup()
            }
            // Opening again migrates again (as `serve` does); it must find nothing to do and lose nothing.
            let (applied, reopenedHead, report) = try await withOpenStore(database) { store in
                (try await store.migrate(), try await store.head(), try await store.verify())
            }
            #expect(applied == [])
            #expect(reopenedHead == head)
            #expect(report.isValid)
        }
    }

    @Test("two processes migrating at once apply each migration exactly once", arguments: Backend.all)
    func concurrentMigrations(_ backend: Backend) async throws {
        try await withDatabase(backend) { database in
            try await withOpenStore(database, migrate: false) { first in
                try await withOpenStore(database, migrate: false) { second in
                    async let one = first.migrate()
                    async let other = second.migrate()
                    let applied = try await one + other
                    #expect(applied.sorted() == Self.all.sorted())
                    try await first.appendSetup()
                    #expect(try await second.head().sequence == 10)
                }
            }
        }
    }

    @Test(
        "upgrading a database an earlier release wrote keeps every entry, the chain and the append-only rule",
        arguments: Backend.all)
    func upgradeKeepsTheLedger(_ backend: Backend) async throws {
        try await withDatabase(backend) { database in
            // Migration 4 rebuilds SQLite's ledger table: a database with entries must come through it whole.
            let (head, entries, plan) = try await withOpenStore(database, migrate: false) { store in
                #expect(try await store.migrate(through: 3) == Array(Self.all.prefix(3)))
                let head = try await store.appendSetup()
                return (head, try await store.allEntries(), try await store.items())
            }
            try await withOpenStore(database, migrate: false) { store in
                #expect(try await store.migrate() == Array(Self.all.dropFirst(3)))
                #expect(try await store.head() == head)
                #expect(try await store.allEntries() == entries)
                #expect(
                    try await store.items().items.sorted(by: Plan.inReadingOrder)
                        == plan.items.sorted(by: Plan.inReadingOrder))
                let report = try await store.verify()
                #expect(report.isValid, "\(report.problem ?? "")")

                // The rebuilt table keeps the rules of the old one: no fork, no change, no removal.
                let next = try await store.append(Fixture.secondMeeting)
                #expect(next.first?.previousHash == head.hash)
                for sql in [
                    "INSERT INTO ledger SELECT * FROM ledger WHERE sequence = 10",
                    "UPDATE ledger SET actor = 'someone else' WHERE sequence = 3",
                    "DELETE FROM ledger WHERE sequence = 10",
                ] {
                    let result = try await database.executeOutsideStore(sql)
                    #expect(!result.succeeded, "\(sql) must be refused")
                }
                #expect(try await store.verify().isValid)
            }
        }
    }

    @Test(
        "a vintage's files a schema-8 database kept in statistics_files are readable and verified after migration 9",
        arguments: Backend.all)
    func storedFilesFromSchema8(_ backend: Backend) async throws {
        let (upload, data) = (StatisticsStoreTests.upload, StatisticsStoreTests.data)
        try await withDatabase(backend) { database in
            let sequence = try await withOpenStore(database, migrate: false) { store in
                #expect(try await store.migrate(through: 8) == Array(Self.all.prefix(8)))
                try await store.appendSetup()
                // As schema 8 kept a vintage's files: in their own table, the bytes in the row.
                for file in [upload, data] {
                    let hex = file.content.map { String(format: "%02x", $0) }.joined()
                    let bytes = backend == .postgres ? "'\\x\(hex)'::bytea" : "X'\(hex)'"
                    let inserted = try await database.executeOutsideStore(
                        """
                        INSERT INTO statistics_files (sha256, media_type, size, content) \
                        VALUES ('\(file.sha256)', '\(file.mediaType)', \(file.content.count), \(bytes))
                        """)
                    #expect(inserted.succeeded, "\(inserted)")
                }
                let appended = try await store.append([
                    ProposedChange(
                        .commitVintage(StatisticsStoreTests.vintage("MEX", upload: upload, data: data)),
                        by: StatisticsStoreTests.mexico, authority: .participant("MEX"))
                ])
                let report = try await store.verify()
                #expect(report.isValid, "\(report.problem ?? "")")
                return appended[0].entry.sequence
            }
            try await withOpenStore(database, migrate: false) { store in
                // Migration 9 first; later ones (10 on) follow it.
                #expect(try await store.migrate().first == "9 stored files")
                #expect(try await store.storedFile(upload.sha256) == upload)
                #expect(try await store.storedFile(data.sha256) == data)
                let report = try await store.verify()
                #expect(report.isValid, "\(report.problem ?? "")")
                #expect(report.entries == sequence)
                // statistics_files is gone: the files are read from stored_files alone.
                let old = try await database.executeOutsideStore("SELECT count(*) FROM statistics_files")
                #expect(!old.succeeded)
            }
        }
    }
}

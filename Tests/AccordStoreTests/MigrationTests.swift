import AccordCore
import AccordStore
import Testing

/// Migrations run once, whoever runs them and however often.
@Suite("Migrations")
struct MigrationTests {
    static let all = ["1 ledger", "2 projections", "3 accounts"]

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
                    #expect(applied.sorted() == Self.all)
                    try await first.appendSetup()
                    #expect(try await second.head().sequence == 12)
                }
            }
        }
    }
}

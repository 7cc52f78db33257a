import AccordCore
import Foundation
import SQLKit
import Testing

@testable import AccordStore

/// The store refuses to start on settings that would let a crash lose an acknowledged change.
@Suite("Durability settings")
struct DurabilityTests {
    @Test(
        "PostgreSQL with a server-wide durability setting off is refused",
        .enabled(if: PostgresTools.shouldRun, Comment(rawValue: PostgresTools.skipReason)),
        arguments: ["fsync", "full_page_writes"])
    func unsafeServerIsRefused(_ setting: String) async throws {
        // These settings belong to the whole server, so the test starts a server of its own with one switched off.
        let cluster = try await PostgresCluster.start(tools: try PostgresTools.require(), settings: [setting: "off"])
        do {
            let database = try await cluster.createDatabase()
            await #expect(throws: StoreError.unsafeDurability(setting: setting, value: "off", needed: "on")) {
                let store = try await Store.open(.postgres(url: cluster.url(database: database)), logger: .tests)
                await store.close()
            }
            // Refused before migrating: nothing was written to the database.
            let tables = try await cluster.psql("SELECT to_regclass('ledger') IS NULL", database: database)
            #expect(tables.output.trimmingCharacters(in: .whitespacesAndNewlines) == "t", "\(tables.output)")
        } catch {
            await cluster.stop()
            throw error
        }
        await cluster.stop()
    }

    @Test(
        "PostgreSQL with synchronous_commit off for the database is refused",
        .enabled(if: PostgresTools.shouldRun, Comment(rawValue: PostgresTools.skipReason)))
    func asynchronousCommitIsRefused() async throws {
        try await withDatabase(.postgres) { database in
            guard case .postgres(let cluster, let name) = database.target else { return }
            let altered = try await cluster.psql("ALTER DATABASE \(name) SET synchronous_commit = off", database: name)
            #expect(altered.succeeded, "\(altered.output)")

            await #expect(
                throws: StoreError.unsafeDurability(setting: "synchronous_commit", value: "off", needed: "on")
            ) {
                let store = try await database.open()
                await store.close()
            }
            // Put back, the same database is accepted: the refusal was about the setting and nothing else.
            _ = try await cluster.psql("ALTER DATABASE \(name) RESET synchronous_commit", database: name)
            let head = try await withOpenStore(database) { store in try await store.head() }
            #expect(head.sequence == 0)
        }
    }

    @Test("SQLite runs in WAL mode with full synchronous commits and foreign keys on")
    func sqlitePragmas() async throws {
        try await withDatabase(.sqlite) { database in
            try await withOpenStore(database) { store in
                try await store.appendSetup()

                // WAL is a property of the file, so another program opening the file sees it too.
                let mode = try await database.executeOutsideStore("PRAGMA journal_mode")
                #expect(mode.output.trimmingCharacters(in: .whitespacesAndNewlines) == "wal", "\(mode.output)")

                // synchronous and foreign_keys belong to each connection: ask the store's own connections, a
                // reader's and the writer's.
                @Sendable func check(_ db: any SQLDatabase) async throws {
                    let sync = try await db.raw("PRAGMA synchronous").first()?.decode(
                        column: "synchronous", as: Int.self)
                    #expect(sync == 2, "synchronous must be FULL (2)")
                    let keys = try await db.raw("PRAGMA foreign_keys").first()?.decode(
                        column: "foreign_keys", as: Int.self)
                    #expect(keys == 1)
                    // Foreign keys on means a projection row cannot point at a ledger entry that does not exist.
                    await #expect(throws: (any Error).self) {
                        try await db.raw(
                            "INSERT INTO entity_versions (kind, id, valid_from, document) VALUES ('item', 'X', 999, '{}')"
                        ).run()
                    }
                }
                try await store.database.withSession { db in try await check(db) }
                try await store.database.transaction(writing: true) { db in try await check(db) }
            }
        }
    }
}

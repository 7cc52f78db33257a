import AccordCore
import AccordStore
import Testing

/// The database itself refuses to change or remove ledger rows, even for someone who bypasses Accord.
@Suite("The ledger is append-only in the database")
struct AppendOnlyTests {
    @Test("UPDATE and DELETE on ledger rows are refused by the database", arguments: Backend.all)
    func updateAndDeleteAreRefused(_ backend: Backend) async throws {
        try await withDatabase(backend) { database in
            try await withOpenStore(database) { store in
                let head = try await store.appendSetup()
                let entries = try await store.allEntries()

                var attempts = [
                    "UPDATE ledger SET actor = 'someone else' WHERE sequence = 3",
                    "UPDATE ledger SET entry = '{}', hash = previous_hash WHERE sequence = 10",
                    "DELETE FROM ledger WHERE sequence = 10",
                    "DELETE FROM ledger",
                ]
                // PostgreSQL also has TRUNCATE, which skips row triggers; CASCADE gets past the foreign keys.
                if backend == .postgres { attempts.append("TRUNCATE ledger CASCADE") }
                for sql in attempts {
                    let result = try await database.executeOutsideStore(sql)
                    #expect(!result.succeeded, "\(sql) must be refused")
                    #expect(result.output.contains("the ledger is append-only"), "\(sql): \(result.output)")
                }

                #expect(try await store.head() == head)
                #expect(try await store.allEntries() == entries)
                let report = try await store.verify()
                #expect(report.isValid, "\(report.problem ?? "")")
            }
        }
    }

    @Test(
        "a store refuses to start on a ledger whose append-only triggers were dropped or disabled, naming them",
        arguments: Backend.all)
    func missingTriggerIsRefused(_ backend: Backend) async throws {
        try await withDatabase(backend) { database in
            let head = try await withOpenStore(database) { store in try await store.appendSetup() }
            // Someone with a database shell removes one trigger, then the other (on PostgreSQL switches it off).
            let (first, second) =
                switch backend {
                case .sqlite: ("DROP TRIGGER ledger_refuses_delete", "DROP TRIGGER ledger_refuses_update")
                case .postgres:
                    (
                        "DROP TRIGGER ledger_refuses_truncate ON ledger",
                        "ALTER TABLE ledger DISABLE TRIGGER ledger_refuses_update_delete"
                    )
                }
            let (named, both): ([String], [String]) =
                switch backend {
                case .sqlite: (["ledger_refuses_delete"], ["ledger_refuses_update", "ledger_refuses_delete"])
                case .postgres:
                    (["ledger_refuses_truncate"], ["ledger_refuses_update_delete", "ledger_refuses_truncate"])
                }
            for (sql, missing) in [(first, named), (second, both)] {
                let result = try await database.executeOutsideStore(sql)
                #expect(result.succeeded, "\(sql): \(result.output)")
                await #expect(throws: StoreError.unguardedLedger(missingTriggers: missing)) {
                    let store = try await database.open()
                    await store.close()
                }
            }
            // Opened as it is (as `accord verify` opens it), the ledger can still be read and examined.
            let (reopened, report) = try await withOpenStore(database, migrate: false) { store in
                (try await store.head(), try await store.verify())
            }
            #expect(reopened == head)
            #expect(report.isValid, "\(report.problem ?? "")")
        }
    }
}

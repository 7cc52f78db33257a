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
}

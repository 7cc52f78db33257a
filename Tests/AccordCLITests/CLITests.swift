import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The `accord` command as a Secretariat's systems administrator uses it.
@Suite(.serialized) struct CLITests {
    @Test func verifyPassesOnTheDemoAndNamesTheEntryAlteredBySQLite() async throws {
        let folder = try Command.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }

        let loaded = try await Command.run(["demo", "--database-url", "rcm.sqlite"], in: folder)
        #expect(loaded.status == 0, "\(loaded.output)")
        let clean = try await Command.run(["verify", "--database-url", "rcm.sqlite"], in: folder)
        #expect(clean.status == 0 && clean.output.hasPrefix("OK:"), "\(clean.output)")

        // The database itself refuses the edit while the trigger stands…
        let refused = try await Command.system(
            "sqlite3", ["rcm.sqlite", "UPDATE ledger SET actor = 'someone else' WHERE sequence = 7"], in: folder)
        #expect(refused.status != 0 && refused.output.contains("append-only"), "\(refused.output)")
        // …and once someone with file access removes it and edits entry 7, verify names entry 7.
        let altered = try await Command.system(
            "sqlite3",
            [
                "rcm.sqlite",
                "DROP TRIGGER ledger_refuses_update; UPDATE ledger SET entry = replace(entry, 'a', 'o') WHERE sequence = 7",
            ], in: folder)
        #expect(altered.status == 0, "\(altered.output)")
        let fault = try await Command.run(["verify", "--database-url", "rcm.sqlite"], in: folder)
        #expect(fault.status == 1)
        #expect(fault.output.contains("FAULT at ledger sequence 7"), "\(fault.output)")
    }

    @Test func serveDemoServesTheDefaultDatabaseThatEveryCommandReads() async throws {
        let folder = try Command.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // The demo loaded by `accord demo` is served by `serve --demo`, which adds the demo accounts to it.
        #expect(try await Command.run(["demo"], in: folder).status == 0)
        let port = 20_000 + Int.random(in: 0..<20_000)
        let server = Command.start(["serve", "--demo", "--port", "\(port)"], in: folder)
        try server.run()
        do {
            defer {
                server.terminate()
                server.waitUntilExit()
            }
            // The Strategic Plan replaced the Plan of Action from 2019: its lines of action are in the archive.
            let body = try #require(
                await HTTP.waitUntilUp("http://127.0.0.1:\(port)/api/v1/plan?version=archive"),
                "accord serve --demo did not answer")
            #expect(body.contains("\"line-of-action\""))
            #expect(body.contains("\"version\":\"archive\""))
        }
        // One default database: what the server served is what the other commands read.
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("accord-demo.sqlite").path))
        let accounts = try await Command.run(["user", "list"], in: folder)
        #expect(accounts.output.contains("secretariat") && accounts.output.contains("mexico"), "\(accounts.output)")
        let plan = try await Command.run(["export", "plan", "--format", "csv", "-o", "plan.csv"], in: folder)
        #expect(plan.status == 0, "\(plan.output)")

        let again = try await Command.run(["demo"], in: folder)
        #expect(again.status != 0 && again.output.contains("already holds"), "\(again.output)")
    }

    @Test func migrateIsIdempotentAndRejectsAnUnknownURL() async throws {
        let folder = try Command.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try await Command.run(["migrate"], in: folder)
        #expect(first.status == 0 && first.output.contains("1 ledger"), "\(first.output)")
        let second = try await Command.run(["migrate"], in: folder)
        #expect(second.output.contains("up to date"), "\(second.output)")
        let bad = try await Command.run(["verify", "--database-url", "mysql://somewhere/db"], in: folder)
        #expect(bad.status != 0 && bad.output.contains("--database-url"), "\(bad.output)")
    }
}

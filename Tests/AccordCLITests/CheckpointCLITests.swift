import Foundation
import Testing

/// Checkpoints as an installation runs them: a key made by the CLI and kept outside the database, a server
/// that signs the head, a copy of the checkpoint kept elsewhere, and `accord verify --checkpoint` catching a
/// ledger truncated behind Accord's back — which `verify` alone cannot (issue 17).
@Suite(.serialized) struct CheckpointCLITests {
    @Test func verifyWithACheckpointCatchesALedgerTruncatedAfterTheTriggerWasDropped() async throws {
        let folder = try Command.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }

        let made = try await Command.run(
            ["checkpoint", "key", "--out", "ledger.key", "--name", "rcm.test/accord"], in: folder)
        #expect(made.status == 0, "\(made.output)")
        let publicKey = made.output.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(publicKey.hasPrefix("rcm.test/accord+"), "\(made.output)")
        let mode =
            try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent("ledger.key").path)[
                .posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600, "the key file is its owner's alone")
        let again = try await Command.run(["checkpoint", "key", "--out", "ledger.key"], in: folder)
        #expect(again.status != 0 && again.output.contains("never replaced"), "\(again.output)")

        let loaded = try await Command.run(["demo", "--database-url", "rcm.sqlite"], in: folder)
        #expect(loaded.status == 0, "\(loaded.output)")
        let head = try #require(Int(try await sqlite(folder, "SELECT max(sequence) FROM ledger")))

        // The server signs the head when it starts; an auditor keeps the checkpoint it serves, outside.
        let port = 20_000 + Int.random(in: 0..<20_000)
        let server = Command.start(
            ["serve", "--database-url", "rcm.sqlite", "--port", "\(port)", "--checkpoint-key", "ledger.key"],
            in: folder)
        try server.run()
        let url = "http://127.0.0.1:\(port)/api/v1/ledger/checkpoint"
        let served = try #require(await HTTP.waitUntilUp(url), "accord serve --checkpoint-key did not start")
        server.terminate()
        server.waitUntilExit()
        #expect(served.hasPrefix("rcm.test/accord\n\(head)\n"), "\(served)")
        try served.write(to: folder.appendingPathComponent("kept.checkpoint"), atomically: true, encoding: .utf8)
        let extended = try await Command.run(
            ["verify", "--database-url", "rcm.sqlite", "--checkpoint", "kept.checkpoint", "--key", publicKey],
            in: folder)
        #expect(extended.status == 0, "\(extended.output)")
        #expect(extended.output.contains("The ledger extends the checkpoint of size \(head)."), "\(extended.output)")

        // A delegation cosigns the checkpoint it kept, as a witness, after checking Accord's signature.
        let witness = try await Command.run(
            ["checkpoint", "key", "--witness", "--out", "mex.key", "--name", "mex.test/witness"], in: folder)
        #expect(witness.status == 0 && witness.output.hasPrefix("mex.test/witness+"), "\(witness.output)")
        let cosigned = try await Command.run(
            ["checkpoint", "cosign", "--key", "mex.key", "--checkpoint", "kept.checkpoint", "--log-key", publicKey],
            in: folder)
        #expect(cosigned.status == 0, "\(cosigned.output)")
        #expect(
            cosigned.output.hasPrefix(served) && cosigned.output.contains("\n— mex.test/witness "), "\(cosigned.output)"
        )
        let wrongLog = try await Command.run(
            [
                "checkpoint", "cosign", "--key", "mex.key", "--checkpoint", "kept.checkpoint", "--log-key",
                witness.output.trimmingCharacters(in: .whitespacesAndNewlines),
            ],
            in: folder)
        #expect(
            wrongLog.status != 0 && wrongLog.output.contains("no signature of the note is by mex.test/witness"),
            "a witness does not cosign a checkpoint it cannot verify: \(wrongLog.output)")

        // A checkpoint signed by another key is refused as such, before the ledger is even read.
        let other = try await Command.run(
            ["checkpoint", "key", "--out", "other.key", "--name", "rcm.test/accord"], in: folder)
        let forged = try await Command.run(
            [
                "verify", "--database-url", "rcm.sqlite", "--checkpoint", "kept.checkpoint", "--key",
                other.output.trimmingCharacters(in: .whitespacesAndNewlines),
            ], in: folder)
        #expect(forged.status != 0 && forged.output.contains("not signed by that key"), "\(forged.output)")

        // Someone with the database file drops the trigger, removes the last three entries and the projection
        // rows they made, and puts the trigger back.
        let trigger = try await sqlite(folder, "SELECT sql FROM sqlite_master WHERE name = 'ledger_refuses_delete'")
        #expect(trigger.hasPrefix("CREATE TRIGGER"))
        let kept = head - 3
        let truncated = try await Command.system(
            "sqlite3",
            [
                "rcm.sqlite",
                """
                DROP TRIGGER ledger_refuses_delete;
                DELETE FROM entity_versions WHERE valid_from > \(kept);
                UPDATE entity_versions SET valid_to = NULL WHERE valid_to > \(kept);
                DELETE FROM search_entries WHERE NOT EXISTS (SELECT 1 FROM entity_versions v
                    WHERE v.kind = search_entries.kind AND v.id = search_entries.id AND v.valid_to IS NULL);
                DELETE FROM ledger WHERE sequence > \(kept);
                \(trigger);
                """,
            ], in: folder)
        #expect(truncated.status == 0, "\(truncated.output)")

        // What issue 17 found: the truncated chain is well formed, so verify passes…
        let chainOnly = try await Command.run(["verify", "--database-url", "rcm.sqlite", "--chain-only"], in: folder)
        #expect(chainOnly.status == 0, "\(chainOnly.output)")
        #expect(try await Command.run(["verify", "--database-url", "rcm.sqlite"], in: folder).status == 0)
        // …and the checkpoint kept outside catches it, naming the first entry missing.
        for arguments in [["--chain-only"], []] {
            let caught = try await Command.run(
                ["verify", "--database-url", "rcm.sqlite", "--checkpoint", "kept.checkpoint", "--key", publicKey]
                    + arguments, in: folder)
            #expect(caught.status == 1, "\(caught.output)")
            #expect(caught.output.contains("FAULT at ledger sequence \(kept + 1)"), "\(caught.output)")
            #expect(caught.output.contains("entries \(kept + 1) to \(head) were removed"), "\(caught.output)")
        }

        // The server will not sign the truncated head: it refuses to start, saying why.
        let refused = try await Command.run(
            ["serve", "--database-url", "rcm.sqlite", "--port", "\(port + 1)", "--checkpoint-key", "ledger.key"],
            in: folder)
        #expect(refused.status != 0, "\(refused.output)")
        #expect(
            refused.output.contains("refusing to sign") && refused.output.contains("truncated"), "\(refused.output)")
    }

    @Test func aKeyFileOthersCanReadIsRefused() async throws {
        let folder = try Command.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try await Command.run(["checkpoint", "key", "--out", "ledger.key"], in: folder).status == 0)
        let path = folder.appendingPathComponent("ledger.key").path
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        #expect(try await Command.run(["migrate", "--database-url", "rcm.sqlite"], in: folder).status == 0)
        let signed = try await Command.run(
            ["checkpoint", "sign", "--database-url", "rcm.sqlite", "--key", "ledger.key"], in: folder)
        #expect(signed.status != 0 && signed.output.contains("can be read by others"), "\(signed.output)")
    }

    /// One value from the SQLite file, as text.
    private func sqlite(_ folder: URL, _ query: String) async throws -> String {
        try await Command.system("sqlite3", ["rcm.sqlite", query], in: folder).output
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

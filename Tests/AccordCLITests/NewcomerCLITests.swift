import Foundation
import Testing

/// The command line as a newcomer expects it (issue 19.4): one default database, a clear failure where there
/// is no record, and backups that restore and verify.
@Suite(.serialized) struct NewcomerCLITests {
    @Test func everyCommandUsesOneDefaultDatabaseAndSaysSoWhenThereIsNoRecord() async throws {
        let folder = try Command.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }

        // Nothing here yet: a read says there is no database, fails, and makes none.
        for arguments in [
            ["export", "plan", "-o", "plan.docx"], ["export", "decisions", "--format", "akn", "-o", "akn"],
            ["verify"], ["agenda", "RCGM"], ["compare", "1", "now"], ["backup", "copy.sqlite"],
        ] {
            let missing = try await Command.run(arguments, in: folder)
            #expect(missing.status != 0, "\(arguments): \(missing.output)")
            #expect(missing.output.contains("there is no database at accord.sqlite (the default)"), "\(missing.output)")
        }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("accord.sqlite").path))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("plan.docx").path))

        // An empty database (migrated, no ledger entry) holds no record: said so, status 1.
        #expect(try await Command.run(["migrate"], in: folder).status == 0)
        let empty = try await Command.run(["export", "decisions", "--format", "akn", "-o", "akn"], in: folder)
        #expect(empty.status != 0 && empty.output.contains("holds no record"), "\(empty.output)")

        // `accord demo` loads the default database, and every other command reads it without being told.
        #expect(try await Command.run(["demo"], in: folder).status == 0)
        let akn = try await Command.run(["export", "decisions", "--format", "akn", "-o", "akn"], in: folder)
        #expect(akn.status == 0 && !akn.output.contains("Wrote 0"), "\(akn.output)")
        let verified = try await Command.run(["verify"], in: folder)
        #expect(verified.status == 0 && verified.output.contains("Head: ledger position"), "\(verified.output)")
    }

    @Test func revisionReportHelpAndAnUnknownKindListTheChangeKinds() async throws {
        let folder = try Command.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let help = try await Command.run(["revision-report", "--help"], in: folder)
        for kind in ["add-item", "amend-item", "table-draft", "approve-agenda"] {
            #expect(help.output.contains(kind), "\(help.output)")
        }
        #expect(try await Command.run(["demo"], in: folder).status == 0)
        let draft = folder.appendingPathComponent("draft.json")
        try Data(
            #"[{"change": {"kind": "add-itme"}, "actor": {"name": "ts", "role": "secretariat"}, "authority": {"decision": "RCM-V/1"}}]"#
                .utf8
        ).write(to: draft)
        let refused = try await Command.run(["revision-report", "--draft", "draft.json"], in: folder)
        #expect(refused.status != 0)
        #expect(
            refused.output.contains("'add-itme' is not a kind of change; the kinds are describe-process"),
            "\(refused.output)")
        #expect(refused.output.contains("approve-agenda"), "\(refused.output)")
    }

    @Test func backupRestoresIntoANewFileAndVerifiesThere() async throws {
        let folder = try Command.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try await Command.run(["demo"], in: folder).status == 0)

        let backup = try await Command.run(["backup", "copy.sqlite"], in: folder)
        #expect(backup.status == 0, "\(backup.output)")
        let head = try #require(backup.output.firstMatch(of: /ledger position (\d+) \(head hash ([0-9a-f]{64})\)/))

        let restored = try await Command.run(
            ["restore", "copy.sqlite", "--database-url", "restored.sqlite"], in: folder)
        #expect(restored.status == 0, "\(restored.output)")
        #expect(restored.output.contains("ledger position \(head.1), head hash \(head.2)"), "\(restored.output)")
        #expect(restored.output.contains("verify: OK"), "\(restored.output)")

        // Neither a backup nor a restore overwrites a file.
        let again = try await Command.run(["restore", "copy.sqlite", "--database-url", "restored.sqlite"], in: folder)
        #expect(again.status != 0 && again.output.contains("already exists"), "\(again.output)")
        let over = try await Command.run(["backup", "copy.sqlite"], in: folder)
        #expect(over.status != 0 && over.output.contains("already exists"), "\(over.output)")
        // A file that is no backup is refused before anything is written.
        try Data("not a backup".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        let wrong = try await Command.run(["restore", "notes.txt", "--database-url", "other.sqlite"], in: folder)
        #expect(wrong.output.contains("is not a SQLite backup"), "\(wrong.output)")
        #expect(wrong.status != 0)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("other.sqlite").path))
    }

    @Test func backupWithAFilesFolderCopiesItAndRestoreNeedsOne() async throws {
        let folder = try Command.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try await Command.run(["demo"], in: folder).status == 0)
        try Data("%PDF-1.4\nActa de la V RCM\n%%EOF\n".utf8).write(to: folder.appendingPathComponent("acta.pdf"))
        let attached = try await Command.run(
            ["attach", "meeting", "RCM-V", "acta.pdf", "--files-dir", "files"], in: folder)
        let digest = try #require(attached.output.firstMatch(of: /SHA-256 ([0-9a-f]{64})/), "\(attached.output)").1

        // Without the files folder, the backup is refused rather than written without the file.
        let blind = try await Command.run(["backup", "blind.sqlite"], in: folder)
        #expect(blind.status != 0 && blind.output.contains("--files-dir"), "\(blind.output)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("blind.sqlite").path))

        let backup = try await Command.run(["backup", "copy.sqlite", "--files-dir", "files"], in: folder)
        #expect(backup.output.contains("Copied 1 stored file from the files folder to copy.sqlite.files."))
        #expect(
            FileManager.default.fileExists(atPath: folder.appendingPathComponent("copy.sqlite.files/\(digest)").path))

        // Restoring it needs a files folder, and with one verifies.
        let refused = try await Command.run(
            ["restore", "copy.sqlite", "--database-url", "restored.sqlite"], in: folder)
        #expect(refused.status != 0 && refused.output.contains("--files-dir"), "\(refused.output)")
        let restored = try await Command.run(
            ["restore", "copy.sqlite", "--database-url", "restored.sqlite", "--files-dir", "restored-files"], in: folder
        )
        #expect(restored.status == 0 && restored.output.contains("verify: OK"), "\(restored.output)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("restored-files/\(digest)").path))
    }
}

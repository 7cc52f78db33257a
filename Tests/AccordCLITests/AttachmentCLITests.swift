import Foundation
import Testing

/// `accord attach` and `accord attachments` as a newcomer runs them on the demo (no account yet: the trial
/// Secretariat): a file attached, listed, saved back byte for byte; a folder of files verified and a forged
/// file found; HTML refused with nothing recorded.
struct AttachmentCLITests {
    @Test func attachListSaveAndVerifyWithAFilesFolder() async throws {
        let folder = try Command.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try await Command.run(["demo"], in: folder).status == 0)
        let pdf = Data("%PDF-1.4\nActa de la V RCM\n%%EOF\n".utf8)
        try pdf.write(to: folder.appendingPathComponent("acta.pdf"))
        try Data("<html><script>alert(1)</script></html>".utf8).write(to: folder.appendingPathComponent("acta.html"))

        let html = try await Command.run(["attach", "meeting", "RCM-V", "acta.html"], in: folder)
        #expect(html.status != 0 && html.output.contains("HTML"), "\(html.output)")

        let files = ["--files-dir", "files"]
        let attached = try await Command.run(
            ["attach", "meeting", "RCM-V", "acta.pdf", "--title", "Acta", "--language", "es"] + files, in: folder)
        #expect(attached.status == 0, "\(attached.output)")
        #expect(attached.output.contains("as attachment 1"), "\(attached.output)")
        let digest = try #require(attached.output.firstMatch(of: /SHA-256 ([0-9a-f]{64})/)).1
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("files/\(digest)").path))

        let listed = try await Command.run(["attachments", "meeting", "RCM-V"], in: folder)
        // The table shortens the digest; its beginning is enough.
        #expect(listed.output.contains("acta.pdf"), "\(listed.output)")
        #expect(listed.output.contains(String(digest.prefix(16))), "\(listed.output)")
        let saved = try await Command.run(["attachments", "--save", "1", "--output", "copy.pdf"] + files, in: folder)
        #expect(saved.status == 0, "\(saved.output)")
        #expect(FileManager.default.contents(atPath: folder.appendingPathComponent("copy.pdf").path) == pdf)
        #expect(try await Command.run(["verify"] + files, in: folder).status == 0)

        try Data("%PDF-1.4\nforged\n".utf8).write(to: folder.appendingPathComponent("files/\(digest)"))
        let forged = try await Command.run(["verify"] + files, in: folder)
        #expect(forged.status != 0 && forged.output.contains("attachment 1"), "\(forged.output)")
    }
}

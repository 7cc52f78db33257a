import Foundation
import Testing

/// E-mail digests as an administrator runs them: `accord serve` with an SMTP server configured runs the digest
/// sender beside the web server and stops both on SIGTERM; `accord digest` subscribes, lists and sends a round.
@Suite("accord digest and serve's digest sender")
struct DigestCLITests {
    @Test func serveRunsTheDigestSenderAndStopsGracefully() async throws {
        let folder = try Command.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let port = 20_000 + Int.random(in: 0..<20_000)
        let refused = try await Command.run(["serve", "--digest-interval", "weekly"], in: folder)
        #expect(refused.status != 0 && refused.output.contains("--digest-interval"), "\(refused.output)")

        let server = Command.start(["serve", "--demo", "--port", "\(port)", "--digest-interval", "hourly"], in: folder)
        var environment = ProcessInfo.processInfo.environment
        environment["ACCORD_SMTP_HOST"] = "127.0.0.1"
        environment["ACCORD_SMTP_PORT"] = "9"
        server.environment = environment
        try server.run()
        let up = await HTTP.waitUntilUp("http://127.0.0.1:\(port)/api/v1/process")
        server.terminate()
        server.waitUntilExit()
        let output = String(
            decoding: (server.standardOutput as? Pipe)?.fileHandleForReading.readDataToEndOfFile() ?? Data(),
            as: UTF8.self)
        #expect(up != nil, "accord serve did not answer: \(output)")
        #expect(output.contains("digests scheduled") && output.contains("interval=hourly"), "\(output)")
        #expect(server.terminationStatus == 0, "SIGTERM stops the server and the digests gracefully: \(output)")

        // The administrator subscribes the demo's Secretariat; a round now finds nothing new to send.
        let subscribed = try await Command.run(
            ["digest", "subscribe", "secretariat", "--address", "ts@rcm.example"], in: folder)
        #expect(subscribed.status == 0 && subscribed.output.contains("secretariat receives digests at ts@rcm.example"))
        let bad = try await Command.run(["digest", "subscribe", "secretariat", "--address", "ts"], in: folder)
        #expect(bad.status != 0 && bad.output.contains("is not one e-mail address"), "\(bad.output)")
        let list = try await Command.run(["digest", "list"], in: folder)
        #expect(list.output.contains("ts@rcm.example") && list.output.contains("never"), "\(list.output)")
        let unconfigured = try await Command.run(["digest", "send"], in: folder)
        #expect(unconfigured.status != 0 && unconfigured.output.contains("ACCORD_SMTP_HOST"), "\(unconfigured.output)")
        let round = try await Command.system(
            "/usr/bin/env",
            ["ACCORD_SMTP_HOST=127.0.0.1", "ACCORD_SMTP_PORT=9", Command.executable.path, "digest", "send"],
            in: folder)
        #expect(round.status == 0 && round.output.contains("nothing new for secretariat"), "\(round.output)")
        #expect(try await Command.run(["digest", "unsubscribe", "secretariat"], in: folder).status == 0)
        #expect(try await Command.run(["digest", "unsubscribe", "secretariat"], in: folder).status != 0)
    }
}

import Foundation
import Testing

/// `accord user` as an administrator runs it on the server (issue 19.1): list the accounts, list an account's
/// tokens (never the tokens), revoke one, and the last active Secretariat account kept.
@Suite struct UserCLITests {
    @Test func tokensAreListedAndRevokedAndTheLastSecretariatStays() async throws {
        let folder = try Command.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "a long enough password\n".write(
            to: folder.appendingPathComponent("password.txt"), atomically: true, encoding: .utf8)
        let add = try await Command.system(
            "sh", ["-c", "'\(Command.executable.path)' user add ana.ts --role secretariat < password.txt"], in: folder)
        #expect(add.status == 0, "\(add.output)")

        let token = try await Command.run(["user", "token", "ana.ts", "--name", "laptop"], in: folder)
        #expect(token.status == 0 && token.output.hasPrefix("acc_"), "\(token.output)")
        let tokens = try await Command.run(["user", "tokens", "ana.ts"], in: folder)
        #expect(tokens.status == 0 && tokens.output.contains("laptop") && tokens.output.contains("api"))
        #expect(!tokens.output.contains(token.output.trimmingCharacters(in: .whitespacesAndNewlines)))

        let last = try await Command.run(["user", "disable", "ana.ts"], in: folder)
        #expect(last.status != 0 && last.output.contains("last active Secretariat account"), "\(last.output)")
        let list = try await Command.run(["user", "list"], in: folder)
        #expect(list.output.contains("last seen") && list.output.contains("active"), "\(list.output)")

        let revoked = try await Command.run(["user", "revoke-token", "ana.ts", "--name", "laptop"], in: folder)
        #expect(revoked.status == 0, "\(revoked.output)")
        let again = try await Command.run(["user", "revoke-token", "ana.ts", "--name", "laptop"], in: folder)
        #expect(again.status != 0 && again.output.contains("no token named 'laptop'"), "\(again.output)")
        #expect(!(try await Command.run(["user", "tokens", "ana.ts"], in: folder).output.contains("laptop")))
    }
}

import AccordCore
import AccordDocuments
import Foundation

/// E-mail digests of what changed, where an SMTP server is configured: the same records the Atom feed
/// follows, read through the one read policy as the recipient's account may see them.
public enum Digests {
    /// What changed after ledger position `since` as `principal` may see it, in `language`: the text, how many
    /// records, and the ledger position it runs through (the next digest's `since`).
    public static func digest(
        from record: RecordService, for principal: Principal?, language: Language, since: Int64
    ) async throws -> (text: String, count: Int, through: Int64) {
        let state = try await record.state(for: principal)
        let digest = AtomFeed.digest(of: state, language: language, since: since)
        return (digest.text, digest.count, state.sequence)
    }

    /// Sends the digest of what changed after `since` to `recipients` through `settings`; sends nothing when
    /// nothing changed. Returns the digest's count and the position it runs through.
    public static func send(
        from record: RecordService, for principal: Principal?, language: Language, since: Int64,
        to recipients: [String], via settings: SMTPSettings
    ) async throws -> (count: Int, through: Int64) {
        let digest = try await digest(from: record, for: principal, language: language, since: since)
        guard digest.count > 0 else { return (0, digest.through) }
        let title = try await record.state(for: principal).process.map { $0.name.text(in: language) } ?? "Accord"
        let subject = "\(title): \(digest.count) " + language.pick(("cambios", "changes", "changements"))
        try await SMTPClient.send(subject: subject, body: digest.text, to: recipients, via: settings)
        return (digest.count, digest.through)
    }
}

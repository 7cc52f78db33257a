import AccordCore
import AccordDemo
import AccordStore
import AccordTestSupport
import Foundation
import Testing

@testable import AccordServices

/// E-mail digests delivered over SMTP to a real server on a loopback port (`SMTPSink`), not a mock.
@Suite("E-mail digests of what changed")
struct DigestTests {
    @Test("a digest of what changed since a ledger position arrives at the SMTP sink, as its reader may see it")
    func digestArrives() async throws {
        let sink = try await SMTPSink()
        let settings = SMTPSettings(host: "127.0.0.1", port: sink.port, from: "accord@rcm.example")
        try await withStore(.sqlite) { store in
            try await store.append(Demo.changes)
            let record = RecordService(store: store)
            let head = try await store.head().sequence
            // Mexico files a draft: the Secretariat's digest names it, the public's does not.
            var draft = Demo.canadaReport
            draft.participant = "MEX"
            draft.status = .draft
            let mexico = Self.principal("mx.delegate", role: "delegate", participant: "MEX")
            _ = try await FollowUpService(record: record).file(draft, as: mexico)

            let secretariat = Self.principal("ts.officer", role: "secretariat")
            let sent = try await Digests.send(
                from: record, for: secretariat, language: .fr, since: head, to: ["ts@rcm.example"], via: settings)
            #expect(sent.count == 1 && sent.through == head + 1)
            let publicDigest = try await Digests.digest(from: record, for: nil, language: .fr, since: head)
            #expect(publicDigest.count == 0, "the public's reading holds no draft, so it has nothing new")
            let none = try await Digests.send(
                from: record, for: nil, language: .fr, since: head, to: ["public@example.org"], via: settings)
            #expect(none.count == 0)

            let messages = await sink.messages
            #expect(messages.count == 1, "one digest, and none for a reader with nothing new")
            let message = try #require(messages.first)
            #expect(message.from == "accord@rcm.example" && message.recipients == ["ts@rcm.example"])
            #expect(message.data.contains("Content-Type: text/plain; charset=utf-8"))
            #expect(message.data.contains("- report: MEX · SANTIAGO-1998-MW-IACHR · draft — /fr/reports/"))
        }
        await sink.stop()
    }

    static func principal(_ name: String, role: String, participant: String? = nil) -> Principal {
        Principal(
            AccountRecord(
                username: name, displayName: name, role: role, participant: participant, language: "fr",
                passwordHash: "", createdAt: 0), csrfToken: nil)
    }
}

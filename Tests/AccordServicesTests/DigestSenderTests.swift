import AccordCore
import AccordDemo
import AccordStore
import AccordTestSupport
import Foundation
import Testing

@testable import AccordServices

/// The scheduled digests of `accord serve`, one round at a time (the clock is the test's), delivered to the real
/// SMTP server `SMTPSink` starts on a loopback port; on SQLite and on PostgreSQL.
@Suite("Scheduled e-mail digests")
struct DigestSenderTests {
    static let secretariat = AccountRecord(
        username: "ts.officer", displayName: "TS", role: "secretariat", participant: nil, language: "fr",
        passwordHash: "", createdAt: 0)
    static let observer = AccountRecord(
        username: "iom.reader", displayName: "IOM", role: "observer", participant: "IOM", language: "en",
        passwordHash: "", createdAt: 0)

    @Test(
        "two rounds: the second sends only what changed after the first, as each account may read it",
        arguments: Backend.all)
    func twoRounds(_ backend: Backend) async throws {
        let sink = try await SMTPSink()
        try await withStore(backend) { store in
            try await store.append(Demo.changes)
            let record = RecordService(store: store)
            try await store.insertAccount(Self.secretariat)
            try await store.insertAccount(Self.observer)
            _ = try await Digests.subscribe("TS.Officer", address: "ts@rcm.example", in: store)
            _ = try await Digests.subscribe("iom.reader", address: "iom@example.org", in: store)
            let sender = DigestSender(
                record: record, settings: SMTPSettings(host: "127.0.0.1", port: sink.port, from: "accord@rcm.example"),
                now: { Date(timeIntervalSince1970: 1_800_000_000) })

            // Nothing changed since subscribing: nothing is sent.
            let quiet = await sender.sendRound()
            #expect(quiet.sent.isEmpty && Set(quiet.unchanged) == ["ts.officer", "iom.reader"])
            #expect(await sink.messages.isEmpty)

            // Mexico files a draft: the Secretariat's digest names it; the observer reads no draft, so gets none.
            try await Self.fileMexicanDraft(record)
            let first = await sender.sendRound()
            #expect(first.sent == ["ts.officer": 1] && first.unchanged == ["iom.reader"] && first.failed.isEmpty)
            let head = try await store.head().sequence
            #expect(try await Self.position(of: "ts.officer", in: store) == head)

            // An event is recorded: the second digest holds it, and not the report again.
            let event = Event(
                id: "WS-DIGEST", kind: .workshop, title: LocalizedText(authoritative: .en, [.en: "Digest workshop"]),
                place: LocalizedText(authoritative: .en, [.en: "Tegucigalpa"]), start: PartialDate("2026-03"))
            _ = try await store.append(
                .recordEvent(event), by: AccordCore.Actor(name: "ts.officer", role: .secretariat),
                authority: .editorial(reason: "recorded for the digest test"))
            let second = await sender.sendRound()
            #expect(second.sent == ["ts.officer": 1, "iom.reader": 1], "\(second)")

            let messages = await sink.messages
            #expect(messages.count == 3, "one for the draft, then one each for the event")
            let secretariat = messages.filter { $0.recipients == ["ts@rcm.example"] }.map(\.data)
            #expect(secretariat.count == 2)
            #expect(secretariat.first?.contains("- report: MEX · SANTIAGO-1998-MW-IACHR · draft") == true)
            #expect(secretariat.last?.contains("- event: Digest workshop") == true)
            #expect(secretariat.last?.contains("report:") == false, "the second digest does not repeat the report")
            let observer = try #require(messages.first { $0.recipients == ["iom@example.org"] })
            #expect(observer.data.contains("- event: Digest workshop") && !observer.data.contains("MEX"))
            #expect(try await Self.position(of: "iom.reader", in: store) == head + 1)
        }
        await sink.stop()
    }

    @Test("SMTP down: nothing is lost — the position stays, and the next round sends it", arguments: Backend.all)
    func smtpDown(_ backend: Backend) async throws {
        let sink = try await SMTPSink()
        // A port nothing listens on: the sink's, once it has stopped.
        let down = try await SMTPSink()
        let closedPort = down.port
        await down.stop()
        try await withStore(backend) { store in
            try await store.append(Demo.changes)
            let record = RecordService(store: store)
            try await store.insertAccount(Self.secretariat)
            let subscribed = try await Digests.subscribe("ts.officer", address: "ts@rcm.example", in: store)
            try await Self.fileMexicanDraft(record)

            let failing = DigestSender(
                record: record, settings: SMTPSettings(host: "127.0.0.1", port: closedPort, from: "accord@rcm.example"))
            let failed = await failing.sendRound()
            #expect(failed.failed.keys.sorted() == ["ts.officer"] && failed.sent.isEmpty)
            #expect(try await Self.position(of: "ts.officer", in: store) == subscribed.digestedThrough)

            let working = DigestSender(
                record: record, settings: SMTPSettings(host: "127.0.0.1", port: sink.port, from: "accord@rcm.example"))
            let retried = await working.sendRound()
            #expect(retried.sent == ["ts.officer": 1], "the lease of the failed round was given up: \(retried)")
            #expect(await sink.messages.first?.data.contains("- report: MEX") == true)
            #expect(try await Self.position(of: "ts.officer", in: store) == store.head().sequence)
        }
        await sink.stop()
    }

    @Test("a digest's position and a visit mark never move backwards", arguments: Backend.all)
    func positionsOnlyMoveForward(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            try await store.append(Demo.changes)
            try await store.insertAccount(Self.secretariat)
            _ = try await Digests.subscribe("ts.officer", address: "ts@rcm.example", in: store)
            let head = try await store.head().sequence
            #expect(try await store.recordDigest(of: "ts.officer", through: head - 5, at: 1) == head)
            #expect(try await store.markVisit(of: "ts.officer", through: 40, at: 1) == 40)
            #expect(try await store.markVisit(of: "ts.officer", through: 12, at: 2) == 40)
            #expect(try await store.markVisit(of: "ts.officer", through: 41, at: 3) == 41)
            // A second process holding the lease: this one skips the subscription rather than send it twice.
            #expect(try await store.claimDigest(of: "ts.officer", at: 10, until: 1_000))
            #expect(try await !store.claimDigest(of: "ts.officer", at: 20, until: 1_020))
            #expect(try await store.claimDigest(of: "ts.officer", at: 1_001, until: 2_000), "an expired lease")
        }
    }

    @Test(
        "a subscription is read by its account's key: each its own, whatever the case, none for the others",
        arguments: Backend.all)
    func subscriptionByAccount(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            try await store.append(Demo.changes)
            try await store.insertAccount(Self.secretariat)
            try await store.insertAccount(Self.observer)
            // The observer's sorts first: a query that ignored its key would answer with it.
            let observer = try await Digests.subscribe("iom.reader", address: "iom@iom.example", in: store)
            let officer = try await Digests.subscribe("TS.Officer", address: "ts@rcm.example", in: store)
            let head = try await store.head().sequence
            #expect(try await store.recordDigest(of: "ts.officer", through: head + 3, at: 7_000) == head + 3)

            let read = try #require(try await Digests.subscription(of: "TS.OFFICER", in: store))
            #expect(read.username == "ts.officer" && read.address == officer.address)
            #expect(read.digestedThrough == head + 3 && read.sentAt == 7_000)
            #expect(try await Digests.subscription(of: "iom.reader", in: store) == observer)
            #expect(try await store.digestSubscriptions() == [observer, read])
            #expect(try await Digests.subscription(of: "nobody", in: store) == nil)
            #expect(try await Digests.unsubscribe("iom.reader", in: store))
            #expect(try await Digests.subscription(of: "iom.reader", in: store) == nil)
            #expect(try await Digests.subscription(of: "ts.officer", in: store) == read)
        }
    }

    @Test("bad subscriptions are refused, naming the field")
    func badSubscriptions() async throws {
        try await withStore(.sqlite) { store in
            try await store.insertAccount(Self.secretariat)
            for address in ["ts", "ts@rcm.example>\r\nRCPT TO:<x@y.z", "a b@rcm.example", "@rcm.example", "x@y"] {
                await #expect(
                    throws: AuthError.invalid(
                        field: "address", reason: "'\(address)' is not one e-mail address (name@domain)")
                ) {
                    try await Digests.subscribe("ts.officer", address: address, in: store)
                }
            }
            await #expect(throws: AuthError.invalid(field: "username", reason: "no active account 'nobody'")) {
                try await Digests.subscribe("nobody", address: "x@y.org", in: store)
            }
            #expect(try await store.digestSubscriptions().isEmpty)
        }
    }

    @Test("a principal reads, sets and ends its own subscription only; the public and the trial mode have none")
    func ownSubscription() async throws {
        try await withStore(.sqlite) { store in
            try await store.insertAccount(Self.secretariat)
            try await store.insertAccount(Self.observer)
            let officer = Principal(Self.secretariat, csrfToken: nil)
            let observer = Principal(Self.observer, csrfToken: nil)
            #expect(try await Digests.subscription(for: officer, in: store) == nil)
            let subscribed = try await Digests.subscribe(officer, address: " ts@rcm.example ", in: store)
            #expect(subscribed.username == "ts.officer" && subscribed.address == "ts@rcm.example")
            #expect(try await Digests.subscription(for: officer, in: store) == subscribed)
            #expect(try await Digests.subscription(for: observer, in: store) == nil, "not another account's")
            #expect(try await Digests.unsubscribe(observer, in: store) == false)
            #expect(try await store.digestSubscriptions() == [subscribed])

            await #expect(throws: AuthError.notSignedIn) {
                try await Digests.subscribe(nil, address: "x@y.org", in: store)
            }
            await #expect(throws: AuthError.notSignedIn) { try await Digests.unsubscribe(nil, in: store) }
            let refusal = await #expect(throws: AuthError.self) {
                try await Digests.subscribe(Principal.trial, address: "x@y.org", in: store)
            }
            guard case .forbidden(let reason) = refusal else {
                Issue.record("the trial mode is refused as forbidden, not \(String(describing: refusal))")
                return
            }
            #expect(reason.contains("trial mode has no account"))
            #expect(try await Digests.unsubscribe(officer, in: store))
            #expect(try await store.digestSubscriptions().isEmpty)
        }
    }

    @Test("the schedule: hourly on the hour, daily at a time of day (UTC)")
    func schedule() throws {
        let noon = Date(timeIntervalSince1970: 1_800_000_000)  // 2027-01-15T08:00:00Z
        #expect(DigestInterval("hourly")?.next(after: noon) == noon.addingTimeInterval(3600))
        #expect(DigestInterval("daily")?.next(after: noon) == noon.addingTimeInterval(22 * 3600))
        #expect(DigestInterval("daily@09:30")?.next(after: noon) == noon.addingTimeInterval(5400))
        #expect(DigestInterval("daily@24:00") == nil && DigestInterval("weekly") == nil)
    }

    static func fileMexicanDraft(_ record: RecordService) async throws {
        var draft = Demo.canadaReport
        draft.participant = "MEX"
        draft.status = .draft
        let mexico = Principal(
            AccountRecord(
                username: "mx.delegate", displayName: "MX", role: "delegate", participant: "MEX", language: "es",
                passwordHash: "", createdAt: 0), csrfToken: nil)
        _ = try await FollowUpService(record: record).file(draft, as: mexico)
    }

    static func position(of username: String, in store: Store) async throws -> Int64? {
        try await store.digestSubscriptions().first { $0.username == username }?.digestedThrough
    }
}

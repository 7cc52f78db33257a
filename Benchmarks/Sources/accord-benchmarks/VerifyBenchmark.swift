import AccordCore
import AccordStore
import Foundation

/// Target 1: `verify(.chain)` over a 100,000-entry ledger at no less than half the throughput of `sha256sum`
/// hashing the same bytes on the same machine, and `verify(.everything)` at no less than a twentieth of it
/// (a floor against regressions, not a goal: it reads every entry back, replays it through the rules and
/// rebuilds every projection row).
///
/// The reference file holds exactly what verify hashes, entry after entry: the previous hash as 32 raw
/// bytes, then the entry's canonical bytes. sha256sum hashes it as one stream, which is the least work
/// any verification of these bytes can do; verify also reads them from SQLite and checks each link.
struct VerifyBenchmark {
    let options: Options
    let workspace: Workspace

    /// The least share of sha256sum's throughput that each scope of verify must reach.
    static let targets: [(name: String, share: Double)] = [("verify(.chain)", 0.5), ("verify(.everything)", 0.05)]

    func run() async -> Outcome {
        let entries = options.ledgerEntries
        say("1. verify \(Format.grouped(entries)) ledger entries on SQLite vs sha256sum over the same bytes")
        let store: Store
        do {
            store = try await Store.benchmark(at: workspace.path("verify.sqlite"))
        } catch {
            return .failed(.verify, "verify", error: error)
        }
        do {
            let outcome = try await measure(store, entries: entries)
            await store.close()
            return outcome
        } catch {
            await store.close()
            return .failed(.verify, "verify", error: error)
        }
    }

    private func measure(_ store: Store, entries: Int) async throws -> Outcome {
        guard let sha256sum = Subprocess.find("sha256sum") else {
            return Outcome(.verify, .skipped, "verify: sha256sum is not on the PATH, so there is no reference")
        }
        let setup = try await seconds { try await fill(store, to: entries) }
        say(
            "   setup: appended \(Format.grouped(entries)) entries in batches of 1,000 in \(Format.duration(setup)) "
                + "(\(Format.grouped(Int(Double(entries) / setup))) entries/s; not part of the target)")

        var ledger: [StoredEntry] = []
        let reading = try await seconds { ledger = try await Self.read(store) }
        let reference = workspace.path("hashed-bytes")
        let bytes = try writeHashedBytes(of: ledger, to: reference, sha256sum: sha256sum)
        say(
            "   hashed bytes: \(Format.megabytes(bytes)), \(Format.grouped(bytes / entries)) bytes per entry on average"
        )

        // The file was just written, so it is in the page cache; one untimed run makes sure of it.
        _ = try Subprocess.run(sha256sum, [reference])
        let empty = workspace.path("empty")
        guard FileManager.default.createFile(atPath: empty, contents: Data()) else {
            throw BenchmarkError("cannot create \(empty)")
        }
        let startup = Samples(try (0..<3).map { _ in try Subprocess.run(sha256sum, [empty]).seconds }).best
        let hashing = Samples(try (0..<3).map { _ in try Subprocess.run(sha256sum, [reference]).seconds }).best
        // Starting the process is not hashing; leaving it in would flatter verify on the small quick ledger.
        let referenceSeconds = max(hashing - startup, 1e-6)
        let referenceRate = Double(bytes) / referenceSeconds

        let chain = try await timeVerify(store, .chain, entries: entries)
        let everything = try await timeVerify(store, .everything, entries: entries)

        let chainRate = Double(bytes) / chain.best
        let everythingRate = Double(bytes) / everything.best
        say(
            "   " + "what".padding(22) + "best time".leftPadding(11) + "throughput".leftPadding(14)
                + "entries/s".leftPadding(13) + "vs sha256sum".leftPadding(14))
        say(
            "   " + "sha256sum (reference)".padding(22) + Format.duration(referenceSeconds).leftPadding(11)
                + Format.megabytesPerSecond(referenceRate).leftPadding(14)
                + Format.grouped(Int(Double(entries) / referenceSeconds)).leftPadding(13) + "1.00×".leftPadding(14))
        for (name, samples, rate) in [
            ("verify(.chain)", chain, chainRate), ("verify(.everything)", everything, everythingRate),
        ] {
            say(
                "   " + name.padding(22) + Format.duration(samples.best).leftPadding(11)
                    + Format.megabytesPerSecond(rate).leftPadding(14)
                    + Format.grouped(Int(Double(entries) / samples.best)).leftPadding(13)
                    + Format.ratio(rate / referenceRate).leftPadding(14))
        }
        say(
            "   (verify(.chain) best of \(chain.sorted.count) runs, verify(.everything) best of "
                + "\(everything.sorted.count); sha256sum best of 3 with its start-up of \(Format.duration(startup)) "
                + "subtracted; MB = 10^6 bytes)")
        try await explain(ledger, reading: reading, bytes: bytes)

        let checks = zip(Self.targets, [chainRate, everythingRate]).map { target, rate in
            Check(
                name: target.name, isMet: rate >= target.share * referenceRate,
                figure: "\(Format.megabytesPerSecond(rate)) = \(Format.ratio(rate / referenceRate)) of sha256sum's "
                    + "\(Format.megabytesPerSecond(referenceRate)) (needs ≥ \(Format.ratio(target.share)))")
        }
        for check in checks { say("   target: \(check)") }
        return Outcome(
            .verify, checks: checks,
            summary: "verify(.chain) ≥ 50% and verify(.everything) ≥ 5% of sha256sum over "
                + "\(Format.grouped(entries)) entries")
    }

    /// Appends the fixture and then workload changes until the ledger holds exactly `entries` entries.
    private func fill(_ store: Store, to entries: Int) async throws {
        let fixture = PlanFixture(activities: 0)
        try await store.append(Array(fixture.changes.prefix(entries)), inBatchesOf: 1_000)
        // A new activity every 50 changes: 2,000 activities by the 100,000th entry, the size of target 3's plan.
        var workload = Workload(on: fixture, growth: 50)
        var remaining = entries - min(entries, fixture.changes.count)
        while remaining > 0 {
            let batch = (0..<min(1_000, remaining)).map { _ in workload.next() }
            try await store.append(batch)
            remaining -= batch.count
        }
    }

    /// Every stored entry, oldest first, read through the store's public paging.
    private static func read(_ store: Store) async throws -> [StoredEntry] {
        var pages: [[StoredEntry]] = []
        var before: Int64?
        while true {
            let page = try await store.entries(before: before, limit: 500)
            guard let last = page.last else { break }
            pages.append(page)
            before = last.sequence
        }
        return pages.joined().reversed()
    }

    /// Writes what verify hashes to `path`, in ledger order, and returns its size in bytes.
    ///
    /// Checks the file's framing on the newest entry: sha256sum of its previous hash and canonical bytes
    /// must be the hash the ledger stores, or the reference would be hashing something else.
    private func writeHashedBytes(of ledger: [StoredEntry], to path: String, sha256sum: String) throws -> Int {
        guard let newest = ledger.last else { throw BenchmarkError("the ledger is empty") }
        let single = workspace.path("one-entry")
        try Data(Self.hashedBytes(of: newest)).write(to: URL(fileURLWithPath: single))
        let digest = try Subprocess.run(sha256sum, [single]).output.prefix(64)
        guard digest == newest.hash else {
            throw BenchmarkError(
                "the reference bytes of entry \(newest.sequence) hash to \(digest), not to its stored hash \(newest.hash)"
            )
        }

        var data = Data()
        data.reserveCapacity(ledger.reduce(0) { $0 + 32 + $1.entry.utf8.count })
        for entry in ledger { data.append(contentsOf: Self.hashedBytes(of: entry)) }
        try data.write(to: URL(fileURLWithPath: path))
        return data.count
    }

    /// The previous hash as 32 raw bytes followed by the canonical bytes: what `HashChain.hash` hashes.
    private static func hashedBytes(of entry: StoredEntry) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32 + entry.entry.utf8.count)
        let hex = Array(entry.previousHash.utf8)
        for index in stride(from: 0, to: hex.count - 1, by: 2) {
            bytes.append(nibble(hex[index]) << 4 | nibble(hex[index + 1]))
        }
        bytes.append(contentsOf: entry.entry.utf8)
        return bytes
    }

    private static func nibble(_ digit: UInt8) -> UInt8 {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        default: digit - UInt8(ascii: "A") + 10
        }
    }

    /// Times the parts of verify one at a time on the rows already in memory, on one core, so that a missed
    /// target says where the time goes: reading rows, hashing, reading entries back, or replaying the rules.
    private func explain(_ ledger: [StoredEntry], reading: Double, bytes: Int) async throws {
        var linked = true
        let hashing = await seconds {
            for entry in ledger {
                linked = linked && HashChain.hash(previous: entry.previousHash, entry: entry.entry.utf8) == entry.hash
            }
        }
        var state = ProcessState()
        let decoding = try await seconds {
            for entry in ledger { _ = try entry.decoded() }
        }
        // Applied in place, as verify applies them.
        let replaying = try await seconds {
            for entry in ledger { _ = try state.apply(try entry.decoded()) }
        }
        var encoded = ProcessState()
        let encoding = try await seconds {
            for entry in ledger {
                for ref in try encoded.apply(try entry.decoded()) { _ = try encoded.record(ref)?.encoded() }
            }
        }
        guard linked, state.sequence == Int64(ledger.count), encoded.sequence == state.sequence else {
            throw BenchmarkError("the ledger read back does not re-hash and replay to \(ledger.count) entries")
        }
        let perEntry = { (seconds: Double) in Format.duration(seconds / Double(ledger.count)) + " per entry" }
        say("   where the time goes (each part once, over the same \(Format.grouped(ledger.count)) entries):")
        say(
            "     reading the rows via store.entries(before:limit: 500)  \(Format.duration(reading)), \(perEntry(reading))"
        )
        say(
            "     HashChain.hash on the rows in memory                   \(Format.duration(hashing)), "
                + "\(Format.megabytesPerSecond(Double(bytes) / hashing))")
        say(
            "     LedgerEntry decoding alone, in memory                  \(Format.duration(decoding)), \(perEntry(decoding))"
        )
        say(
            "     decoding + ProcessState.applying, in memory            \(Format.duration(replaying)), \(perEntry(replaying))"
        )
        say(
            "     … + encoding each changed record (projection rows)     \(Format.duration(encoding)), \(perEntry(encoding))"
        )
    }

    /// Up to three verifications (fewer once they have taken a minute), each of which must find the whole
    /// ledger valid; the best counts.
    private func timeVerify(_ store: Store, _ scope: VerificationScope, entries: Int) async throws -> Samples {
        var values: [Double] = []
        while values.count < 3, values.reduce(0, +) < 60 {
            var report: VerificationReport?
            values.append(try await seconds { report = try await store.verify(scope) })
            guard let report, report.isValid, report.entries == Int64(entries) else {
                throw BenchmarkError(
                    "verify(\(scope)) did not find \(entries) valid entries: \(String(describing: report))")
            }
        }
        return Samples(values)
    }
}

/// A benchmark that cannot measure what it should, and why.
struct BenchmarkError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

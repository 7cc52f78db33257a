import AccordCore
import AccordStore
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Target 2: single changes, each its own durable transaction on SQLite, at no less than 15% of the fsyncs
/// per second the same disk gives a minimal write-and-fsync loop (a floor against regressions).
///
/// Each append in WAL mode with `synchronous = FULL` ends in at least one fsync of the WAL, so the disk's
/// fsync rate bounds it; the rest is what the store adds (the rules, hashing, SQL, projections).
struct DurableAppendBenchmark {
    let options: Options
    let workspace: Workspace

    /// The least share of the disk's fsync rate that single appends must reach.
    static let target = 0.15

    func run() async -> Outcome {
        say("2. single appends, each its own durable transaction, vs a write-and-fsync loop on the same disk")
        say("   disk: \(Machine.fileSystem(of: workspace.url.path)) at \(workspace.url.path)")
        let store: Store
        do {
            store = try await Store.benchmark(at: workspace.path("appends.sqlite"))
        } catch {
            return .failed(.durableAppend, "single appends", error: error)
        }
        do {
            let outcome = try await measure(store)
            await store.close()
            return outcome
        } catch {
            await store.close()
            return .failed(.durableAppend, "single appends", error: error)
        }
    }

    private func measure(_ store: Store) async throws -> Outcome {
        // The plan of target 3, so that each append is checked against a record of realistic size.
        let fixture = PlanFixture(activities: 2_000)
        try await store.append(fixture.changes, inBatchesOf: 1_000)
        var workload = Workload(on: fixture)

        // The disk's rate is measured before and after, and the higher one is used: the stricter reference.
        let before = try fsyncLoop(for: options.durableSeconds)
        var appended = 0
        var latencies: [Double] = []
        let elapsed = try await seconds {
            let deadline = now() + options.durableSeconds
            while now() < deadline {
                let proposed = workload.next()
                let begin = now()
                try await store.append(proposed.change, by: proposed.actor, authority: proposed.authority)
                latencies.append(now() - begin)
                appended += 1
            }
        }
        let after = try fsyncLoop(for: options.durableSeconds)
        let reference = max(before, after)
        let rate = Double(appended) / elapsed

        say(
            "   write(200 bytes)+fsync loop: \(Format.fixed(before, 0)) fsyncs/s before, \(Format.fixed(after, 0)) after "
                + "(reference: \(Format.fixed(reference, 0)) fsyncs/s, \(Format.duration(1 / reference)) each)")
        say(
            "   store.append, one change per transaction: \(Format.grouped(appended)) changes in "
                + "\(Format.duration(elapsed)) = \(Format.fixed(rate, 0)) changes/s (\(Format.duration(1 / rate)) each)"
        )
        say("   ratio: \(Format.ratio(rate / reference)) of the disk's fsync rate")
        // The mean is what the rate sees; the median and the slowest show how much of it the occasional
        // checkpoint of the WAL into the database file takes.
        let each = Samples(latencies)
        let slowest = each.sorted.suffix(max(1, each.sorted.count / 100))
        say(
            "   each append: median \(Format.duration(each.median)), p95 \(Format.duration(each.p95)), "
                + "mean \(Format.duration(elapsed / Double(max(1, appended)))); the slowest 1% take "
                + "\(Format.fixed(100 * slowest.reduce(0, +) / elapsed, 0))% of the time")

        // The same kind of changes, 1,000 to a transaction: what the store spends per change besides the commit.
        let batch = (0..<1_000).map { _ in workload.next() }
        let batched = try await seconds { try await store.append(batch) }
        say(
            "   for comparison, 1,000 such changes in one transaction: \(Format.fixed(1_000 / batched, 0)) changes/s "
                + "(\(Format.duration(batched / 1_000)) each), so each single append spends about "
                + "\(Format.duration(max(0, elapsed / Double(appended) - batched / 1_000))) on its own transaction and commit"
        )
        // One query through the pool, to show what each of an append's statements costs before SQLite works.
        let roundTrip = try await sample(200) { _ = try await store.head() }
        say(
            "   one SQL round trip (store.head(), a single SELECT through the connection pool): median "
                + "\(Format.duration(roundTrip.median)), p95 \(Format.duration(roundTrip.p95))")
        let check = Check(
            name: "single appends", isMet: rate >= Self.target * reference,
            figure:
                "\(Format.fixed(rate, 0)) changes/s = \(Format.ratio(rate / reference)) of \(Format.fixed(reference, 0)) "
                + "fsyncs/s (needs ≥ \(Format.ratio(Self.target)))")
        say("   target: \(check)")
        return Outcome(.durableAppend, checks: [check], summary: "durable single appends ≥ 15% of the disk's fsyncs/s")
    }

    /// fsyncs per second of the simplest durable log: append 200 bytes, fsync, repeat, for `duration` seconds.
    private func fsyncLoop(for duration: Double) throws -> Double {
        let path = workspace.path("fsync-loop")
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND, 0o644)
        guard descriptor >= 0 else {
            throw BenchmarkError("cannot create \(path): \(String(cString: strerror(errno)))")
        }
        defer {
            close(descriptor)
            unlink(path)
        }
        // A line of text, the size of a small ledger row.
        let record = [UInt8](repeating: UInt8(ascii: "x"), count: 199) + [UInt8(ascii: "\n")]
        var count = 0
        let begin = now()
        let deadline = begin + duration
        while now() < deadline {
            let written = record.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            guard written == record.count, fsync(descriptor) == 0 else {
                throw BenchmarkError("write or fsync failed on \(path): \(String(cString: strerror(errno)))")
            }
            count += 1
        }
        return Double(count) / (now() - begin)
    }
}

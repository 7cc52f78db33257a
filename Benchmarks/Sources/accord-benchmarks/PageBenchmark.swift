import AccordStore
import Foundation

/// Target 8: the full current-plan page of a 2,000-activity plan, served by `accord serve` at ≥ 80% of the
/// requests per second the same server gives for the same bytes as a static file (wrk, side by side in
/// one run); a cache miss rendered in ≤ 20 ms; memory under 150 MB at that load.
struct PageBenchmark {
    let options: Options
    let workspace: Workspace

    static let ratioTarget = 0.80
    static let missTarget = 0.020
    static let memoryTarget = 150_000_000

    func run(planDatabase: String?) async -> Outcome {
        say("8. the current-plan page of a 2,000-activity plan against the same bytes as a static file (wrk)")
        let serving = ServeMemoryBenchmark(options: options, workspace: workspace)
        guard let binary = serving.findBinary() else {
            return Outcome(.page, .skipped, "plan page: no accord binary; build it with `swift build -c release`")
        }
        guard let wrk = Subprocess.find("wrk"), let curl = Subprocess.find("curl") else {
            return Outcome(.page, .skipped, "plan page: needs wrk and curl (apt-get install wrk curl)")
        }
        do {
            let database: String
            if let planDatabase { database = planDatabase } else { database = try await makePlan() }
            return try await measure(binary: binary, wrk: wrk, curl: curl, database: database)
        } catch {
            return .failed(.page, "plan page", error: error)
        }
    }

    private func makePlan() async throws -> String {
        let path = workspace.path("page-plan.sqlite")
        let store = try await Store.benchmark(at: path)
        try await store.append(PlanFixture(activities: 2_000).changes, inBatchesOf: 1_000)
        await store.close()
        return path
    }

    private func measure(binary: String, wrk: String, curl: String, database: String) async throws -> Outcome {
        let folder = workspace.path("public")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let port = try Loopback.freePort()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = [
            "serve", "--database-url", database, "--hostname", "127.0.0.1", "--port", "\(port)", "--public-folder",
            folder,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { ServeMemoryBenchmark.stop(process) }
        let base = "http://127.0.0.1:\(port)"
        var ready = false
        for _ in 0..<600 where !ready {
            ready =
                (try? Subprocess.run(curl, ["-s", "-o", "/dev/null", "-w", "%{http_code}", "\(base)/en/plan"]).output)
                == "200"
            if !ready { try await Task.sleep(for: .milliseconds(100)) }
        }
        guard ready else { throw BenchmarkError("accord serve did not answer \(base)/en/plan") }

        // The static reference: the very bytes of the page, as a file the same server sends.
        let page = folder + "/plan.html"
        _ = try Subprocess.run(curl, ["-s", "-o", page, "\(base)/en/plan"])
        let size = (try FileManager.default.attributesOfItem(atPath: page)[.size] as? Int) ?? 0

        // Cache misses: each query is a page never rendered before; time to first byte minus connection.
        var misses: [Double] = []
        for run in 0..<(options.isQuick ? 10 : 60) {
            let timing = try Subprocess.run(
                curl,
                [
                    "-s", "-o", "/dev/null", "-w", "%{time_pretransfer} %{time_starttransfer}",
                    "\(base)/en/plan?miss=\(run)",
                ]
            ).output.split(separator: " ").compactMap { Double($0) }
            if timing.count == 2 { misses.append(timing[1] - timing[0]) }
        }
        misses.sort()
        let miss = misses.isEmpty ? .infinity : misses[misses.count / 2]

        let afterMisses = try ServeMemoryBenchmark.memory(of: process.processIdentifier)
        let seconds = options.isQuick ? 3 : 10
        func rate(_ path: String) throws -> Double {
            let output = try Subprocess.run(wrk, ["-t2", "-c50", "-d\(seconds)s", "\(base)\(path)"]).output
            guard let line = output.split(separator: "\n").first(where: { $0.contains("Requests/sec:") }),
                let value = line.split(separator: " ").last.flatMap({ Double($0) })
            else { throw BenchmarkError("wrk printed no Requests/sec: \(output)") }
            return value
        }
        // The memory under the page's load is the peak of the first page run, before the static reference
        // has ever run: that one reads its file for every request, and what the allocator keeps of those
        // buffers must not count against the page. Writing 5 to clear_refs resets VmHWM to VmRSS, so each
        // run's own peak is printed too.
        let pid = process.processIdentifier
        func run(_ path: String) throws -> (rate: Double, peak: Int) {
            try? "5".write(toFile: "/proc/\(pid)/clear_refs", atomically: false, encoding: .utf8)
            let value = try rate(path)
            return (value, try ServeMemoryBenchmark.memory(of: pid).peak)
        }
        // Alternated, so that a passing disturbance weighs on both sides alike; the better of two each.
        let page1 = try run("/en/plan")
        let static1 = try run("/plan.html")
        let page2 = try run("/en/plan")
        let static2 = try run("/plan.html")
        let (pageRate, staticRate) = (max(page1.rate, page2.rate), max(static1.rate, static2.rate))
        let pagePeak = page1.peak
        let staticPeak = max(static1.peak, static2.peak)
        let ratio = pageRate / staticRate
        let memory = try ServeMemoryBenchmark.memory(of: pid)
        say(
            "   page \(Format.grouped(size)) bytes; /en/plan \(Format.grouped(Int(pageRate))) req/s, the same bytes as "
                + "a static file \(Format.grouped(Int(staticRate))) req/s → \(Format.ratio(ratio)); cache miss median "
                + "\(Format.duration(miss)) (\(misses.count) misses, then VmRSS \(Format.megabytes(afterMisses.rss)), peak "
                + "\(Format.megabytes(afterMisses.peak))); after wrk VmRSS \(Format.megabytes(memory.rss)), "
                + "peak under the page's load \(Format.megabytes(pagePeak)) (then "
                + "\(Format.megabytes(page2.peak)) after the static runs), under the static file's "
                + "\(Format.megabytes(staticPeak))")
        let checks = [
            Check(
                name: "page vs static", isMet: ratio >= Self.ratioTarget,
                figure: "\(Format.ratio(ratio)) (≥ \(Format.ratio(Self.ratioTarget)))"),
            Check(
                name: "cache miss", isMet: miss <= Self.missTarget,
                figure: "\(Format.duration(miss)) (≤ \(Format.duration(Self.missTarget)))"),
            Check(
                name: "memory under load", isMet: pagePeak < Self.memoryTarget,
                figure: "peak \(Format.megabytes(pagePeak)) (< \(Format.megabytes(Self.memoryTarget)))"),
        ]
        for check in checks { say("   target: \(check)") }
        return Outcome(.page, checks: checks, summary: "plan page served from cache, 2,000 activities")
    }
}

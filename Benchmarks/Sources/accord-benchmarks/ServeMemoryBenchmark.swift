import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Target 4: the resident memory of an idle `accord serve` under 64 MB.
///
/// Starts the built executable with the demo on a fresh SQLite file and a free loopback port, waits until
/// GET /api/v1/plan answers (so the server has built and cached the record at least once), lets it idle,
/// and reads VmRSS from /proc. When the plan of target 3 is at hand the same is done on it, for information:
/// the demo is small, the real record is not.
struct ServeMemoryBenchmark {
    let options: Options
    let workspace: Workspace

    /// The largest idle resident set allowed, in bytes (64 MB, MB = 10^6 bytes).
    static let target = 64_000_000
    /// How long the server idles after its first answer before it is measured.
    static let idleSeconds = 2.0

    /// The root package's folder, found from this file's place in Benchmarks/Sources/accord-benchmarks/.
    static let rootFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    func run(planDatabase: String?) async -> Outcome {
        say("4. idle memory of `accord serve --demo`")
        guard let binary = findBinary() else {
            let reason =
                options.accordPath.map { "\($0) is not an executable file" }
                ?? "no accord binary in \(Self.rootFolder.path)/.build/{release,debug}; build it with "
                + "`swift build -c release --product accord` at the root, or pass --accord PATH"
            say("   SKIPPED: \(reason)")
            return Outcome(.serveMemory, .skipped, "idle memory of accord serve < 64 MB: \(reason)")
        }
        guard let curl = Subprocess.find("curl") else {
            say("   SKIPPED: curl is not on the PATH, so there is no way to tell when the server answers")
            return Outcome(.serveMemory, .skipped, "idle memory of accord serve < 64 MB: curl is not on the PATH")
        }
        let isDebug = binary.contains("/debug/")
        say("   binary: \(binary)\(isDebug ? " (a debug build; a release build is what ships)" : "")")

        let demo: Resident
        do {
            demo = try await measure(
                binary, curl: curl, database: workspace.path("serve-demo.sqlite"), demo: true, name: "serve-demo")
        } catch {
            say("   SKIPPED: \(error)")
            return Outcome(.serveMemory, .skipped, "idle memory of accord serve < 64 MB: \(error)")
        }
        say(
            "   --demo: VmRSS \(Format.megabytes(demo.rss)) (\(Format.fixed(Double(demo.rss) / 1_048_576, 1)) MiB), "
                + "peak VmHWM \(Format.megabytes(demo.peak)); GET /api/v1/plan answered \(demo.status) after "
                + "\(Format.duration(demo.startup)); measured after \(Format.fixed(Self.idleSeconds, 0)) s idle")
        if let planDatabase {
            do {
                let plan = try await measure(
                    binary, curl: curl, database: planDatabase, demo: false, name: "serve-plan")
                say(
                    "   for information, serving target 3's 2,000-activity plan: VmRSS \(Format.megabytes(plan.rss)), "
                        + "peak VmHWM \(Format.megabytes(plan.peak)); GET /api/v1/plan answered \(plan.status)")
            } catch {
                say("   for information, serving target 3's plan failed: \(error)")
            }
        }
        let check = Check(
            name: "accord serve --demo\(isDebug ? " (debug build)" : "")", isMet: demo.rss < Self.target,
            figure: "VmRSS \(Format.megabytes(demo.rss)) (needs < \(Format.megabytes(Self.target)))")
        say("   target: \(check)")
        return Outcome(.serveMemory, checks: [check], summary: "idle memory of accord serve < 64 MB")
    }

    func findBinary() -> String? {
        let candidates =
            options.accordPath.map { [$0] }
            ?? ["release", "debug"].map { Self.rootFolder.appendingPathComponent(".build/\($0)/accord").path }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// What /proc said about an idle server, and how its start went.
    struct Resident {
        var rss: Int
        var peak: Int
        var status: String
        var startup: Double
    }

    /// Starts `accord serve` on `database`, waits for its first answer, lets it idle and reads its memory.
    private func measure(_ binary: String, curl: String, database: String, demo: Bool, name: String) async throws
        -> Resident
    {
        let port = try Loopback.freePort()
        let log = workspace.path("\(name).log")
        guard FileManager.default.createFile(atPath: log, contents: nil), let output = FileHandle(forWritingAtPath: log)
        else { throw BenchmarkError("cannot write \(log)") }
        defer { try? output.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments =
            ["serve", "--database-url", database, "--hostname", "127.0.0.1", "--port", "\(port)"]
            + (demo ? ["--demo"] : [])
        process.currentDirectoryURL = workspace.url
        process.standardOutput = output
        process.standardError = output
        let begin = now()
        try process.run()
        defer { Self.stop(process) }

        let url = "http://127.0.0.1:\(port)/api/v1/plan"
        var status = "000"
        // A debug build loading the demo can take a while; a minute is long enough for any healthy start.
        while now() - begin < 60 {
            guard process.isRunning else {
                throw BenchmarkError(
                    "accord exited with status \(process.terminationStatus) before answering; its log ends: "
                        + Self.tail(of: log))
            }
            status = try Subprocess.run(curl, ["-s", "-o", "/dev/null", "-w", "%{http_code}", "--max-time", "2", url])
                .output
            if status != "000" { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        guard status != "000" else {
            throw BenchmarkError("accord did not answer \(url) within 60 s; its log ends: " + Self.tail(of: log))
        }
        let startup = now() - begin
        try await Task.sleep(for: .seconds(Self.idleSeconds))
        let memory = try Self.memory(of: process.processIdentifier)
        return Resident(rss: memory.rss, peak: memory.peak, status: status, startup: startup)
    }

    /// VmRSS and VmHWM in bytes, from /proc/PID/status (which counts in KiB).
    static func memory(of pid: Int32) throws -> (rss: Int, peak: Int) {
        let text = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        func field(_ name: String) -> Int? {
            guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix(name + ":") }) else { return nil }
            return line.split(separator: " ").dropFirst().compactMap { Int($0) }.first.map { $0 * 1024 }
        }
        guard let rss = field("VmRSS"), let peak = field("VmHWM") else {
            throw BenchmarkError("/proc/\(pid)/status has no VmRSS or VmHWM")
        }
        return (rss, peak)
    }

    /// Ends the server this benchmark started: SIGTERM for a graceful shutdown, SIGKILL if it lingers.
    static func stop(_ process: Process) {
        guard process.isRunning else { return }
        process.terminate()
        let deadline = now() + 10
        while process.isRunning, now() < deadline { usleep(50_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    /// The last lines of a log, on one line, for an error message.
    static func tail(of path: String) -> String {
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        let lines = text.split(separator: "\n").suffix(5)
        return lines.isEmpty ? "(nothing)" : lines.joined(separator: " | ")
    }
}

/// Loopback networking for the server under test; nothing here leaves 127.0.0.1.
enum Loopback {
    /// A TCP port on 127.0.0.1 that nothing listens on: the kernel picks one, and it is released for the server.
    static func freePort() throws -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw BenchmarkError("cannot open a socket: \(String(cString: strerror(errno)))") }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(socket, $0, length) == 0 && getsockname(socket, $0, &length) == 0
            }
        }
        guard bound else { throw BenchmarkError("cannot bind a loopback port: \(String(cString: strerror(errno)))") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

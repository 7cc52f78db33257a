import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Makes sure no test server outlives its test process, however that process ends.
///
/// Three layers, because a test process can end in three ways: a normal exit runs the `atexit` handler; a
/// crash or a kill skips it, so a small watchdog shell waits for the process to disappear and then stops the
/// server; and if even the watchdog was killed, the next run sweeps folders whose owner process is gone.
public enum ClusterCleanup {
    /// Every test server folder is named with this prefix, so that the next run can find abandoned ones.
    public static let prefix = "accord-pg-"

    /// Where server folders go: /tmp when running as root, since the postgres user must reach them.
    public static var base: String {
        let temporary = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        return getuid() == 0 ? "/tmp" : String(temporary.reversed().drop { $0 == "/" }.reversed())
    }

    /// A fresh folder for one server, marked with this process's id, registered for cleanup at exit and
    /// watched from before the server exists, so that no moment of its start can leave it behind.
    public static func makeFolder(tools: PostgresTools) throws -> String {
        var template = Array("\(base)/\(prefix)XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else {
            throw HarnessError("cannot create a folder in \(base): \(String(cString: strerror(errno)))")
        }
        let folder = String(cString: made)
        try "\(getpid())\n".write(toFile: folder + "/owner", atomically: false, encoding: .utf8)
        registry.add(folder)
        watch(folder, tools: tools)
        return folder
    }

    /// Starts the watchdog that stops the server in `folder` if this process dies without running its exit
    /// handler; when there is no server (yet), its `pg_ctl stop` fails quietly and the folder is removed anyway.
    private static func watch(_ folder: String, tools: PostgresTools) {
        let (tool, arguments) = tools.command(tools.pgCtl, ["stop", "-D", folder + "/data", "-m", "immediate", "-w"])
        let stop = ([tool] + arguments).map(quoted).joined(separator: " ")
        let script = """
            while kill -0 \(getpid()) 2>/dev/null; do sleep 1; done
            \(stop) >/dev/null 2>&1
            rm -rf \(quoted(folder))
            """
        // setsid puts the watchdog in a session of its own, so a Ctrl-C aimed at the test run does not kill it too.
        if let setsid = Subprocess.find("setsid") {
            try? Subprocess.launch(setsid, ["/bin/sh", "-c", script])
        } else {
            try? Subprocess.launch("/bin/sh", ["-c", script])
        }
    }

    /// Forgets a server that was stopped deliberately.
    public static func forget(_ folder: String) { registry.remove(folder) }

    /// Stops the server in `folder`, if one runs, and deletes the folder; usable where nothing async can run.
    public static func stopBlocking(folder: String, tools: PostgresTools) {
        let data = folder + "/data"
        if FileManager.default.fileExists(atPath: data + "/postmaster.pid") {
            let (tool, arguments) = tools.command(tools.pgCtl, ["stop", "-D", data, "-m", "immediate", "-w"])
            let stopped = (try? Subprocess.runBlocking(tool, arguments))?.succeeded ?? false
            // SIGQUIT is what "-m immediate" sends; if pg_ctl could not run, send it ourselves.
            if !stopped, let pid = serverProcess(in: data) { kill(pid, SIGQUIT) }
        }
        try? FileManager.default.removeItem(atPath: folder)
        registry.remove(folder)
    }

    /// Stops the servers that earlier test processes abandoned (their owner process no longer exists).
    public static func sweepAbandoned(tools: PostgresTools) async {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: base)) ?? []
        for name in names where name.hasPrefix(prefix) {
            let folder = "\(base)/\(name)"
            let owner = (try? String(contentsOfFile: folder + "/owner", encoding: .utf8))
                .flatMap { pid_t($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
            if let owner {
                guard !isRunning(owner) else { continue }
            } else {
                // A folder without an owner is either being created right now or a leftover; only age tells.
                let created = (try? FileManager.default.attributesOfItem(atPath: folder))?[.modificationDate] as? Date
                guard let created, created < Date().addingTimeInterval(-3_600) else { continue }
            }
            stopBlocking(folder: folder, tools: tools)
        }
    }

    private static let registry = Registry()

    /// The process id in a data directory's postmaster.pid, if that process still runs.
    private static func serverProcess(in data: String) -> pid_t? {
        guard let text = try? String(contentsOfFile: data + "/postmaster.pid", encoding: .utf8),
            let first = text.split(separator: "\n").first, let pid = pid_t(first), isRunning(pid)
        else { return nil }
        return pid
    }

    private static func isRunning(_ pid: pid_t) -> Bool { kill(pid, 0) == 0 || errno == EPERM }

    private static func quoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// The servers this process started and has not stopped yet.
    private final class Registry: @unchecked Sendable {
        private let lock = NSLock()
        private var folders: Set<String> = []
        private var isExitHandlerInstalled = false

        func add(_ folder: String) {
            lock.withLock {
                folders.insert(folder)
                guard !isExitHandlerInstalled else { return }
                isExitHandlerInstalled = true
                atexit { ClusterCleanup.registry.stopAll() }
            }
        }

        func remove(_ folder: String) { _ = lock.withLock { folders.remove(folder) } }

        func stopAll() {
            guard case .success(let tools) = PostgresTools.found else { return }
            for folder in lock.withLock({ folders }) { ClusterCleanup.stopBlocking(folder: folder, tools: tools) }
        }
    }
}

import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How a command ended: its exit status and everything it wrote to stdout and stderr.
public struct CommandResult: Sendable {
    public var status: Int32
    public var output: String

    public var succeeded: Bool { status == 0 }
}

/// Runs the command-line tools the store tests drive: `initdb`, `pg_ctl`, `psql`, `sqlite3`.
///
/// Foundation's `Process` is not used: on Linux it learns that a child ended when a socket the child inherits
/// is closed, and the server `pg_ctl start` leaves behind inherits it too, so `pg_ctl start` would never end.
/// Here the child gets only stdin, stdout and stderr, and its end is learned from `waitpid`.
public enum Subprocess {
    /// Runs `executable` and waits for it on a thread of its own, not one of Swift concurrency's few.
    public static func run(_ executable: String, _ arguments: [String], in directory: String? = nil) async throws
        -> CommandResult
    {
        let (pid, log) = try spawn(executable, arguments, in: directory)
        let status = await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: wait(for: pid)) }
        }
        return CommandResult(status: status, output: collect(log))
    }

    /// Runs `executable` and blocks until it ends; for the exit handler, where nothing async runs any more.
    public static func runBlocking(_ executable: String, _ arguments: [String], in directory: String? = nil) throws
        -> CommandResult
    {
        let (pid, log) = try spawn(executable, arguments, in: directory)
        return CommandResult(status: wait(for: pid), output: collect(log))
    }

    /// Starts `executable` and leaves it running, with no output kept (the cleanup watchdog).
    public static func launch(_ executable: String, _ arguments: [String]) throws {
        _ = try spawn(executable, arguments, in: nil, output: "/dev/null")
    }

    /// The path of `name` in the first directory of `PATH` that has it.
    public static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    private static func spawn(_ executable: String, _ arguments: [String], in directory: String?, output: String? = nil)
        throws -> (pid_t, String)
    {
        let log = output ?? NSTemporaryDirectory() + "accord-command-\(UUID().uuidString).log"
        #if canImport(Glibc)
            var actions = posix_spawn_file_actions_t()
            var attributes = posix_spawnattr_t()
        #else
            var actions: posix_spawn_file_actions_t? = nil
            var attributes: posix_spawnattr_t? = nil
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        #if canImport(Glibc)
            // glibc has both (2.29 and 2.34) but declares them only under _GNU_SOURCE, which Swift does not set.
            typealias AddChdir =
                @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
            typealias AddClosefrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
            let library = dlopen(nil, RTLD_NOW)
            guard let chdirSymbol = dlsym(library, "posix_spawn_file_actions_addchdir_np"),
                let closefromSymbol = dlsym(library, "posix_spawn_file_actions_addclosefrom_np")
            else { throw HarnessError("the C library lacks posix_spawn_file_actions_addclosefrom_np (glibc 2.34+)") }
            // The postgres user may not be allowed into the test's working directory; a folder it owns is safe.
            _ = unsafeBitCast(chdirSymbol, to: AddChdir.self)(&actions, directory ?? "/")
            // Only stdin, stdout and stderr go to the child, so no server ever holds one of our descriptors.
            _ = unsafeBitCast(closefromSymbol, to: AddClosefrom.self)(&actions, 3)
        #else
            posix_spawn_file_actions_addchdir_np(&actions, directory ?? "/")
            posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_CLOEXEC_DEFAULT))
        #endif
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for argument in argv { free(argument) } }
        var pid: pid_t = 0
        let error = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
        guard error == 0 else {
            throw HarnessError("cannot run \(executable): \(String(cString: strerror(error)))")
        }
        return (pid, log)
    }

    private static func wait(for pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            guard errno == EINTR else { return -1 }
        }
        // Exit status when it exited, 128 + signal (as shells report it) when a signal ended it.
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }

    private static func collect(_ log: String) -> String {
        defer { try? FileManager.default.removeItem(atPath: log) }
        return (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
    }
}

/// A failure of the test harness itself, with a message that says what to fix.
public struct HarnessError: Error, CustomStringConvertible {
    public var description: String

    public init(_ description: String) { self.description = description }
}

import Foundation

/// The PostgreSQL programs the harness needs, and how to run them as a user PostgreSQL accepts.
public struct PostgresTools: Sendable {
    public let initdb: String
    public let pgCtl: String
    public let psql: String
    /// Set when the tests run as root: PostgreSQL refuses to run as root, so its tools run as `postgres`.
    public let runAs: (runuser: String, user: String, uid: uid_t, gid: gid_t)?

    /// The tools found on this machine, or why they are not usable.
    public static let found: Result<PostgresTools, HarnessError> = locate()

    /// Whether CI demands PostgreSQL: then missing tools fail the PostgreSQL tests instead of skipping them.
    public static let isRequired = ProcessInfo.processInfo.environment["ACCORD_REQUIRE_POSTGRES"] == "1"

    /// Whether the PostgreSQL tests should run: the tools are here, or their absence must be reported as a failure.
    public static var shouldRun: Bool {
        if case .success = found { return true }
        return isRequired
    }

    /// Why PostgreSQL tests are skipped, for the test report.
    public static var skipReason: String {
        if case .failure(let error) = found {
            return "PostgreSQL tests skipped: \(error). Set ACCORD_REQUIRE_POSTGRES=1 to make this a failure."
        }
        return "PostgreSQL is available"
    }

    /// The tools, or an error for a test that must not run without them (skipping is decided by the caller).
    public static func require() throws -> PostgresTools {
        switch found {
        case .success(let tools): return tools
        case .failure(let error):
            throw HarnessError("ACCORD_REQUIRE_POSTGRES=1 but PostgreSQL cannot be started: \(error)")
        }
    }

    /// The command line that runs `tool` as the server's owner.
    public func command(_ tool: String, _ arguments: [String]) -> (String, [String]) {
        guard let runAs else { return (tool, arguments) }
        return (runAs.runuser, ["-u", runAs.user, "--", tool] + arguments)
    }

    /// Gives `path` to the server's owner, so that `initdb` and the server can write there.
    public func handOver(_ path: String) throws {
        guard let runAs else { return }
        guard chown(path, runAs.uid, runAs.gid) == 0 else {
            throw HarnessError("cannot give \(path) to the \(runAs.user) user: \(String(cString: strerror(errno)))")
        }
    }

    private static func locate() -> Result<PostgresTools, HarnessError> {
        // ACCORD_POSTGRES_BIN names the folder of one installation (e.g. Homebrew's), and nothing else is searched.
        let folders: [String]
        if let folder = ProcessInfo.processInfo.environment["ACCORD_POSTGRES_BIN"] {
            folders = [folder]
        } else {
            let versions = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
            let debian = versions.sorted { (Int($0) ?? 0) > (Int($1) ?? 0) }.map { "/usr/lib/postgresql/\($0)/bin" }
            let onPath = Subprocess.find("initdb").map { URL(fileURLWithPath: $0).resolvingSymlinksInPath() }
            folders = [onPath?.deletingLastPathComponent().path].compactMap { $0 } + debian
        }
        let executable = { (folder: String, name: String) -> String? in
            let path = "\(folder)/\(name)"
            return FileManager.default.isExecutableFile(atPath: path) ? path : nil
        }
        guard let folder = folders.first(where: { executable($0, "initdb") != nil && executable($0, "pg_ctl") != nil })
        else {
            return .failure(
                HarnessError(
                    "initdb and pg_ctl were not found on PATH, in /usr/lib/postgresql/*/bin or in ACCORD_POSTGRES_BIN"))
        }
        // psql of the same installation when it has one; Debian also puts a wrapper on PATH.
        guard let psql = executable(folder, "psql") ?? Subprocess.find("psql") else {
            return .failure(HarnessError("psql was not found beside \(folder)/initdb or on PATH"))
        }
        var runAs: (String, String, uid_t, gid_t)?
        if getuid() == 0 {
            guard
                let runuser = Subprocess.find("runuser")
                    ?? ["/usr/sbin/runuser", "/sbin/runuser"].first(where: {
                        FileManager.default.isExecutableFile(atPath: $0)
                    })
            else { return .failure(HarnessError("running as root needs runuser to start PostgreSQL as postgres")) }
            guard let account = getpwnam("postgres") else {
                return .failure(HarnessError("running as root needs a postgres user to own the test server"))
            }
            runAs = (runuser, "postgres", account.pointee.pw_uid, account.pointee.pw_gid)
        }
        return .success(
            PostgresTools(
                initdb: executable(folder, "initdb")!, pgCtl: executable(folder, "pg_ctl")!, psql: psql, runAs: runAs))
    }
}

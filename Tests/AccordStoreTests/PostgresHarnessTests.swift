import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The PostgreSQL server the suite starts for itself. When PostgreSQL is missing these tests are the ones
/// the report shows as skipped, with the reason; the PostgreSQL cases of the other tests are then left out.
@Suite("PostgreSQL test server", .enabled(if: PostgresTools.shouldRun, Comment(rawValue: PostgresTools.skipReason)))
struct PostgresHarnessTests {
    @Test("the suite's own server runs on a free loopback port, one database per test")
    func sharedServer() async throws {
        let cluster = try await TestPostgres.shared.cluster()
        let first = try await cluster.createDatabase()
        let second = try await cluster.createDatabase()

        #expect(cluster.port != 5432)
        #expect(first != second)
        let address = try await cluster.psql("SELECT inet_server_addr()", database: first)
        #expect(address.output.trimmingCharacters(in: .whitespacesAndNewlines) == "127.0.0.1", "\(address.output)")
        // The store refuses a server that may lose commits, so the shared server must keep every default that matters.
        let settings = try await cluster.psql(
            "SELECT string_agg(setting, ',' ORDER BY name) FROM pg_settings "
                + "WHERE name IN ('fsync', 'synchronous_commit', 'full_page_writes')", database: second)
        #expect(settings.output.trimmingCharacters(in: .whitespacesAndNewlines) == "on,on,on", "\(settings.output)")
    }

    @Test("a server abandoned by a crashed test process is stopped by the next run")
    func abandonedServerIsSwept() async throws {
        let tools = try PostgresTools.require()
        let cluster = try await PostgresCluster.start(tools: tools)
        let postmaster = try #require(Self.postmaster(of: cluster))
        #expect(kill(postmaster, 0) == 0)

        // Pretend the folder belongs to a test process that has died: a child that has already exited.
        let dead = try Self.pidOfExitedProcess()
        try "\(dead)\n".write(toFile: cluster.folder + "/owner", atomically: false, encoding: .utf8)
        await ClusterCleanup.sweepAbandoned(tools: tools)

        #expect(!FileManager.default.fileExists(atPath: cluster.folder))
        // The stopped postmaster may linger as a zombie until its parent (init) reaps it; it must not be serving.
        let probe = try await cluster.psql("SELECT 1", database: "postgres")
        #expect(!probe.succeeded)
    }

    private static func postmaster(of cluster: PostgresCluster) -> pid_t? {
        let text = try? String(contentsOfFile: cluster.dataDirectory + "/postmaster.pid", encoding: .utf8)
        return text?.split(separator: "\n").first.flatMap { pid_t($0) }
    }

    /// The id of a process that has run and been reaped, so nothing has that id any more (until it is reused).
    private static func pidOfExitedProcess() throws -> pid_t {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }
}

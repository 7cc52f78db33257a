import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One throwaway PostgreSQL server: its own folder, data directory and socket, on a free loopback port.
///
/// The server uses trust authentication for the `postgres` user; it listens only on 127.0.0.1 and lives
/// only as long as the test process (see `ClusterCleanup`).
public struct PostgresCluster: Sendable {
    public let tools: PostgresTools
    public let folder: String
    public let port: Int

    public var dataDirectory: String { folder + "/data" }
    public var serverLog: String { folder + "/server.log" }

    /// Creates and starts a server with `settings` added to its command line (e.g. `["fsync": "off"]`).
    public static func start(tools: PostgresTools, settings: [String: String] = [:]) async throws -> PostgresCluster {
        let folder = try ClusterCleanup.makeFolder(tools: tools)
        do {
            try tools.handOver(folder)
            try await run(
                tools, tools.initdb, in: folder,
                [
                    "-D", folder + "/data", "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync",
                ])
            // Another process may take the port between our probe and the server's bind; then try another one.
            for attempt in 1...5 {
                let cluster = PostgresCluster(tools: tools, folder: folder, port: try freePort())
                let started = try await cluster.pgCtlStart(settings: settings)
                if started.succeeded {
                    try await cluster.waitUntilAccepting()
                    return cluster
                }
                let log = (try? String(contentsOfFile: cluster.serverLog, encoding: .utf8)) ?? ""
                guard log.contains("could not bind") || log.contains("already in use"), attempt < 5 else {
                    throw HarnessError("pg_ctl start failed: \(started.output)\nserver log:\n\(log.suffix(2_000))")
                }
            }
            throw HarnessError("no free port was found for the test PostgreSQL server")
        } catch {
            ClusterCleanup.stopBlocking(folder: folder, tools: tools)
            throw error
        }
    }

    /// Stops the server at once (no checkpoint: the data is thrown away) and deletes its folder.
    public func stop() async {
        let (tool, arguments) = tools.command(tools.pgCtl, ["stop", "-D", dataDirectory, "-m", "immediate", "-w"])
        _ = try? await Subprocess.run(tool, arguments, in: folder)
        try? FileManager.default.removeItem(atPath: folder)
        ClusterCleanup.forget(folder)
    }

    /// Creates an empty database with a fresh name, so that tests running in parallel never share one.
    public func createDatabase() async throws -> String {
        let name = "test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let created = try await psql("CREATE DATABASE \(name)", database: "postgres")
        guard created.succeeded else {
            // The server's own words say whether it crashed or was stopped (e.g. "immediate shutdown request").
            let log = (try? String(contentsOfFile: serverLog, encoding: .utf8)) ?? "(no server log)"
            throw HarnessError(
                "CREATE DATABASE \(name) failed: \(created.output)\nend of the server log:\n\(log.suffix(1_500))")
        }
        return name
    }

    /// Runs `sql` through `psql` as the superuser: a connection of its own, like an operator's shell.
    ///
    /// Several statements separated by semicolons run in one transaction; the first error stops them.
    public func psql(_ sql: String, database: String) async throws -> CommandResult {
        try await Subprocess.run(
            tools.psql,
            [
                "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", "\(port)", "-U", "postgres",
                "-d", database, "-c", sql,
            ])
    }

    /// The store URL of `database` on this server.
    public func url(database: String) -> String { "postgres://postgres@127.0.0.1:\(port)/\(database)" }

    private func pgCtlStart(settings: [String: String]) async throws -> CommandResult {
        // Generous max_connections: every store keeps a pool (up to 8 connections), and many tests run in
        // parallel on both databases.
        let all = ["listen_addresses": "127.0.0.1", "max_connections": "400"].merging(settings) { $1 }
        let options =
            ["-p \(port)", "-k '\(folder)'"] + all.sorted { $0.key < $1.key }.map { "-c \($0.key)=\($0.value)" }
        let (tool, arguments) = tools.command(
            tools.pgCtl,
            [
                "start", "-D", dataDirectory, "-l", serverLog, "-w", "-t", "60", "-o", options.joined(separator: " "),
            ])
        return try await Subprocess.run(tool, arguments, in: folder)
    }

    /// `pg_ctl -w` already waits for the server; this checks that TCP connections, which the store uses, work too.
    private func waitUntilAccepting() async throws {
        var last = CommandResult(status: -1, output: "")
        for _ in 0..<100 {
            last = try await psql("SELECT 1", database: "postgres")
            if last.succeeded { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw HarnessError("the test PostgreSQL server on port \(port) does not accept connections: \(last.output)")
    }

    private static func run(_ tools: PostgresTools, _ tool: String, in folder: String, _ arguments: [String])
        async throws
    {
        let (executable, wrapped) = tools.command(tool, arguments)
        let result = try await Subprocess.run(executable, wrapped, in: folder)
        guard result.succeeded else {
            throw HarnessError("\(tool) failed (status \(result.status)): \(result.output.suffix(2_000))")
        }
    }

    /// A loopback port nobody listens on now: bind port 0 and let the kernel choose.
    private static func freePort() throws -> Int {
        for _ in 0..<10 {
            #if canImport(Glibc)
                let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            #else
                let descriptor = socket(AF_INET, SOCK_STREAM, 0)
            #endif
            guard descriptor >= 0 else { throw HarnessError("socket() failed: \(String(cString: strerror(errno)))") }
            defer { close(descriptor) }
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = 0
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            let bound = withUnsafeMutablePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                    bind(descriptor, socketAddress, length) == 0 && getsockname(descriptor, socketAddress, &length) == 0
                }
            }
            guard bound else { throw HarnessError("cannot bind 127.0.0.1:0: \(String(cString: strerror(errno)))") }
            let port = Int(UInt16(bigEndian: address.sin_port))
            // Never the usual port: a developer's own server may want it back.
            if port != 5432 { return port }
        }
        throw HarnessError("the kernel kept offering port 5432")
    }
}

/// The one PostgreSQL server of this test process, started on first use and shared by every test.
public actor TestPostgres {
    public static let shared = TestPostgres()

    private var starting: Task<PostgresCluster, any Error>?

    /// The shared server; the first caller starts it, the others wait for the same start.
    public func cluster() async throws -> PostgresCluster {
        if let starting { return try await starting.value }
        let task = Task {
            let tools = try PostgresTools.require()
            await ClusterCleanup.sweepAbandoned(tools: tools)
            return try await PostgresCluster.start(tools: tools)
        }
        starting = task
        return try await task.value
    }
}

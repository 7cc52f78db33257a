import Foundation

/// A finished run of another program.
struct Finished: Sendable {
    var status: Int32
    var output: String
    var seconds: Double
}

/// Helpers to run the reference tools and `accord` as child processes.
enum Subprocess {
    /// The full path of `name` on the PATH, if it is there.
    static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs `executable` to the end and returns its status, standard output and wall-clock time.
    ///
    /// The time runs from just before the launch to the exit, so it includes starting the process; the
    /// callers that compare throughput subtract that start-up time.
    static func run(_ executable: String, _ arguments: [String]) throws -> Finished {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        let begin = now()
        try process.run()
        // Read before waiting: a child whose output fills the pipe would otherwise never exit.
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let elapsed = now() - begin
        return Finished(
            status: process.terminationStatus, output: String(decoding: data, as: UTF8.self), seconds: elapsed)
    }
}

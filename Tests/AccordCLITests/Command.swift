import Foundation
import Subprocess
import Testing

/// The `accord` executable that `swift test` builds beside the test bundle, run as a user would.
struct Command {
    /// Where the built `accord` is: next to the running test binary.
    static let executable: URL = {
        let me = URL(
            fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
                ?? CommandLine.arguments[0])
        var folder = me.deletingLastPathComponent()
        // The test binary sits inside AccordPackageTests.xctest on some toolchains; walk up to the build folder.
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("accord").path),
            folder.path != "/"
        {
            folder.deleteLastPathComponent()
        }
        return folder.appendingPathComponent("accord")
    }()

    struct Result {
        var status: Int32
        var output: String
    }

    /// Runs `accord arguments…` in `folder` to completion, through swift-subprocess.
    @discardableResult
    static func run(_ arguments: [String], in folder: URL) async throws -> Result {
        try await system(executable.path, arguments, in: folder)
    }

    /// A process for `accord arguments…` in `folder`, not yet started, its output and errors in one pipe.
    static func start(_ arguments: [String], in folder: URL) -> Process {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        return process
    }

    /// Runs a tool of the system (sqlite3), or any program by its path, in `folder`, and returns its output
    /// (standard error included) and status. `env -C` changes the folder, so no path type is needed.
    @discardableResult
    static func system(_ tool: String, _ arguments: [String], in folder: URL) async throws -> Result {
        let result = try await Subprocess.run(
            .name("env"), arguments: Arguments(["-C", folder.path, tool] + arguments),
            output: .string(limit: 64 << 20), error: .combinedWithOutput)
        let status: Int32 =
            switch result.terminationStatus {
            case .exited(let code): code
            default: -1
            }
        return Result(status: status, output: result.standardOutput)
    }

    /// A fresh temporary folder, removed by the caller.
    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("accord-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Whether a tool is on the PATH.
    static func has(_ tool: String) async -> Bool {
        (try? await system("which", [tool], in: FileManager.default.temporaryDirectory).status) == 0
    }
}

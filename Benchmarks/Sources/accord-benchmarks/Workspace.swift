import Foundation

/// The run's temporary folder: every SQLite file, reference file and log of the run lives here, on the disk
/// being measured, and is removed at the end.
struct Workspace: Sendable {
    let url: URL

    init(in directory: URL) throws {
        url = directory.appendingPathComponent("accord-benchmarks-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// The path of `name` inside the folder.
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

/// What the figures were measured on, so that two reports can be compared fairly.
enum Machine {
    static var summary: String {
        let info = ProcessInfo.processInfo
        let memory = Format.fixed(Double(info.physicalMemory) / 1e9, 1)
        return
            "machine: \(cpuModel), \(info.activeProcessorCount) cores, \(memory) GB RAM, \(info.operatingSystemVersionString)"
    }

    /// The 1, 5 and 15-minute load averages: figures taken on a busy machine are not comparable.
    static var loadAverage: String {
        let text = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? ""
        return text.split(separator: " ").prefix(3).joined(separator: " ")
    }

    private static var cpuModel: String {
        guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
            let line = text.split(separator: "\n").first(where: { $0.hasPrefix("model name") }),
            let colon = line.firstIndex(of: ":")
        else { return "unknown CPU" }
        return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }

    /// The device and file system that hold `path`, from /proc/mounts ("/dev/vda (ext4)").
    static func fileSystem(of path: String) -> String {
        guard let text = try? String(contentsOfFile: "/proc/mounts", encoding: .utf8) else { return "unknown" }
        let mounts = text.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }.filter {
            $0.count >= 3
        }
        // The longest mount point that contains the path is the one the path lives on.
        let best = mounts.filter { path == $0[1] || path.hasPrefix($0[1] == "/" ? "/" : $0[1] + "/") }
            .max { $0[1].count < $1[1].count }
        return best.map { "\($0[0]) (\($0[2]))" } ?? "unknown"
    }
}

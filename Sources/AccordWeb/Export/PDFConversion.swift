import Foundation

/// Turns a DOCX into a PDF with LibreOffice in headless mode, where LibreOffice is installed.
///
/// Accord writes the DOCX itself; the PDF is LibreOffice's rendering of exactly those bytes, so the two
/// never disagree. The conversion runs in a temporary folder with a profile of its own, since two
/// LibreOffice processes sharing the user's profile refuse to start side by side.
public enum PDFConversion {
    /// Why a PDF could not be made, in words an administrator can act on.
    public enum Failure: Error, CustomStringConvertible {
        case notInstalled
        case failed(status: Int32, output: String)
        case timedOut(seconds: Int)

        public var description: String {
            switch self {
            case .notInstalled:
                "PDF needs LibreOffice, which is not installed here; on Debian or Ubuntu install it with "
                    + "`apt-get install libreoffice-writer-nogui` (or export DOCX and convert it yourself)"
            case .failed(let status, let output):
                "LibreOffice could not convert the document (exit status \(status)): "
                    + output.trimmingCharacters(in: .whitespacesAndNewlines).suffix(300)
            case .timedOut(let seconds):
                "LibreOffice did not finish converting the document within \(seconds) seconds"
            }
        }
    }

    /// The LibreOffice program on the PATH (`soffice` or `libreoffice`), if any.
    public static var converter: URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            for name in ["soffice", "libreoffice"] {
                let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            }
        }
        return nil
    }

    /// The PDF of `docx`.
    ///
    /// - Throws: `Failure` when LibreOffice is missing, fails or takes longer than `timeout` seconds.
    public static func pdf(fromDOCX docx: Data, timeout: Int = 120) async throws -> Data {
        guard let converter else { throw Failure.notInstalled }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("accord-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("document.docx")
        try docx.write(to: input)

        let process = Process()
        process.executableURL = converter
        process.arguments = [
            "-env:UserInstallation=\(folder.appendingPathComponent("profile").absoluteString)",
            "--headless", "--norestore", "--convert-to", "pdf", "--outdir", folder.path, input.path,
        ]
        process.currentDirectoryURL = folder
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let finished = await waitForExit(of: process, seconds: timeout)
        let printed = String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
        guard finished else {
            process.terminate()
            throw Failure.timedOut(seconds: timeout)
        }
        let result = folder.appendingPathComponent("document.pdf")
        guard process.terminationStatus == 0, let pdf = try? Data(contentsOf: result) else {
            throw Failure.failed(status: process.terminationStatus, output: printed)
        }
        return pdf
    }

    /// Waits for `process` without blocking a thread of the server's pool; false when it outlives `seconds`.
    private static func waitForExit(of process: Process, seconds: Int) async -> Bool {
        let deadline = Date().addingTimeInterval(TimeInterval(seconds))
        while process.isRunning {
            if Date() > deadline { return false }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return true
    }
}

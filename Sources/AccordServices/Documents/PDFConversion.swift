import Foundation
import Subprocess

/// Turns a DOCX into a PDF with LibreOffice in headless mode, where LibreOffice is installed.
///
/// Accord writes the DOCX itself; the PDF is LibreOffice's rendering of exactly those bytes, so the two
/// never disagree. The conversion runs in a temporary folder with a profile of its own, since two
/// LibreOffice processes sharing the user's profile refuse to start side by side.
public enum PDFConversion {
    /// Why a PDF could not be made, in words an administrator can act on.
    public enum Failure: Error, CustomStringConvertible {
        case notInstalled
        case failed(status: String, output: String)
        case timedOut(seconds: Int)

        public var description: String {
            switch self {
            case .notInstalled:
                "PDF needs LibreOffice, which is not installed here; on Debian or Ubuntu install it with "
                    + "`apt-get install libreoffice-writer-nogui` (or export DOCX and convert it yourself)"
            case .failed(let status, let output):
                "LibreOffice could not convert the document (\(status)): "
                    + output.trimmingCharacters(in: .whitespacesAndNewlines).suffix(300)
            case .timedOut(let seconds):
                "LibreOffice did not finish converting the document within \(seconds) seconds"
            }
        }
    }

    /// The LibreOffice program on the PATH (`soffice` or `libreoffice`), if any.
    public static var converter: String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for name in ["soffice", "libreoffice"] {
            for folder in path.split(separator: ":") {
                let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return name }
            }
        }
        return nil
    }

    /// The PDF of `docx`.
    ///
    /// - Throws: `Failure` when LibreOffice is missing, fails or takes longer than `timeout` seconds (it is then
    ///   stopped, and nothing is left behind).
    public static func pdf(fromDOCX docx: Data, timeout: Int = 120) async throws -> Data {
        guard let converter else { throw Failure.notInstalled }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("accord-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("document.docx")
        try docx.write(to: input)
        let arguments = [
            "-env:UserInstallation=\(folder.appendingPathComponent("profile").absoluteString)",
            "--headless", "--norestore", "--convert-to", "pdf", "--outdir", folder.path, input.path,
        ]
        // Whichever finishes first: the conversion, or the clock, whose end cancels it (Subprocess then stops
        // LibreOffice).
        let outcome = try await withThrowingTaskGroup(of: (status: TerminationStatus, output: String)?.self) { group in
            group.addTask {
                let result = try await run(
                    .name(converter), arguments: Arguments(arguments), output: .string(limit: 1 << 20),
                    error: .combinedWithOutput)
                return (result.terminationStatus, result.standardOutput)
            }
            group.addTask {
                try await Task.sleep(for: .seconds(timeout))
                return nil
            }
            let first = try await group.next() ?? nil
            group.cancelAll()
            return first
        }
        guard let outcome else { throw Failure.timedOut(seconds: timeout) }
        let result = folder.appendingPathComponent("document.pdf")
        guard case .exited(0) = outcome.status, let pdf = try? Data(contentsOf: result) else {
            throw Failure.failed(status: "\(outcome.status)", output: outcome.output)
        }
        return pdf
    }
}

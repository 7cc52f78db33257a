import Foundation

/// A one-line progress bar on standard error, redrawn in place, for work over many rows.
///
/// It draws only on a terminal (or when forced), and at most once per percent, so a pipe or a log file
/// never fills with carriage returns and a fast import is not slowed down by its own drawing.
final class ProgressBar: @unchecked Sendable {
    private let label: String
    private let isShown: Bool
    private var lastPercent = -1

    /// A bar for `label`; `force` draws it even when standard error is not a terminal.
    init(_ label: String, force: Bool = false) {
        self.label = label
        isShown = force || isatty(FileHandle.standardError.fileDescriptor) == 1
    }

    /// Shows `done` of `total`.
    func update(_ done: Int, of total: Int) {
        guard isShown, total > 0 else { return }
        let percent = min(100, done * 100 / total)
        guard percent != lastPercent else { return }
        lastPercent = percent
        let width = 30
        let filled = percent * width / 100
        let bar = String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled)
        FileHandle.standardError.write(Data("\r\(label) [\(bar)] \(percent)% (\(done)/\(total))".utf8))
        if done >= total { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}

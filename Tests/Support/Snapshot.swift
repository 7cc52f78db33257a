import Foundation
import Testing

/// Compares `text` with the snapshot `name` kept in the calling test target's `__Snapshots__` folder
/// (`Tests/<target>/__Snapshots__`).
///
/// A missing snapshot is written and the test fails, so a new snapshot is always looked at before it is
/// committed; `ACCORD_RECORD_SNAPSHOTS=1` rewrites every snapshot after an intended change. On a mismatch the
/// first differing line is reported, since a whole document in a failure message helps nobody.
public func assertSnapshot(
    _ text: String, named name: String, filePath: String = #filePath, sourceLocation: SourceLocation = #_sourceLocation
) throws {
    // The test target's folder: the caller's ancestor whose parent is `Tests`.
    var target = URL(fileURLWithPath: filePath).deletingLastPathComponent()
    while target.deletingLastPathComponent().lastPathComponent != "Tests", target.pathComponents.count > 1 {
        target = target.deletingLastPathComponent()
    }
    let folder = target.appendingPathComponent("__Snapshots__")
    let file = folder.appendingPathComponent(name)
    let recording = ProcessInfo.processInfo.environment["ACCORD_RECORD_SNAPSHOTS"] == "1"
    guard !recording, let stored = try? String(contentsOf: file, encoding: .utf8) else {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try text.write(to: file, atomically: true, encoding: .utf8)
        if !recording {
            Issue.record(
                "snapshot \(name) was missing and has been recorded; check it and run again",
                sourceLocation: sourceLocation)
        }
        return
    }
    guard stored != text else { return }
    let expected = stored.split(separator: "\n", omittingEmptySubsequences: false)
    let actual = text.split(separator: "\n", omittingEmptySubsequences: false)
    let line =
        zip(expected, actual).enumerated().first { $0.element.0 != $0.element.1 }?.offset
        ?? min(expected.count, actual.count)
    let was = line < expected.count ? String(expected[line]) : "(end of snapshot)"
    let now = line < actual.count ? String(actual[line]) : "(end of output)"
    let message =
        "snapshot \(name) differs at line \(line + 1):\n  snapshot: \(was)\n  output:   \(now)\n"
        + "(ACCORD_RECORD_SNAPSHOTS=1 records the new output)"
    Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
}

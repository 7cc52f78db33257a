import Foundation

/// Seconds since an arbitrary start, from the monotonic clock.
func now() -> Double {
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
}

private let start = ContinuousClock.now

/// The seconds `body` took.
func seconds(_ body: () async throws -> Void) async rethrows -> Double {
    let begin = now()
    try await body()
    return now() - begin
}

/// Timings of repeated runs of one operation.
struct Samples: Sendable {
    /// The durations in seconds, shortest first.
    let sorted: [Double]

    init(_ values: [Double]) { sorted = values.sorted() }

    var best: Double { sorted[0] }
    var median: Double {
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
    /// The value 95% of the runs did not exceed (nearest rank).
    var p95: Double { sorted[max(0, Int((0.95 * Double(sorted.count)).rounded(.up)) - 1)] }
}

/// Runs `body` `count` times after `warmUp` untimed runs and returns the timings.
func sample(_ count: Int, warmUp: Int = 1, _ body: () async throws -> Void) async rethrows -> Samples {
    for _ in 0..<warmUp { try await body() }
    var values: [Double] = []
    for _ in 0..<count { values.append(try await seconds(body)) }
    return Samples(values)
}

/// Number formats for the report; MB is 10^6 bytes throughout.
enum Format {
    /// "100,000".
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return value < 0 ? "-" + out : out
    }

    /// `value` with `digits` decimals.
    static func fixed(_ value: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", value) }

    /// A duration in the unit that reads best: "412 µs", "3.21 ms", "1.084 s".
    static func duration(_ seconds: Double) -> String {
        if seconds < 1e-3 { return "\(fixed(seconds * 1e6, 0)) µs" }
        if seconds < 1 { return "\(fixed(seconds * 1e3, 2)) ms" }
        return "\(fixed(seconds, 3)) s"
    }

    static func megabytes(_ bytes: Int) -> String { "\(fixed(Double(bytes) / 1e6, 1)) MB" }

    static func megabytesPerSecond(_ bytesPerSecond: Double) -> String { "\(fixed(bytesPerSecond / 1e6, 1)) MB/s" }

    /// A ratio to a reference, "0.62×".
    static func ratio(_ value: Double) -> String { "\(fixed(value, value < 0.1 ? 3 : 2))×" }
}

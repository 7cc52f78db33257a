/// How one target of the issue came out.
struct Outcome: Sendable {
    enum Verdict: String, Sendable {
        case pass = "PASS"
        case fail = "FAIL"
        /// The benchmark could not run here (e.g. no `accord` binary); says nothing about the target.
        case skipped = "SKIPPED"
    }

    var target: Target
    var verdict: Verdict
    /// The target and the figure it was judged on, in one line.
    var summary: String
    /// The load average before and after the target ran.
    var load = ""

    /// A target met when every one of its checks is.
    init(_ target: Target, checks: [Check], summary: String) {
        self.target = target
        self.verdict = checks.allSatisfy(\.isMet) ? .pass : .fail
        self.summary = summary + ": " + checks.map(\.description).joined(separator: "; ")
    }

    init(_ target: Target, _ verdict: Verdict, _ summary: String) {
        self.target = target
        self.verdict = verdict
        self.summary = summary
    }

    /// A benchmark that stopped on an error has not shown that its target is met.
    static func failed(_ target: Target, _ summary: String, error: any Error) -> Outcome {
        say("   ERROR: \(error)")
        return Outcome(target, .fail, "\(summary): stopped by an error: \(error)")
    }

    var line: String {
        "\(verdict.rawValue.padding(7))  \(target.rawValue). \(summary)" + (load.isEmpty ? "" : " [load \(load)]")
    }
}

/// One comparison of a measured figure with its target.
struct Check: Sendable, CustomStringConvertible {
    var name: String
    var isMet: Bool
    /// The figure and the bound, e.g. "0.62× sha256sum (≥ 0.50×)".
    var figure: String

    var description: String { "\(name) \(figure) \(isMet ? "PASS" : "FAIL")" }
}

extension String {
    /// The string followed by spaces up to `width` characters.
    func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }

    /// Spaces up to `width` characters followed by the string.
    func leftPadding(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}

import Foundation

/// Runs the benchmarks of the issue one after the other, each with the reference it is judged against
/// measured in the same run on the same machine, and ends with one PASS/FAIL line per target.
///
/// The exit status is 1 when any target fails, so a scheduled job can alert on it; a skipped target
/// (no `accord` binary yet) does not fail the run.
@main
enum AccordBenchmarks {
    static func main() async {
        let options: Options
        do {
            options = try Options(CommandLine.arguments.dropFirst())
        } catch {
            FileHandle.standardError.write(Data("accord-benchmarks: \(error)\n\n\(Options.usage)\n".utf8))
            exit(2)
        }
        if options.wantsHelp {
            say(Options.usage)
            return
        }
        let workspace: Workspace
        do {
            workspace = try Workspace(in: options.directory)
        } catch {
            FileHandle.standardError.write(Data("accord-benchmarks: \(error)\n".utf8))
            exit(2)
        }

        say("Accord benchmarks (\(options.isQuick ? "quick smoke run" : "full run")), files in \(workspace.url.path)")
        say(Machine.summary)
        say(
            "load average at the start: \(Machine.loadAverage) (for \(ProcessInfo.processInfo.activeProcessorCount) cores)"
        )
        var outcomes: [Outcome] = []
        var planDatabase: String?
        for target in Target.allCases where options.targets.contains(target) {
            say()
            let loadBefore = Machine.loadAverage
            switch target {
            case .verify:
                outcomes.append(await VerifyBenchmark(options: options, workspace: workspace).run())
            case .durableAppend:
                outcomes.append(await DurableAppendBenchmark(options: options, workspace: workspace).run())
            case .planView:
                let benchmark = PlanViewBenchmark(options: options, workspace: workspace)
                outcomes.append(await benchmark.run())
                planDatabase = benchmark.databasePath
            case .serveMemory:
                let benchmark = ServeMemoryBenchmark(options: options, workspace: workspace)
                outcomes.append(await benchmark.run(planDatabase: planDatabase))
            case .revisionCheck:
                outcomes.append(await RevisionBenchmark(options: options).run())
            case .editionComparison:
                outcomes.append(await EditionComparisonBenchmark(options: options).run())
            case .document:
                outcomes.append(await DocumentBenchmark(options: options, workspace: workspace).run())
            case .page:
                outcomes.append(
                    await PageBenchmark(options: options, workspace: workspace).run(planDatabase: planDatabase))
            case .statistics:
                outcomes += StatisticsBenchmark(options: options, workspace: workspace).run()
            case .search:
                outcomes.append(await SearchBenchmark(options: options, workspace: workspace).run())
            case .reports:
                outcomes.append(await ReportBenchmark(options: options, workspace: workspace).run())
            }
            // Each target's figures are read beside the load they were taken under.
            outcomes[outcomes.count - 1].load = "\(loadBefore) before, \(Machine.loadAverage) after"
            say("   load average: \(outcomes[outcomes.count - 1].load)")
        }

        say()
        say("Summary (load average at the end: \(Machine.loadAverage))")
        for outcome in outcomes { say(outcome.line) }
        // Removed here rather than in a defer: exit() below ends the process without running defers.
        if options.keepsFiles {
            say("files kept in \(workspace.url.path)")
        } else {
            workspace.remove()
        }
        if outcomes.contains(where: { $0.verdict == .fail }) { exit(1) }
    }
}

/// Writes one line of the report straight to standard output.
///
/// Unlike `print`, nothing waits in stdio's buffer when the output goes to a pipe or a file, so a long run
/// shows its progress as it goes.
func say(_ line: String = "") {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

import AccordStatistics
import Foundation

/// Target 9, the statistics engine of issue 21, each part next to its reference in the same run:
/// (a) two cube queries on ten million observations against DuckDB (no slower) and pandas (≥ 5× faster);
/// (b) the duplicate-key check against numpy's sort of the same keys; (c) importing and validating a
/// 100,000-row SDMX-CSV in ≤ 0.2× of pysdmx's time to read it, under 100 MB; (d) writing 100,000
/// observations as SDMX-ML generic data, streamed to a file, ≥ 5× faster than lxml parses that file.
///
/// The references run in Python subprocesses (`ACCORD_BENCHMARK_PYTHON`, else the validators' venv under
/// the root's `.build/`, else `python3`); a missing package makes its part SKIPPED, not failed.
struct StatisticsBenchmark {
    let options: Options
    let workspace: Workspace

    func run() -> [Outcome] {
        say("9. statistics: cube queries, duplicate keys, SDMX-CSV import, SDMX-ML generic data (Python references)")
        let structure: DataStructure
        do {
            structure = try DataStructure.migrationFlows()
        } catch {
            return [.failed(.statistics, "statistics", error: error)]
        }
        let python = Self.python()
        say("   python: \(python ?? "none found")")
        // (c) and (d) first, while the process is small, so the import's memory is measured alone.
        var outcomes: [Outcome] = []
        for part in [importCSV, writeGenericData, cubeAndKeys] {
            do {
                outcomes += try part(structure, python)
            } catch {
                outcomes.append(.failed(.statistics, "statistics", error: error))
            }
        }
        return outcomes
    }

    private var runs: Int { options.isQuick ? 3 : 7 }

    /// (c) import and validate 100,000 rows of SDMX-CSV.
    private func importCSV(_ structure: DataStructure, _ python: String?) throws -> [Outcome] {
        let rows = options.isQuick ? 20_000 : 100_000
        let path = workspace.path("upload.csv")
        try Data(try StatisticsFixture.returnsUpload(structure: structure, rows: rows)).write(
            to: URL(fileURLWithPath: path))
        let flow = structure.dataflow("DF_MIGR_RETURNS")!
        var report: UploadReport?
        let before = Memory.resident()
        Memory.resetPeak()
        var times: [Double] = []
        for run in 0...runs {
            let begin = now()
            // Read as `accord stats import` reads a file: mapped, then copied once.
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped))
            report = Upload(structure: structure, flow: flow, reportingArea: "MEX").validate(sdmxCSV: bytes)
            if run > 0 { times.append(now() - begin) }
        }
        let peak = Memory.peak() - before
        let ours = Samples(times).median
        guard let report, report.canCommit, report.table.count == rows else {
            throw BenchmarkError("the upload did not read cleanly: \(report?.problems.problems.prefix(3) ?? [])")
        }
        say(
            "   (c) import + validate \(Format.grouped(rows)) SDMX-CSV rows: median \(Format.duration(ours)), peak memory +\(Format.megabytes(peak)), \(report.problems.warnings.count) warnings"
        )
        var checks = [
            Check(name: "memory", isMet: peak < 100_000_000, figure: "+\(Format.megabytes(peak)) (needs < 100 MB)")
        ]
        let summary = "(c) SDMX-CSV import ≤ 0.2× pysdmx, < 100 MB"
        guard let reference = try reference(python, ["pysdmx", path, String(min(runs, 3))]),
            let theirs = reference["pysdmx_read"] as? Double
        else { return [Outcome(.statistics, .skipped, summary + ": pysdmx not available")] }
        let ratio = ours / theirs
        checks.append(
            Check(
                name: "vs pysdmx", isMet: ratio <= 0.2,
                figure:
                    "pysdmx reads it in \(Format.duration(theirs)); accord \(Format.ratio(ratio)) of that (needs ≤ 0.20×)"
            ))
        say("   (c) \(checks[1])")
        return [Outcome(.statistics, checks: checks, summary: summary)]
    }

    /// (d) write 100,000 observations as SDMX-ML 2.1 generic data, streamed to a file.
    private func writeGenericData(_ structure: DataStructure, _ python: String?) throws -> [Outcome] {
        let fixture = StatisticsFixture(structure: structure, citizenships: 1, months: 120)
        let rows = options.isQuick ? 20_000 : 100_000
        let table = Self.prefix(fixture.table, rows)
        let message = DataMessage(
            structure: structure, flow: structure.dataflow("DF_MIGR_MOVEMENTS")!, table: table, id: "BENCHMARK",
            prepared: "2026-11-24T10:00:00Z")
        let path = workspace.path("generic.xml")
        var times: [Double] = []
        for run in 0...runs {
            guard FileManager.default.createFile(atPath: path, contents: nil) else {
                throw BenchmarkError("cannot create \(path)")
            }
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            let begin = now()
            try message.writeGenericData { chunk in try handle.write(contentsOf: chunk) }
            try handle.close()
            if run > 0 { times.append(now() - begin) }
        }
        let ours = Samples(times).median
        let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        say(
            "   (d) SDMX-ML generic data of \(Format.grouped(table.count)) observations (\(Format.megabytes(size))), streamed to a file: median \(Format.duration(ours))"
        )
        let summary = "(d) SDMX-ML generic data write ≥ 5× lxml parse"
        guard let reference = try reference(python, ["lxml", path, String(runs)]),
            let theirs = reference["lxml_parse"] as? Double
        else { return [Outcome(.statistics, .skipped, summary + ": lxml not available")] }
        let ratio = theirs / ours
        let check = Check(
            name: "vs lxml", isMet: ratio >= 5,
            figure:
                "lxml parses it in \(Format.duration(theirs)); accord writes it \(Format.ratio(ratio)) faster (needs ≥ 5×)"
        )
        say("   (d) \(check)")
        return [Outcome(.statistics, checks: [check], summary: summary)]
    }

    /// (a) the two queries and (b) the duplicate-key check on the ten-million cube.
    private func cubeAndKeys(_ structure: DataStructure, _ python: String?) throws -> [Outcome] {
        let begin = now()
        let fixture = StatisticsFixture(structure: structure, citizenships: options.isQuick ? 6 : 60)
        let cube = Cube(structure: structure, flow: structure.dataflow("DF_MIGR_MOVEMENTS")!, table: fixture.table)
        say(
            "   cube: \(Format.grouped(cube.table.count)) observations generated and held in \(Format.duration(now() - begin))"
        )
        let returned = "RET_RECV"
        let byYear = Query(groupBy: [.referenceArea, .event], time: .year)
        let bySex = Query(groupBy: [.referenceArea, .citizenship, .sex], filters: [.event: [returned]])
        var cells = 0
        let yearSamples = Samples(
            (0..<runs).map { _ in elapsed { cells = cube.sum(byYear, for: .public).cells.count } })
        let yearCells = cells
        let sexSamples = Samples(
            (0..<runs).map { _ in elapsed { cells = cube.sum(bySex, for: .public).cells.count } })
        say(
            "   (a) area × event × year: \(yearCells) cells, median \(Format.duration(yearSamples.median)); RET_RECV by area × citizenship × sex: \(cells) cells, median \(Format.duration(sexSamples.median))"
        )

        // Keys in the generator's order (already sorted, as a file written in key order) and the same
        // rows in a fixed random order: numpy sorts the same keys in the same order each time.
        let shuffled = Self.shuffled(cube.table)
        var keyTimes: [String: Double] = [:]
        for (name, table) in [("in order", cube.table), ("shuffled", shuffled)] {
            var duplicates = -1
            let samples = Samples(
                (0..<max(3, runs / 2)).map { _ in elapsed { duplicates = table.duplicateKeyCount(in: structure) } })
            keyTimes[name] = samples.median
            say(
                "   (b) duplicate-key check of \(Format.grouped(table.count)) keys \(name) (bitmap over the dense key space): \(duplicates) duplicates, median \(Format.duration(samples.median))"
            )
        }
        try fixture.writeColumns(to: workspace)
        try Self.writeKeys(cube.table, structure: structure, to: workspace.path("keys.u64"))
        try Self.writeKeys(shuffled, structure: structure, to: workspace.path("shuffled.u64"))
        let event = structure.codelist(.event).position(of: returned)!
        let queryReference = try reference(python, ["cube", workspace.url.path, String(runs), String(event)])
        let sortReferences = try ["keys.u64", "shuffled.u64"].map {
            try reference(python, ["sort", workspace.path($0), String(max(3, runs / 2))])
        }

        var outcomes: [Outcome] = []
        let querySummary = "(a) cube queries on \(Format.grouped(cube.table.count)) observations: ≤ DuckDB, ≥ 5× pandas"
        if let queryReference, let pandasYear = queryReference["pandas_area_event_year"] as? Double,
            let pandasSex = queryReference["pandas_event_area_citizenship_sex"] as? Double
        {
            var checks: [Check] = []
            if let duckYear = queryReference["duckdb_area_event_year"] as? Double,
                let duckSex = queryReference["duckdb_event_area_citizenship_sex"] as? Double
            {
                say(
                    "   (a) DuckDB (\(queryReference["duckdb_threads"] ?? "?") threads, table in its memory): \(Format.duration(duckYear)) and \(Format.duration(duckSex))"
                )
                checks.append(
                    Check(
                        name: "area×event×year vs DuckDB", isMet: yearSamples.median <= duckYear,
                        figure:
                            "\(Format.duration(yearSamples.median)) vs \(Format.duration(duckYear)) (\(Format.ratio(duckYear / yearSamples.median)) faster; needs ≥ 1×)"
                    ))
                checks.append(
                    Check(
                        name: "event by area×citizenship×sex vs DuckDB", isMet: sexSamples.median <= duckSex,
                        figure:
                            "\(Format.duration(sexSamples.median)) vs \(Format.duration(duckSex)) (\(Format.ratio(duckSex / sexSamples.median)) faster; needs ≥ 1×)"
                    ))
            } else {
                say("   (a) DuckDB: not available (\(queryReference["duckdb_skipped"] ?? "?")); its checks are skipped")
            }
            say("   (a) pandas: \(Format.duration(pandasYear)) and \(Format.duration(pandasSex))")
            checks.append(
                Check(
                    name: "area×event×year vs pandas", isMet: pandasYear / yearSamples.median >= 5,
                    figure: "\(Format.ratio(pandasYear / yearSamples.median)) faster (needs ≥ 5×)"))
            checks.append(
                Check(
                    name: "event by area×citizenship×sex vs pandas", isMet: pandasSex / sexSamples.median >= 5,
                    figure: "\(Format.ratio(pandasSex / sexSamples.median)) faster (needs ≥ 5×)"))
            for check in checks { say("   (a) \(check)") }
            outcomes.append(Outcome(.statistics, checks: checks, summary: querySummary))
        } else {
            outcomes.append(Outcome(.statistics, .skipped, querySummary + ": pandas/numpy not available"))
        }
        let keySummary = "(b) duplicate-key check ≤ numpy sort of the same keys"
        let numpy = sortReferences.map { $0?["numpy_sort"] as? Double }
        if let inOrder = numpy[0], let random = numpy[1] {
            let checks = [("in order", inOrder), ("shuffled", random)].map { name, reference in
                let ours = keyTimes[name]!
                return Check(
                    name: "keys \(name) vs numpy.sort", isMet: ours <= reference,
                    figure:
                        "accord \(Format.duration(ours)) (whole check), numpy.sort \(Format.duration(reference)): \(Format.ratio(ours / reference)) (needs ≤ 1×)"
                )
            }
            for check in checks { say("   (b) \(check)") }
            outcomes.append(Outcome(.statistics, checks: checks, summary: keySummary))
        } else {
            outcomes.append(Outcome(.statistics, .skipped, keySummary + ": numpy not available"))
        }
        return outcomes
    }

    /// The first `count` observations of `table`.
    static func prefix(_ table: ObservationTable, _ count: Int) -> ObservationTable {
        let count = min(count, table.count)
        return ObservationTable(
            codes: table.codes.map { Array($0.prefix(count)) }, periods: Array(table.periods.prefix(count)),
            values: Array(table.values.prefix(count)), statuses: Array(table.statuses.prefix(count)),
            units: Array(table.units.prefix(count)))
    }

    /// The rows of `table` in a fixed pseudo-random order (a Fisher–Yates shuffle from a fixed seed).
    static func shuffled(_ table: ObservationTable) -> ObservationTable {
        var permutation = Array(0..<table.count)
        var state: UInt64 = 0xC0FFEE
        for index in stride(from: permutation.count - 1, to: 0, by: -1) {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            permutation.swapAt(index, Int((state >> 33) % UInt64(index + 1)))
        }
        func gather<T>(_ column: [T]) -> [T] { permutation.map { column[$0] } }
        return ObservationTable(
            codes: table.codes.map(gather), periods: gather(table.periods), values: gather(table.values),
            statuses: gather(table.statuses), units: gather(table.units))
    }

    /// The same 64-bit keys the duplicate check packs, for numpy to sort.
    static func writeKeys(_ table: ObservationTable, structure: DataStructure, to path: String) throws {
        let keys = table.packedKeys(in: structure)
        try keys.withUnsafeBytes { try Data($0).write(to: URL(fileURLWithPath: path)) }
    }

    /// Runs the reference script; nil when there is no Python, the JSON otherwise (SKIPPED parts say why).
    private func reference(_ python: String?, _ arguments: [String]) throws -> [String: Any]? {
        guard let python else { return nil }
        let script = workspace.path("statistics_reference.py")
        if !FileManager.default.fileExists(atPath: script) {
            try Data(StatisticsReference.script.utf8).write(to: URL(fileURLWithPath: script))
        }
        let finished = try Subprocess.run(python, [script] + arguments)
        guard finished.status == 0,
            let object = try? JSONSerialization.jsonObject(with: Data(finished.output.utf8)) as? [String: Any]
        else { throw BenchmarkError("the Python reference \(arguments[0]) failed (status \(finished.status))") }
        if let reason = object["skipped"] as? String {
            say("   python \(arguments[0]): skipped: \(reason)")
            return nil
        }
        return object
    }

    /// The Python to run the references with.
    static func python() -> String? {
        if let chosen = ProcessInfo.processInfo.environment["ACCORD_BENCHMARK_PYTHON"] { return chosen }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        for venv in ["conformance-venv", "stats-venv"] {
            let path = root.appendingPathComponent(".build/\(venv)/bin/python").path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return Subprocess.find("python3")
    }
}

/// The process's memory from /proc/self/status.
enum Memory {
    /// VmRSS in bytes.
    static func resident() -> Int { field("VmRSS:") }
    /// VmHWM (the peak of VmRSS since the last reset) in bytes.
    static func peak() -> Int { field("VmHWM:") }
    /// Resets VmHWM to the current VmRSS (writing 5 to /proc/self/clear_refs).
    static func resetPeak() { try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8) }

    private static func field(_ name: String) -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = text.split(separator: "\n").first(where: { $0.hasPrefix(name) })
        else { return 0 }
        return (Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0) * 1_024
    }
}

/// The seconds `body` took, for the benchmarks that run synchronously.
func elapsed(_ body: () throws -> Void) rethrows -> Double {
    let begin = now()
    try body()
    return now() - begin
}

import Foundation

/// The benchmarks the issue sets targets for, in the order they run and are reported.
enum Target: Int, CaseIterable, Comparable {
    case verify = 1
    case durableAppend = 2
    case planView = 3
    case serveMemory = 4
    case revisionCheck = 5
    case editionComparison = 6
    case document = 7
    case page = 8
    case statistics = 9
    case search = 10
    case reports = 11

    static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// What the command line asked for.
struct Options: Sendable {
    /// A smoke run: a small ledger and short loops, to check that every benchmark works end to end.
    var isQuick = false
    /// The `accord` executable to start for the memory benchmark; nil looks in the root package's build folders.
    var accordPath: String?
    /// The folder under which the benchmark's temporary folder is made: it decides which disk is measured.
    var directory = FileManager.default.temporaryDirectory
    var targets = Set(Target.allCases)
    /// Leaves the temporary folder in place, so that its databases can be inspected or profiled afterwards.
    var keepsFiles = false
    var wantsHelp = false

    static let usage = """
        usage: accord-benchmarks [--quick] [--only 1,3] [--accord PATH] [--directory DIR] [--keep]

          --quick           a smoke run: 5,000 ledger entries and short loops instead of 100,000 and full ones
          --only LIST       run only these targets (1 verify, 2 durable appends, 3 plan view, 4 serve memory,
                            5 revision check, 6 edition comparison, 7 plan DOCX,
                            8 pages, 9 statistics, 10 search, 11 report matrix and compilation)
          --accord PATH     the accord executable for target 4 (default: the root package's
                            .build/release/accord, then .build/debug/accord)
          --directory DIR   where to put the temporary SQLite files; the disk under it is the one measured
                            (default: the system's temporary folder)
          --keep            leave that folder and its databases in place at the end (e.g. to run
                            `accord verify --database-url DIR/…/verify.sqlite` under a profiler)
        """

    /// How many ledger entries target 1 appends and verifies.
    var ledgerEntries: Int { isQuick ? 5_000 : 100_000 }
    /// How long target 2 runs each of its loops.
    var durableSeconds: Double { isQuick ? 0.5 : 2.5 }
    /// How many times target 3 builds each view.
    var viewRuns: Int { isQuick ? 15 : 50 }

    init(_ arguments: some Sequence<String>) throws {
        var iterator = arguments.makeIterator()
        func value(for flag: String) throws -> String {
            guard let value = iterator.next() else { throw UsageError("\(flag) needs a value") }
            return value
        }
        while let argument = iterator.next() {
            switch argument {
            case "--quick": isQuick = true
            case "--accord": accordPath = try value(for: argument)
            case "--directory": directory = URL(fileURLWithPath: try value(for: argument), isDirectory: true)
            case "--only":
                let list = try value(for: argument)
                let chosen = list.split(separator: ",").map { Int($0).flatMap(Target.init(rawValue:)) }
                guard !chosen.isEmpty, chosen.allSatisfy({ $0 != nil }) else {
                    throw UsageError("--only takes target numbers from 1 to 9 separated by commas, not '\(list)'")
                }
                targets = Set(chosen.compactMap { $0 })
            case "--keep": keepsFiles = true
            case "--help", "-h": wantsHelp = true
            default: throw UsageError("unknown argument '\(argument)'")
            }
        }
    }
}

/// A command line the benchmarks cannot run with.
struct UsageError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// The problems found in one upload, each rule's first `limit` kept with their place, all of them counted.
///
/// A file whose STRUCTURE_ID is wrong on every one of 100,000 rows should say so a thousand times at most,
/// and still say how many rows it concerns.
public struct ProblemList: Sendable {
    /// How many problems of one rule are kept with their row and column.
    public static let limit = 1_000

    public private(set) var problems: [Problem] = []
    /// How many problems each rule found, kept or not.
    public private(set) var counts: [Rule: Int] = [:]
    public private(set) var errorCount = 0

    public init() {}

    public mutating func append(_ problem: Problem) {
        let count = counts[problem.rule, default: 0]
        counts[problem.rule] = count + 1
        if problem.isError { errorCount += 1 }
        if count < Self.limit { problems.append(problem) }
    }

    /// Appends the problems of a later part of the same file, whose rows were counted from 1 at its start:
    /// `rows` lines come before it.
    public mutating func append(contentsOf other: ProblemList, rowsAfter rows: Int) {
        var kept = counts.mapValues { min($0, Self.limit) }
        for var problem in other.problems where kept[problem.rule, default: 0] < Self.limit {
            kept[problem.rule, default: 0] += 1
            problem.row = problem.row.map { $0 + rows }
            problems.append(problem)
        }
        counts.merge(other.counts, uniquingKeysWith: +)
        errorCount += other.errorCount
    }

    /// Appends the problems of another check of the same rows.
    public mutating func append(contentsOf other: ProblemList) { append(contentsOf: other, rowsAfter: 0) }

    /// The problems kept, errors first, each kind by row: the order a person reads them in.
    public var inReadingOrder: [Problem] {
        problems.enumerated().sorted { a, b in
            (a.element.isError ? 0 : 1, a.element.row ?? 0, a.offset) < (
                b.element.isError ? 0 : 1, b.element.row ?? 0, b.offset
            )
        }.map(\.element)
    }

    public var hasErrors: Bool { errorCount > 0 }
    public var errors: [Problem] { problems.filter(\.isError) }
    public var warnings: [Problem] { problems.filter { !$0.isError } }
}

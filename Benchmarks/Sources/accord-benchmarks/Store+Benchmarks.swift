import AccordCore
import AccordStore
import Logging

extension Store {
    /// Opens (and migrates) a fresh SQLite store at `path`, logging only warnings so the report stays readable.
    static func benchmark(at path: String) async throws -> Store {
        var logger = Logger(label: "accord-benchmarks")
        logger.logLevel = .warning
        return try await Store.open(.sqlite(path: path), logger: logger)
    }

    /// Appends `changes` in transactions of `batch` changes: setup, not a measurement.
    func append(_ changes: [ProposedChange], inBatchesOf batch: Int) async throws {
        var start = changes.startIndex
        while start < changes.endIndex {
            let end = min(start + batch, changes.endIndex)
            try await append(Array(changes[start..<end]))
            start = end
        }
    }
}

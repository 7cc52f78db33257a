import Foundation

/// Work that does not depend on its neighbours, spread over the cores.
enum Parallel {
    /// `body` of consecutive ranges covering `0..<count`, one range per core, in order.
    ///
    /// Runs inline, as one range, when there are fewer than `minimum` items per core: too little work to be
    /// worth a task.
    static func chunks<T: Sendable>(
        _ count: Int, minimum: Int = 32, _ body: @escaping @Sendable (Range<Int>) -> T
    ) async -> [T] {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let parts = min(cores, count / max(1, minimum))
        guard parts > 1 else { return [body(0..<count)] }
        return await withTaskGroup(of: (Int, T).self) { group in
            for part in 0..<parts {
                let range = (count * part / parts)..<(count * (part + 1) / parts)
                group.addTask { (part, body(range)) }
            }
            var results: [T?] = Array(repeating: nil, count: parts)
            for await (part, value) in group { results[part] = value }
            return results.map { $0! }
        }
    }

    /// `transform` of every index below `count`, in index order, computed a chunk per core.
    static func map<T: Sendable>(_ count: Int, _ transform: @escaping @Sendable (Int) -> T) async -> [T] {
        Array(await chunks(count) { range in range.map(transform) }.joined())
    }
}

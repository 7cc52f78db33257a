import Synchronization

/// A first-come, first-served lock for async code.
///
/// Actors are re-entrant across `await`, so an actor alone cannot keep two appends from interleaving
/// between reading the ledger head and committing; this lock can. It is not an actor itself: taking a free
/// lock is one mutex operation on the caller's thread, where an actor would move the task to the actor and
/// back around every append, which costs about as much as a small SQLite write.
final class AsyncLock: Sendable {
    private struct State {
        var isLocked = false
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    private let state = Mutex(State())

    func withLock<R>(_ body: () async throws -> R) async rethrows -> R {
        await acquire()
        defer { release() }
        return try await body()
    }

    private func acquire() async {
        let acquired = state.withLock { state in
            guard !state.isLocked else { return false }
            state.isLocked = true
            return true
        }
        guard !acquired else { return }
        await withCheckedContinuation { continuation in
            // The lock may have been released between the two checks: then take it at once.
            let acquired = state.withLock { state in
                guard state.isLocked else {
                    state.isLocked = true
                    return true
                }
                state.waiters.append(continuation)
                return false
            }
            if acquired { continuation.resume() }
        }
    }

    /// Hands the lock to the first waiter, still locked, or unlocks it.
    private func release() {
        let next = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard !state.waiters.isEmpty else {
                state.isLocked = false
                return nil
            }
            return state.waiters.removeFirst()
        }
        next?.resume()
    }
}

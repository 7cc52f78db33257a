import NIOCore
import NIOPosix

/// A thread of its own for the async code that asks for it: the thread a SQLite connection works on.
///
/// SQLite's C interface blocks: a commit waits for the disk, and a writer waits up to the busy timeout for
/// another process's lock. Run on this thread, that waiting never holds up the cooperative pool the rest
/// of the process shares, and a transaction of several statements hands work between threads only twice
/// (there and back) instead of twice for every statement.
final class ThreadExecutor: Sendable {
    /// One event loop is simply a thread with a queue of jobs.
    private let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    private let loop: any EventLoop

    init() {
        loop = group.next()
    }

    /// The event loop of the thread, for APIs that want one (SQLKit's `SQLDatabase.eventLoop`).
    var eventLoop: any EventLoop { loop }

    /// Runs `body` on this thread: its synchronous work, and every async function it awaits that is not
    /// isolated to an actor. Child tasks it starts inherit the thread unless they ask for another executor.
    func run<R>(_ body: () async throws -> R) async rethrows -> R {
        if #available(macOS 15, *) {
            return try await withTaskExecutorPreference(self, operation: body)
        }
        // Without task executors (before macOS 15) the work runs on the caller's thread instead.
        return try await body()
    }

    /// Stops the thread once the jobs already queued have run.
    func shutdown() async {
        try? await group.shutdownGracefully()
    }
}

@available(macOS 15, *)
extension ThreadExecutor: TaskExecutor {
    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        loop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}

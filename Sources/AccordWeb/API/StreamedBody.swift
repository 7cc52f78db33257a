import AccordStatistics
import Dispatch
import Hummingbird
import Synchronization

/// A response body written by one of the statistics writers, which hand their bytes to a sink in chunks of
/// about 64 KB: the writer runs on a thread of its own and waits while `window` chunks are still on their way
/// to the client, so a large answer is never whole in memory and a slow client slows the writer down.
///
/// Whatever can fail (the query, the disclosure control, the cube) is done before the body starts: once the
/// status line is sent, an error can only cut the response short.
enum StreamedBody {
    /// How many chunks may wait to be sent.
    static let window = 8

    static func body(_ write: @escaping @Sendable (@escaping ByteSink) throws -> Void) -> ResponseBody {
        ResponseBody { writer in
            let (chunks, continuation) = AsyncThrowingStream<[UInt8], any Error>.makeStream()
            let gate = Gate(window: window)
            DispatchQueue.global().async {
                do {
                    try write { chunk in
                        try gate.enter()
                        continuation.yield(Array(chunk))
                    }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            // However the loop ends (the client gone, say), the writer is let go rather than left waiting.
            defer { gate.close() }
            for try await chunk in chunks {
                try await writer.write(ByteBuffer(bytes: chunk))
                gate.leave()
            }
            try await writer.finish(nil)
        }
    }

    /// Counts the chunks under way; `enter` blocks the writer's thread while the window is full.
    private final class Gate: Sendable {
        private let slots: DispatchSemaphore
        private let isClosed = Atomic<Bool>(false)

        init(window: Int) {
            // Made empty and then filled: libdispatch stops the process when a semaphore is freed with a value
            // below the one it was made with, which a response cut short would leave.
            slots = DispatchSemaphore(value: 0)
            for _ in 0..<window { slots.signal() }
        }

        func enter() throws {
            if isClosed.load(ordering: .acquiring) { throw CancellationError() }
            slots.wait()
            if isClosed.load(ordering: .acquiring) { throw CancellationError() }
        }

        func leave() { slots.signal() }

        func close() {
            isClosed.store(true, ordering: .releasing)
            slots.signal()
        }
    }
}

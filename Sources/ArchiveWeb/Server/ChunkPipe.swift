import ArchiveCore
import Foundation
import Hummingbird
import NIOCore

/// Carries a response body from the archive's blocking writer (an export, a user's
/// SQL as CSV or JSON) on a worker thread to the async task that sends it. The writer
/// appends bytes; every 64 KB they become a chunk. At most `depth` chunks wait: past
/// that the writer blocks until the client has taken one, so a slow client slows the
/// export instead of filling memory, and a client that goes away stops it. A client
/// that takes nothing for `stallLimit` is given up on: the writer stops, its worker
/// thread is free again, and the connection is closed without the body's proper end.
///
/// `@unchecked Sendable`, and why that is safe: `pending`, `isFinished`, `failure`,
/// `isCancelled` and `waiter` are read and written only with `condition` locked;
/// `buffer` belongs to the writer alone (one worker thread writes one body, and the
/// reader never touches it).
final class ChunkPipe: ByteSink, @unchecked Sendable {
    static let chunkSize = 1 << 16
    static let depth = 4

    /// The writer gives up: the response is no longer wanted.
    struct Cancelled: Error {}

    /// The client took nothing for the stall limit.
    struct Stalled: Error {}

    private let stallLimit: TimeInterval

    private let condition = NSCondition()
    private var pending: [ByteBuffer] = []
    private var isFinished = false
    private var failure: (any Error)?
    private var isCancelled = false
    private var waiter: CheckedContinuation<ByteBuffer?, any Error>?
    private var buffer: [UInt8] = []

    init(stallLimit: Duration) {
        self.stallLimit = stallLimit.inSeconds
        buffer.reserveCapacity(Self.chunkSize + 4096)
    }

    // MARK: The writer's side (a worker thread)

    func append(_ byte: UInt8) { buffer.append(byte) }

    func append(contentsOf bytes: UnsafeRawBufferPointer) { buffer.append(contentsOf: bytes) }

    func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        try flushIfFull()
    }

    func flushIfFull() throws {
        if buffer.count >= Self.chunkSize { try send() }
    }

    /// Sends what is left and ends the body.
    func finish() throws {
        if !buffer.isEmpty { try send() }
        condition.lock()
        isFinished = true
        let waiting = waiter
        waiter = nil
        condition.unlock()
        waiting?.resume(returning: nil)
    }

    /// Ends the body with an error: before the first chunk it becomes the response's
    /// status; after it, the connection is closed without the body's proper end.
    func fail(_ error: any Error) {
        condition.lock()
        if !isFinished { failure = error }
        isFinished = true
        let waiting = waiter
        waiter = nil
        condition.unlock()
        waiting?.resume(throwing: error)
    }

    private func send() throws {
        let chunk = ByteBuffer(bytes: buffer)
        buffer.removeAll(keepingCapacity: true)
        condition.lock()
        let deadline = Date(timeIntervalSinceNow: stallLimit)
        while pending.count >= Self.depth && !isCancelled {
            if !condition.wait(until: deadline), pending.count >= Self.depth {
                // The response task fails on this instead of ending the body as if whole.
                failure = Stalled()
                isFinished = true
                isCancelled = true
                pending = []
            }
        }
        if isCancelled {
            condition.unlock()
            throw Cancelled()
        }
        if let waiting = waiter {
            waiter = nil
            condition.unlock()
            waiting.resume(returning: chunk)
        } else {
            pending.append(chunk)
            condition.unlock()
        }
    }

    // MARK: The reader's side (the response task)

    /// The next chunk; nil at the end of the body.
    func next() async throws -> ByteBuffer? {
        try await withCheckedThrowingContinuation { continuation in
            condition.lock()
            if !pending.isEmpty {
                let chunk = pending.removeFirst()
                condition.signal()
                condition.unlock()
                continuation.resume(returning: chunk)
            } else if let failure {
                condition.unlock()
                continuation.resume(throwing: failure)
            } else if isFinished || isCancelled {
                condition.unlock()
                continuation.resume(returning: nil)
            } else {
                waiter = continuation
                condition.unlock()
            }
        }
    }

    /// The response is not wanted any more: the writer stops at its next chunk.
    func cancel() {
        condition.lock()
        isCancelled = true
        pending = []
        let waiting = waiter
        waiter = nil
        condition.broadcast()
        condition.unlock()
        waiting?.resume(returning: nil)
    }

    /// The body of a response: `first` (already taken, to learn the status), then the
    /// rest as it comes. Dropping the body unsent cancels the writer too.
    func responseBody(first: ByteBuffer?) -> ResponseBody {
        let owner = Owner(pipe: self)
        return ResponseBody { writer in
            if let first { try await writer.write(first) }
            while let chunk = try await owner.pipe.next() { try await writer.write(chunk) }
            try await writer.finish(nil)
        }
    }

    /// Cancels the pipe when the last reference to a response body goes.
    private final class Owner: Sendable {
        let pipe: ChunkPipe
        init(pipe: ChunkPipe) { self.pipe = pipe }
        deinit { pipe.cancel() }
    }
}

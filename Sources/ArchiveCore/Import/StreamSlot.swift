import Foundation

/// Carries the stream of one member of a compressed tar, positioned by the writer
/// thread, to the reader thread that imports the member.
///
/// `@unchecked Sendable` because a `ByteStream` is not Sendable: the writer `put`s the
/// stream before it starts that member's reader thread, the reader thread `take`s it,
/// and the writer uses the tar stream again only after the reader's last message (sent
/// after its last read, through `BatchChannel`'s lock), or never (after a failure the
/// rest of the bundle is left to the next run). One thread uses the stream at a time.
final class StreamSlot: @unchecked Sendable {
    private let lock = NSLock()
    private var stream: ByteStream?

    func put(_ stream: ByteStream) {
        lock.withLock { self.stream = stream }
    }

    func take(_ name: String) throws(ReadError) -> ByteStream {
        let stream = lock.withLock { () -> ByteStream? in
            defer { self.stream = nil }
            return self.stream
        }
        guard let stream else { throw ReadError(path: name, reason: "the member's stream was not handed over") }
        return stream
    }
}
